"""Ideas as evidence for a review: the ideas a person put forward under their own name that
were implemented in a window. An anonymous idea stores no author, and this source also asks
for ``anonymous`` false, so an anonymous idea is never linked to the person who wrote it."""

from datetime import datetime

from sqlalchemy import select

from extensions import db
from reviews.models import Idea, IdeaStatus
from reviews.services.reviews.evidence_item import Evidence


def implemented_ideas(person_id: int, since: datetime | None, until: datetime) -> list[Evidence]:
    """A ``Source`` (see ``reviews.services.reviews.evidence``): one ``Evidence`` per idea of
    ``person_id``'s, signed, implemented (decided) in [since, until), for the whole review."""
    query = select(Idea.id, Idea.title, Idea.decided_at).where(
        Idea.author_id == person_id,
        Idea.anonymous.is_(False),
        Idea.status == IdeaStatus.IMPLEMENTED,
        Idea.decided_at.is_not(None),
        Idea.decided_at < until,
    )
    if since is not None:
        query = query.where(Idea.decided_at >= since)
    return [
        Evidence(competency_id=None, kind="idea", on=decided.date(), text=title, obj_id=idea_id)
        for idea_id, title, decided in db.session.execute(query.order_by(Idea.decided_at))
    ]
