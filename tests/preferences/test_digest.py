"""The daily digest: one e-mail per person in their language with every notification they
chose to get that way, newest first; each notification is mailed once, and a deactivated
person gets none."""

from datetime import timedelta
from email.header import decode_header, make_header

from flask_babel import force_locale
from sqlalchemy import event

from extensions import db
from reviews.jobs.notifications import send_daily_digest
from reviews.models import Notification
from reviews.services.notifications import digest
from reviews.services.notifications import inbox as notify
from reviews.services.people import accounts
from tests import factories

from .conftest import choose, queued


def _two_for(person) -> tuple[Notification, Notification]:
    older = notify.notify(person, "idea_comment", url="/ideas/1", actor="Jaan", title="Macros")
    newer = notify.notify(person, "recognition_received", url="/recognition/", giver="Kadri")
    db.session.flush()
    older.created_at = newer.created_at - timedelta(hours=2)
    db.session.commit()
    return older, newer


def _text(header) -> str:
    return str(make_header(decode_header(header)))


def test_the_digest_mails_both_sentences_newest_first_over_smtp_once(app, smtp):
    mari = factories.user("staff", email="mari@example.com")
    choose(mari, my_ideas="digest", recognition="digest")
    older, newer = _two_for(mari)
    assert smtp.messages == []

    assert send_daily_digest() == 1
    [message] = smtp.messages
    body = message.get_payload(decode=True).decode()
    assert message["To"] == "mari@example.com"
    assert _text(message["Subject"]) == "Rapport: your daily summary (2)"
    first = body.index("Kadri recognised your work.")
    second = body.index("Jaan commented on your idea “Macros”.")
    assert first < second  # newest first
    assert "https://rapport.example/ideas/1" in body
    assert "https://rapport.example/account/notifications" in body
    assert older.digest_pending is False and newer.digest_pending is False

    assert send_daily_digest() == 0  # a second run sends nothing
    assert len(smtp.messages) == 1 and len(queued()) == 1


def test_the_digest_is_in_the_persons_language(app, smtp):
    mari = factories.user("staff")
    mari.locale = "et"
    choose(mari, my_ideas="digest", recognition="digest")
    _two_for(mari)
    send_daily_digest()
    [mail] = queued()
    with force_locale("et"):
        comment = notify.sentence("idea_comment", {"actor": "Jaan", "title": "Macros"})
        recognised = notify.sentence("recognition_received", {"giver": "Kadri"})
    assert comment != "Jaan commented on your idea “Macros”."
    assert comment in mail.body and recognised in mail.body
    assert "daily summary" not in mail.subject and "(2)" in mail.subject


def test_a_deactivated_person_gets_no_digest_and_it_is_not_kept(app, smtp):
    mari = factories.user("staff")
    choose(mari, my_ideas="digest", recognition="digest")
    older, newer = _two_for(mari)
    accounts.deactivate(None, mari)
    db.session.commit()
    assert send_daily_digest() == 0
    assert queued() == [] and older.digest_pending is False and newer.digest_pending is False


def test_only_notifications_chosen_for_the_digest_are_in_it(app, smtp):
    mari = factories.user("staff")
    choose(mari, my_ideas="digest")  # recognition stays immediate
    _two_for(mari)
    send_daily_digest()
    at_once, summary = queued()
    assert "recognised your work" in at_once.body
    assert "(1)" in summary.subject and "recognised" not in summary.body


def test_everyone_is_served_whatever_the_chunk_size(app, smtp):
    people = [factories.user("staff", email=f"p{n}@example.com") for n in range(5)]
    for person in people:
        choose(person, my_ideas="digest")
        notify.notify(person, "idea_comment", actor="Jaan", title="Macros")
    db.session.commit()
    assert send_daily_digest(chunk=2) == 5
    assert sorted(m.recipient for m in queued()) == [f"p{n}@example.com" for n in range(5)]


def _statements_of_a_chunk(people) -> int:
    count = 0

    def counted(*_args):
        nonlocal count
        count += 1

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        digest.send(digest.waiting_people(limit=len(people)))
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    db.session.rollback()
    return count


def test_a_chunk_takes_the_same_few_statements_for_2_people_or_20(app, smtp):
    people = [factories.user("staff") for _ in range(20)]
    for person in people:
        choose(person, my_ideas="digest")
        notify.notify(person, "idea_comment", actor="Jaan", title="Macros")
    db.session.commit()
    # waiting people, their addresses, taking their notifications, the e-mails
    assert _statements_of_a_chunk(people[:2]) == _statements_of_a_chunk(people) == 4


def test_a_long_day_lists_the_newest_and_counts_the_rest(app, smtp, monkeypatch):
    monkeypatch.setattr(digest, "MAX_LISTED", 3)
    mari = factories.user("staff")
    choose(mari, my_ideas="digest")
    for n in range(5):
        notify.notify(mari, "idea_comment", actor="Jaan", title=f"Idea {n}")
    db.session.commit()
    send_daily_digest()
    [mail] = queued()
    assert "(5)" in mail.subject and "More in your inbox: 2." in mail.body
    assert mail.body.count("commented on your idea") == 3


def test_the_digest_links_to_the_preferences_page(app):
    with app.test_request_context():
        from flask import url_for

        assert url_for("auth.notifications") == digest.PREFERENCES_PATH


def test_the_command_sends_the_digest(app, smtp, runner):
    mari = factories.user("staff")
    choose(mari, my_ideas="digest")
    notify.notify(mari, "idea_comment", actor="Jaan", title="Macros")
    db.session.commit()
    result = runner.invoke(args=["notifications", "digest"])
    assert result.exit_code == 0 and "Queued 1 digest e-mails." in result.output
    assert len(smtp.messages) == 1
    again = runner.invoke(args=["notifications", "digest"])
    assert "Queued 0 digest e-mails." in again.output and len(smtp.messages) == 1


def test_the_command_says_when_no_mail_server_is_set(app, runner):
    result = runner.invoke(args=["notifications", "digest"])
    assert result.exit_code != 0 and "MAIL_SERVER is not set" in result.output


def test_the_daily_job_is_scheduled_at_half_past_six(app):
    from datetime import datetime

    from reviews.jobs.notifications import daily_digest

    runs_at = daily_digest.task_class().validate_datetime
    assert runs_at(datetime(2026, 12, 7, 6, 30))
    assert not runs_at(datetime(2026, 12, 7, 6, 0)) and not runs_at(datetime(2026, 12, 7, 18, 30))
