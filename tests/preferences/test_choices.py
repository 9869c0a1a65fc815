"""Each person's e-mail choice per topic decides what ``notify`` and ``notify_many`` mail at
once, keep for the daily digest or leave to the inbox alone; what a person must not miss is
e-mailed at once whatever they chose."""

import pytest
from sqlalchemy import event, select

from extensions import db
from reviews.models import Notification, Topic
from reviews.services.notifications import inbox as notify
from reviews.services.notifications import preferences
from tests import factories

from .conftest import choose, queued

COMMENT = {"actor": "Jaan", "title": "Macros"}


def test_by_default_every_notification_is_mailed_at_once(app, smtp):
    mari = factories.user("staff", email="mari@example.com")
    note = notify.notify(mari, "idea_comment", url="/ideas/1", **COMMENT)
    db.session.commit()
    [mail] = queued()
    assert mail.recipient == "mari@example.com" and "Macros" in mail.subject
    assert note.digest_pending is False
    assert len(smtp.messages) == 1


def test_off_mails_nothing_but_the_inbox_has_it(app, smtp):
    mari = factories.user("staff")
    choose(mari, my_ideas="off")
    notify.notify(mari, "idea_comment", url="/ideas/1", **COMMENT)
    db.session.commit()
    assert queued() == [] and smtp.messages == []
    [note] = notify.inbox(mari)
    assert notify.render(note) == "Jaan commented on your idea “Macros”."
    assert note.digest_pending is False  # not kept for a digest either


def test_a_topic_off_leaves_the_other_topics_mailed(app, smtp):
    mari = factories.user("staff")
    choose(mari, my_ideas="off")
    notify.notify(mari, "recognition_received", giver="Kadri")
    db.session.commit()
    assert len(queued()) == 1


def test_digest_keeps_the_notification_for_the_summary_instead_of_mailing(app, smtp):
    mari = factories.user("staff")
    choose(mari, my_ideas="digest")
    note = notify.notify(mari, "idea_comment", **COMMENT)
    db.session.commit()
    assert queued() == [] and note.digest_pending is True


@pytest.mark.parametrize(
    "kind, params",
    [
        ("review_shared", {"manager": "Kadri", "cycle": "2026 Q3"}),
        ("self_assessment_open", {"cycle": "2026 Q3", "deadline": "2026-10-20"}),
        ("self_assessment_due", {"cycle": "2026 Q3", "deadline": "2026-10-20"}),
    ],
)
@pytest.mark.parametrize("mode", ["off", "digest"])
def test_what_a_person_must_not_miss_is_mailed_at_once_whatever_they_chose(
    app, smtp, kind, params, mode
):
    mari = factories.user("staff")
    choose(mari, **{topic.value: mode for topic in Topic})
    note = notify.notify(mari, kind, url="/reviews/1", **params)
    db.session.commit()
    assert len(queued()) == 1 and note.digest_pending is False


def test_without_a_mail_server_nothing_is_mailed_or_kept_for_a_digest(app):
    mari = factories.user("staff")
    choose(mari, my_ideas="digest")
    note = notify.notify(mari, "idea_comment", **COMMENT)
    db.session.commit()
    assert queued() == [] and note.digest_pending is False


def test_every_kind_belongs_to_exactly_one_topic_or_is_always_mailed():
    kinds = [kind for info in preferences.TOPICS.values() for kind in info.kinds]
    assert len(kinds) == len(set(kinds))
    assert set(kinds).isdisjoint(preferences.ALWAYS)
    assert set(kinds) | set(preferences.ALWAYS) == set(notify.MESSAGES)
    assert list(preferences.TOPICS) == list(Topic)


# --- notify_many --------------------------------------------------------------------------


def _note(person, kind: str = "procedure_published") -> notify.Note:
    params = {"title": "Refunds", "version": 2, "deadline": "2026-12-20"}
    recipient = notify.Recipient(person.id, person.email, person.locale, person.active)
    return notify.Note(recipient, kind, "/procedures/1", params)


def test_notify_many_honours_each_persons_choice(app, smtp):
    asap = factories.user("staff", email="asap@example.com")
    quiet = factories.user("staff", email="quiet@example.com")
    daily = factories.user("staff", email="daily@example.com")
    choose(quiet, **{topic.value: "off" for topic in Topic})
    choose(daily, **{topic.value: "digest" for topic in Topic})
    shared = [_note(p, "review_shared") for p in (quiet, daily)]
    for n in shared:
        n.params = {"manager": "Kadri", "cycle": "2026 Q3"}
    assert notify.notify_many([_note(asap), _note(quiet), _note(daily), *shared]) == 3
    db.session.commit()
    assert sorted(m.recipient for m in queued()) == [
        "asap@example.com",
        "daily@example.com",
        "quiet@example.com",
    ]
    pending = db.session.scalars(select(Notification.user_id).where(Notification.digest_pending))
    assert list(pending) == [daily.id]
    assert db.session.scalar(select(db.func.count(Notification.id))) == 5  # the inbox: all


def _statements_of_notify_many(people) -> int:
    notes = [_note(p) for p in people]
    count = 0

    def counted(*_args):
        nonlocal count
        count += 1

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        notify.notify_many(notes)
        db.session.flush()
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    db.session.rollback()
    return count


def test_notify_many_reads_everyones_choices_in_one_query(app, smtp):
    few = [factories.user("staff") for _ in range(3)]
    many = [factories.user("staff") for _ in range(30)]
    for group in (few, many):
        for n, person in enumerate(group):
            choose(person, procedures=["off", "digest", "immediately"][n % 3])
    # the notifications' INSERT, the choices' SELECT and the e-mails' INSERT
    assert _statements_of_notify_many(many) == _statements_of_notify_many(few) == 3
