"""Deadline reminders for the open cycle, meant to run daily (``flask --app app reviews
remind`` from cron). Running it twice a day sends nothing new."""

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select

from extensions import db
from reviews.models import Cycle, Notification, Review, utcnow
from reviews.services.cycles.flow import is_overdue
from reviews.services.notifications.inbox import notify

DUE_SOON_DAYS = 3


def _already_sent_today(user_id: int, kind: str, url: str) -> bool:
    """Sent within the last 20 hours: a daily run never repeats itself."""
    since = utcnow() - timedelta(hours=20)
    query = select(Notification.id).where(
        Notification.user_id == user_id,
        Notification.kind == kind,
        Notification.url == url,
        Notification.created_at >= since,
    )
    return db.session.scalar(query) is not None


def _remind(user, kind: str, url: str, sent: Counter, **params) -> None:
    if not _already_sent_today(user.id, kind, url):
        notify(user, kind, url=url, **params)
        sent[kind] += 1


def send_reminders(today: date | None = None) -> dict[str, int]:
    """Remind employees whose self-assessment is due within three days, managers whose
    assessments are due within three days, and managers with overdue reviews."""
    today = today or date.today()
    cycle = db.session.scalar(select(Cycle).where(Cycle.status == "open"))
    sent: Counter = Counter()
    if cycle is None:
        return {}
    soon = today + timedelta(days=DUE_SOON_DAYS)
    overdue_by_manager: Counter = Counter()
    for review in db.session.scalars(select(Review).where(Review.cycle_id == cycle.id)):
        url = f"/reviews/{review.id}"
        if is_overdue(review, today):
            overdue_by_manager[review.manager] += 1
        elif review.self_submitted_at is None and today <= cycle.self_deadline <= soon:
            _remind(
                review.employee,
                "self_assessment_due",
                url,
                sent,
                cycle=cycle.name,
                deadline=cycle.self_deadline.isoformat(),
            )
        elif review.manager_submitted_at is None and today <= cycle.review_deadline <= soon:
            _remind(
                review.manager,
                "manager_assessment_due",
                url,
                sent,
                person=review.employee.name,
                cycle=cycle.name,
                deadline=cycle.review_deadline.isoformat(),
            )
    for manager, count in overdue_by_manager.items():
        _remind(
            manager, "reviews_overdue", f"/cycles/{cycle.id}", sent, count=count, cycle=cycle.name
        )
    return dict(sent)
