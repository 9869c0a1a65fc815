"""No main page runs more than MAX_QUERIES SQL statements, and none runs more when the data
grows: each page is counted in a small organisation, then again after adding many more
people, reviews, cycles, ideas, supports, comments and notifications.

Each page is requested once before it is counted, so what is counted is the steady state
(a cold report page fills its chart cache on the first view)."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import event

from extensions import db
from reviews.models import Cycle, Review
from reviews.services.cycles import flow as cycle_flow
from reviews.services.ideas import contributions as idea_service
from reviews.services.ideas import flow as idea_flow
from reviews.services.notifications import inbox as notify
from reviews.services.reviews import assessments
from reviews.services.reviews.assessments import ActionInput, NoteInput, RatingInput
from tests import factories

MAX_QUERIES = 15
# A review page also shows what happened between the reviews, one statement each: the
# employee's own tagged entries, the action items' competencies and where they were carried
# from, recognitions, procedures, trainings; for a manager also whether they may record
# trainings and open the person's history.
PAGE_MAX = {"review, employee": 16, "review, manager": 18}


def statements_of(client, url: str) -> list[str]:
    """The SQL statements one GET of ``url`` runs (after a first, warming GET)."""
    assert client.get(url).status_code == 200, url
    statements = []

    def counted(_conn, _cursor, statement, *_args):
        statements.append(" ".join(statement.split())[:150])

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        response = client.get(url)
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    assert response.status_code == 200, url
    return statements


# Building the organisation -------------------------------------------------------------


def _cycle(name: str, start: date, end: date) -> Cycle:
    cycle = factories.cycle(name)
    cycle.period_start, cycle.period_end = start, end
    cycle.self_deadline, cycle.review_deadline = end - timedelta(days=20), end - timedelta(days=5)
    db.session.commit()
    return cycle


def _write_review(review: Review, manager_too: bool = True) -> None:
    """A submitted self-assessment and (optionally) manager assessment with notes and an
    action item, through the services the pages use."""
    skills = review.cycle.competencies
    ratings = [RatingInput(c.id, 3) for c in skills]
    assessments.save_self_assessment(
        review, review.employee, version=review.version, ratings=ratings,
        notes=[NoteInput("strength", "Calm on the phone.", [skills[0].id]),
               NoteInput("improvement", "Shorter articles.")],
        suggestions="",
        submit=True,
    )  # fmt: skip
    db.session.commit()
    if not manager_too:
        return
    notes = [
        NoteInput("strength", "Handled the queue calmly.", [skills[0].id]),
        NoteInput("improvement", "Explain fixes without jargon.", [skills[1].id, skills[2].id]),
    ]
    actions = [ActionInput("De-escalation training", owner_id=review.employee_id)]
    assessments.save_manager_assessment(
        review, review.manager, version=review.version, ratings=ratings, notes=notes,
        actions=actions, summary="A reliable quarter.", private_note="Team lead material.",
        submit=True,
    )  # fmt: skip
    db.session.commit()


def _run_past_cycle(name: str, start: date) -> Cycle:
    """A cycle opened, fully written and closed, a year or more ago."""
    cycle = _cycle(name, start, start + timedelta(days=89))
    cycle_flow.open_cycle(None, cycle)
    db.session.commit()
    for review in db.session.query(Review).filter_by(cycle_id=cycle.id):
        _write_review(review)
    cycle_flow.close_cycle(None, cycle)
    db.session.commit()
    return cycle


def _ideas(authors, team, n: int, supporters, comments: int = 1) -> list:
    made = []
    for i in range(n):
        author = authors[i % len(authors)]
        idea = idea_service.submit_idea(
            author, title=f"Idea {i} of {author.name}", description="Make the queue calmer.",
            category=("tools", "process")[i % 2], team=team, anonymous=i % 5 == 4,
        ).idea  # fmt: skip
        for person in supporters:
            if person.id != author.id:
                idea_service.support(idea, person)
        for k in range(comments):
            idea_service.add_comment(idea, supporters[k % len(supporters)], f"Yes, {k}.")
        made.append(idea)
    db.session.commit()
    return made


def small_organisation() -> SimpleNamespace:
    """Kadri manages Mari and Jaan (Service Desk); Liis is leadership; one past cycle written
    and closed, the current one open with Mari's review written; a few ideas."""
    desk = factories.team("Service Desk")
    leader = factories.user("leadership", "staff", name="Liis Leader")
    kadri = factories.user("manager", "staff", name="Kadri Kask", team=desk, manager=leader)
    mari = factories.user("staff", name="Mari Tamm", team=desk, manager=kadri)
    jaan = factories.user("staff", name="Jaan Sepp", team=desk, manager=kadri)
    today = date.today()
    _run_past_cycle("Last year", today - timedelta(days=400))
    current = _cycle("Now", today - timedelta(days=60), today + timedelta(days=30))
    cycle_flow.open_cycle(None, current)
    db.session.commit()
    review = db.session.query(Review).filter_by(cycle_id=current.id, employee_id=mari.id).one()
    _write_review(review)
    ideas = _ideas([mari, jaan], desk, 3, supporters=[jaan, kadri, mari])
    idea_flow.move_idea(ideas[0], kadri, to_status="under_review", response="Looking at it.")
    db.session.commit()
    return SimpleNamespace(
        desk=desk, leader=leader, kadri=kadri, mari=mari, jaan=jaan, current=current,
        review=review, idea=ideas[0],
    )  # fmt: skip


def grow(o: SimpleNamespace) -> None:
    """Many more of everything every page shows: people in Kadri's team and a second team
    (added to the open cycle, some of their reviews written), older closed cycles, ideas
    with support and comments (also on the idea whose page is counted), notifications."""
    newcomers = [factories.user("staff", team=o.desk, manager=o.kadri) for _ in range(12)]
    apps = factories.team("Application Support")
    olev = factories.user("manager", "staff", name="Olev Org", team=apps, manager=o.leader)
    others = [factories.user("staff", team=apps, manager=olev) for _ in range(6)]
    today = date.today()
    for years in (2, 3, 4):  # older history (one cycle is open, so written as rows)
        start = today - timedelta(days=365 * years)
        old = _cycle(f"{years} years ago", start, start + timedelta(days=89))
        old.status = "closed"
        for person in (o.mari, o.jaan, *newcomers):
            db.session.add(Review(cycle=old, employee=person, manager=o.kadri, team=o.desk))
    cycle_flow.add_people(None, o.current)
    db.session.commit()
    for review in db.session.query(Review).filter_by(cycle_id=o.current.id).limit(8):
        if review.self_submitted_at is None:
            _write_review(review, manager_too=review.employee_id % 2 == 0)
    everyone = [o.mari, o.jaan, *newcomers]
    _ideas(everyone, o.desk, 25, supporters=newcomers[:6], comments=2)
    _ideas(others, apps, 10, supporters=others[:3])
    for i, person in enumerate(newcomers):
        idea_service.support(o.idea, person)
        idea_service.add_comment(o.idea, person, f"Agreed ({i}).")
    idea_flow.move_idea(o.idea, o.kadri, to_status="planned", response="Next month.")
    for i in range(30):
        for person in (o.mari, o.kadri, o.leader):
            notify.notify(person, "idea_comment", url=f"/ideas/{o.idea.id}", actor="Someone",
                          title=f"Idea {i}")  # fmt: skip
    db.session.commit()


# The pages ---------------------------------------------------------------------------

PAGES = [
    ("staff home", "mari", lambda o: "/"),
    ("review, employee", "mari", lambda o: f"/reviews/{o.review.id}"),
    ("review, manager", "kadri", lambda o: f"/reviews/{o.review.id}"),
    ("ideas", "mari", lambda o: "/ideas/"),
    ("ideas, most supported", "mari", lambda o: "/ideas/?sort=supported"),
    ("ideas, waiting longest", "mari", lambda o: "/ideas/?sort=waiting"),
    ("ideas, filtered", "mari", lambda o: f"/ideas/?status=open&team={o.desk.id}&q=idea"),
    ("an idea", "mari", lambda o: f"/ideas/{o.idea.id}"),
    ("my ideas", "mari", lambda o: "/ideas/mine"),
    ("triage", "kadri", lambda o: "/ideas/triage"),
    ("manager home", "kadri", lambda o: "/"),
    ("leadership home", "leader", lambda o: "/"),
    ("cycle page, manager", "kadri", lambda o: f"/cycles/{o.current.id}"),
    ("cycle page, leadership", "leader", lambda o: f"/cycles/{o.current.id}"),
    ("inbox", "mari", lambda o: "/inbox/"),
    ("reports, leadership", "leader", lambda o: "/reports/"),
    ("reports, manager", "kadri", lambda o: "/reports/"),
]
CASES = [pytest.param(*page, id=page[0]) for page in PAGES]


@pytest.mark.parametrize(("page", "who", "url"), CASES)
def test_queries_are_few_and_do_not_grow_with_the_data(app, login_as, page, who, url):
    o = small_organisation()
    client = login_as(getattr(o, who))
    small = statements_of(client, url(o))
    grow(o)
    client = login_as(getattr(o, who))
    large = statements_of(client, url(o))
    print(f"{page}: {len(small)} statements, {len(large)} after growing")
    listing = "\n".join(large)
    most = PAGE_MAX.get(page, MAX_QUERIES)
    assert len(small) <= most, f"{page}: {len(small)} statements:\n" + "\n".join(small)
    assert len(large) == len(small), f"{page}: {len(small)}, then {len(large)}:\n{listing}"
