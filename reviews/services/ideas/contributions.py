"""Improvement ideas: submitting (from anywhere, or from a review's closing section),
supporting and discussing. The workflow lives in ``idea_flow``, the lists in ``idea_queries``.

Anonymous means anonymous: an anonymous idea stores no author and no review, and the
audit trail and notifications name nobody. The author gets a private follow link once;
only the SHA-256 of its random token is stored."""

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import FlushError

from extensions import db
from reviews.models import (
    IDEA_CATEGORIES,
    Idea,
    IdeaComment,
    IdeaEvent,
    IdeaSupport,
    Notification,
    Review,
    Team,
    User,
    utcnow,
)
from reviews.models.ideas import CLOSED_STATUSES, idea_page_loads
from reviews.services import DomainError, audit
from reviews.services.notifications.inbox import notify
from reviews.services.people.teams import team_managers

TITLE_MAX, DESCRIPTION_MAX, COMMENT_MAX = 150, 5000, 2000


@dataclass
class SubmittedIdea:
    idea: Idea
    follow_token: str | None  # shown once to an anonymous author, never stored


def hash_token(token: str) -> str:
    """The only form in which a follow token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def find_by_follow_token(token: str) -> Idea | None:
    """The anonymous idea a private link opens (looked up by the hash), or None."""
    if not token:
        return None
    query = select(Idea).where(Idea.follow_token_hash == hash_token(token))
    return db.session.scalar(query.options(*idea_page_loads()))


def reissue_follow_token(token: str) -> str | None:
    """A new follow token for the anonymous idea ``token`` opens, which stops working at once;
    None when it opens nothing (already replaced). One conditional UPDATE, so of two requests
    racing with the same token only one gets a new one: how a private link is shown once."""
    if not token:
        return None
    new = secrets.token_urlsafe(24)
    done = db.session.execute(
        update(Idea)
        .where(Idea.follow_token_hash == hash_token(token))
        # updated_at kept: it would tell the second the idea was submitted (day only).
        .values(follow_token_hash=hash_token(new), updated_at=Idea.updated_at)
        .execution_options(synchronize_session=False)
    )
    return new if done.rowcount == 1 else None


def idea_url(idea: Idea) -> str:
    """The idea's page, as stored in notifications (relative, so it works behind any host)."""
    return f"/ideas/{idea.id}"


def _validate(title: str, description: str, category: str) -> None:
    errors = {}
    if not title.strip():
        errors["title"] = _l("Give the idea a title.")
    elif len(title.strip()) > TITLE_MAX:
        errors["title"] = _l("Keep the title under %(n)d characters.", n=TITLE_MAX)
    if not description.strip():
        errors["description"] = _l("Describe the idea.")
    elif len(description) > DESCRIPTION_MAX:
        errors["description"] = _l(
            "Keep the description under %(n)d characters.", n=DESCRIPTION_MAX
        )
    if category not in IDEA_CATEGORIES:
        errors["category"] = _l("Choose a category.")
    if errors:
        raise DomainError(errors)


def submit_idea(
    author: User,
    *,
    title: str,
    description: str,
    category: str,
    team: Team | None,
    anonymous: bool,
    review: Review | None = None,
) -> SubmittedIdea:
    """Create an idea in status "submitted" and tell the team's managers. From a review it is
    linked to the review and credited to the employee, unless anonymous."""
    _validate(title, description, category)
    team = team or author.team
    if team is None:
        raise DomainError({"team_id": _l("Choose the team the idea is for.")})
    if not team.active:
        raise DomainError({"team_id": _l("This team is no longer active; choose another.")})
    token = secrets.token_urlsafe(24) if anonymous else None
    when = day_of(utcnow()) if anonymous else utcnow()
    idea = Idea(
        title=title.strip(),
        description=description.strip(),
        category=category,
        team=team,
        anonymous=anonymous,
        author=None if anonymous else author,
        review=None if anonymous else review,
        follow_token_hash=hash_token(token) if token else None,
        created_at=when,
        updated_at=when,
    )
    actor = None if anonymous else author
    idea.events.append(IdeaEvent(actor=actor, to_status="submitted", created_at=when))
    db.session.add(idea)
    db.session.flush()
    audit.record("idea_submitted", idea, actor=actor).created_at = when
    if not anonymous:  # an anonymous one is announced in the next day's batch
        _announce(idea, skip=author)
    return SubmittedIdea(idea=idea, follow_token=token)


def day_of(moment: datetime) -> datetime:
    """Midnight (UTC) of ``moment``'s day: all an anonymous idea keeps of when it came."""
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def _announce(idea: Idea, skip: User | None = None) -> None:
    for manager in team_managers(idea.team):
        if skip is None or manager.id != skip.id:
            notify(manager, "idea_new", url=idea_url(idea), team=idea.team.name, title=idea.title)


ANNOUNCE_WITHIN = timedelta(days=14)  # anonymous ideas older than this are not looked at


def announce_anonymous_ideas(now: datetime | None = None) -> int:
    """Tell the team managers of the anonymous ideas submitted before today, all at once
    and in the order of their titles, so neither the time a manager hears of one nor its
    place among the others says when it came (``jobs.ideas``, daily). Returns how many."""
    today = day_of(now or utcnow())
    told = select(Notification.url).where(Notification.kind == "idea_new")
    query = (
        select(Idea)
        .where(
            Idea.anonymous.is_(True),
            Idea.created_at < today,
            Idea.created_at >= today - ANNOUNCE_WITHIN,
        )
        .order_by(Idea.title, Idea.id)
    )
    waiting = list(db.session.scalars(query))
    known = set(
        db.session.scalars(told.where(Notification.url.in_([idea_url(i) for i in waiting])))
    )
    fresh = [idea for idea in waiting if idea_url(idea) not in known]
    for idea in fresh:
        _announce(idea)
    return len(fresh)


# Support: once per person, never for one's own idea, frozen once the idea is decided -------


def is_own(idea: Idea, user: User, follow_tokens: Iterable[str] = ()) -> bool:
    """The credited author — or, for an anonymous idea, whoever holds its private follow
    token (``follow_tokens``: those this person's browser keeps; the server knows no more)."""
    if idea.author_id is not None and idea.author_id == user.id:
        return True
    hashes = {hash_token(token) for token in follow_tokens}
    return idea.follow_token_hash is not None and idea.follow_token_hash in hashes


def support_frozen(idea: Idea) -> bool:
    """Once decided, an idea's support is history and no longer changes."""
    return idea.status in CLOSED_STATUSES


def supports(idea: Idea, user: User) -> bool:
    """Whether ``user`` supports ``idea``."""
    query = select(IdeaSupport.idea_id).where(
        IdeaSupport.idea_id == idea.id, IdeaSupport.user_id == user.id
    )
    return db.session.scalar(query) is not None


def support_count(idea: Idea) -> int:
    """How many people support ``idea`` (the count kept on the idea)."""
    return idea.support_count


def count_support(idea: Idea, change: int) -> None:
    """Add ``change`` to the idea's kept support count, as one atomic ``UPDATE ... SET n = n +
    change`` in the caller's transaction (two people supporting at once both count). Every
    insert or delete of an ``IdeaSupport`` row goes with one of these."""
    if not change:
        return
    db.session.execute(
        update(Idea)
        .where(Idea.id == idea.id)
        .values(support_count=Idea.support_count + change, updated_at=Idea.updated_at)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(idea, ["support_count"])


def _check_support_open(idea: Idea, user: User, follow_tokens: Iterable[str]) -> None:
    if support_frozen(idea):
        raise DomainError(
            {"": _l("Support is closed: this idea has been implemented, declined or merged.")}
        )
    if is_own(idea, user, follow_tokens):
        raise DomainError({"": _l("You put this idea forward, so you cannot support it yourself.")})


def support(idea: Idea, user: User, follow_tokens: Iterable[str] = ()) -> bool:
    """Add ``user``'s support; False when they already supported it. Nobody supports their
    own idea, an anonymous one included (``follow_tokens``, see ``is_own``). The primary key
    keeps it to one per person even when two requests race: the loser's insert is rolled
    back."""
    _check_support_open(idea, user, follow_tokens)
    if supports(idea, user):
        return False
    try:
        db.session.add(IdeaSupport(idea_id=idea.id, user_id=user.id))
        db.session.flush()
    except (IntegrityError, FlushError):
        db.session.rollback()  # the only change of this request: nothing else is lost
        return False
    count_support(idea, 1)
    audit.record("idea_supported", idea, actor=user)
    return True


def withdraw_support(idea: Idea, user: User) -> bool:
    """Take ``user``'s support back; False when there was none."""
    if support_frozen(idea):
        raise DomainError(
            {"": _l("Support is closed: this idea has been implemented, declined or merged.")}
        )
    result = db.session.execute(
        delete(IdeaSupport).where(IdeaSupport.idea_id == idea.id, IdeaSupport.user_id == user.id)
    )
    count_support(idea, -result.rowcount)
    if result.rowcount:
        audit.record("idea_support_withdrawn", idea, actor=user)
    return bool(result.rowcount)


# Discussion ------------------------------------------------------------------------------


def _check_comment(idea: Idea, body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise DomainError({"body": _l("Write a comment first.")})
    if len(body) > COMMENT_MAX:
        raise DomainError({"body": _l("Keep the comment under %(n)d characters.", n=COMMENT_MAX)})
    if idea.status == "merged":
        raise DomainError(
            {"body": _l("This idea was merged; continue the discussion on the idea it joined.")}
        )
    return body


def add_comment(idea: Idea, user: User, body: str) -> IdeaComment:
    """A signed-in person's comment, under their name. The credited author hears of it."""
    comment = IdeaComment(idea=idea, author_id=user.id, body=_check_comment(idea, body))
    db.session.add(comment)
    db.session.flush()
    audit.record("idea_commented", idea, after={"comment": comment.id}, actor=user)
    if idea.author is not None and idea.author_id != user.id:
        notify(idea.author, "idea_comment", url=idea_url(idea), actor=user.name, title=idea.title)
    if is_own(idea, user):
        _tell_managers_author_commented(idea)
    return comment


def add_author_comment(idea: Idea, body: str) -> IdeaComment:
    """A comment by an anonymous idea's author, written through the private follow link.
    It stores no person at all: "Author (anonymous)" is all anyone will ever see."""
    comment = IdeaComment(
        idea=idea, author_id=None, by_anonymous_author=True, body=_check_comment(idea, body)
    )
    db.session.add(comment)
    _tell_managers_author_commented(idea)
    return comment


def _tell_managers_author_commented(idea: Idea) -> None:
    for manager in team_managers(idea.team):
        if manager.id != idea.author_id:
            notify(manager, "idea_author_comment", url=idea_url(idea), title=idea.title)
