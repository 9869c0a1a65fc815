"""A training action item marked done becomes a training record — once — with the item's
description, the day it was done and its competencies; its hours are left to be given."""

from datetime import date, datetime

from sqlalchemy import select

from extensions import db
from reviews.models import ActionItem, Review, TrainingRecord
from reviews.services.reviews import assessments
from reviews.services.training import record_from_action
from tests import factories
from tests.organisation import build_org

from .conftest import competency


def _org_with_earlier_items(*items):
    factories.framework()
    org = build_org(cycle="2026 Q4")
    earlier = factories.cycle("2026 Q3", start=date(2025, 7, 1))
    earlier.period_start = date(2000, 1, 1)
    old = Review(cycle=earlier, employee=org.mari, manager=org.kadri, team=org.desk)
    old.shared_at = datetime(2025, 9, 30)  # last time's review, which Mari has seen
    old.action_items.extend(items)
    db.session.add(old)
    db.session.commit()
    return org


def _follow_up(org, *follow_ups):
    review = org.reviews["mari"]
    assessments.save_manager_assessment(
        review, org.kadri, version=review.version, ratings=[], notes=[], actions=[],
        summary="", private_note="", submit=False, follow_ups=list(follow_ups),
    )  # fmt: skip
    db.session.commit()


def test_the_managers_follow_up_marking_a_training_done_records_it(app):
    factories.framework()
    listening = competency(1)
    course = ActionItem(description="Active listening workshop", kind="training",
                        status="in_progress", competencies=[listening])  # fmt: skip
    coaching = ActionItem(description="Shadow a senior colleague", kind="coaching")
    org = _org_with_earlier_items(course, coaching)
    _follow_up(
        org,
        assessments.FollowUp(course.id, "done"),
        assessments.FollowUp(coaching.id, "done"),
    )
    record = db.session.scalar(select(TrainingRecord))
    assert db.session.query(TrainingRecord).count() == 1  # coaching is not a training
    assert (record.person_id, record.title) == (org.mari.id, "Active listening workshop")
    assert record.action_item_id == course.id and record.recorded_by_id == org.kadri.id
    assert record.hours is None and record.taken_on == date.today()
    assert [c.id for c in record.competencies] == [listening.id]
    # Saved again (still done), and done → open → done: still the one record.
    _follow_up(org, assessments.FollowUp(course.id, "done"))
    _follow_up(org, assessments.FollowUp(course.id, "open"))
    _follow_up(org, assessments.FollowUp(course.id, "done"))
    assert db.session.query(TrainingRecord).count() == 1


def test_record_from_action_is_idempotent_and_dates_by_the_day_done(app):
    item = ActionItem(description="ITIL 4 Foundation", kind="training", status="done",
                      done_at=datetime(2026, 3, 14, 16, 30))  # fmt: skip
    org = _org_with_earlier_items(item)
    first = record_from_action(org.kadri, item)
    again = record_from_action(org.mari, item)
    db.session.commit()
    assert again.id == first.id and first.taken_on == date(2026, 3, 14)
    assert first.recorded_by_id == org.kadri.id


def test_an_item_of_another_kind_makes_no_record(app):
    item = ActionItem(description="Pair with Jaan on escalations", kind="support")
    org = _org_with_earlier_items(item)
    assert record_from_action(org.kadri, item) is None
    assert db.session.query(TrainingRecord).count() == 0
