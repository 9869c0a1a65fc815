"""The help desk of ``tests.organisation`` with a cycle running today, and a builder for
action items in its reviews."""

from datetime import date

import pytest

from extensions import db
from reviews.models import ActionItem, utcnow
from tests.organisation import build_org


@pytest.fixture
def org(app):
    return build_org(cycle="2026 Q4")


def share(review):
    review.self_submitted_at = review.manager_submitted_at = review.shared_at = utcnow()
    db.session.commit()


def item(review, description="Shadow a senior colleague", *, owner=None, due=None,
         status="open", competencies=(), commit=True) -> ActionItem:  # fmt: skip
    made = ActionItem(
        description=description, owner_id=owner.id if owner else None, due_on=due,
        status=status, competencies=list(competencies),
    )  # fmt: skip
    review.action_items.append(made)
    if commit:
        db.session.commit()
    return made


def post(client, url, data):
    from tests.conftest import csrf_token

    return client.post(url, data=dict(data, csrf_token=csrf_token(client, "/actions/")))


TODAY = date.today()
