"""The help desk of ``tests.organisation`` for the idea tests. ``make_idea`` builds ideas
through the real service, then sets what the test needs."""

from datetime import timedelta
from types import SimpleNamespace

import pytest

from extensions import db
from reviews.models import Idea, IdeaSupport, utcnow
from reviews.services.ideas import contributions as idea_service
from tests.organisation import build_org, open_cycle, review_of


@pytest.fixture
def org(app):
    return build_org()


def make_idea(
    author,
    title="Shared reply macros",
    *,
    description="Common answers kept as macros in the ticket tool.",
    category="process",
    team=None,
    anonymous=False,
    days_ago=0,
    status=None,
    responded=False,
    supporters=(),
    merged_into=None,
):
    """An idea submitted by ``author`` ``days_ago`` days ago, optionally already in ``status``
    and supported by ``supporters``. Returns the idea (and its token when anonymous)."""
    submitted = idea_service.submit_idea(
        author,
        title=title,
        description=description,
        category=category,
        team=team,
        anonymous=anonymous,
    )
    idea = submitted.idea
    idea.created_at = utcnow() - timedelta(days=days_ago)
    if merged_into is not None:
        idea.merged_into_id = merged_into.id
    if status:
        idea.status = status
    if responded or (status and status != "submitted"):
        idea.first_response_at = idea.created_at + timedelta(hours=1)
    for person in supporters:
        db.session.add(IdeaSupport(idea_id=idea.id, user_id=person.id))
    idea_service.count_support(idea, len(supporters))
    db.session.commit()
    idea.token = submitted.follow_token
    return idea


def reload(idea) -> Idea:
    db.session.expire_all()
    return db.session.get(Idea, idea.id)


@pytest.fixture
def catalogue(org):
    """Six known ideas for search, filters and sorts (newest first: chat, night, kb, macros,
    rota, phone)."""
    o = org
    return SimpleNamespace(
        macros=make_idea(o.mari, "Shared reply macros", category="tools", days_ago=10),
        rota=make_idea(
            o.jaan,
            "Fairer rota",
            description="Rotate the late shifts so nobody gets them every week.",
            anonymous=True,
            days_ago=20,
            status="under_review",
            supporters=(o.mari, o.peeter),
        ),
        kb=make_idea(
            o.peeter,
            "Knowledge base clean-up",
            description="Retire outdated MACRO articles before the new term.",
            team=o.apps,
            days_ago=5,
            status="planned",
            supporters=(o.mari, o.jaan, o.kadri),
        ),
        phone=make_idea(
            o.jaan,
            "Phone etiquette training",
            description="A short course on phone manners.",
            category="training",
            team=o.apps,
            days_ago=30,
            status="implemented",
            supporters=(o.peeter,),
        ),
        chat=make_idea(
            o.peeter,
            "Chat widget on the portal",
            description="A chat box on the self-service portal.",
            category="customer_experience",
            team=o.desk,
            days_ago=2,
            status="declined",
        ),
        night=make_idea(
            o.jaan,
            "Öö-vahetuse märkmed",
            description="Night-shift notes in one place.",
            category="communication",
            days_ago=3,
        ),
    )


def idea_page(idea) -> str:
    return f"/ideas/{idea.id}"


def move(post, idea, status="", response="", **extra):
    """Post the manager's "respond and move on" form as a browser would."""
    data = {"status": status, "response": response, "impact_note": "", "merge_into": ""}
    data.update(extra)
    return post(f"/ideas/{idea.id}/move", data, form_url=idea_page(idea))


@pytest.fixture
def review(org):
    """An open "2026 Q3" cycle; returns Mari's review (managed by Kadri)."""
    return review_of(open_cycle(), org.mari)
