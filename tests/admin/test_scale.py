"""Admin: the rating scale, edited as rows that can be added and removed without JavaScript."""

import pytest

from reviews.services.reviews import framework as framework_service
from tests import factories

from . import builders

DEFAULT = [(1, "Needs significant improvement"), (5, "Outstanding")]


@pytest.fixture
def admin(login_as):
    person = builders.admin()
    login_as(person)
    factories.framework()
    return person


def scale_data(levels: list[tuple], count: int | None = None) -> dict:
    data = {"count": str(count or len(levels))}
    for i, (value, label, *description) in enumerate(levels):
        data[f"levels-{i}-value"] = str(value)
        data[f"levels-{i}-label"] = label
        data[f"levels-{i}-description"] = description[0] if description else ""
    return data


def current() -> list[tuple[int, str]]:
    return [(s.value, s.label) for s in framework_service.scale_levels()]


def test_the_page_shows_the_levels_and_explains_not_applicable(client, admin):
    page = builders.text(client.get("/admin/scale"))
    assert 'value="Outstanding"' in page and 'value="Meets expectations"' in page
    assert "Not applicable" in page and "own copy of the scale" in page


def test_an_admin_saves_a_new_scale(client, admin, post):
    levels = [(1, "Below", "Not yet"), (2, "Meets"), (3, "Above"), (4, "Far above")]
    response = post("/admin/scale", scale_data(levels))
    assert response.status_code == 302
    assert current() == [(1, "Below"), (2, "Meets"), (3, "Above"), (4, "Far above")]
    assert framework_service.scale_levels()[0].description == "Not yet"
    assert "The rating scale was saved." in builders.text(client.get("/admin/scale"))


def test_choosing_more_levels_adds_rows_without_saving(admin, post):
    levels = [(v, f"Level {v}") for v in range(1, 6)]
    response = post("/admin/scale", scale_data(levels, count=7))
    assert response.status_code == 200
    page = builders.text(response)
    assert 'name="levels-6-label"' in page and 'name="levels-7-label"' not in page
    assert 'value="Level 3"' in page  # typed values are kept
    assert "nothing has been saved yet" in page
    assert current()[-1] == (5, "Outstanding")


def test_choosing_fewer_levels_drops_the_last_rows(admin, post):
    levels = [(v, f"Level {v}") for v in range(1, 6)]
    response = post("/admin/scale", scale_data(levels, count=3))
    assert response.status_code == 200
    page = builders.text(response)
    assert 'value="Level 3"' in page and 'value="Level 4"' not in page
    assert len(current()) == 5


@pytest.mark.parametrize(
    ("levels", "messages"),
    [
        (
            [(1, "One"), (2, "Two"), (4, "Four")],
            ["Levels must be numbered 1, 2, 3… without gaps.", "Should be 3."],
        ),
        ([(2, "Two"), (3, "Three")], ["Should be 1."]),
        ([(1, "One"), (2, "  ")], ["Every level needs a label."]),
        ([(1, "One"), (2, "L" * 61)], ["60"]),
        ([(1, "One"), (2, "Two", "d" * 301)], ["300"]),
        ([(1, "One"), ("two", "Two")], ["Not a valid integer value."]),
        ([(1, "One"), (11, "Eleven")], ["Enter a number from 1 to 10."]),
    ],
)
def test_a_broken_scale_is_refused(admin, post, levels, messages):
    before = current()
    response = post("/admin/scale", scale_data(levels))
    assert response.status_code == 400
    page = builders.text(response)
    for message in messages:
        assert message in page
    assert current() == before


def test_a_single_level_is_refused(admin, post):
    before = current()
    response = post("/admin/scale", scale_data([(1, "Only")], count=1))
    assert response.status_code == 400
    assert "Not a valid choice" in builders.text(response)
    assert current() == before
