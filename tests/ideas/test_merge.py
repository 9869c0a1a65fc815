"""Merging a duplicate into another open idea: supporters carry over without duplicates, the
merged idea points to its target, and the target lists what joined it."""

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import IdeaSupport, Notification

from .conftest import idea_page, make_idea, move, reload


def supporters(idea) -> set[int]:
    query = select(IdeaSupport.user_id).where(IdeaSupport.idea_id == idea.id)
    return set(db.session.scalars(query))


def test_merging_carries_supporters_over_without_duplicates(org, login_as, post):
    target = make_idea(org.jaan, "Macros for common answers", supporters=(org.peeter,))
    duplicate = make_idea(
        org.mari, "Reply templates", supporters=(org.peeter, org.olev, org.jaan), days_ago=1
    )
    login_as(org.kadri)
    response = move(post, duplicate, "merged", f"Same as #{target.id}.", merge_into=target.id)
    assert response.status_code == 302

    duplicate, target = reload(duplicate), reload(target)
    assert duplicate.status == "merged" and duplicate.merged_into_id == target.id
    assert duplicate.decided_at is not None
    # Peeter once, Olev added, Mari (the duplicate's author) added, Jaan is the target's author.
    assert supporters(target) == {org.peeter.id, org.olev.id, org.mari.id}
    assert supporters(duplicate) == {org.peeter.id, org.olev.id, org.jaan.id}  # history kept

    html = login_as(org.jaan).get(idea_page(duplicate)).get_data(as_text=True)
    assert f'href="/ideas/{target.id}"' in html and "Macros for common answers" in html
    assert "This idea was merged into a similar one" in html
    target_html = login_as(org.jaan).get(idea_page(target)).get_data(as_text=True)
    assert "Merged into this idea" in target_html and "Reply templates" in target_html
    note = db.session.query(Notification).filter_by(user_id=org.mari.id).one()
    assert note.kind == "idea_merged" and note.params["target"] == target.title


@pytest.mark.parametrize("target_status", ["implemented", "declined"])
def test_only_into_an_open_idea(org, login_as, post, target_status):
    target = make_idea(org.jaan, "Closed", status=target_status)
    duplicate = make_idea(org.mari)
    login_as(org.kadri)
    response = move(post, duplicate, "merged", merge_into=target.id)
    assert response.status_code == 400
    assert "still open" in response.get_data(as_text=True)
    assert reload(duplicate).status == "submitted"


@pytest.mark.parametrize(
    "value,message",
    [("", "Give the number of the idea"), ("999999", "There is no idea #999999"), ("x", "")],
)
def test_the_target_must_exist(org, login_as, post, value, message):
    duplicate = make_idea(org.mari)
    login_as(org.kadri)
    response = move(post, duplicate, "merged", merge_into=value)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert reload(duplicate).status == "submitted"


def test_not_into_itself(org, login_as, post):
    idea = make_idea(org.mari)
    login_as(org.kadri)
    response = move(post, idea, "merged", merge_into=idea.id)
    assert "cannot be merged into itself" in response.get_data(as_text=True)
    assert reload(idea).status == "submitted"


def test_the_merged_idea_takes_no_more_comments(org, login_as, post):
    target = make_idea(org.jaan, "Target")
    idea = make_idea(org.mari, status="merged", merged_into=target)
    client = login_as(org.jaan)
    assert "Post comment" not in client.get(idea_page(idea)).get_data(as_text=True)
    response = post(f"/ideas/{idea.id}/comments", {"body": "Late"}, form_url="/ideas/new")
    assert response.status_code == 400 and "continue the discussion" in response.get_data(
        as_text=True
    )


def test_a_missing_target_is_reported_next_to_the_number(org, login_as, post):
    duplicate = make_idea(org.mari)
    login_as(org.kadri)
    response = move(post, duplicate, "merged", merge_into="999999")
    html = response.get_data(as_text=True)
    merged_field = html[html.index('class="when-merged"') :]
    merged_field = merged_field[: merged_field.index("</div>\n")]
    assert "has-error" in merged_field and "There is no idea #999999." in merged_field


def test_no_target_is_reported_next_to_the_number(org, login_as, post):
    duplicate = make_idea(org.mari)
    login_as(org.kadri)
    response = move(post, duplicate, "merged", merge_into="")
    html = response.get_data(as_text=True)
    merged_field = html[html.index('class="when-merged"') :]
    merged_field = merged_field[: merged_field.index("</div>\n")]
    assert "has-error" in merged_field
    assert "Give the number of the idea this one duplicates." in merged_field
