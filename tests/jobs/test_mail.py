"""E-mail goes through the outbox and a real consumer: after the commit, never inside a
request, never for a rolled-back change, retried, and shown to admins when it fails."""

from datetime import timedelta
from email.header import decode_header, make_header
from email.utils import parsedate_to_datetime

from flask_babel import force_locale
from sqlalchemy import func, select

from extensions import db
from reviews.jobs import mail as mail_jobs
from reviews.models import utcnow
from reviews.models.activity import OutboundEmail
from reviews.services.notifications import inbox as notify
from tests import factories
from tests.conftest import csrf_token
from tests.smtp_sink import SmtpSink


def mails(status: str | None = None) -> list[OutboundEmail]:
    query = select(OutboundEmail).order_by(OutboundEmail.id)
    if status:
        query = query.where(OutboundEmail.status == status)
    db.session.expire_all()
    return list(db.session.scalars(query))


def body(message) -> str:
    return message.get_payload(decode=True).decode()


def test_the_consumer_mails_a_notification_in_the_readers_language(app, queue, smtp):
    mari = factories.user("staff", email="mari@example.com")
    mari.locale = "et"
    notify.notify(mari, "idea_comment", url="/inbox/", actor="Jaan", title="Makrod")
    db.session.commit()
    assert smtp.messages == []  # nothing leaves before a worker runs
    queue.start().drain()
    [message] = smtp.messages
    [mail] = mails()
    with force_locale("et"):
        estonian = notify.sentence("idea_comment", {"actor": "Jaan", "title": "Makrod"})
    assert estonian != "Jaan commented on your idea “Makrod”."
    assert message["To"] == "mari@example.com"
    assert estonian in body(message) and "/inbox/" in body(message)
    assert estonian in str(make_header(decode_header(message["Subject"])))
    assert message["Message-ID"] == mail.message_id and mail.message_id.startswith("<")
    assert (
        abs(
            (parsedate_to_datetime(message["Date"]).replace(tzinfo=None) - utcnow()).total_seconds()
        )
        < 60
    )
    assert (mail.status, mail.attempts, mail.sent_at is not None) == ("sent", 1, True)


def test_nothing_is_sent_inside_the_request(app, queue, smtp, login_as):
    desk = factories.team("Service Desk")
    kadri = factories.user("manager", "staff", email="kadri@example.com", team=desk)
    mari = factories.user("staff", team=desk, manager=kadri)
    client = login_as(mari)
    response = client.post(
        "/ideas/new",
        data={
            "title": "Shared macros",
            "description": "One macro list for the whole desk.",
            "category": "tools",
            "team_id": str(desk.id),
            "csrf_token": csrf_token(client, "/ideas/new"),
        },
    )
    assert response.status_code == 302
    assert smtp.messages == []  # the response is back, and no mail has left
    assert [(m.recipient, m.status) for m in mails()] == [("kadri@example.com", "pending")]
    queue.start().drain()
    assert [m["To"] for m in smtp.messages] == ["kadri@example.com"]
    assert "Shared macros" in body(smtp.messages[0])


def test_a_rolled_back_change_mails_nobody(app, queue, smtp):
    mari = factories.user("staff", email="mari@example.com")
    notify.notify(mari, "idea_comment", url="/inbox/", actor="Jaan", title="rolled back")
    db.session.rollback()
    notify.notify(mari, "idea_comment", url="/inbox/", actor="Jaan", title="Shared macros")
    db.session.commit()
    queue.start().drain()
    assert len(smtp.messages) == 1
    assert "Shared macros" in body(smtp.messages[0])
    assert db.session.scalar(select(func.count(OutboundEmail.id))) == 1


def test_no_email_without_smtp_settings(app, queue):
    sink = SmtpSink()
    try:
        notify.notify(factories.user("staff"), "idea_comment", actor="X", title="T")
        db.session.commit()
        queue.start().drain()
    finally:
        sink.stop()
    assert sink.messages == [] and mails() == []


def test_a_failed_mail_is_retried_shown_to_admins_and_sent_again(
    app, queue, smtp, login_as, monkeypatch
):
    smtp.stop()  # the mail server is down: connections are refused
    admin = factories.user("admin", email="anu@example.com")
    mari = factories.user("staff", email="mari@example.com")
    notify.notify(mari, "idea_comment", url="/inbox/", actor="Jaan", title="Macros")
    db.session.commit()
    queue.start().drain()
    [mail] = mails()
    assert (mail.status, mail.attempts) == ("failed", 3)  # three tries, then failed
    assert "Connection" in mail.last_error or "refused" in mail.last_error.lower()

    client = login_as(admin)
    page = client.get("/admin/mail").get_data(as_text=True)
    assert "mari@example.com" in page and "Send again" in page
    assert mail.last_error[:30] in page

    sink = SmtpSink()  # the server is back
    monkeypatch.setitem(app.config, "MAIL_PORT", sink.port)
    try:
        token = csrf_token(client, "/admin/mail")
        assert client.post(f"/admin/mail/{mail.id}/send-again").status_code == 400  # no CSRF
        response = client.post(f"/admin/mail/{mail.id}/send-again", data={"csrf_token": token})
        assert response.status_code == 302
        queue.drain()
        assert [m["To"] for m in sink.messages] == ["mari@example.com"]
        assert mails()[0].status == "sent"
        assert "Every e-mail has been sent." in client.get("/admin/mail").get_data(as_text=True)
    finally:
        sink.stop()


def test_mail_whose_job_was_lost_is_queued_again(app, queue, smtp, monkeypatch):
    def queue_down(ids):
        raise ConnectionError("queue down")

    mari = factories.user("staff", email="mari@example.com")
    monkeypatch.setattr(mail_jobs, "deliver_in_batches", queue_down)
    notify.notify(mari, "idea_comment", actor="Jaan", title="Lost job")
    db.session.commit()  # the change is saved although its job could not be queued
    monkeypatch.undo()
    queue.start().drain()
    assert smtp.messages == [] and mails()[0].status == "pending"
    assert mail_jobs.requeue_lost() == 0  # not yet overdue
    mails()[0].next_attempt_at = utcnow() - timedelta(minutes=6)
    db.session.commit()
    assert mail_jobs.requeue_lost() == 1
    queue.drain()
    assert len(smtp.messages) == 1 and mails()[0].status == "sent"


def test_only_admins_see_the_mail_page(app, login_as):
    client = login_as(factories.user("manager", "staff"))
    assert client.get("/admin/mail").status_code == 403
    mail = OutboundEmail(recipient="x@example.com", subject="S", body="B", message_id="<m@x>")
    mail.status = "failed"
    db.session.add(mail)
    db.session.commit()
    token = csrf_token(client, "/inbox/")
    response = client.post(f"/admin/mail/{mail.id}/send-again", data={"csrf_token": token})
    assert response.status_code == 403 and mails()[0].status == "failed"
