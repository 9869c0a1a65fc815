"""Daily reminders: due soon, overdue, never twice a day."""

from datetime import datetime, timedelta

from extensions import db
from reviews.models import Notification
from reviews.services.cycles import reminders
from reviews.services.cycles.reminders import send_reminders
from reviews.services.notifications.inbox import render


def kinds_for(user):
    return sorted(n.kind for n in db.session.query(Notification).filter_by(user_id=user.id))


def test_due_soon_reminders_are_sent_once_a_day(org):
    db.session.query(Notification).delete()
    two_days_before = org.cycle.self_deadline - timedelta(days=2)
    sent = send_reminders(two_days_before)
    db.session.commit()
    assert sent == {"self_assessment_due": 5}
    assert kinds_for(org.mari) == ["self_assessment_due"]
    assert send_reminders(two_days_before) == {}  # again the same day: nothing new


def test_overdue_reviews_are_counted_per_manager(org):
    after_deadline = org.cycle.review_deadline + timedelta(days=1)
    sent = send_reminders(after_deadline)
    db.session.commit()
    assert sent["reviews_overdue"] == 3  # Kadri, Olev and Liis each have overdue reviews
    [note] = (
        db.session.query(Notification).filter_by(user_id=org.kadri.id, kind="reviews_overdue").all()
    )
    assert note.params["count"] == 2


def test_remind_command_sends_todays_reminders(org, runner):
    from datetime import date

    org.cycle.self_deadline = date.today() + timedelta(days=2)
    db.session.commit()
    result = runner.invoke(args=["reviews", "remind"])
    assert result.exit_code == 0
    assert result.output.strip() == "self_assessment_due: 5"
    assert runner.invoke(args=["reviews", "remind"]).output.strip() == "No reminders due."


def test_a_manager_is_reminded_of_an_assessment_due_soon_with_a_link_to_the_review(org):
    """Mari's self-assessment is in; Kadri's assessment of her is due in two days."""
    db.session.query(Notification).delete()  # those of the opening, sent today
    org.review.self_submitted_at = datetime(2026, 11, 2, 9, 0)
    org.cycle.self_deadline = org.cycle.review_deadline - timedelta(days=5)
    db.session.commit()
    two_days_before = org.cycle.review_deadline - timedelta(days=2)
    sent = send_reminders(two_days_before)
    db.session.commit()
    assert sent == {"manager_assessment_due": 1, "reviews_overdue": 3}
    [note] = db.session.query(Notification).filter_by(
        user_id=org.kadri.id, kind="manager_assessment_due"
    )
    assert note.url == f"/reviews/{org.review.id}"
    assert note.params["person"] == "Mari Tamm"


def test_an_overdue_reminder_links_to_the_cycle(org):
    send_reminders(org.cycle.review_deadline + timedelta(days=1))
    db.session.commit()
    [note] = db.session.query(Notification).filter_by(user_id=org.kadri.id, kind="reviews_overdue")
    assert note.url == f"/cycles/{org.cycle.id}"


def test_a_managers_reminder_reads_whose_assessment_is_due_in_which_cycle_and_when(org):
    db.session.query(Notification).delete()  # those of the opening, sent today
    org.review.self_submitted_at = datetime(2026, 11, 2, 9, 0)
    org.cycle.self_deadline = org.cycle.review_deadline - timedelta(days=5)
    db.session.commit()
    send_reminders(org.cycle.review_deadline - timedelta(days=2))
    db.session.commit()
    [note] = db.session.query(Notification).filter_by(
        user_id=org.kadri.id, kind="manager_assessment_due"
    )
    day = org.cycle.review_deadline
    deadline = f"{day:%b} {day.day}, {day.year}"  # as every date is shown in English
    assert render(note) == f"Your assessment of Mari Tamm for 2026 Q4 is due on {deadline}."


def test_a_reminder_sent_exactly_twenty_hours_ago_is_not_sent_again(org, monkeypatch):
    """A daily run skips what was sent in the last 20 hours, the 20th hour included."""
    db.session.query(Notification).delete()
    two_days_before = org.cycle.self_deadline - timedelta(days=2)
    assert send_reminders(two_days_before) == {"self_assessment_due": 5}
    db.session.commit()
    now = datetime(2026, 11, 2, 9, 0)
    db.session.query(Notification).update({"created_at": now - timedelta(hours=20)})
    db.session.commit()
    monkeypatch.setattr(reminders, "utcnow", lambda: now)
    assert send_reminders(two_days_before) == {}


def test_a_reminder_sent_more_than_twenty_hours_ago_is_sent_again(org, monkeypatch):
    """Yesterday's run went out later in the day (20.5 hours ago): today's run reminds again."""
    db.session.query(Notification).delete()
    two_days_before = org.cycle.self_deadline - timedelta(days=2)
    send_reminders(two_days_before)
    db.session.commit()
    now = datetime(2026, 11, 2, 9, 0)
    db.session.query(Notification).update({"created_at": now - timedelta(hours=20, minutes=30)})
    db.session.commit()
    monkeypatch.setattr(reminders, "utcnow", lambda: now)
    assert send_reminders(two_days_before) == {"self_assessment_due": 5}


def test_reminders_start_three_days_before_a_deadline(org):
    db.session.query(Notification).delete()
    assert send_reminders(org.cycle.self_deadline - timedelta(days=3)) == {"self_assessment_due": 5}
    for review in org.reviews.values():
        review.self_submitted_at = datetime(2026, 11, 2, 9, 0)
    db.session.commit()
    assert send_reminders(org.cycle.review_deadline - timedelta(days=3)) == {
        "manager_assessment_due": 5
    }


def test_the_self_assessment_reminder_is_still_sent_on_its_deadline_day(org):
    db.session.query(Notification).delete()  # those of the opening, sent today
    sent = send_reminders(org.cycle.self_deadline)
    db.session.commit()
    assert sent["self_assessment_due"] == 5
    assert kinds_for(org.mari) == ["self_assessment_due"]
