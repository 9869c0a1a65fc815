"""The idea workflow: which moves are allowed, who may make them, and what each move records.

submitted → under review → planned → implemented; declined (a reason is required) or merged
into another open idea from any open status. Every move and every response is an
``IdeaEvent`` (who, when, from, to, the response the author sees)."""

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from extensions import db
from reviews import access
from reviews.labels import IDEA_STATUS_LABELS
from reviews.models import Idea, IdeaEvent, IdeaSupport, User, utcnow
from reviews.models.ideas import CLOSED_STATUSES, OPEN_STATUSES
from reviews.services import DomainError, audit
from reviews.services.ideas.contributions import count_support, idea_url
from reviews.services.notifications.inbox import notify

# From each open status, where an idea may go next: any later step at once (a manager marks
# a quick win implemented in one save), or out of the way (declined, merged); never back.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "submitted": ("under_review", "planned", "implemented", "declined", "merged"),
    "under_review": ("planned", "implemented", "declined", "merged"),
    "planned": ("implemented", "declined", "merged"),
}
RESPONSE_MAX, IMPACT_MAX = 5000, 2000


def allowed_moves(idea: Idea) -> tuple[str, ...]:
    """The statuses ``idea`` may move to now (none once decided)."""
    return TRANSITIONS.get(idea.status, ())


def merge_target(idea: Idea, target_id: int | None) -> Idea:
    """The open idea ``idea`` may be merged into, or a reason on the ``merge_into`` field."""
    if not target_id:
        raise DomainError({"merge_into": _l("Give the number of the idea this one duplicates.")})
    target = db.session.get(Idea, target_id)
    if target is None:
        raise DomainError({"merge_into": _l("There is no idea #%(id)d.", id=target_id)})
    if target.id == idea.id:
        raise DomainError({"merge_into": _l("An idea cannot be merged into itself.")})
    if target.status not in OPEN_STATUSES:
        raise DomainError(
            {"merge_into": _l("Merge into an idea that is still open (submitted to planned).")}
        )
    return target


def _validate(idea: Idea, to_status: str, response: str, impact_note: str) -> None:
    errors = {}
    if to_status and to_status not in allowed_moves(idea):
        name = IDEA_STATUS_LABELS.get(to_status, to_status)
        errors["status"] = _l("An idea in this status cannot move to “%(to)s”.", to=name)
    if not to_status and not response:
        errors["response"] = _l("Write a response, or choose a new status.")
    if to_status == "declined" and not response:
        errors["response"] = _l("Say why the idea is declined: the author sees this reason.")
    if to_status == "implemented" and not impact_note:
        errors["impact_note"] = _l("Describe what changed thanks to this idea.")
    if len(response) > RESPONSE_MAX:
        errors["response"] = _l("Keep the response under %(n)d characters.", n=RESPONSE_MAX)
    if len(impact_note) > IMPACT_MAX:
        errors["impact_note"] = _l("Keep the impact note under %(n)d characters.", n=IMPACT_MAX)
    if errors:
        raise DomainError(errors)


def move_idea(
    idea: Idea,
    actor: User,
    *,
    to_status: str = "",
    response: str = "",
    impact_note: str = "",
    merge_into: int | None = None,
    expected_status: str | None = None,
) -> IdeaEvent:
    """Move ``idea`` to ``to_status`` (or only respond when it is empty), as ``actor``.
    ``expected_status`` is the status the actor saw: if someone moved the idea meanwhile,
    nothing is written and the actor is told."""
    if not access.can_move_idea(actor, idea):
        raise DomainError({"": _l("Only the team's managers, leadership and admins move ideas.")})
    if expected_status and expected_status != idea.status:
        raise DomainError(
            {"": _l("Someone moved this idea meanwhile; check its status and try again.")}
        )
    response, impact_note = (response or "").strip(), (impact_note or "").strip()
    _validate(idea, to_status, response, impact_note)
    target = merge_target(idea, merge_into) if to_status == "merged" else None
    event = _record(idea, actor, to_status or idea.status, response)
    if to_status == "declined":
        idea.decline_reason = response
    if to_status == "implemented":
        idea.impact_note = impact_note
    if target is not None:
        idea.merged_into = target
        carry_supporters(idea, target)
    _tell_author(idea, actor, event, target)
    return event


def _record(idea: Idea, actor: User, to_status: str, response: str) -> IdeaEvent:
    """Append the event, stamp first response and decision, audit the change."""
    from_status, now = idea.status, utcnow()
    event = IdeaEvent(
        idea=idea, actor=actor, from_status=from_status, to_status=to_status, response=response
    )
    db.session.add(event)
    idea.status = to_status
    if idea.first_response_at is None:
        idea.first_response_at = now
    if to_status in CLOSED_STATUSES and to_status != from_status:
        idea.decided_at = now
    if to_status != from_status:
        audit.record(
            "idea_moved", idea, {"status": from_status}, {"status": to_status}, actor=actor
        )
    return event


def carry_supporters(source: Idea, target: Idea) -> int:
    """Give ``target`` the support of everyone who supported ``source`` (and of its credited
    author), skipping people who already support it and the target's own author."""
    taken = set(
        db.session.scalars(select(IdeaSupport.user_id).where(IdeaSupport.idea_id == target.id))
    )
    if target.author_id is not None:
        taken.add(target.author_id)
    people = list(
        db.session.scalars(select(IdeaSupport.user_id).where(IdeaSupport.idea_id == source.id))
    )
    if source.author_id is not None:
        people.append(source.author_id)
    added = 0
    for user_id in people:
        if user_id not in taken:
            db.session.add(IdeaSupport(idea_id=target.id, user_id=user_id))
            taken.add(user_id)
            added += 1
    count_support(target, added)
    return added


def _tell_author(idea: Idea, actor: User, event: IdeaEvent, target: Idea | None) -> None:
    """The credited author hears of every move and response. An anonymous author is never
    notified (nobody knows who they are): they follow the idea through their private link."""
    author = idea.author
    if author is None or author.id == actor.id:
        return
    url = idea_url(idea)
    if target is not None:
        notify(author, "idea_merged", url=url, title=idea.title, target=target.title)
    elif event.from_status != event.to_status:
        with force_locale(author.locale):
            status = str(IDEA_STATUS_LABELS[event.to_status]).lower()
        notify(author, "idea_status_changed", url=url, title=idea.title, status=status)
    else:
        notify(author, "idea_response", url=url, actor=actor.name, title=idea.title)
