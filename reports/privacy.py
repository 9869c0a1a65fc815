"""Complementary suppression: which teams' figures are hidden so that no small group can be
rebuilt by subtracting one download from another.

A *slice* is one cycle × measure × competency ("manager" or "self" ratings of a competency,
"pair" for the self-vs-manager gap, "people:<measure>" for the people behind a group's
"all competencies" figures, "reviews" for review progress). Its *units* are the teams of
the time, and NO_TEAM for reviews without one; every figure a viewer can download is a sum
over a set of units: the organisation (all of them), one team, or a manager's teams.

In each slice the units behind fewer than ``min_size`` people (but more than none) are
hidden — and, when that alone would let the organisation's figure minus the shown teams
give one small group back (one hidden unit, or hidden units of fewer than ``min_size``
people together), the smallest other unit too. A figure over a set of units is then shown
only if the set holds none of the hidden units or all of them: every sum a viewer can form
from shown figures holds the hidden units all together or not at all, so what can be
rebuilt is at most their total — at least ``min_size`` people. When even all the units
together are too few (``short``), everything that touches them is hidden.

An "all competencies" figure is a sum over the competencies too, so it is shown only when
none of its competencies' figures is hidden for the same set of units.

A source's ratings are its pairs (the gap chart's figures) and its unpaired ratings (the
"unpaired:<source>" slice), and a figure over all of them (trend, heatmap, distribution)
holds both, so two of those over different teams less a gap figure could leave a few
unpaired ratings. Such a figure therefore also holds the unpaired slice's hidden units all
together or not at all (``splits``); and the gap chart's figures are hidden where the
trend's are. When all unpaired ratings together are too few (``short``), the gap figures
that touch them are hidden, so each stays tied to its own pairs in every sum; one with no
pairs beside it is a small group of the source's slice, kept there."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

Key = tuple[int, str, int]  # cycle_id, measure, competency_id (0: all competencies)


@dataclass(frozen=True)
class Slice:
    units: frozenset[int]
    short: bool  # the hidden units together are still fewer than min_size people


def hidden_units(small: Mapping[int, int], smallest_other: tuple[int, int] | None, min_size: int):
    """The units to hide in one slice, given its small units (unit → people, each
    0 < people < min_size) and the smallest other unit with people (unit, people), if any."""
    units, people = set(small), sum(small.values())
    if units and (len(units) < 2 or people < min_size) and smallest_other is not None:
        units.add(smallest_other[0])
        people += smallest_other[1]
    return Slice(frozenset(units), people < min_size)


def splits(hidden: Slice | None, team_ids: Iterable[int] | None) -> bool:
    """Does a figure over ``team_ids`` (None: the whole organisation) hold some of the hidden
    units but not all of them? (What ``hides`` asks of a slice that is not ``short``.)"""
    if hidden is None or team_ids is None:
        return False
    group = set(team_ids)
    return bool(group & hidden.units) and not hidden.units <= group


def hides(hidden: Slice | None, team_ids: Iterable[int] | None) -> bool:
    """Must a figure over ``team_ids`` (None: the whole organisation) be hidden?"""
    if hidden is None or not hidden.units:
        return False
    if team_ids is None:
        return hidden.short
    group = set(team_ids)
    if not group & hidden.units:
        return False
    return hidden.short or not hidden.units <= group


@dataclass
class Hidden:
    """The hidden units of every slice of some cycles that has any."""

    slices: dict[Key, Slice] = field(default_factory=dict)

    def hides(self, key: Key, team_ids: Iterable[int] | None) -> bool:
        return hides(self.slices.get(key), team_ids)

    def splits(self, key: Key, team_ids: Iterable[int] | None) -> bool:
        return splits(self.slices.get(key), team_ids)

    def _competencies(self, cycle_id: int, measure: str) -> list[Slice]:
        return [
            part
            for (cycle, name, competency), part in self.slices.items()
            if cycle == cycle_id and name == measure and competency != 0
        ]

    def hides_total(self, cycle_id: int, measure: str, team_ids: Iterable[int] | None) -> bool:
        """Must an "all competencies" figure of ``measure`` over ``team_ids`` be hidden: its
        people are too few, or one of its competencies' figures is hidden?"""
        people = self.hides((cycle_id, "people:" + measure, 0), team_ids)
        return people or any(hides(p, team_ids) for p in self._competencies(cycle_id, measure))

    def splits_total(self, cycle_id: int, measure: str, team_ids: Iterable[int] | None) -> bool:
        """Does ``team_ids`` split the hidden units of one of ``measure``'s competencies?"""
        return any(splits(p, team_ids) for p in self._competencies(cycle_id, measure))
