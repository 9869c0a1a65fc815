"""Cycles and reviews for ``seed-scale``: one closed cycle per past quarter with its snapshot of
the framework and scale, and in every cycle one complete review per person with a manager,
held by the manager and team of that time. Each review has self and manager ratings for every
competency of the snapshot (noisy draws around the person's level, see ``scores``), short
texts, and strength and improvement notes tagged with the competencies they concern.

Review ids are computed, not counted: 1 + cycle index x people + person index, so the ideas
builder can link an idea to a review without keeping 400,000 of them in memory."""

import random
from dataclasses import dataclass, field
from datetime import timedelta

from . import scale_texts as texts
from .scale_org import BUSY_DIP, Org, Person, TeamProfile
from .scores import BASE_LEVEL
from .timeline import Quarter, office_hours

SELF_SPREAD, MANAGER_SPREAD = 0.45, 0.35  # as in the demo: people rate themselves less evenly
NOT_APPLICABLE = 0.003  # share of (review, competency) pairs rated "not applicable" by both
DISAGREES = 0.15  # share of reviews with a gap of 2+ points where the employee says so
EXTRA_NOTE = 0.4  # share of reviews with a second strength

REVIEW_COLUMNS = (
    "id", "cycle_id", "employee_id", "manager_id", "team_id", "version", "self_strengths",
    "self_improvements", "self_suggestions", "manager_summary", "private_note",
    "employee_comment", "employee_disagrees", "self_submitted_at", "manager_submitted_at",
    "shared_at", "acknowledged_at", "amended_at", "updated_at", "created_at",
    "meeting_suggestions",
)  # fmt: skip
RATING_COLUMNS = ("id", "review_id", "cycle_competency_id", "source", "value",
                  "not_applicable", "comment")  # fmt: skip
NOTE_COLUMNS = ("id", "review_id", "kind", "text", "position", "source")
TAG_COLUMNS = ("note_id", "cycle_competency_id")

Scores = list[tuple[int | None, int | None]]  # (self, manager) per competency


@dataclass(frozen=True)
class Snapshot:
    """A cycle as the review builder needs it: its quarter and its competencies."""

    index: int
    cycle_id: int
    quarter: Quarter
    skills: tuple[tuple[int, str], ...]  # (cycle competency id, name), in position order
    top: int  # highest value of the scale
    phrases: tuple[str, ...]  # the names as they read inside a sentence


@dataclass
class CycleRows:
    reviews: list[tuple] = field(default_factory=list)
    ratings: list[tuple] = field(default_factory=list)
    notes: list[tuple] = field(default_factory=list)
    tags: list[tuple] = field(default_factory=list)


@dataclass
class ReviewWriter:
    """Writes the rows of one cycle at a time; rating and note ids run on across cycles.

    This is the seed's hot loop (400,000 reviews, 6.4 million ratings), so it keeps to local
    names and caches the filled-in texts, which repeat: a text depends only on its template
    and the competencies it names. The random draws are the same, in the same order."""

    rng: random.Random
    org: Org
    rating_id: int = 0
    note_id: int = 0
    filled: dict[tuple, str] = field(default_factory=dict)  # (template, *positions) -> text
    names: tuple[str, ...] = ()  # the competency names ``filled`` holds texts for

    def review_id(self, snapshot_index: int, person: Person) -> int:
        return 1 + snapshot_index * len(self.org.people) + person.index

    def cycle(self, snap: Snapshot) -> CycleRows:
        rows = CycleRows()
        if snap.phrases != self.names:
            self.filled, self.names = {}, snap.phrases
        for person in self.org.people:
            self._review(rows, snap, person)
        return rows

    def _review(self, rows: CycleRows, snap: Snapshot, person: Person) -> None:
        review_id = self.review_id(snap.index, person)
        team = person.team_at(snap.index)
        scores = self._scores(person, self.org.profiles[team], snap)
        rating_id, append = self.rating_id, rows.ratings.append
        for (skill, _), (mine, theirs) in zip(snap.skills, scores, strict=True):
            append((rating_id + 1, review_id, skill, "self", mine, mine is None, ""))
            append((rating_id + 2, review_id, skill, "manager", theirs, theirs is None, ""))
            rating_id += 2
        self.rating_id = rating_id
        boss = self.org.leader_of[team] if person.manager else self.org.manager_of[team]
        head = (review_id, snap.cycle_id, person.user_id, boss, team, 1)
        best, worst = _extremes(scores)
        texts_ = self._texts(snap, scores, best, worst)
        rows.reviews.append(head + texts_ + self._timestamps(snap.quarter) + ("",))
        self._notes(rows, review_id, snap, len(scores), best, worst)

    def _scores(self, person: Person, profile: TeamProfile, snap: Snapshot) -> Scores:
        """Self and manager ratings around the person's level for each competency: their own
        strengths, their team's profile and trend, their growth, and the team's busy quarter."""
        random_, gauss, top, index = self.rng.random, self.rng.gauss, snap.top, snap.index
        base = BASE_LEVEL + person.level - (BUSY_DIP if snap.quarter.number == profile.busy else 0)
        growth, bias = person.growth, person.bias
        traits = zip(person.offsets, profile.offsets, profile.slopes, strict=True)
        scores = []
        for offset, team_offset, slope in traits:
            if random_() < NOT_APPLICABLE:
                scores.append((None, None))
                continue
            level = base + offset + team_offset + (growth + slope) * index
            mine = round(level + bias + gauss(0, SELF_SPREAD))
            theirs = round(level + gauss(0, MANAGER_SPREAD))
            mine = top if mine > top else 1 if mine < 1 else mine
            theirs = top if theirs > top else 1 if theirs < 1 else theirs
            scores.append((mine, theirs))
        return scores

    def _fill(self, template: str, snap: Snapshot, best: int, worst: int, other: int = 0) -> str:
        """``template`` with the competencies at these positions (cached per snapshot names)."""
        key = (template, best, worst, other)
        text = self.filled.get(key)
        if text is None:
            words = {"best": snap.phrases[best], "Best": snap.skills[best][1]}
            words |= {"worst": snap.phrases[worst], "Worst": snap.skills[worst][1]}
            words |= {"other": snap.phrases[other], "competency": snap.phrases[other]}
            text = self.filled[key] = template.format(**words)
        return text

    def _texts(self, snap: Snapshot, scores: Scores, best: int, worst: int) -> tuple:
        """The self-assessment texts, the manager's summary and any recorded disagreement."""
        rng = self.rng
        rated = [theirs for _, theirs in scores if theirs is not None] or [3]
        tone = texts.summary_tone(sum(rated) / len(rated))
        gaps = [(m - t, i) for i, (m, t) in enumerate(scores) if m is not None and t is not None]
        gap, widest = max(gaps, default=(0, 0))
        disagrees = gap >= 2 and rng.random() < DISAGREES
        strengths = rng.choice(texts.SELF_STRENGTHS)
        improvements = rng.choice(texts.SELF_IMPROVEMENTS)
        return (
            self._fill(strengths, snap, best, worst),
            self._fill(improvements, snap, best, worst),
            rng.choice(texts.SELF_SUGGESTIONS),
            self._fill(texts.MANAGER_SUMMARY.replace("{tone}", tone), snap, best, worst),
            "",
            self._fill(texts.DISAGREEMENT, snap, 0, 0, widest) if disagrees else "",
            disagrees,
        )

    def _timestamps(self, quarter: Quarter) -> tuple:
        """Self-assessment, manager assessment, sharing and acknowledgement, in that order, on
        working days in the last five weeks of the quarter, before the cycle closed."""
        rng, opened = self.rng, quarter.opened_at
        self_at = office_hours(rng, opened + timedelta(days=rng.uniform(2, 12)), opened)
        manager_at = office_hours(rng, self_at + timedelta(days=rng.uniform(1, 7)), self_at)
        shared = office_hours(rng, manager_at + timedelta(days=rng.uniform(0, 2)), manager_at)
        acknowledged = office_hours(rng, shared + timedelta(days=rng.uniform(0, 3)), shared)
        acknowledged = min(acknowledged, quarter.closed_at)
        return (self_at, manager_at, shared, acknowledged, None, acknowledged, opened)

    def _notes(self, rows: CycleRows, review_id: int, snap: Snapshot, count: int, best: int,
               worst: int) -> None:  # fmt: skip
        """A strength tagged with the best-rated competency, an improvement tagged with the
        worst, and sometimes a second strength tagged with two competencies."""
        rng = self.rng
        other = rng.randrange(count)
        notes = [("strength", rng.choice(texts.STRENGTH_NOTES), (best,))]
        notes.append(("improvement", rng.choice(texts.IMPROVEMENT_NOTES), (worst,)))
        if rng.random() < EXTRA_NOTE:
            tagged = (best,) if other == best else tuple(sorted((best, other)))
            notes.insert(1, ("strength", texts.EXTRA_STRENGTH, tagged))
        note_id, skills = self.note_id, snap.skills
        for position, (kind, template, tagged) in enumerate(notes):
            note_id += 1
            text = self._fill(template, snap, best, worst, other)
            rows.notes.append((note_id, review_id, kind, text, position, "manager"))
            rows.tags += [(note_id, skills[i][0]) for i in tagged]
        self.note_id = note_id


def _extremes(scores: Scores) -> tuple[int, int]:
    """Positions of the highest and the lowest manager rating (first on ties)."""
    best = worst = -1
    high = low = 0
    for i, (_, theirs) in enumerate(scores):
        if theirs is None:
            continue
        if best < 0 or theirs > high:
            best, high = i, theirs
        if worst < 0 or theirs < low:
            worst, low = i, theirs
    return (best, worst) if best >= 0 else (0, 0)
