"""Support: once per person (the database enforces it), withdrawable, frozen once decided,
and not for one's own idea."""

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from extensions import db
from reviews.models import IdeaSupport
from reviews.services.ideas import contributions as idea_service

from .conftest import idea_page, make_idea


def supporters(idea) -> list[int]:
    query = select(IdeaSupport.user_id).where(IdeaSupport.idea_id == idea.id)
    return sorted(db.session.scalars(query))


def press(post, idea, action="support"):
    return post(f"/ideas/{idea.id}/{action}", form_url=idea_page(idea))


def test_the_database_allows_one_support_per_person(org):
    idea = make_idea(org.mari)
    db.session.execute(insert(IdeaSupport).values(idea_id=idea.id, user_id=org.jaan.id))
    with pytest.raises(IntegrityError):
        db.session.execute(insert(IdeaSupport).values(idea_id=idea.id, user_id=org.jaan.id))
    db.session.rollback()


def test_support_once_through_the_page(org, login_as, post):
    idea = make_idea(org.mari)
    client = login_as(org.jaan)
    assert press(post, idea).status_code == 302
    follow = press(post, idea)
    assert follow.status_code == 302
    assert "You already support this idea." in client.get(idea_page(idea)).get_data(as_text=True)
    assert supporters(idea) == [org.jaan.id]
    html = client.get(idea_page(idea)).get_data(as_text=True)
    assert "You support this idea." in html and "Withdraw my support" in html


def test_a_race_between_two_presses_is_handled(org, monkeypatch):
    """The second insert of a race fails on the primary key: no error, still one support."""
    idea = make_idea(org.mari)
    db.session.execute(insert(IdeaSupport).values(idea_id=idea.id, user_id=org.jaan.id))
    db.session.commit()
    monkeypatch.setattr(idea_service, "supports", lambda idea, user: False)  # both saw none
    assert idea_service.support(idea, org.jaan) is False
    assert supporters(idea) == [org.jaan.id]


def test_withdraw(org, login_as, post):
    idea = make_idea(org.mari, supporters=(org.jaan,))
    login_as(org.jaan)
    assert press(post, idea, "withdraw").status_code == 302
    assert supporters(idea) == []
    assert press(post, idea, "withdraw").status_code == 302  # nothing to withdraw: no error
    assert press(post, idea).status_code == 302
    assert supporters(idea) == [org.jaan.id]


@pytest.mark.parametrize("status", ["implemented", "declined", "merged"])
def test_support_is_frozen_once_decided(org, login_as, post, status):
    target = make_idea(org.peeter, "Target") if status == "merged" else None
    idea = make_idea(org.mari, status=status, supporters=(org.peeter,), merged_into=target)
    client = login_as(org.jaan)
    press(post, idea)
    html = client.get(idea_page(idea)).get_data(as_text=True)
    assert "Support is closed" in html and "Support this idea" not in html
    login_as(org.peeter)
    press(post, idea, "withdraw")
    assert supporters(idea) == [org.peeter.id]


def test_authors_do_not_support_their_own_idea(org, login_as, post):
    idea = make_idea(org.mari)
    client = login_as(org.mari)
    assert "Support this idea" not in client.get(idea_page(idea)).get_data(as_text=True)
    press(post, idea)
    assert "cannot support it yourself" in client.get(idea_page(idea)).get_data(as_text=True)
    assert supporters(idea) == []


def test_an_anonymous_author_following_in_this_browser_cannot_support_it(org, login_as, post):
    idea = make_idea(org.mari, anonymous=True)
    client = login_as(org.mari)
    client.get(f"/ideas/follow/{idea.token}")
    html = client.get(idea_page(idea)).get_data(as_text=True)
    assert "Support this idea" not in html and "Open your private page" in html
    press(post, idea)
    assert supporters(idea) == []
    # Anyone else may.
    login_as(org.jaan)
    press(post, idea)
    assert supporters(idea) == [org.jaan.id]


def test_counts_on_the_list(org, login_as):
    make_idea(org.mari, "Counted", supporters=(org.jaan, org.peeter, org.kadri))
    html = login_as(org.jaan).get("/ideas/").get_data(as_text=True)
    assert "<strong>3</strong>" in html


def test_the_service_refuses_an_anonymous_authors_own_support(org):
    """The rule lives in the service: holding the idea's follow token makes it one's own,
    whichever page or script asks."""
    from reviews.services import DomainError

    idea = make_idea(org.mari, anonymous=True)
    with pytest.raises(DomainError, match="cannot support it yourself"):
        idea_service.support(idea, org.mari, follow_tokens=[idea.token])
    assert idea_service.support(idea, org.mari, follow_tokens=["someone-elses"]) is True


def test_withdrawing_from_one_idea_keeps_ones_support_of_the_others(org):
    macros = make_idea(org.mari, "Shared reply macros")
    rota = make_idea(org.mari, "Night rota")
    idea_service.support(macros, org.jaan)
    idea_service.support(rota, org.jaan)
    db.session.commit()
    assert idea_service.withdraw_support(macros, org.jaan)
    db.session.commit()
    assert not idea_service.supports(macros, org.jaan)
    assert idea_service.supports(rota, org.jaan) and rota.support_count == 1
