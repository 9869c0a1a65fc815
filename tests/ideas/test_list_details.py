"""The idea list's details: what a search matches (never the seam between title and
description; across a line break of the title, literally), the comment counts and "you
support this" marks on each row, "My ideas" newest first even for ideas of the same moment,
and a page of the implemented ideas asked for by number — outside a request too, where
there is no ``page`` argument to fall back on (issue 9: mutants of
``services.ideas.queries``)."""

import re

from extensions import db
from reviews.models import utcnow
from reviews.services.ideas import contributions as idea_service
from reviews.services.ideas import queries as idea_queries
from reviews.services.ideas.queries import IdeaFilters

from .conftest import make_idea

TITLE = re.compile(r'class="idea-title" href="[^"]*">([^<]+)</a>')
ROW = re.compile(r'<li class="idea-row">(.*?)</li>', re.S)


def found(q: str) -> list[str]:
    query = idea_queries.search_ideas(IdeaFilters(q=q))
    return sorted(idea.title for idea in db.session.scalars(query))


def rows(client, url: str) -> dict[str, str]:
    """Each row of the list, by its idea's title."""
    html = client.get(url).get_data(as_text=True)
    return {TITLE.search(row).group(1): row for row in ROW.findall(html)}


def test_a_search_matches_within_the_title_or_the_description_never_across_them(org):
    make_idea(org.mari, "Shorter queue", description="Open a second window.")
    make_idea(org.jaan, "Night notes", description="Notes for the late shift.")
    assert found("x") == []  # no idea has an x
    assert found("queue\nopen") == []  # the end of a title and the start of its description
    assert found("window") == ["Shorter queue"]


def test_a_search_across_a_line_break_of_the_title_takes_the_text_literally(org):
    make_idea(org.mari, "Room 1\nRoom 2", description="Label both rooms.")
    make_idea(org.jaan, "Room_1\nRoom 2", description="Label the room.")
    assert found("room_1\nroom") == ["Room_1\nRoom 2"]  # "_" is no wildcard
    assert found("1\nroom 2") == ["Room 1\nRoom 2", "Room_1\nRoom 2"]


def test_each_row_shows_its_comments_and_whether_you_support_it(org, login_as):
    talked = make_idea(org.mari, "Talked about", supporters=(org.jaan,))
    make_idea(org.peeter, "Quiet one", supporters=(org.mari,))
    for body in ("Yes please.", "And on Fridays."):
        idea_service.add_comment(talked, org.kadri, body)
    db.session.commit()
    listed = rows(login_as(org.jaan), "/ideas/")
    assert "2 comments" in listed["Talked about"] and "comment" not in listed["Quiet one"]
    assert 'class="idea-votes supported"' in listed["Talked about"]
    assert 'class="idea-votes supported"' not in listed["Quiet one"]


def test_my_ideas_of_the_same_moment_are_listed_latest_first(org, login_as):
    ideas = [make_idea(org.mari, title) for title in ("First", "Second", "Third")]
    moment = utcnow()
    for idea in ideas:
        idea.created_at = moment
    db.session.commit()
    assert [i.title for i in idea_queries.my_ideas(org.mari.id, [])[0]] == [
        "Third",
        "Second",
        "First",
    ]
    html = login_as(org.mari).get("/ideas/mine").get_data(as_text=True)
    assert TITLE.findall(html) == ["Third", "Second", "First"]


def test_a_page_of_implemented_ideas_is_the_one_asked_for(org):
    for n in range(3):
        make_idea(org.mari, f"Done {n}", days_ago=n, status="implemented")
    second = idea_queries.page(idea_queries.implemented_query(), 2, per_page=2)
    assert (second.page, [i.title for i in second.items]) == (2, ["Done 2"])
    assert idea_queries.page(idea_queries.implemented_query(), 0, per_page=2).page == 1
