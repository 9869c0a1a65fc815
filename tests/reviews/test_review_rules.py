"""The rules of a review after it is written, as the people pressing the buttons meet them:
sharing waits for the self-assessment until the day after its deadline, a disagreement
needs a reason, an admin reopens only what was written and reassigns only to an active
person other than the employee. Written so that mutation testing (issue 9) finds each rule
of ``services.reviews.flow`` pinned by a test."""

from datetime import date, datetime, timedelta

from extensions import db
from reviews.models import AuditEvent, Notification, Review
from tests.conftest import csrf_token

NOW = datetime(2026, 11, 2, 9, 0)


def at_step(review: Review, step: str) -> Review:
    """Move ``review`` to ``step`` of its life (each step includes the ones before it)."""
    steps = ["draft", "self", "manager", "shared"]
    fields = [None, "self_submitted_at", "manager_submitted_at", "shared_at"]
    for field in fields[1 : steps.index(step) + 1]:
        setattr(review, field, NOW)
    db.session.commit()
    return review


def press(client, review, action, **data):
    data["csrf_token"] = csrf_token(client, f"/reviews/{review.id}")
    data.setdefault("confirmed", "yes")  # the answer to "Share the review now?" and the like
    response = client.post(f"/reviews/{review.id}/{action}", data=data, follow_redirects=True)
    return response.get_data(as_text=True)


def inbox(user) -> list[str]:
    return [n.kind for n in db.session.query(Notification).filter_by(user_id=user.id)]


def test_sharing_waits_for_the_self_assessment_on_its_deadline_day_not_after(org, login_as):
    review = org.review
    review.manager_submitted_at = NOW
    org.cycle.self_deadline = date.today()
    db.session.commit()
    kadri = login_as(org.kadri)
    assert "The self-assessment is not in yet." in press(kadri, review, "share")
    assert review.shared_at is None
    org.cycle.self_deadline = date.today() - timedelta(days=1)
    db.session.commit()
    press(kadri, review, "share")
    assert review.shared_at is not None
    assert "review_shared" in inbox(org.mari)


def test_an_acknowledgement_keeps_the_trimmed_comment_and_tells_the_manager(org, login_as):
    review = at_step(org.review, "shared")
    mari = login_as(org.mari)
    assert "Say what you disagree with" in press(
        mari, review, "acknowledge", comment="   ", disagrees="y"
    )
    assert review.acknowledged_at is None
    press(mari, review, "acknowledge", comment="  Thanks, agreed.  ", disagrees="")
    assert review.acknowledged_at is not None
    assert (review.employee_comment, review.employee_disagrees) == ("Thanks, agreed.", False)
    assert "review_acknowledged" in inbox(org.kadri)
    assert "review_disagreed" not in inbox(org.kadri)


def test_a_disagreement_reaches_the_manager_as_one(org, login_as):
    review = at_step(org.review, "shared")
    press(login_as(org.mari), review, "acknowledge", comment="Not fair.", disagrees="y")
    assert review.employee_disagrees
    assert "review_disagreed" in inbox(org.kadri)
    assert "review_acknowledged" not in inbox(org.kadri)


def test_a_review_still_being_written_has_nothing_to_reopen(org, login_as):
    review = at_step(org.review, "self")
    anu = login_as(org.admin)
    message = "This review is still being written; there is nothing to reopen."
    assert message in press(anu, review, "reopen")
    assert review.self_submitted_at is not None
    assert not db.session.query(AuditEvent).filter_by(action="review_reopened").count()


def test_reopening_a_submitted_review_takes_it_back_to_the_manager_only(org, login_as):
    review = at_step(org.review, "manager")
    press(login_as(org.admin), review, "reopen")
    assert review.manager_submitted_at is None and review.shared_at is None
    assert review.self_submitted_at is not None  # the employee's part stays submitted
    event = db.session.query(AuditEvent).filter_by(action="review_reopened").one()
    assert event.before["manager_submitted_at"].startswith(str(NOW.date()))
    assert event.before["shared_at"] == event.before["acknowledged_at"] == ""  # never shared


def test_a_review_is_reassigned_to_an_active_person_other_than_its_employee(org, login_as):
    review = org.review
    anu = login_as(org.admin)
    page = press(anu, review, "reassign", manager_id=str(org.mari.id))
    assert review.manager_id == org.kadri.id, page[:300]
    org.olev.active = False
    db.session.commit()
    press(anu, review, "reassign", manager_id=str(org.olev.id))
    assert review.manager_id == org.kadri.id
    press(anu, review, "reassign", manager_id=str(org.jaan.id))
    assert review.manager_id == org.jaan.id
    assert "manager_assessment_due" in inbox(org.jaan)
    event = db.session.query(AuditEvent).filter_by(action="review_reassigned").one()
    assert (event.before, event.after) == ({"manager": "Kadri Kask"}, {"manager": "Jaan Sepp"})


def test_the_reassign_menu_offers_every_active_person_but_the_employee_by_name(org, login_as):
    org.peeter.active = False
    db.session.commit()
    page = login_as(org.admin).get(f"/reviews/{org.review.id}").get_data(as_text=True)
    menu = page[page.index('name="manager_id"') :]
    menu = menu[: menu.index("</select>")]
    names = ["Anu Admin", "Jaan Sepp", "Kadri Kask", "Liis Leader", "Olev Org"]
    positions = [menu.index(f">{name}<") for name in names]
    assert positions == sorted(positions)
    assert ">Mari Tamm<" not in menu and ">Peeter Pärn<" not in menu
