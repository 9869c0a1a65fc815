"""What action items offer a review as evidence: one per (item, competency), on the day it
was done (or agreed), within the window, never a carried one or a draft's."""

from datetime import datetime, timedelta

from sqlalchemy import select

from extensions import db
from reviews.models import Competency, utcnow
from reviews.services.actions.evidence import evidence

from .conftest import item, share


def test_items_of_the_window_one_per_competency(org):
    x, y = db.session.scalars(select(Competency).order_by(Competency.position).limit(2))
    share(org.reviews["mari"])
    both = item(org.reviews["mari"], "Tagged twice", competencies=[x, y], status="done")
    both.done_at = datetime(2026, 5, 1)
    untagged = item(org.reviews["mari"], "Untagged")
    item(org.reviews["mari"], "Carried on", status="carried")
    item(org.reviews["jaan"], "Jaan's")
    db.session.commit()
    found = evidence(org.mari.id, datetime(2026, 1, 1), utcnow() + timedelta(minutes=1))
    assert sorted((e.competency_id or 0, e.text, e.obj_id) for e in found) == sorted(
        [(x.id, "Tagged twice", both.id), (y.id, "Tagged twice", both.id),
         (0, "Untagged", untagged.id)]
    )  # fmt: skip
    assert {e.kind for e in found} == {"action"}
    later = evidence(org.mari.id, datetime(2026, 6, 1), datetime(2026, 6, 2))
    assert later == []


def test_a_draft_reviews_items_are_not_evidence_yet(org):
    item(org.reviews["mari"], "Draft")
    assert evidence(org.mari.id, None, utcnow() + timedelta(minutes=1)) == []
