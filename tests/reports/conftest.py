"""A small organisation built by hand, so every number behind every chart can be worked out
on paper (the expected values in the tests are computed in their comments).

Teams: Alpha (a1 a2 a3, managed by Maria), Beta (b1 b2 b3, managed by Boris) and Gamma
(c1 c2 — a team of two, also Boris's). b3 moves from Beta to Alpha after 2025 Q1, so his
Q1 ratings count for Beta and his Q2 ratings for Alpha. Liis is leadership, Anu admin.

Cycles: 2025 Q1 (competencies X Y Z), 2025 Q2 (X Y W: Z retired, W added), 2025 Q3 (closed,
no reviews: the empty cycle), 2025 Q4 (open, reviews at every step). "n/a" marks a "not
applicable" rating."""

from datetime import date, datetime
from types import SimpleNamespace

import pytest

from extensions import db
from reviews.models import (
    Competency,
    Cycle,
    CycleCompetency,
    CycleScaleLevel,
    Idea,
    Rating,
    Review,
    ReviewNote,
    utcnow,
)
from reviews.services.people import accounts as people_service
from tests import organisation
from tests.organisation import TeamPlan

NA = None
SCALE = [(1, "Poor"), (2, "Fair"), (3, "Good"), (4, "Very good"), (5, "Excellent")]

# Manager and self ratings per cycle: person → values in the cycle's competency order.
Q1 = ("X", "Y", "Z")
Q1_MANAGER = {
    "a1": (4, 3, 3), "a2": (3, NA, 3), "a3": (5, 3, 3),
    "b1": (2, 4, 3), "b2": (3, 4, 3), "b3": (4, 1, 3),
    "c1": (5, 2, 3), "c2": (5, 2, NA),
}  # fmt: skip
Q1_SELF = {
    "a1": (5, 4, 4), "a2": (4, 4, 4), "a3": (5, 4, 4),
    "b1": (3, 3, 3), "b2": (3, 3, 3), "b3": (4, 2, 4),
    "c1": (5, 2, 4), "c2": (5, 2, 4),
}  # fmt: skip
Q2 = ("X", "Y", "W")
Q2_MANAGER = {
    "a1": (5, 4, 2), "a2": (4, 4, 2), "a3": (5, 3, 3), "b3": (4, 2, 3),
    "b1": (3, 3, 4), "b2": (3, 5, 4),
    "c1": (4, 4, 4), "c2": (NA, 4, 4),
}  # fmt: skip
Q2_SELF = {person: (4, 4, 3) for person in Q2_MANAGER}
TEAMS_Q1 = {"a1": "alpha", "a2": "alpha", "a3": "alpha", "b1": "beta", "b2": "beta",
            "b3": "beta", "c1": "gamma", "c2": "gamma"}  # fmt: skip
TEAMS_NOW = {**TEAMS_Q1, "b3": "alpha"}
MANAGERS = {"alpha": "Maria Manager", "beta": "Boris Boss", "gamma": "Boris Boss"}


def _cycle(name, start, end, status, codes, competencies):
    cycle = Cycle(
        name=name, period_start=start, period_end=end, self_deadline=end,
        review_deadline=end, status=status,
    )  # fmt: skip
    db.session.add(cycle)
    db.session.flush()
    for position, code in enumerate(codes):
        competency = competencies[code]
        db.session.add(
            CycleCompetency(
                cycle=cycle, competency_id=competency.id, name=competency.name, position=position
            )
        )
    for value, label in SCALE:
        db.session.add(CycleScaleLevel(cycle_id=cycle.id, value=value, label=label))
    db.session.flush()
    return cycle


def _review(cycle, person, manager, team, *, steps=("self", "manager", "shared", "ack")):
    when = datetime.combine(cycle.period_end, datetime.min.time())
    review = Review(
        cycle=cycle, employee=person, manager=manager, team=team,
        self_submitted_at=when if "self" in steps else None,
        manager_submitted_at=when if "manager" in steps else None,
        shared_at=when if "shared" in steps else None,
        acknowledged_at=when if "ack" in steps else None,
    )  # fmt: skip
    db.session.add(review)
    return review


def _rate(review, cycle, values, source):
    snapshot = {cc.competency_id: cc for cc in cycle.competencies}
    for cc in sorted(snapshot.values(), key=lambda c: c.position):
        value = values[cc.position]
        db.session.add(
            Rating(
                review=review, competency=cc, source=source, value=value,
                not_applicable=value is None,
            )
        )  # fmt: skip


def _note(review, kind, cycle, *codes, competencies):
    ids = {competencies[code].id for code in codes}
    tags = [cc for cc in cycle.competencies if cc.competency_id in ids]
    db.session.add(ReviewNote(review=review, kind=kind, text=f"{kind} note", competencies=tags))


def build_org(names: dict | None = None) -> SimpleNamespace:
    """The organisation above; ``names`` may rename teams or competencies (e.g. to a
    spreadsheet formula)."""
    names = names or {}
    org = organisation.build_org(
        {
            team: TeamPlan(
                names.get(team, team.title()),
                MANAGERS[team],
                {key: f"Person {key.upper()}" for key, home in TEAMS_Q1.items() if home == team},
            )
            for team in MANAGERS
        }
    )
    teams, people, maria = org.teams, org.people, org.maria
    # b3 moves to Alpha: new team, new manager (his history stays with Beta and Boris).
    people["b3"].team = teams["alpha"]
    people_service.set_manager(people["b3"], maria, on=date(2025, 4, 1))
    competencies = {}
    for position, code in enumerate(("X", "Y", "Z", "W")):
        competencies[code] = Competency(name=names.get(code, f"Competency {code}"),
                                        position=position)  # fmt: skip
        db.session.add(competencies[code])
    competencies["Z"].retired_at = utcnow()
    db.session.flush()
    q1 = _cycle("2025 Q1", date(2025, 1, 1), date(2025, 3, 31), "closed", Q1, competencies)
    q2 = _cycle("2025 Q2", date(2025, 4, 1), date(2025, 6, 30), "closed", Q2, competencies)
    q3 = _cycle("2025 Q3", date(2025, 7, 1), date(2025, 9, 30), "closed", Q2, competencies)
    q4 = _cycle("2025 Q4", date(2025, 10, 1), date(2025, 12, 31), "open", Q2, competencies)
    managers = {team: org.managers[organisation.key_of(name)] for team, name in MANAGERS.items()}
    reviews = {}
    for key, team in TEAMS_Q1.items():
        review = _review(q1, people[key], managers[team], teams[team])
        _rate(review, q1, Q1_MANAGER[key], "manager")
        _rate(review, q1, Q1_SELF[key], "self")
        reviews["q1", key] = review
    for key, team in TEAMS_NOW.items():
        review = _review(q2, people[key], managers[team], teams[team])
        _rate(review, q2, Q2_MANAGER[key], "manager")
        _rate(review, q2, Q2_SELF[key], "self")
        reviews["q2", key] = review
    _open_cycle(q4, people, teams, managers, reviews)
    _notes(q1, reviews, competencies)
    _ideas(teams, people)
    db.session.commit()
    vars(org).update(competencies=competencies, q1=q1, q2=q2, q3=q3, q4=q4, reviews=reviews)
    return org


def _open_cycle(q4, people, teams, managers, reviews):
    """Alpha: a1 acknowledged, a2 shared, a3 self-assessed, b3 not started; Beta: b1
    manager-assessed, b2 not started; Gamma: c1 self-assessed, c2 not started."""
    steps = {
        "a1": ("self", "manager", "shared", "ack"), "a2": ("self", "manager", "shared"),
        "a3": ("self",), "b3": (), "b1": ("manager",), "b2": (), "c1": ("self",), "c2": (),
    }  # fmt: skip
    for key, team in TEAMS_NOW.items():
        review = _review(q4, people[key], managers[team], teams[team], steps=steps[key])
        reviews["q4", key] = review
        if "manager" in steps[key]:
            _rate(review, q4, (3, 3, 3), "manager")
        if "self" in steps[key]:
            _rate(review, q4, (4, 4, 4), "self")


def _notes(q1, reviews, competencies):
    """2025 Q1: strengths X (a1 twice, a2, c1 → 3 reviews), Y (a2); improvement areas Y (a1,
    b1 → 2 reviews), Z (a2)."""
    note = lambda key, kind, *codes: _note(  # noqa: E731
        reviews["q1", key], kind, q1, *codes, competencies=competencies
    )
    note("a1", "strength", "X")
    note("a1", "strength", "X")
    note("a1", "improvement", "Y")
    note("a2", "strength", "X", "Y")
    note("a2", "improvement", "Z")
    note("b1", "improvement", "Y")
    note("c1", "strength", "X")


def _ideas(teams, people):
    """2025 Q1: i1 implemented (2 days to respond, 10 to decide), i2 declined (4 and 10),
    i3 anonymous, under review, submitted on the period's last day (6 to respond). 2025 Q2:
    i4 waiting (submitted 30 minutes into the period). i5 was submitted before any cycle."""
    at = datetime
    rows = [
        ("i1", "alpha", "process", "implemented", at(2025, 1, 10), at(2025, 1, 12), at(2025, 1, 20), "a1"),
        ("i2", "alpha", "tools", "declined", at(2025, 2, 1), at(2025, 2, 5), at(2025, 2, 11), "a2"),
        ("i3", "beta", "tools", "under_review", at(2025, 3, 31, 10), at(2025, 4, 6, 10), None, None),
        ("i4", "gamma", "other", "submitted", at(2025, 4, 1, 0, 30), None, None, "c1"),
        ("i5", "alpha", "process", "submitted", at(2024, 12, 31, 23), None, None, "a1"),
    ]  # fmt: skip
    for title, team, category, status, created, response, decided, author in rows:
        db.session.add(
            Idea(
                title=title, description="…", category=category, team=teams[team],
                status=status, anonymous=author is None,
                author=people[author] if author else None, created_at=created,
                first_response_at=response, decided_at=decided,
            )
        )  # fmt: skip


@pytest.fixture
def small_charts(app, monkeypatch):
    """Charts drawn at a low resolution (quick), for this test only."""
    monkeypatch.setitem(app.config, "REPORT_PAGE_DPI", 20)
    monkeypatch.setitem(app.config, "REPORT_DOWNLOAD_DPI", 20)


@pytest.fixture
def org(app, small_charts):
    return build_org()


def chart_data(
    org,
    name: str,
    *,
    cycles=None,
    cycle=None,
    teams=None,
    competency=None,
    person=None,
    with_self=False,
    min_size=3,
):
    """The numbers behind chart ``name`` (no request, no cache)."""
    from reports import catalog
    from reports.build import Context
    from reports.filters import Filters, report_cycles

    spec = catalog.get(name)
    all_cycles = report_cycles(db.session)
    filters = Filters(
        cycle_ids=tuple(c.id for c in cycles) if cycles else (),
        cycle_id=cycle.id if cycle else None,
        team_ids=tuple(t.id for t in teams) if teams is not None else None,
        competency_id=org.competencies[competency].id if competency else None,
        person_id=person.id if person else None,
        with_self=with_self,
    )
    ctx = Context(all_cycles, min_size, {"kind": "org"})
    return spec.build(db.session, spec.normalise(filters), ctx)
