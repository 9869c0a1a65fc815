"""Who sees a recognition: its recipient, its giver, the recipient's current manager and
admins; nobody else — leadership sees the chart's counts, not the messages. The recipient may
hide one (then only they, the giver and admins see it); the team feed shows only the
recognitions of people who opted in, to the team's members and managers; the review page
shows the person's to the person, their current manager, the review's manager and admins."""

from sqlalchemy import select

from extensions import db
from reviews import access
from reviews.models import Notification, Recognition, utcnow
from reviews.services.people import accounts
from tests.organisation import open_cycle, review_of

from .conftest import give, page

WORDS = "Calm and clear with an angry caller"


def _sees(client, login_as, person, url: str) -> bool:
    login_as(person)
    return WORDS in page(client, url)


def test_the_recipient_giver_manager_and_admins_see_it_others_do_not(org, login_as, client):
    recognition = give(org.jaan, org.mari, message=WORDS)
    assert _sees(client, login_as, org.mari, "/recognition/")
    assert _sees(client, login_as, org.jaan, "/recognition/given")
    assert _sees(client, login_as, org.kadri, "/recognition/reports")
    assert not _sees(client, login_as, org.olev, "/recognition/reports")  # not his report
    assert not _sees(client, login_as, org.peeter, "/recognition/team")  # another team
    # The loader answers the same way (used by every button).
    for person, sees in (
        (org.mari, True), (org.jaan, True), (org.kadri, True), (org.leader, False),
        (org.admin, True), (org.olev, False), (org.peeter, False),
    ):  # fmt: skip
        found = db.session.scalar(
            access.visible_recognitions(person).where(Recognition.id == recognition.id)
        )
        assert (found is not None) is sees, person.name


def test_a_new_manager_sees_it_the_old_one_no_longer(org, login_as, client):
    give(org.jaan, org.mari, message=WORDS)
    accounts.set_manager(org.mari, org.olev)
    db.session.commit()
    assert _sees(client, login_as, org.olev, "/recognition/reports")
    assert not _sees(client, login_as, org.kadri, "/recognition/reports")


def test_hidden_by_the_recipient_it_leaves_the_managers_and_leaders_view(
    org, login_as, client, post
):
    recognition = give(org.jaan, org.mari, message=WORDS)
    login_as(org.mari)
    assert post(f"/recognition/{recognition.id}/hide", form_url="/recognition/").status_code == 302
    db.session.refresh(recognition)
    assert recognition.hidden
    # The message says who still sees it, and that it still counts in the chart.
    told = page(client, "/recognition/")
    assert "administrators can see it" in told and "still counts" in told
    assert _sees(client, login_as, org.mari, "/recognition/")  # marked, still hers
    assert _sees(client, login_as, org.jaan, "/recognition/given")
    assert not _sees(client, login_as, org.kadri, "/recognition/reports")
    hidden = access.visible_recognitions(org.leader).where(Recognition.id == recognition.id)
    assert db.session.scalar(hidden) is None
    # Only the recipient hides: her manager's attempt changes nothing.
    login_as(org.mari)
    post(f"/recognition/{recognition.id}/hide", {"hidden": "0"}, form_url="/recognition/")
    db.session.refresh(recognition)
    assert not recognition.hidden
    login_as(org.kadri)
    url = f"/recognition/{recognition.id}/hide"
    assert post(url, form_url="/recognition/reports").status_code == 403
    db.session.refresh(recognition)
    assert not recognition.hidden


def test_the_team_feed_shows_only_those_who_opted_in(org, login_as, client, post):
    give(org.jaan, org.mari, message=WORDS)
    give(org.mari, org.jaan, message="Jaan rebuilt the knowledge base index")
    # Off by default: nobody's recognition is in the feed.
    assert not _sees(client, login_as, org.jaan, "/recognition/team")
    login_as(org.mari)
    assert "Show the recognitions I receive in my team" in page(client, "/recognition/")
    response = post("/recognition/feed-setting", {"in_team_feed": "y"}, form_url="/recognition/")
    assert response.status_code == 302
    html = lambda person: (login_as(person), page(client, "/recognition/team"))[1]  # noqa: E731
    for person in (org.jaan, org.mari, org.kadri):  # team members and its manager
        assert WORDS in html(person), person.name
        assert "Jaan rebuilt" not in html(person)  # Jaan did not opt in
    for person in (org.peeter, org.olev, org.leader):  # another team; leadership has no team
        assert WORDS not in html(person), person.name
    # Hidden ones leave the feed; turning the setting off empties it again.
    login_as(org.mari)
    recognition = db.session.scalars(select(Recognition).filter_by(recipient_id=org.mari.id)).one()
    post(f"/recognition/{recognition.id}/hide", form_url="/recognition/")
    assert WORDS not in html(org.jaan)
    login_as(org.mari)
    post(f"/recognition/{recognition.id}/hide", {"hidden": "0"}, form_url="/recognition/")
    assert WORDS in html(org.jaan)
    login_as(org.mari)
    post("/recognition/feed-setting", {}, form_url="/recognition/")
    assert WORDS not in html(org.jaan)


def test_the_manager_removes_one_that_is_not_appropriate_asking_first(org, login_as, client, post):
    recognition = give(org.jaan, org.mari, message=WORDS)
    url = f"/recognition/{recognition.id}/remove"
    login_as(org.kadri)
    # Without the yes, a confirmation page and nothing removed.
    asked = post(url, {"confirmed": ""}, form_url="/recognition/reports")
    assert asked.status_code == 200 and "Remove this recognition of Mari Tamm" in asked.get_data(
        as_text=True
    )
    db.session.refresh(recognition)
    assert recognition.removed_at is None
    assert post(url, form_url="/recognition/reports").status_code == 302
    db.session.refresh(recognition)
    assert recognition.removed_at is not None and recognition.removed_by_id == org.kadri.id
    # Gone from every list but the giver's, where it is marked; the giver is told; audited.
    assert not _sees(client, login_as, org.mari, "/recognition/")
    assert not _sees(client, login_as, org.kadri, "/recognition/reports")
    login_as(org.jaan)
    given = page(client, "/recognition/given")
    assert WORDS in given and "Removed as not appropriate" in given
    kinds = db.session.scalars(select(Notification.kind).filter_by(user_id=org.jaan.id)).all()
    assert kinds == ["recognition_removed"]
    from reviews.models import AuditEvent

    event = db.session.scalars(select(AuditEvent).filter_by(action="recognition_removed")).one()
    assert (event.actor_id, event.object_id) == (org.kadri.id, recognition.id)


def test_only_the_manager_and_admins_remove(org, login_as, post):
    recognition = give(org.jaan, org.mari, message=WORDS)
    url = f"/recognition/{recognition.id}/remove"
    for person in (org.mari, org.jaan, org.olev, org.leader, org.peeter):
        login_as(person)
        assert post(url, form_url="/recognition/").status_code in (403, 404), person.name
        db.session.refresh(recognition)
        assert recognition.removed_at is None
    login_as(org.admin)
    assert post(url, form_url="/recognition/").status_code == 302
    db.session.refresh(recognition)
    assert recognition.removed_at is not None


def test_a_hidden_one_cannot_be_removed_by_the_manager(org, login_as, post):
    recognition = give(org.jaan, org.mari, message=WORDS, hidden=True)
    login_as(org.kadri)
    assert (
        post(f"/recognition/{recognition.id}/remove", form_url="/recognition/").status_code == 404
    )
    assert not access.can_remove_recognition(org.kadri, recognition)
    assert access.can_remove_recognition(org.admin, recognition)


def test_the_review_page_shows_the_cycles_recognition_to_the_person_and_managers(
    org, login_as, client
):
    cycle = open_cycle("2026 Q4")
    give(org.jaan, org.mari, message=WORDS)
    give(org.jaan, org.mari, message="Before the cycle began", days_ago=200)
    give(org.peeter, org.mari, message="A private thank-you", hidden=True)
    url = f"/reviews/{review_of(cycle, org.mari).id}"
    for person in (org.mari, org.kadri, org.admin):
        login_as(person)
        html = page(client, url)
        assert "Recognition from colleagues" in html and WORDS in html, person.name
        assert "Before the cycle began" not in html
        assert ("A private thank-you" in html) is (person != org.kadri), person.name
    # Leadership opens every review but reads the chart's counts, not the messages.
    login_as(org.leader)
    html = page(client, url)
    assert "Recognition from colleagues" not in html and WORDS not in html
    login_as(org.jaan)  # not his review
    assert client.get(url).status_code == 404


def test_on_the_review_page_the_reviews_manager_and_the_current_one_see_it(org):
    from reviews.services.recognition import queries

    cycle = open_cycle("2026 Q4")
    give(org.jaan, org.mari, message=WORDS)
    review = review_of(cycle, org.mari)
    assert review.manager_id == org.kadri.id
    # Mari moves to Olev: Kadri still wrote the review, Olev manages her now.
    accounts.set_manager(org.mari, org.olev)
    db.session.commit()
    for person, sees in (
        (org.mari, True), (org.kadri, True), (org.olev, True), (org.admin, True),
        (org.leader, False), (org.jaan, False), (org.peeter, False),
    ):  # fmt: skip
        assert access.sees_review_recognitions(person, review) is sees, person.name
        assert bool(queries.for_review(person, review)) is sees, person.name


def test_removed_at_is_respected_by_every_list(org):
    from reviews.services.recognition import queries

    give(org.jaan, org.mari, message=WORDS, removed_at=utcnow())
    assert queries.received(org.mari) == []
    assert queries.of_reports(org.kadri) == []
    assert len(queries.given(org.jaan)) == 1


def test_a_list_offers_remove_exactly_where_the_rule_allows(org):
    items = [
        give(org.jaan, org.mari),
        give(org.mari, org.jaan, hidden=True),
        give(org.mari, org.peeter),
        give(org.peeter, org.kadri),
    ]
    for person in (org.kadri, org.olev, org.leader, org.admin, org.mari):
        expected = {r.id for r in items if access.can_remove_recognition(person, r)}
        assert access.removable_recognitions(person, items) == expected, person.name
    assert access.removable_recognitions(org.kadri, items) == {items[0].id}
