"""The kept support count and the index-ordered list: ``ideas.support_count`` always equals the
idea's support rows (support, withdraw, merge, ideas built with their supporters), and every
page of every sort holds exactly what one full sort of the list would put there."""

import pytest
from sqlalchemy import func, select

from extensions import db
from reviews.models import Idea, IdeaSupport, utcnow
from reviews.services.ideas import contributions as idea_service
from reviews.services.ideas import flow as idea_flow
from reviews.services.ideas import queries as idea_queries

from .conftest import make_idea, reload


def kept_equals_counted() -> None:
    counted = dict(
        db.session.execute(
            select(IdeaSupport.idea_id, func.count()).group_by(IdeaSupport.idea_id)
        ).all()
    )
    db.session.expire_all()
    kept = dict(db.session.execute(select(Idea.id, Idea.support_count)).all())
    assert kept == {idea_id: counted.get(idea_id, 0) for idea_id in kept}


def test_support_and_withdraw_keep_the_count(org):
    idea = make_idea(org.mari, supporters=(org.peeter,))
    assert idea_service.support(idea, org.jaan) is True
    assert idea_service.support_count(idea) == 2
    assert idea_service.support(idea, org.jaan) is False
    assert idea_service.withdraw_support(idea, org.peeter) is True
    assert idea_service.withdraw_support(idea, org.peeter) is False
    db.session.commit()
    assert reload(idea).support_count == 1
    kept_equals_counted()


def test_merging_adds_the_carried_supporters(org):
    target = make_idea(org.jaan, "Target", supporters=(org.peeter,))
    duplicate = make_idea(org.mari, "Duplicate", supporters=(org.peeter, org.olev))
    idea_flow.move_idea(duplicate, org.kadri, to_status="merged", response="Same.",
                        merge_into=target.id)  # fmt: skip
    db.session.commit()
    assert reload(target).support_count == 3  # Peeter, plus Olev and Mari (the author)
    kept_equals_counted()


def test_an_idea_inserted_with_its_supporters_counts_them(org):
    idea = Idea(title="Seeded", description="Built as the demo seed does.", category="tools",
                team=org.desk, author=org.mari, created_at=utcnow())  # fmt: skip
    idea.supports = [IdeaSupport(user_id=org.jaan.id), IdeaSupport(user_id=org.peeter.id)]
    db.session.add(idea)
    db.session.commit()
    assert reload(idea).support_count == 2
    kept_equals_counted()


def test_support_leaves_updated_at_alone(org):
    idea = make_idea(org.mari)
    before = reload(idea).updated_at
    idea_service.support(idea, org.jaan)
    db.session.commit()
    assert reload(idea).updated_at == before


@pytest.fixture
def many(org):
    """Ideas of mixed status, response and support, several on the same day."""
    people = (org.jaan, org.peeter, org.olev, org.kadri)
    statuses = ("submitted", "under_review", "planned", "implemented", "declined")
    for n in range(23):
        make_idea(
            org.mari,
            f"Idea {n:02d}",
            days_ago=n // 2,
            status=statuses[n % 5],
            responded=n % 3 == 0,
            category=("tools", "process")[n % 2],
            supporters=people[: n % 5],
        )


@pytest.mark.parametrize("sort", idea_queries.SORTS)
@pytest.mark.parametrize("status", ["", "open", "submitted"])
@pytest.mark.parametrize("category", ["", "tools"])
def test_every_page_is_the_slice_of_one_full_sort(many, sort, status, category):
    filters = idea_queries.IdeaFilters(status=status, category=category, sort=sort)
    expected = [i.id for i in db.session.scalars(idea_queries.search_ideas(filters))]
    pages, number = [], 1
    while True:
        page = idea_queries.list_page(filters, number, per_page=4)
        assert page.total == len(expected)
        if not page.items:
            break
        pages += [i.id for i in page.items]
        number += 1
    assert pages == expected
    assert number - 1 == max(1, page.pages) or not expected
