"""Opening a cycle: the request creates the reviews at once; the notifications and e-mails
are fanned out by jobs after the commit, every one of them, each once."""

from datetime import date, timedelta

from sqlalchemy import func, select

from extensions import db
from reviews.models import AuditEvent, Notification, Review
from reviews.models.activity import OutboundEmail
from reviews.services.cycles import flow as cycle_flow
from tests import factories
from tests.conftest import csrf_token

PEOPLE = 23  # with 3 managers: 26 reviews (the managers report to the head)


def build_org():
    head = factories.user("manager", "staff", email="head@example.com", name="Head")
    managers, staff = [], []
    for t in range(3):
        team = factories.team(f"Desk {t}")
        boss = factories.user("manager", "staff", team=team, manager=head)
        managers.append(boss)
        for _ in range(PEOPLE // 3 + (t < PEOPLE % 3)):
            staff.append(factories.user("staff", team=team, manager=boss))
    staff[0].locale = "sl"
    today = date.today()
    cycle = factories.cycle("2026 Q4")
    cycle.self_deadline, cycle.review_deadline = today + timedelta(5), today + timedelta(9)
    admin = factories.user("admin")
    db.session.commit()
    return cycle, admin, managers + staff


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_opening_a_cycle_fans_out_through_the_consumer(app, queue, smtp, login_as, monkeypatch):
    monkeypatch.setattr(cycle_flow, "NOTIFY_BATCH", 7)  # several fan-out jobs
    monkeypatch.setitem(app.config, "MAIL_BATCH_SIZE", 5)  # several deliveries
    cycle, admin, people = build_org()
    client = login_as(admin)
    response = client.post(
        f"/cycles/{cycle.id}/open",
        data={"csrf_token": csrf_token(client, f"/cycles/{cycle.id}"), "confirmed": "yes"},
    )
    assert response.status_code == 302
    reviews = count(Review, Review.cycle_id == cycle.id)
    assert reviews == len(people) == 26
    opened_by = AuditEvent.action == "cycle_opened", AuditEvent.actor_id == admin.id
    assert count(AuditEvent, *opened_by) == 1  # the admin who pressed the button
    # The request only queued the fan-out: nothing notified or mailed yet.
    assert count(Notification) == 0 and count(OutboundEmail) == 0 and smtp.messages == []

    queue.start().drain()
    opened = count(Notification, Notification.kind == "self_assessment_open")
    due = count(Notification, Notification.kind == "manager_assessment_due")
    assert (opened, due) == (reviews, reviews)
    assert len(smtp.messages) == 2 * reviews  # none lost
    assert count(OutboundEmail, OutboundEmail.status == "sent") == 2 * reviews
    recipients = sorted(m["To"] for m in smtp.messages)
    assert len(set(recipients)) == len(people) + 1  # everyone, and the head for 3 managers
    assert recipients.count("head@example.com") == 3
    assert len({m["Message-ID"] for m in smtp.messages}) == 2 * reviews


def test_people_added_later_are_notified_by_a_job(app, queue, smtp):
    cycle, _admin, people = build_org()
    cycle_flow.open_cycle(None, cycle)
    db.session.commit()
    newcomer = factories.user("staff", email="new@example.com", manager=people[0])
    assert cycle_flow.add_people(None, cycle) == 1
    db.session.commit()
    assert count(Notification, Notification.user_id == newcomer.id) == 0
    queue.start().drain()
    assert count(Notification, Notification.user_id == newcomer.id) == 1
    assert sum(m["To"] == "new@example.com" for m in smtp.messages) == 1


def test_a_fan_out_job_run_twice_notifies_nobody_twice(app, queue, smtp):
    cycle, _admin, people = build_org()
    cycle_flow.open_cycle(None, cycle)
    db.session.commit()
    ids = [p.id for p in people]
    first = cycle_flow.notify_opened_reviews(cycle.id, ids)
    db.session.commit()
    assert first == 2 * len(people)
    assert cycle_flow.notify_opened_reviews(cycle.id, ids) == 0
    db.session.commit()
    queue.start().drain()  # the jobs queued by opening find everything done
    assert count(Notification) == 2 * len(people)
    assert len(smtp.messages) == 2 * len(people)
