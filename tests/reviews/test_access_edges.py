"""Edges of the review lists in ``reviews.access`` that mutation testing (issue 9) found
unpinned: leadership who manage nobody still see the cycles, newest first; a cycle page is in
the order of the employees' names, whatever order the reviews were made in; a person's own
review is the one of the cycle asked about."""

from datetime import date

from extensions import db
from reviews import access
from tests import factories


def test_leadership_who_manage_nobody_see_every_cycle_newest_first(org):
    reader = factories.user("leadership", name="Lea Reader")  # no reports: not a manager
    assert not reader.has_role("manager")
    older = factories.cycle("2025 Q4", start=date(2025, 10, 1))
    newer = factories.cycle("2027 Q4", start=date(2027, 10, 1))
    assert access.visible_cycles(reader) == [newer, org.cycle, older]
    assert access.visible_cycles(org.admin) == [newer, org.cycle, older]
    assert access.visible_cycles(org.mari) == []


def test_a_cycle_page_is_in_the_order_of_the_names_not_of_the_reviews(org):
    first, second = sorted([org.reviews["mari"], org.reviews["jaan"]], key=lambda r: r.id)
    first.employee.name, second.employee.name = "Zenta Zorn", "Aadu Aas"
    db.session.commit()
    names = [r.employee.name for r in access.cycle_page_reviews(org.kadri, org.cycle.id)]
    assert names == ["Aadu Aas", "Zenta Zorn"]


def test_ones_own_review_is_the_one_of_the_cycle_asked_about(org):
    later = factories.cycle("2027 Q1", start=date(2027, 1, 1))  # planned: no reviews yet
    assert access.own_review_id(org.mari, org.cycle.id) == org.review.id
    assert access.own_review_id(org.mari, later.id) is None
