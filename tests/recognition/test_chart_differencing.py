"""The recognition chart's small-group rule holds across views: what to hide is decided over
the whole organisation, whichever teams the viewer chose, so no figure of one view less one
of another gives a small team back.

The organisation: Alfa (Anna, Ants: 2 people — small) and Bravo (Boris, Bea, Ben, Berk,
Bert, Bill: 6) are both Boris's; Charlie (Cecilia, Cora, Cid, Cy: 4) is Cecilia's. Each
team's people were recognised for the first competency: Alfa 2, Bravo 3, Charlie 1.

Before the fix, Boris's view of both his teams showed their total (5; Alfa and Bravo hidden
beside each other), and his view of Bravo alone showed Bravo (3): 5 − 3 = Alfa's 2. Leadership
could do the same with the organisation's total less Bravo alone and Charlie alone."""

import numpy as np
import pytest

from extensions import db
from reports import catalog
from reports.build import Context
from reports.filters import Filters, report_cycles
from reports.recognition import TOTAL
from reviews import access
from tests import factories
from tests.organisation import TeamPlan, build_org, open_cycle

from .conftest import give

PLAN = {
    "bravo": TeamPlan("Bravo", "Boris Boss", ("Bea Berg", "Ben Bach", "Berk Bay", "Bert Bo", "Bill By")),
    "alfa": TeamPlan("Alfa", "Boris Boss", ("Anna Alt", "Ants Aru")),
    "charlie": TeamPlan("Charlie", "Cecilia Cook", ("Cora Cole", "Cid Cox", "Cy Cruz")),
}  # fmt: skip
SPEC = catalog.get("recognition")
MIN_SIZE = 3


@pytest.fixture
def org(app):
    factories.framework()
    org = build_org(PLAN)
    org.cycle = open_cycle("2026 Q4")
    for giver, recipient in (
        (org.bea, org.anna), (org.ben, org.ants),  # Alfa: 2
        (org.anna, org.bea), (org.cora, org.ben), (org.ants, org.berk),  # Bravo: 3
        (org.bill, org.cid),  # Charlie: 1
    ):  # fmt: skip
        give(giver, recipient, 0)
    return org


def _view(org, team_ids) -> list[tuple[frozenset[int], int | None]]:
    """The "all competencies" figures of one view: (the teams it sums, its count or None)."""
    kind = "org" if team_ids is None else "teams"
    ctx = Context(report_cycles(db.session), MIN_SIZE, {"kind": kind})
    filters = Filters(cycle_ids=(org.cycle.id,), team_ids=team_ids)
    frame = SPEC.build(db.session, filters, ctx).frame
    rows = frame[frame["competency_id"] == 0].to_dict("records")
    teams = frozenset(int(r["team_id"]) for r in rows if r["team_id"] != TOTAL)
    figures = []
    for row in rows:
        units = teams if row["team_id"] == TOTAL else frozenset({int(row["team_id"])})
        figures.append((units, None if row["hidden"] else int(row["count"])))
    return figures


def _rebuilds(figures, team_id: int, every: list[int]) -> bool:
    """Can ``team_id``'s figure be had by adding and subtracting the shown figures? (Its
    indicator vector lies in the span of theirs.)"""
    shown = [[1.0 if u in units else 0.0 for u in every] for units, n in figures if n is not None]
    if not shown:
        return False
    target = [1.0 if u == team_id else 0.0 for u in every]
    matrix = np.array(shown)
    return np.linalg.matrix_rank(np.vstack([matrix, target])) == np.linalg.matrix_rank(matrix)


def test_a_managers_two_views_differenced_do_not_give_the_small_team(org):
    alfa, bravo = org.alfa.id, org.bravo.id
    mine = tuple(sorted(access.report_scope(org.boris).team_ids))
    assert set(mine) == {alfa, bravo}
    both, bravo_alone = _view(org, mine), _view(org, (bravo,))
    total = next(n for units, n in both if units == {alfa, bravo})
    bravo_row = next(n for units, n in bravo_alone if units == {bravo})
    # The example of the review: total less Bravo would be Alfa's 2. One of them is hidden now.
    assert total is None or bravo_row is None
    assert (total, bravo_row) == (None, 3)  # Alfa's hidden partner is Charlie, not Bravo
    every = [alfa, bravo, org.charlie.id]
    assert not _rebuilds([*both, *bravo_alone, *_view(org, (alfa,))], alfa, every)


def test_leaderships_single_team_views_do_not_give_the_small_team(org):
    every = [org.alfa.id, org.bravo.id, org.charlie.id]
    figures = _view(org, None)
    for team_id in every:
        figures += _view(org, (team_id,))
    figures += _view(org, (org.alfa.id, org.bravo.id))  # a manager's set too
    assert not _rebuilds(figures, org.alfa.id, every)
    # The organisation's total is shown, and less the teams shown leaves Alfa with Charlie.
    org_view = dict(_view(org, None))
    assert org_view[frozenset(every)] == 6
    assert org_view[frozenset({org.bravo.id})] == 3
    assert org_view[frozenset({org.alfa.id})] is None
    assert org_view[frozenset({org.charlie.id})] is None


def _hidden_rows(figures) -> set[int]:
    return {u for units, n in figures if n is None and len(units) == 1 for u in units}


def test_the_hidden_teams_are_the_same_whoever_looks(org):
    hidden = _hidden_rows
    whole = hidden(_view(org, None))
    assert whole == {org.alfa.id, org.charlie.id}
    for team_ids in ((org.alfa.id, org.bravo.id), (org.bravo.id,), (org.charlie.id,)):
        assert hidden(_view(org, team_ids)) == whole & set(team_ids)
