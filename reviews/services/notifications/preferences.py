"""Which notifications a person wants by e-mail, and how: immediately, in the daily digest or
not at all, chosen per topic (a group of notification kinds a person understands).

The in-app inbox gets every notification whatever the choice. The few kinds a person must not
miss (``ALWAYS``) are e-mailed at once whatever they chose. No stored row means the default:
immediately."""

from collections.abc import Iterable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, insert, select

from extensions import db
from reviews.models import EmailMode, NotificationPreference, Topic, User
from reviews.services import DomainError
from reviews.services.audit import record

DEFAULT = EmailMode.IMMEDIATELY


@dataclass(frozen=True)
class TopicInfo:
    label: str
    description: str
    kinds: tuple[str, ...]


TOPICS = {
    Topic.REVIEW_DEADLINES: TopicInfo(
        _l("Assessment deadlines"),
        _l("An assessment you write as a manager is due, or reviews of your team are overdue."),
        ("manager_assessment_due", "reviews_overdue"),
    ),
    Topic.REVIEW_UPDATES: TopicInfo(
        _l("Reviews acknowledged or amended"),
        _l("Someone acknowledged a review you shared or disagreed with it, or yours was amended."),
        ("review_acknowledged", "review_disagreed", "review_amended"),
    ),
    Topic.TEAM_IDEAS: TopicInfo(
        _l("Ideas for your team"),
        _l("A new idea for a team you manage, or a comment its author added."),
        ("idea_new", "idea_author_comment"),
    ),
    Topic.MY_IDEAS: TopicInfo(
        _l("Your ideas"),
        _l("Responses, comments and new statuses of the ideas you submitted."),
        ("idea_status_changed", "idea_response", "idea_comment", "idea_merged"),
    ),
    Topic.RECOGNITION: TopicInfo(
        _l("Recognition"),
        _l("Recognition of you or of your team, or a recognition you gave being removed."),
        ("recognition_received", "recognition_for_report", "recognition_removed"),
    ),
    Topic.PROCEDURES: TopicInfo(
        _l("Procedures to read"),
        _l("A procedure to read and confirm, and reminders as its date nears or passes."),
        ("procedure_published", "procedure_due", "procedure_overdue"),
    ),
    Topic.ACTION_ITEMS: TopicInfo(
        _l("Action items"),
        _l("An action item of yours is due soon or overdue."),
        ("action_due_soon", "action_overdue"),
    ),
}

# What a person must not miss: e-mailed at once whatever they chose.
ALWAYS = {
    "review_shared": _l("A review shared with you"),
    "self_assessment_open": _l("Your self-assessment is open"),
    "self_assessment_due": _l("Your self-assessment is due"),
}

MODE_LABELS = {
    EmailMode.IMMEDIATELY: _l("Immediately"),
    EmailMode.DIGEST: _l("In a daily summary"),
    EmailMode.OFF: _l("Off"),
}

TOPIC_OF = {kind: topic for topic, info in TOPICS.items() for kind in info.kinds}
INVALID = _l("Choose one of the options offered.")


def choices(user: User) -> dict[Topic, EmailMode]:
    """The person's choice for every topic (the default where they made none)."""
    rows = db.session.execute(
        select(NotificationPreference.topic, NotificationPreference.mode).where(
            NotificationPreference.user_id == user.id
        )
    )
    stored = {Topic(topic): EmailMode(mode) for topic, mode in rows}
    return {topic: stored.get(topic, DEFAULT) for topic in Topic}


def save(actor: User, wanted: dict[str, str]) -> bool:
    """Store ``actor``'s own choices (topic → mode, every topic given) and audit what changed.
    Returns whether anything changed; a topic or mode not offered is refused."""
    errors = {t: INVALID for t in Topic if wanted.get(t) not in set(EmailMode)}
    errors.update({t: INVALID for t in wanted if t not in set(Topic)})
    if errors:
        raise DomainError(errors)
    before = choices(actor)
    after = {topic: EmailMode(wanted[topic]) for topic in Topic}
    changed = [topic for topic in Topic if before[topic] != after[topic]]
    if not changed:
        return False
    db.session.execute(
        delete(NotificationPreference).where(NotificationPreference.user_id == actor.id)
    )
    rows = [
        {"user_id": actor.id, "topic": topic.value, "mode": mode.value}
        for topic, mode in after.items()
        if mode != DEFAULT
    ]
    if rows:
        db.session.execute(insert(NotificationPreference), rows)
    record(
        "notification_preferences_changed",
        actor,
        {t.value: before[t].value for t in changed},
        {t.value: after[t].value for t in changed},
        actor=actor,
    )
    return True


def email_mode(user_id: int, kind: str) -> EmailMode:
    """How the person wants the e-mail of one notification of ``kind``."""
    return mode_of(email_modes([user_id], [kind]), user_id, kind)


def email_modes(user_ids: Iterable[int], kinds: Iterable[str]) -> dict[tuple[int, str], str]:
    """The stored choices of many people for the topics of ``kinds``, in one query, as
    (person, topic) → mode for use with ``mode_of`` (missing: the default)."""
    topics = {TOPIC_OF[kind] for kind in kinds if kind in TOPIC_OF}
    people = set(user_ids)
    if not topics or not people:
        return {}
    rows = db.session.execute(
        select(
            NotificationPreference.user_id,
            NotificationPreference.topic,
            NotificationPreference.mode,
        ).where(
            NotificationPreference.user_id.in_(people),
            NotificationPreference.topic.in_([t.value for t in topics]),
        )
    )
    return {(user_id, topic): mode for user_id, topic, mode in rows}


def mode_of(stored: dict[tuple[int, str], str], user_id: int, kind: str) -> EmailMode:
    """One person's mode for ``kind`` out of ``email_modes``' answer."""
    topic = TOPIC_OF.get(kind)
    if topic is None:
        return EmailMode.IMMEDIATELY
    return EmailMode(stored.get((user_id, topic.value), DEFAULT))
