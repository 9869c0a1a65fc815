"""What the recipient and the people in charge may do with a recognition once given: the
recipient hides it from others (or shows it again) and chooses whether what they receive
appears in their team's feed; their current manager or an admin removes one that is not
appropriate — audited, and the giver is told."""

from flask_babel import lazy_gettext as _l

from extensions import db
from reviews import access
from reviews.models import Recognition, RecognitionSetting, User, utcnow
from reviews.services import DomainError, audit
from reviews.services.notifications.inbox import notify


def set_hidden(actor: User, recognition: Recognition, hidden: bool) -> None:
    if not access.can_hide_recognition(actor, recognition):
        raise DomainError({"": _l("Only the person recognised can hide it.")})
    recognition.hidden = hidden


def remove(actor: User, recognition: Recognition) -> None:
    """Take a recognition out of every list for good (the row is kept for the audit)."""
    if not access.can_remove_recognition(actor, recognition):
        raise DomainError({"": _l("You cannot remove this recognition.")})
    recognition.removed_at = utcnow()
    recognition.removed_by = actor
    audit.record(
        "recognition_removed",
        recognition,
        before={"message": recognition.message},
        after={"removed_at": recognition.removed_at.isoformat(timespec="seconds")},
        actor=actor,
    )
    notify(
        recognition.giver,
        "recognition_removed",
        url="/recognition/given",
        person=recognition.recipient.name,
    )


def in_team_feed(user: User) -> bool:
    setting = db.session.get(RecognitionSetting, user.id)
    return bool(setting and setting.in_team_feed)


def set_team_feed(actor: User, shown: bool) -> None:
    """``actor``'s own choice: show the recognitions they receive in their team's feed."""
    setting = db.session.get(RecognitionSetting, actor.id)
    if setting is None:
        setting = RecognitionSetting(user_id=actor.id)
        db.session.add(setting)
    setting.in_team_feed = shown
