"""The app keeps the access policy of ``reviews.policy``: every route is in the table, and every
route, as every role (and a visitor who has not signed in), on their own object, one in their
charge and someone else's, by GET and by POST, is allowed or refused as the table says — and a
refused POST changes nothing.

Refused means 403 or 404 for someone signed in, the sign-in page for a visitor. Anything else
(a page, a redirect, 400 for a form left empty) is allowed; 5xx is always a failure."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from flask import url_for
from sqlalchemy import select, text

from app import create_app
from extensions import db
from reports import catalog
from reviews import access
from reviews.models import (
    ActionItem,
    Competency,
    Notification,
    OutboundEmail,
    PeopleImport,
    Recognition,
    ReportExport,
    User,
    utcnow,
)
from reviews.models.training import TrainingRecord
from reviews.policy import ANONYMOUS, MANAGED, OTHER, OWN, POLICY, REPORT_TEAM, URL_OBJECTS
from reviews.services.ideas import contributions as idea_service
from tests import factories
from tests.conftest import csrf_token
from tests.organisation import build_org, cycle_reviews
from tests.procedures.conftest import make_procedure

# Who plays each role: the help desk of tests.organisation (Kadri manages Mari and Jaan in the
# Service Desk, Olev manages Peeter in Application Support, Liis leads both managers).
PLAYERS = {"staff": "mari", "manager": "kadri", "leadership": "liis", "admin": "anu"}
ROLES = (ANONYMOUS, *PLAYERS)

# For each kind of object, the one each role tries as their own, in their charge, someone
# else's (keys of the world below; a role without such an object has no such case).
PICKS = {
    "review": {  # by its employee; Liis writes the managers' reviews
        "staff": {OWN: "mari", OTHER: "jaan"},
        "manager": {OWN: "kadri", MANAGED: "mari", OTHER: "peeter"},
        "leadership": {MANAGED: "kadri", OTHER: "mari"},
        "admin": {OTHER: "mari"},
    },
    "cycle": {  # "open" has a review of Mari's and Kadri's; "draft" of nobody's
        "staff": {OWN: "open", OTHER: "draft"},
        "manager": {OWN: "open", OTHER: "draft"},
        "leadership": {OTHER: "draft"},
        "admin": {OTHER: "open"},
    },
    "idea": {  # by author: Mari's anonymous one is for the Service Desk, Kadri's and
        # Peeter's for Application Support, Liis's for the Service Desk
        "staff": {OWN: "anonymous", OTHER: "peeter"},
        "manager": {OWN: "kadri", MANAGED: "anonymous", OTHER: "peeter"},
        "leadership": {OWN: "liis", OTHER: "peeter"},
        "admin": {OTHER: "anonymous"},
    },
    "follow link": {  # Mari's anonymous idea's
        "staff": {OWN: "anonymous"},
        **{role: {OTHER: "anonymous"} for role in ("manager", "leadership", "admin")},
    },
    "notification": {  # by whose inbox
        "staff": {OWN: "mari", OTHER: "jaan"},
        "manager": {OWN: "kadri", OTHER: "olev"},
        "leadership": {OWN: "liis", OTHER: "kadri"},
        "admin": {OWN: "anu", OTHER: "mari"},
    },
    "report export": {  # by who asked: Liis the organisation's, Kadri the Service Desk's
        "staff": {OTHER: "kadri"},
        "manager": {OWN: "kadri", OTHER: "liis"},
        "leadership": {OWN: "liis", OTHER: "kadri"},
        "admin": {OTHER: "liis"},
    },
    "person": {
        **{
            role: {OWN: key, OTHER: "jaan" if key != "jaan" else "mari"}
            for role, key in PLAYERS.items()
        },
        "manager": {OWN: "kadri", MANAGED: "mari", OTHER: "peeter"},  # a person they manage
    },
    "team": {
        "staff": {OTHER: "apps"},
        "manager": {MANAGED: "desk", OTHER: "apps"},
        "leadership": {OTHER: "apps"},
        "admin": {OTHER: "apps"},
    },
    "competency": {role: {OTHER: "first"} for role in PLAYERS},
    "recognition": {  # by recipient: Jaan recognised Mari and Peeter, Mari recognised Kadri
        "staff": {OWN: "mari", OTHER: "peeter"},
        "manager": {OWN: "kadri", MANAGED: "mari", OTHER: "peeter"},
        "leadership": {MANAGED: "kadri", OTHER: "peeter"},
        "admin": {OTHER: "mari"},
    },
    "procedure": {  # by the team it applies to: Mari and Kadri are in the Service Desk
        "staff": {OWN: "desk", OTHER: "apps"},
        "manager": {MANAGED: "desk", OTHER: "apps"},
        "leadership": {OTHER: "apps"},
        "admin": {OTHER: "apps"},
    },
    "action item": {  # by its review's employee (each review has one, owned by the employee)
        "staff": {OWN: "mari", OTHER: "jaan"},
        "manager": {OWN: "kadri", MANAGED: "mari", OTHER: "peeter"},
        "leadership": {MANAGED: "kadri", OTHER: "mari"},
        "admin": {OTHER: "mari"},
    },
    "e-mail": {role: {OTHER: "first"} for role in PLAYERS},
    "people import": {role: {OTHER: "first"} for role in PLAYERS},
}
PICKS[REPORT_TEAM] = PICKS["team"]
PICKS["training record"] = {  # by whose training it is
    "staff": {OWN: "mari", OTHER: "peeter"},
    "manager": {OWN: "kadri", MANAGED: "mari", OTHER: "peeter"},
    "leadership": {OTHER: "mari"},
    "admin": {OTHER: "mari"},
}
# A manager's staff is a person in their charge (their training history).
PICKS["person"]["manager"] = {OWN: "kadri", MANAGED: "mari", OTHER: "peeter"}
# A visitor who has not signed in tries the admin's "someone else's" object.
for picks in PICKS.values():
    picks[ANONYMOUS] = {OTHER: picks["admin"][OTHER]}

# Tables a refused request may still write to: the audit trail records refusals.
MAY_CHANGE_ON_REFUSAL = {"audit_events"}


def _rules() -> list[tuple[str, str, str]]:
    """(endpoint, method, object kind or "") for every GET and POST of the app."""
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    found = []
    for rule in app.url_map.iter_rules():
        policy = POLICY.get(rule.endpoint)
        for method in sorted((rule.methods or set()) & {"GET", "POST"}):
            found.append((rule.endpoint, method, policy.obj if policy and policy.obj else ""))
    return sorted(found)


RULES = _rules()


def _cases():
    for endpoint, method, kind in RULES:
        if endpoint not in POLICY:
            continue  # test_every_route_is_in_the_policy_table says so
        for role in ROLES:
            relations = PICKS[kind][role] if kind else {None: None}
            for relation in relations:
                name = f"{endpoint}-{method}-{role}" + (f"-{relation}" if relation else "")
                yield pytest.param(endpoint, method, role, relation, id=name)


# --- The table names every route, and only routes ------------------------------------------


def test_every_route_is_in_the_policy_table(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert sorted(endpoints - POLICY.keys()) == [], "routes missing from reviews/policy.py"
    assert sorted(POLICY.keys() - endpoints) == [], "the table names routes that do not exist"


FORM_OBJECTS = {"ideas.suggest": "review"}


def test_the_table_names_the_object_of_every_route_that_takes_one(app):
    for rule in app.url_map.iter_rules():
        policy = POLICY[rule.endpoint]
        named = {URL_OBJECTS[arg] for arg in rule.arguments if arg in URL_OBJECTS}
        if named:
            assert {policy.obj} == named, rule.endpoint
        elif rule.endpoint in FORM_OBJECTS:  # the object's number is in the posted form
            assert policy.obj == FORM_OBJECTS[rule.endpoint], rule.endpoint
        else:
            assert policy.obj in (None, REPORT_TEAM), rule.endpoint
        if policy.obj:
            assert policy.obj in PICKS, f"{rule.endpoint}: no objects to try for {policy.obj}"


# --- Every route × role × object, against the table -----------------------------------------


@pytest.fixture
def world(app):
    """The help desk with an open cycle whose reviews are all acknowledged (the step where the
    most people see the most), a draft cycle, ideas (Mari's anonymous), notifications, an
    e-mail and two report exports; as plain ids and keys.

    Built through the builders (``tests.organisation``) by the first case; every later case gets
    a copy of the rows it left, which keeps five hundred cases to about a minute."""
    if not _SAVED:
        _SAVED["world"] = _build_world()
        _SAVED["rows"] = {
            table: [row._asdict() for row in db.session.execute(table.select())]
            for table in db.metadata.sorted_tables
        }
    else:
        _restore(_SAVED["rows"])
    return _SAVED["world"]


_SAVED: dict = {}


def _restore(rows) -> None:
    with db.engine.begin() as conn:
        for table, table_rows in rows.items():
            if table_rows:
                conn.execute(table.insert(), table_rows)
        if conn.dialect.name == "postgresql":  # new rows must not reuse the copied ids
            for table, table_rows in rows.items():
                if table_rows and "id" in table.c:
                    conn.execute(
                        text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :n)"),
                        {"t": table.name, "n": max(r["id"] for r in table_rows)},
                    )


def _build_world() -> SimpleNamespace:
    org = build_org(cycle="2026 Q4")
    people = {**org.managers, **org.people, "liis": org.leader, "anu": org.admin}
    now = utcnow() - timedelta(minutes=5)
    for review in cycle_reviews(org.cycle):
        review.self_submitted_at = review.manager_submitted_at = now
        review.shared_at = review.acknowledged_at = now
        review.action_items.append(
            ActionItem(description="Shadow a colleague", owner_id=review.employee_id)
        )
    draft = factories.cycle("2027 Q1")
    ideas, token = {}, None
    for key, author, team, anonymous in (
        ("anonymous", org.mari, org.desk, True),
        ("kadri", org.kadri, org.apps, False),
        ("peeter", org.peeter, org.apps, False),
        ("liis", org.leader, org.desk, False),
    ):
        submitted = idea_service.submit_idea(
            author, title=f"Idea by {key}", description="An idea.", category="process",
            team=team, anonymous=anonymous,
        )  # fmt: skip
        ideas[key] = submitted.idea
        token = submitted.follow_token or token
    notes = {key: Notification(user_id=p.id, kind="test", url="/") for key, p in people.items()}
    mail = OutboundEmail(recipient="x@example.com", subject="s", body="b", message_id="m")
    upload = PeopleImport(user_id=org.admin.id, filename="people.csv", content="", status="done")
    exports = {
        key: ReportExport(
            user_id=people[key].id,
            cycle_id=org.cycle.id,
            team_id=team,
            locale="en",
            status="done",
            filename="report.pdf",
            content=b"%PDF-1.4",
        )  # fmt: skip
        for key, team in (("liis", None), ("kadri", org.desk.id))
    }
    recognitions = {
        key: Recognition(
            giver=giver,
            recipient=people[key],
            team_id=people[key].team_id,
            message="Thank you for your help.",
            competencies=[db.session.scalars(select(Competency)).first()],
        )  # fmt: skip
        for key, giver in (("mari", org.jaan), ("kadri", org.mari), ("peeter", org.jaan))
    }
    trainings = {
        key: TrainingRecord(person_id=people[key].id, title="Course", taken_on=now.date())
        for key in ("mari", "kadri", "peeter")
    }
    db.session.add_all(
        [
            *notes.values(),
            mail,
            upload,
            *exports.values(),
            *recognitions.values(),
            *trainings.values(),
        ]
    )
    db.session.commit()
    procedures = {
        key: make_procedure(org.leader, f"Procedure for {key}", teams=[team])
        for key, team in (("desk", org.desk), ("apps", org.apps))
    }
    by_id = {p.id: key for key, p in people.items()}
    return SimpleNamespace(
        emails={key: p.email for key, p in people.items()},
        roles={key: frozenset(p.roles) for key, p in people.items()},
        ids={key: p.id for key, p in people.items()},
        reviews={by_id[r.employee_id]: r.id for r in cycle_reviews(org.cycle)},
        review_people={
            by_id[r.employee_id]: (r.employee_id, r.manager_id) for r in cycle_reviews(org.cycle)
        },
        cycles={"open": org.cycle.id, "draft": draft.id},
        ideas={key: idea.id for key, idea in ideas.items()},
        idea_teams={key: idea.team_id for key, idea in ideas.items()},
        idea_authors={key: idea.author_id for key, idea in ideas.items()},
        token=token,
        notes={key: note.id for key, note in notes.items()},
        exports={key: export.id for key, export in exports.items()},
        teams={key: team.id for key, team in org.teams.items()},
        competency=db.session.scalars(select(Competency.id)).first(),
        mail=mail.id,
        people_import=upload.id,
        recognitions={key: r.id for key, r in recognitions.items()},
        procedures={key: p.id for key, p in procedures.items()},
        trainings={key: record.id for key, record in trainings.items()},
        items={by_id[r.employee_id]: r.action_items[0].id for r in cycle_reviews(org.cycle)},
    )


def _object(world, kind: str, key: str):
    """The URL value naming object ``key`` of ``kind``."""
    values = {
        "review": world.reviews,
        "cycle": world.cycles,
        "idea": world.ideas,
        "notification": world.notes,
        "report export": world.exports,
        "person": world.ids,
        "team": world.teams,
        REPORT_TEAM: world.teams,
        "recognition": world.recognitions,
        "procedure": world.procedures,
        "training record": world.trainings,
        "action item": world.items,
    }
    if kind in values:
        return values[kind][key]
    return {
        "follow link": world.token,
        "competency": world.competency,
        "e-mail": world.mail,
        "people import": world.people_import,
    }[kind]


def _request(app, world, endpoint: str, role: str, relation: str | None):
    """The URL and the form data of this case."""
    kind = POLICY[endpoint].obj
    value = _object(world, kind, PICKS[kind][role][relation]) if kind else None
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    others = {
        "name": catalog.TEAM_CHARTS[0].name,
        "fmt": "csv",
        "filename": "css/print.css",
        "key": "not-a-link",
    }
    args = {arg: value if arg in URL_OBJECTS else others[arg] for arg in rule.arguments}
    form = {}
    if endpoint in FORM_OBJECTS:
        form = {"review": value}
    elif kind == REPORT_TEAM and endpoint == "reports.cycle_report":
        form = {"team": value, "cycle": world.cycles["open"]}
    elif kind == REPORT_TEAM:
        args["team"] = value
    with app.test_request_context():
        return url_for(endpoint, **args), form


def _snapshot() -> dict[str, list[str]]:
    """Every row of every table (but those a refusal may write to)."""
    return {
        table.name: sorted(map(repr, db.session.execute(table.select())))
        for table in db.metadata.sorted_tables
        if table.name not in MAY_CHANGE_ON_REFUSAL
    }


def _refused(response, role: str) -> bool:
    if role == ANONYMOUS:
        return response.status_code == 302 and "/login" in response.headers["Location"]
    return response.status_code in (403, 404)


@pytest.mark.parametrize(("endpoint", "method", "role", "relation"), list(_cases()))
def test_route_answers_as_the_policy_says(
    app, client, login_as, world, endpoint, method, role, relation
):
    policy = POLICY[endpoint]
    held: frozenset[str] = frozenset()
    if role != ANONYMOUS:
        login_as(SimpleNamespace(email=world.emails[PLAYERS[role]]))
        held = world.roles[PLAYERS[role]]
    url, form = _request(app, world, endpoint, role, relation)
    before = None
    if method == "POST":
        form["csrf_token"] = csrf_token(client, "/login")
        before = _snapshot()
        response = client.post(url, data=form)
    else:
        response = client.get(url)
    response.close()
    case = (endpoint, method, role, relation, url, response.status_code)
    assert response.status_code < 500, case
    allowed = policy.allows(held, relation)
    if policy.silent and role != ANONYMOUS:
        assert not _refused(response, role), case  # the same answer, whoever's it is
    else:
        assert _refused(response, role) is not allowed, case
    if before is not None and not allowed:
        db.session.expire_all()
        assert _snapshot() == before, f"a refused POST changed something: {case}"


def test_the_objects_tried_are_what_the_cases_call_them(world):
    """Each review, idea and export tried relates to its role's player as PICKS says."""
    managed = {
        key: access.managed_team_ids(db.session.get(User, i)) for key, i in world.ids.items()
    }

    def relation(kind: str, person: str, key: str) -> str:
        me = world.ids[person]
        if kind in ("review", "action item"):  # an item is by its review's employee
            employee, manager = world.review_people[key]
            return OWN if employee == me else MANAGED if manager == me else OTHER
        if kind == "idea":
            if world.idea_teams[key] in managed[person]:
                return MANAGED
            mine = world.idea_authors[key] == me or (key == "anonymous" and person == "mari")
            return OWN if mine else OTHER
        return OWN if key == person else OTHER  # exports and notifications, by owner

    for kind in ("review", "action item", "idea", "report export", "notification"):
        for role, person in PLAYERS.items():
            for wanted, key in PICKS[kind][role].items():
                assert relation(kind, person, key) == wanted, (kind, role, key)
