"""Improvement ideas: submitting (from anywhere, or from a review's closing section).

Anonymous means anonymous: an anonymous idea stores no author and no review, and the
audit trail and notifications name nobody. The author gets a private follow link once;
only the SHA-256 of its random token is stored."""

import hashlib
import secrets
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from extensions import db
from reviews.models import IDEA_CATEGORIES, Idea, IdeaEvent, Review, Team, User

from . import DomainError, audit
from .notify import notify
from .people import team_managers

TITLE_MAX, DESCRIPTION_MAX = 150, 5000


@dataclass
class SubmittedIdea:
    idea: Idea
    follow_token: str | None  # shown once to an anonymous author, never stored


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def find_by_follow_token(token: str) -> Idea | None:
    if not token:
        return None
    return db.session.scalar(select(Idea).where(Idea.follow_token_hash == hash_token(token)))


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
    token = secrets.token_urlsafe(24) if anonymous else None
    idea = Idea(
        title=title.strip(),
        description=description.strip(),
        category=category,
        team=team,
        anonymous=anonymous,
        author=None if anonymous else author,
        review=None if anonymous else review,
        follow_token_hash=hash_token(token) if token else None,
    )
    idea.events.append(IdeaEvent(actor=None if anonymous else author, to_status="submitted"))
    db.session.add(idea)
    db.session.flush()
    audit.record("idea_submitted", idea, actor=None if anonymous else author)
    for manager in team_managers(team):
        if anonymous or manager.id != author.id:
            notify(manager, "idea_new", url=f"/ideas/{idea.id}", team=team.name, title=idea.title)
    return SubmittedIdea(idea=idea, follow_token=token)
