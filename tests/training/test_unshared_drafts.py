"""A training item the manager marks done in a review still being written is not on the
person's training record until the review is shared (the draft is the manager's alone), and
a record made from an item goes again when the item is no longer done — unless someone has
worked on it since."""

from datetime import date, datetime

from sqlalchemy import select

from extensions import db
from reviews.models import ActionItem, TrainingRecord, utcnow
from reviews.services.actions.status import set_status
from reviews.services.reviews import assessments
from reviews.services.reviews import flow as review_flow
from reviews.services.training.records import TrainingInput, update_training
from tests.organisation import build_org


def _records():
    return list(db.session.scalars(select(TrainingRecord)))


def _save(review, manager, *actions):
    assessments.save_manager_assessment(
        review, manager, version=review.version, ratings=[], notes=[], actions=list(actions),
        summary="", private_note="", submit=False,
    )  # fmt: skip
    db.session.commit()


def test_a_training_done_in_the_managers_draft_is_recorded_only_when_shared(app, login_as):
    org = build_org(cycle="2026 Q4")
    review = org.reviews["mari"]
    _save(review, org.kadri, assessments.ActionInput("Secret course", status="done"))
    (course,) = review.action_items
    assert course.status == "done" and _records() == []
    assert "Secret course" not in login_as(org.mari).get("/training/").get_data(as_text=True)
    review.self_submitted_at = review.manager_submitted_at = utcnow()
    review_flow.share(review, org.kadri)
    db.session.commit()
    (record,) = _records()
    assert (record.person_id, record.action_item_id, record.title) == (
        org.mari.id, course.id, "Secret course",
    )  # fmt: skip
    assert record.recorded_by_id == org.kadri.id and record.taken_on == date.today()


def test_a_draft_item_set_done_then_back_leaves_no_record(app):
    org = build_org(cycle="2026 Q4")
    review = org.reviews["mari"]
    _save(review, org.kadri, assessments.ActionInput("Course", status="done"))
    (course,) = review.action_items
    _save(review, org.kadri, assessments.ActionInput("Course", id=course.id, status="open"))
    review.self_submitted_at = review.manager_submitted_at = utcnow()
    review_flow.share(review, org.kadri)
    db.session.commit()
    assert _records() == []


def _shared_item(org, description="ITIL foundation"):
    review = org.reviews["mari"]
    review.self_submitted_at = review.manager_submitted_at = review.shared_at = utcnow()
    course = ActionItem(description=description, kind="training", owner_id=org.mari.id)
    review.action_items.append(course)
    db.session.commit()
    return review, course


def test_an_untouched_record_goes_when_its_item_is_no_longer_done(app):
    org = build_org(cycle="2026 Q4")
    _review, course = _shared_item(org)
    set_status(org.mari, course, "done")
    db.session.commit()
    assert len(_records()) == 1
    set_status(org.mari, course, "in_progress")
    db.session.commit()
    assert _records() == []
    set_status(org.mari, course, "done")  # done again: recorded again
    db.session.commit()
    assert [r.action_item_id for r in _records()] == [course.id]


def test_a_record_someone_worked_on_stays_when_its_item_is_reopened(app):
    org = build_org(cycle="2026 Q4")
    _review, course = _shared_item(org)
    set_status(org.mari, course, "done")
    (record,) = _records()
    update_training(
        org.mari, record,
        TrainingInput(title=record.title, taken_on=record.taken_on, note="Chapter 3 left"),
    )  # fmt: skip
    set_status(org.mari, course, "open")
    db.session.commit()
    assert _records() == [record]


def test_an_untouched_record_goes_with_its_item_removed_in_an_amendment(app):
    org = build_org(cycle="2026 Q4")
    review, course = _shared_item(org)
    set_status(org.mari, course, "done")
    review.acknowledged_at = datetime.now()
    db.session.commit()
    ratings = [
        assessments.RatingInput(c.id, not_applicable=True) for c in review.cycle.competencies
    ]
    assessments.amend_manager_assessment(
        review, org.kadri, version=review.version, ratings=ratings,
        notes=[assessments.NoteInput("strength", "Calm")], actions=[],
        summary="Good.", private_note="",
    )  # fmt: skip
    db.session.commit()
    assert review.action_items == [] and _records() == []
