"""Action items through the real UI: staff mark their overdue item done from "My action
items" (reached from the home page's to-do list); the manager sees the team list with the
overdue one; leadership opens the follow-through chart. In English and Estonian, on a
desktop and a phone."""

from .conftest import shoot, sign_in, use_language, visit


def test_staff_marks_their_overdue_item_done_from_their_list(page, live_server):
    sign_in(page, live_server, "staff@example.com")
    home = page.locator("#overdue-actions")
    assert home.count() == 1, "the home page's to-do list names the overdue item"
    shoot(page, "actions-home-staff")
    home.locator("a").first.click()
    page.wait_for_load_state("domcontentloaded")
    row = page.locator("tr.overdue").first
    description = row.locator(".action-text").inner_text()
    row.locator("select[name=status]").select_option("done")
    row.locator("button[type=submit]").click()
    page.wait_for_load_state("domcontentloaded")
    assert "Status saved" in page.inner_text("main")
    visit(page, live_server + "/actions/?status=done", "actions-mine-done")
    assert description in page.inner_text("main")
    visit(page, live_server + "/", "actions-home-after")
    assert description not in page.inner_text("main")


def test_staff_list_on_a_phone_in_estonian(phone, live, live_server):
    use_language(live, "staff@example.com", "et")
    sign_in(phone, live_server, "staff@example.com")
    visit(phone, live_server + "/actions/", "actions-mine-et")
    assert "Minu tegevused" in phone.inner_text("main")


def test_manager_sees_the_team_list_with_the_overdue_item(page, live_server):
    sign_in(page, live_server, "manager@example.com")
    page.click("nav >> text=Action items")
    page.wait_for_load_state("domcontentloaded")
    page.click("main nav >> text=By team")
    page.wait_for_load_state("domcontentloaded")
    shoot(page, "actions-team-manager")
    main = page.inner_text("main")
    assert "Service Desk" in main and "Overdue" in main
    visit(page, live_server + "/actions/staff?overdue=y", "actions-staff-overdue")
    assert page.locator("tr.overdue").count() >= 1


def test_manager_team_list_on_a_phone_in_slovenian(phone, live, live_server):
    use_language(live, "manager@example.com", "sl")
    sign_in(phone, live_server, "manager@example.com")
    visit(phone, live_server + "/actions/team", "actions-team-sl")
    assert "Naloge po ekipah" in phone.inner_text("main")


def test_leader_opens_the_follow_through_chart(page, live_server):
    sign_in(page, live_server, "leader@example.com")
    page.goto(live_server + "/reports/")
    section = page.locator("#chart-follow-through")
    section.scroll_into_view_if_needed()
    image = section.locator("img")
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const i = document.querySelector('#chart-follow-through img');"
        " return i && i.complete && i.naturalWidth > 0; }",
        timeout=60000,
    )
    assert "Action item follow-through" in section.inner_text()
    section.screenshot(path=str(shoot(page, "reports-follow-through").with_name(
        "reports-follow-through-section.png")))  # fmt: skip


def test_manager_assessment_shows_carried_items_with_their_competencies(page, live, live_server):
    from sqlalchemy import select

    from extensions import db
    from reviews.models import ActionItem, Review, User

    with live.app.app_context():
        manager = db.session.scalar(select(User).where(User.email == "manager@example.com"))
        review_id = db.session.scalar(
            select(Review.id)
            .join(ActionItem, ActionItem.review_id == Review.id)
            .where(
                Review.manager_id == manager.id,
                Review.shared_at.is_(None),
                ActionItem.carried_from_id.is_not(None),
            )
            .limit(1)
        )
        db.session.remove()
    sign_in(page, live_server, "manager@example.com")
    visit(page, f"{live_server}/reviews/{review_id}/assess", "actions-assess-carried")
    section = page.locator("#actions")
    assert "Carried from" in section.inner_text()
    section.locator("details.tag-picker").first.click()
    section.screenshot(
        path=str(shoot(page, "actions-assess").with_name("actions-assess-section.png"))
    )
