"""The manager's assessment: ratings with comments, tagged notes, action items, the private
note, last cycle's actions, and what each side sees while writing."""

from datetime import date

from extensions import db
from reviews.models import ActionItem, Review
from reviews.services.reviews import assessments
from tests import factories
from tests.conftest import csrf_token

from .conftest import manager_form, self_form


def post_assess(client, review, data):
    data = dict(data, csrf_token=csrf_token(client, f"/reviews/{review.id}/assess"))
    return client.post(f"/reviews/{review.id}/assess", data=data)


def test_manager_saves_everything_on_one_page(org, login_as):
    review, client = org.review, login_as(org.kadri)
    response = post_assess(client, review, manager_form(review))
    assert response.status_code == 302
    assert review.manager_submitted_at is not None
    assert {r.value for r in review.ratings if r.source == "manager"} == {3}
    strength = next(n for n in review.notes if n.kind == "strength")
    assert strength.text == "Handled the enrolment-week queue calmly."
    assert [c.name for c in strength.competencies] == [
        "Problem solving and handling difficult situations"
    ]
    [item] = review.action_items
    assert (item.description, item.owner_id, item.due_on) == (
        "De-escalation training",
        org.mari.id,
        date(2027, 2, 1),
    )
    assert review.private_note == "Consider for team lead next year."


def test_action_items_are_added_and_removed_on_the_same_page(org, login_as):
    review, client = org.review, login_as(org.kadri)
    post_assess(client, review, manager_form(review, submit=False))
    [item] = review.action_items
    item_id = item.id
    data = manager_form(
        review,
        submit=False,
        **{
            "actions-0-id": str(item_id),
            "actions-0-remove": "y",
            "actions-1-description": "Shadow a second-line colleague",
            "actions-1-kind": "coaching",
            "actions-1-owner_id": str(org.kadri.id),
            "actions-1-status": "open",
        },
    )
    assert post_assess(client, review, data).status_code == 302
    assert [a.description for a in review.action_items] == ["Shadow a second-line colleague"]
    assert db.session.get(ActionItem, item_id) is None


def test_submit_needs_a_summary_and_a_strength_and_keeps_the_text(org, login_as):
    review, client = org.review, login_as(org.kadri)
    data = manager_form(review, summary="", **{"strengths-0-text": ""})
    data["private_note"] = "Keep this text."
    response = post_assess(client, review, data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Name at least one strength to submit." in html
    assert "Write something here to submit." in html
    assert "Keep this text." in html and "De-escalation training" in html
    assert review.manager_submitted_at is None and review.action_items == []


def test_tampered_owner_or_competency_tag_is_refused(org, login_as):
    review, client = org.review, login_as(org.kadri)
    for tampered in (
        {"actions-0-owner_id": str(org.peeter.id)},
        {"strengths-0-competencies": "99999"},
    ):
        response = post_assess(client, review, manager_form(review, **tampered))
        assert response.status_code == 400
    assert review.manager_submitted_at is None and review.notes == []


def test_self_assessment_hidden_from_manager_until_both_submitted(org, login_as):
    review = org.review
    mari = login_as(org.mari)
    mari.post(
        f"/reviews/{review.id}/self",
        data=dict(
            self_form(review, **{"strengths-0-text": "SECRET-SELF-TEXT"}),
            csrf_token=csrf_token(mari, f"/reviews/{review.id}/self"),
        ),
    )
    kadri = login_as(org.kadri)
    assert "SECRET-SELF-TEXT" not in kadri.get(f"/reviews/{review.id}").get_data(as_text=True)
    assert "SECRET-SELF-TEXT" not in kadri.get(f"/reviews/{review.id}/assess").get_data(
        as_text=True
    )
    post_assess(kadri, review, manager_form(review))
    assert "SECRET-SELF-TEXT" in kadri.get(f"/reviews/{review.id}").get_data(as_text=True)


def test_cycle_setting_lets_manager_see_self_assessment_while_writing(org, login_as):
    org.cycle.show_self_to_manager = True
    org.review.self_strengths = "VISIBLE-SELF-TEXT"
    org.review.self_submitted_at = org.cycle.opened_at
    db.session.commit()
    html = login_as(org.kadri).get(f"/reviews/{org.review.id}/assess").get_data(as_text=True)
    assert "VISIBLE-SELF-TEXT" in html


def test_last_cycles_action_items_are_shown_for_follow_up(org, login_as):
    earlier = factories.cycle("2026 Q3", start=date(2025, 7, 1))
    earlier.period_start = date(2000, 1, 1)
    old = Review(cycle=earlier, employee=org.mari, manager=org.kadri, team=org.desk)
    old.action_items.append(ActionItem(description="Finish ITIL Foundation", status="in_progress"))
    db.session.add(old)
    db.session.commit()
    html = login_as(org.kadri).get(f"/reviews/{org.review.id}/assess").get_data(as_text=True)
    assert "Agreed last time (2026 Q3)" in html and "Finish ITIL Foundation" in html


def _earlier_review_with(org, *items):
    earlier = factories.cycle("2026 Q3", start=date(2025, 7, 1))
    earlier.period_start = date(2000, 1, 1)
    old = Review(cycle=earlier, employee=org.mari, manager=org.kadri, team=org.desk)
    old.action_items.extend(items)
    db.session.add(old)
    db.session.commit()
    return old


def test_last_cycles_items_are_closed_or_carried_over_where_they_are_shown(org, login_as):
    itil = ActionItem(description="Finish ITIL Foundation", status="in_progress")
    kb = ActionItem(description="Write three KB articles", status="open", owner_id=org.mari.id)
    _earlier_review_with(org, itil, kb)
    kadri = login_as(org.kadri)
    data = manager_form(org.review, submit=False)
    data |= {"previous-0-id": str(itil.id), "previous-0-status": "done"}
    data |= {
        "previous-1-id": str(kb.id),
        "previous-1-status": "in_progress",
        "previous-1-carry": "y",
    }
    assert post_assess(kadri, org.review, data).status_code == 302
    # the one carried over lives on in this review (as it was last left); the old one is final
    assert (itil.status, kb.status) == ("done", "carried")
    carried = [a for a in org.review.action_items if a.description == "Write three KB articles"]
    assert len(carried) == 1 and carried[0].status == "in_progress"
    assert carried[0].owner_id == org.mari.id and carried[0].carried_from_id == kb.id
    data["version"] = str(org.review.version)
    post_assess(kadri, org.review, data)  # saved again with the box still ticked
    assert [a.description for a in org.review.action_items].count("Write three KB articles") == 1
    page = login_as(org.admin).get("/admin/audit?action=action_status_changed")
    text = page.get_data(as_text=True)
    assert "Finish ITIL Foundation" in text and "Changed the status of an action item" in text


def test_only_the_persons_own_earlier_items_can_be_followed_up(org, login_as):
    theirs = ActionItem(description="Not Mari's", status="open")
    org.reviews["jaan"].action_items.append(theirs)
    db.session.commit()
    data = manager_form(org.review, submit=False)
    data |= {"previous-0-id": str(theirs.id), "previous-0-status": "done"}
    response = post_assess(login_as(org.kadri), org.review, data)
    assert response.status_code == 400 and theirs.status == "open"


def test_other_manager_cannot_write_or_see(org, login_as):
    client = login_as(org.olev)
    assert client.get(f"/reviews/{org.review.id}/assess").status_code == 404
    response = client.post(
        f"/reviews/{org.review.id}/assess",
        data=dict(manager_form(org.review), csrf_token=csrf_token(client, "/")),
    )
    assert response.status_code == 404
    assert org.review.manager_submitted_at is None


def test_stale_manager_save_keeps_both_texts(org, login_as):
    review, client = org.review, login_as(org.kadri)
    version = review.version
    post_assess(client, review, manager_form(review, submit=False, summary="First tab."))
    response = post_assess(
        client,
        review,
        manager_form(review, submit=False, version=str(version), summary="Second tab."),
    )
    assert response.status_code == 409
    assert "Second tab." in response.get_data(as_text=True)
    assert review.manager_summary == "First tab."


def test_service_refuses_a_person_who_is_not_the_manager(org):
    import pytest

    from reviews.services import DomainError

    with pytest.raises(DomainError):
        assessments.save_manager_assessment(
            org.review,
            org.olev,
            version=org.review.version,
            ratings=[],
            notes=[],
            actions=[],
            summary="",
            private_note="",
            submit=False,
        )


def test_a_draft_self_assessment_stays_private_even_with_the_cycle_setting(org, login_as):
    org.cycle.show_self_to_manager = True
    org.review.self_strengths = "DRAFT-SELF-TEXT"
    db.session.commit()
    for person in (org.kadri, org.leader, org.admin):
        client = login_as(person)
        for url in (f"/reviews/{org.review.id}", f"/reviews/{org.review.id}/assess"):
            assert "DRAFT-SELF-TEXT" not in client.get(url).get_data(as_text=True), person.name
    assert "DRAFT-SELF-TEXT" in login_as(org.mari).get(f"/reviews/{org.review.id}").get_data(
        as_text=True
    )
