"""What recognition offers the review form (``reviews.services.reviews.evidence``): one
entry per recognition and competency it is tagged with. Hidden and removed ones are left
out: a hidden one is the recipient's own, and the form is read by their manager too."""

from datetime import datetime

from sqlalchemy import select

from extensions import db
from reviews.models import Recognition
from reviews.models.recognition import recognition_list_loads
from reviews.services.reviews.evidence_item import Evidence

EXCERPT = 120  # characters of the message shown beside a competency


def excerpt(message: str, length: int = EXCERPT) -> str:
    text = " ".join(message.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def evidence(person_id: int, since: datetime | None, until: datetime) -> list[Evidence]:
    """The recognitions ``person_id`` received in [since, until), oldest first."""
    query = select(Recognition).where(
        Recognition.recipient_id == person_id,
        Recognition.removed_at.is_(None),
        Recognition.hidden.is_(False),
        Recognition.created_at < until,
    )
    if since is not None:
        query = query.where(Recognition.created_at >= since)
    query = query.order_by(Recognition.created_at, Recognition.id)
    found = []
    for recognition in db.session.scalars(query.options(*recognition_list_loads())):
        text = f"{recognition.giver.name}: {excerpt(recognition.message)}"
        for competency in recognition.competencies:
            found.append(
                Evidence(
                    competency_id=competency.id,
                    kind="recognition",
                    on=recognition.created_at.date(),
                    text=text,
                    obj_id=recognition.id,
                )
            )
    return found
