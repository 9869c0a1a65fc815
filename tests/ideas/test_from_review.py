"""Ideas suggested at the end of a review say so, with a link, to those who may open that
review, and to nobody else."""

import pytest

from extensions import db
from reviews.models import Idea

from .conftest import idea_page

LABEL = "Suggested during the 2026 Q3 review"


@pytest.fixture
def suggested(org, review, login_as, post):
    login_as(org.mari)
    data = {"title": "Shared reply macros", "description": "Macros.", "category": "tools"}
    data["review"] = str(review.id)
    assert post("/ideas/suggestions", data, form_url=f"/reviews/{review.id}")
    return db.session.query(Idea).one()


@pytest.mark.parametrize(
    "who,sees",
    [
        ("mari", True),
        ("kadri", True),
        ("leader", True),
        ("admin", True),
        ("jaan", False),
        ("olev", False),
        ("peeter", False),
    ],
)
def test_the_review_label_only_for_those_who_may_see_the_review(
    org, review, suggested, login_as, who, sees
):
    html = login_as(getattr(org, who)).get(idea_page(suggested)).get_data(as_text=True)
    assert "Shared reply macros" in html  # everyone sees the idea itself
    assert (LABEL in html) is sees
    assert (f'href="/reviews/{review.id}"' in html) is sees


def test_the_review_lists_its_ideas(org, review, suggested, login_as):
    html = login_as(org.kadri).get(f"/reviews/{review.id}").get_data(as_text=True)
    assert "Shared reply macros" in html
