"""The idea charts place an idea in the cycle whose period holds the day it was submitted,
by a ``created_at`` range from the first moment of the period's first day to just before
the day after its last: the edges of two adjacent periods, and ideas outside every period."""

from datetime import date, datetime, timedelta

from extensions import db
from reports import queries
from reports.filters import Filters
from tests import factories

from .conftest import make_idea


def test_ideas_fall_in_the_period_of_their_day(org):
    q1, q2 = factories.cycle("Q1", start=date(2026, 1, 1)), factories.cycle("Q2")
    q1.period_start, q1.period_end = date(2026, 1, 1), date(2026, 3, 31)
    q2.period_start, q2.period_end = date(2026, 4, 1), date(2026, 6, 30)
    tick = timedelta(microseconds=1)
    moments = {
        "before": datetime(2026, 1, 1) - tick,
        "q1 first": datetime(2026, 1, 1),
        "q1 last": datetime(2026, 4, 1) - tick,
        "q2 first": datetime(2026, 4, 1),
        "q2 last": datetime(2026, 7, 1) - tick,
        "after": datetime(2026, 7, 1),
    }
    for name, moment in moments.items():
        make_idea(org.mari, name, team=org.apps if "last" in name else org.desk).created_at = moment
    db.session.commit()

    filters = Filters(cycle_ids=(q1.id, q2.id), cycle_id=q2.id)
    pipeline = queries.idea_pipeline(db.session, filters).set_index("cycle_id")
    assert pipeline["submitted"].to_dict() == {q1.id: 2, q2.id: 2}
    breakdown = queries.idea_breakdown(db.session, filters)
    teams = breakdown[breakdown["by"] == "team"].set_index("key")["submitted"].to_dict()
    assert teams == {str(org.desk.id): 2, str(org.apps.id): 2}
    only_q2 = Filters(cycle_ids=(q2.id,), cycle_id=q2.id, team_ids=(org.apps.id,))
    assert queries.idea_pipeline(db.session, only_q2)["submitted"].tolist() == [1]
    assert queries.idea_pipeline(db.session, Filters()).empty  # no cycles: no rows, no error
