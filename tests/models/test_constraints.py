"""The database itself refuses data that breaks the model's rules."""

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from extensions import db
from reviews.models import Idea, IdeaSupport, Rating, ReportingLine, Review, RoleAssignment, User
from reviews.services.people.accounts import current_manager, set_manager
from tests import factories


@pytest.fixture
def review(app):
    cycle = factories.cycle("2026 Q4")
    team = factories.team("Service Desk")
    manager = factories.user("manager", team=team)
    person = factories.user("staff", team=team, manager=manager)
    r = Review(cycle=cycle, employee=person, manager=manager, team=team)
    db.session.add(r)
    db.session.commit()
    return r


def assert_refused(*objects):
    db.session.add_all(objects)
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_one_review_per_person_per_cycle(review):
    assert_refused(
        Review(
            cycle_id=review.cycle_id, employee_id=review.employee_id, manager_id=review.manager_id
        )
    )


def test_nobody_reviews_themselves(review):
    assert_refused(
        Review(cycle=factories.cycle("2027 Q1"), employee=review.employee, manager=review.employee)
    )


@pytest.mark.parametrize(
    "value, not_applicable",
    [(0, False), (11, False), (None, False), (3, True)],
    ids=["below-scale", "above-scale", "no-value", "value-and-na"],
)
def test_rating_is_a_scale_value_or_not_applicable(review, value, not_applicable):
    competency = review.cycle.competencies[0]
    assert_refused(
        Rating(
            review=review,
            competency=competency,
            source="self",
            value=value,
            not_applicable=not_applicable,
        )
    )


def test_rating_accepts_value_or_na_once_per_side(review):
    first, second = review.cycle.competencies[:2]
    db.session.add_all(
        [
            Rating(review=review, competency=first, source="self", value=4),
            Rating(review=review, competency=first, source="manager", value=3),
            Rating(review=review, competency=second, source="self", not_applicable=True),
        ]
    )
    db.session.commit()
    assert_refused(
        Rating(review_id=review.id, cycle_competency_id=first.id, source="self", value=2)
    )


def test_rating_source_is_self_or_manager(review):
    competency = review.cycle.competencies[0]
    assert_refused(Rating(review=review, competency=competency, source="peer", value=3))


def test_anonymous_idea_cannot_store_an_author(app):
    team = factories.team()
    author = factories.user("staff", team=team)
    assert_refused(
        Idea(title="T", description="D", category="tools", team=team, anonymous=True, author=author)
    )


def test_idea_category_and_status_are_checked(app):
    team = factories.team()
    assert_refused(Idea(title="T", description="D", category="snacks", team=team))
    assert_refused(Idea(title="T", description="D", category="tools", team=team, status="maybe"))


def test_one_support_per_person_per_idea(app):
    team = factories.team()
    person = factories.user("staff", team=team)
    idea = Idea(title="T", description="D", category="tools", team=team, author=person)
    db.session.add(idea)
    db.session.commit()
    db.session.add(IdeaSupport(idea=idea, user_id=person.id))
    db.session.commit()
    assert_refused(IdeaSupport(idea_id=idea.id, user_id=person.id))


def test_email_is_unique(app):
    factories.user("staff", email="same@example.com")
    assert_refused(User(email="same@example.com", name="Twin"))


def test_role_is_one_of_the_four(app):
    person = factories.user("staff")
    assert_refused(RoleAssignment(user_id=person.id, role="superuser"))


def test_reporting_line_history_is_kept(app):
    first = factories.user("manager", name="First Boss")
    second = factories.user("manager", name="Second Boss")
    person = factories.user("staff")
    set_manager(person, first, on=date(2025, 1, 1))
    db.session.commit()
    set_manager(person, second, on=date(2026, 3, 1))
    db.session.commit()
    lines = (
        db.session.query(ReportingLine).filter_by(employee_id=person.id).order_by("starts_on").all()
    )
    assert [(line.manager.name, line.starts_on, line.ends_on) for line in lines] == [
        ("First Boss", date(2025, 1, 1), date(2026, 3, 1)),
        ("Second Boss", date(2026, 3, 1), None),
    ]
    assert current_manager(person).name == "Second Boss"


def test_created_at_is_evaluated_per_row(app):
    a = factories.user("staff")
    b = factories.user("staff")
    assert a.created_at <= b.created_at and a.created_at is not b.created_at
