"""The procedure currency chart: its numbers against hand-computed values, the small-group
rule (and that a hidden team cannot be rebuilt from the organisation's figure), its table,
and its downloads."""

from datetime import date, datetime

import pytest

from extensions import db
from reports import catalog
from reports.build import Context
from reports.filters import CycleInfo, Filters
from reviews.models import ProcedureRequest, ProcedureVersion
from tests import factories

from .conftest import make_procedure

Q1 = CycleInfo(901, "2026 Q1", date(2026, 1, 1), date(2026, 3, 31), "closed")
Q2 = CycleInfo(902, "2026 Q2", date(2026, 4, 1), date(2026, 6, 30), "closed")


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 10, 0)


@pytest.fixture
def history(org):
    """The Service Desk (Kadri, Mari, Jaan, Uku) and Application Support (Olev, Peeter) were
    asked to confirm version 1 on 1 February and version 2 on 1 May:

    ======  ==========  ==========
    person  v1 (1 Feb)  v2 (1 May)
    ======  ==========  ==========
    Kadri   5 Feb       2 May
    Mari    10 Apr      20 Jun
    Jaan    3 Feb       3 May
    Uku     —           —
    Olev    10 Feb      5 May
    Peeter  —           6 May
    ======  ==========  ==========
    """
    uku = factories.user("staff", name="Uku Uus", team=org.desk)
    procedure = make_procedure(org.leader, teams=[org.desk, org.apps], publish=False)
    versions = [
        ProcedureVersion(procedure=procedure, number=n, title="P", body="B", due_on=due,
                         published_at=when)
        for n, when, due in ((1, at(2, 1), date(2026, 2, 15)), (2, at(5, 1), date(2026, 5, 15)))
    ]  # fmt: skip
    db.session.add_all(versions)
    db.session.flush()
    confirmed = {
        org.kadri: (at(2, 5), at(5, 2)),
        org.mari: (at(4, 10), at(6, 20)),
        org.jaan: (at(2, 3), at(5, 3)),
        uku: (None, None),
        org.olev: (at(2, 10), at(5, 5)),
        org.peeter: (None, at(5, 6)),
    }
    for person, (first, second) in confirmed.items():
        for version, when, closed in ((versions[0], first, at(5, 1)), (versions[1], second, None)):
            db.session.add(
                ProcedureRequest(
                    procedure_id=procedure.id, version_id=version.id, user_id=person.id,
                    team_id=person.team_id, requested_at=version.published_at,
                    due_on=version.due_on, confirmed_at=when, closed_at=closed,
                )
            )  # fmt: skip
    db.session.commit()
    return org


def _numbers(org, min_size=3, teams=None):
    spec = catalog.get("procedure-currency")
    ctx = Context([Q1, Q2], min_size, {"kind": "org"})
    filters = Filters(cycle_ids=(Q1.id, Q2.id), team_ids=teams)
    frame = spec.build(db.session, spec.normalise(filters), ctx).frame
    names = {org.desk.id: "desk", org.apps.id: "apps"}
    return {
        (row["cycle"], "org" if row["total"] else names[int(row["team_id"])]): (
            None if row["hidden"] else (row["n_people"], row["n_current"], round(row["share"], 2))
        )
        for row in frame.to_dict("records")
    }


def test_the_numbers_are_those_counted_by_hand(history):
    assert _numbers(history, min_size=2) == {
        # End of Q1 (version 1): desk Kadri and Jaan of four; apps Olev of two.
        ("2026 Q1", "org"): (6, 3, 50.0),
        ("2026 Q1", "desk"): (4, 2, 50.0),
        ("2026 Q1", "apps"): (2, 1, 50.0),
        # End of Q2 (version 2): desk all but Uku; apps both.
        ("2026 Q2", "org"): (6, 5, 83.33),
        ("2026 Q2", "desk"): (4, 3, 75.0),
        ("2026 Q2", "apps"): (2, 2, 100.0),
    }


def test_a_small_team_is_hidden_and_cannot_be_rebuilt_from_the_organisation(history):
    numbers = _numbers(history, min_size=3)
    # Application Support (two people) is hidden; so is the Service Desk, or the
    # organisation's figure minus the desk's would give Application Support's back.
    assert numbers[("2026 Q1", "apps")] is None and numbers[("2026 Q1", "desk")] is None
    assert numbers[("2026 Q1", "org")] == (6, 3, 50.0)
    assert numbers[("2026 Q2", "org")] == (6, 5, 83.33)


def test_a_managers_view_of_one_team_hides_it_too(history):
    numbers = _numbers(history, min_size=3, teams=(history.desk.id,))
    assert set(numbers) == {("2026 Q1", "org"), ("2026 Q1", "desk"), ("2026 Q2", "org"),
                            ("2026 Q2", "desk")}  # fmt: skip
    assert all(value is None for value in numbers.values())


def test_the_table_shows_the_hidden_mark_not_the_number(history, app):
    spec = catalog.get("procedure-currency")
    ctx = Context([Q1, Q2], 3, {"kind": "org"})
    data = spec.build(db.session, Filters(cycle_ids=(Q1.id, Q2.id)), ctx)
    with app.test_request_context():
        table = spec.table(data)
        shown = [[table.display(v, c) for v, c in zip(row, table.columns, strict=True)]
                 for row in table.rows]  # fmt: skip
    assert shown[0] == ["2026 Q1", "Organisation", "6", "3", "50.0"]
    assert ["2026 Q1", "Application Support", "hidden", "hidden", "hidden"] in shown


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "png"])
def test_leadership_downloads_it_in_every_format(history, client, login_as, fmt):
    for info in (Q1, Q2):
        cycle = factories.cycle(info.name, start=info.period_start)
        cycle.period_end, cycle.status = info.period_end, "closed"
    db.session.commit()
    login_as(history.leader)
    response = client.get(f"/reports/download/procedure-currency.{fmt}")
    assert response.status_code == 200, response.status_code
    if fmt == "csv":
        lines = response.get_data(as_text=True).splitlines()
        assert "2026 Q2,Organisation,6,5,83.3" in lines
        assert any(line.startswith('2026 Q1,Application Support,"hidden') for line in lines)
    else:
        assert len(response.get_data()) > 1000


def test_the_chart_page_is_there_for_a_manager(history, client, login_as):
    login_as(history.kadri)
    page = client.get("/reports/")
    assert page.status_code == 200
    assert 'id="chart-procedure-currency"' in page.get_data(as_text=True)


def test_publishing_confirming_and_the_daily_run_give_the_chart_a_new_data_version(org):
    from reports import cache

    def version() -> int:
        return cache.versions(db.session, (cache.PROCEDURES,))[cache.PROCEDURES]

    start = version()
    procedure = make_procedure(org.leader, teams=[org.desk])  # requests inserted in bulk
    published = version()
    assert published > start
    from reviews.services.procedures import reading, reminders

    reading.confirm(org.mari, procedure, 1)
    db.session.commit()
    assert version() > published
    confirmed = version()
    factories.user("staff", name="Uus Inimene", team=org.desk)
    reminders.run_daily()
    db.session.commit()
    assert version() > confirmed  # a newcomer asked


def test_telling_people_twice_tells_nobody_twice(org):
    from sqlalchemy import func, select

    from reviews.models import Notification
    from reviews.services.procedures import reading

    procedure = make_procedure(org.leader, teams=[org.desk])
    people = [org.kadri.id, org.mari.id, org.jaan.id]
    assert reading.notify_requests(procedure.current.id, people) == 0  # the job already did
    db.session.commit()
    count = select(func.count(Notification.id)).where(Notification.kind == "procedure_published")
    assert db.session.scalar(count) == 3
