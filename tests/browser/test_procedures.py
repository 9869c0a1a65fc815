"""Procedures through the real UI: leadership publishes a new version (asked first, with how
many people and by when), a Service Desk member sees it on their home page and confirms it,
and their manager sees them up to date with it. Each page at desktop and phone width, and in
Estonian and Slovenian."""

from datetime import date, timedelta

from .conftest import shoot, sign_in, use_language, visit

TITLE = "Escalating a ticket to second line"


def test_publish_confirm_and_follow_a_new_version(browser, page, phone, live):
    base = live.url
    # Leadership edits the procedure and publishes version 3.
    sign_in(page, base, "leader@example.com")
    visit(page, base + "/procedures/", "procedures-index-leader")
    page.click(f"#written a:has-text('{TITLE}')")
    page.wait_for_load_state("load")
    shoot(page, "procedure-show-leader")
    page.click("main a:has-text('Edit')")
    body = page.locator("textarea[name=body]")
    body.fill(body.input_value() + "\n\nAlways add the customer's preferred contact time.")
    page.click("main button:has-text('Save draft')")
    page.wait_for_load_state("load")
    assert "Nobody is asked to read it again until you publish" in page.inner_text("main")
    page.click("main a:has-text('Publish a new version')")
    page.wait_for_load_state("load")
    shoot(page, "procedure-publish")
    due = date.today() + timedelta(days=10)
    page.fill("input[name=change_note]", "Add the customer's preferred contact time.")
    page.fill("input[name=due_on]", due.isoformat())
    page.click("main button:has-text('Publish')")
    page.wait_for_load_state("load")
    question = page.inner_text(".confirm-question")
    assert "people will be asked to read and confirm it by" in question, question
    shoot(page, "procedure-publish-asks-first")
    page.click("main button:has-text('Publish and ask them')")
    page.wait_for_load_state("load")
    assert "people are asked to read and confirm it" in page.inner_text("main")
    assert "Version 3, published" in page.inner_text("main")

    # A Service Desk member sees it on their home page and confirms it.
    staff = browser.new_context(viewport={"width": 1280, "height": 860}, locale="en-GB").new_page()
    sign_in(staff, base, "staff@example.com")
    todo = staff.locator("#procedures-todo")
    assert TITLE in todo.inner_text() and "version 3" in todo.inner_text()
    shoot(staff, "home-staff-procedures")
    todo.locator(f"li:has-text('{TITLE}') a").click()
    staff.wait_for_load_state("load")
    assert "Add the customer's preferred contact time." in staff.inner_text("#confirmation")
    shoot(staff, "procedure-confirm-staff")
    staff.click("button:has-text('I have read and understood version 3')")
    staff.wait_for_load_state("load")
    assert "You confirmed version 3" in staff.inner_text("main")
    visit(staff, base + "/procedures/", "procedures-index-staff")
    staff.context.close()

    # Their manager sees them up to date with it, by name.
    manager = browser.new_context(
        viewport={"width": 1280, "height": 860}, locale="en-GB"
    ).new_page()
    sign_in(manager, base, "manager@example.com")
    visit(manager, base + "/procedures/", "procedures-index-manager")
    manager.click(f"#library a:has-text('{TITLE}')")
    manager.wait_for_load_state("load")
    who = manager.inner_text("#who")
    staff_row = manager.locator("#who tr", has_text="Confirmed").first
    assert "Confirmed" in who and staff_row.count() == 1
    shoot(manager, "procedure-who-manager")
    manager.click("nav a:has-text('Procedures')")
    manager.click("#teams a >> nth=0")
    manager.wait_for_load_state("load")
    assert "people are up to date" in manager.inner_text("main")
    shoot(manager, "procedure-team-manager")
    manager.context.close()

    # The same pages at phone width.
    sign_in(phone, base, "staff@example.com")
    visit(phone, base + "/procedures/", "procedures-index-staff")
    phone.click(f"#library a:has-text('{TITLE}')")
    phone.wait_for_load_state("load")
    shoot(phone, "procedure-show-staff")


def test_procedure_pages_in_estonian_and_slovenian(browser, live):
    use_language(live, "staff@example.com", "et")
    use_language(live, "manager@example.com", "sl")
    for email, word, name in (
        ("staff@example.com", "Juhendid", "et"),
        ("manager@example.com", "Postopki", "sl"),
    ):
        for viewport in ({"width": 1280, "height": 860}, {"width": 390, "height": 844}):
            page = browser.new_context(viewport=viewport).new_page()
            sign_in(page, live.url, email)
            visit(page, live.url + "/procedures/", f"procedures-index-{name}")
            assert word in page.inner_text("h1")
            page.click("#library tbody a >> nth=0")
            page.wait_for_load_state("load")
            shoot(page, f"procedure-show-{name}")
            if name == "sl":
                page.goto(live.url + "/procedures/")
                page.click("#teams a >> nth=0")
                page.wait_for_load_state("load")
                shoot(page, f"procedure-team-{name}")
            page.context.close()


def test_the_currency_chart_draws(page, live):
    sign_in(page, live.url, "leader@example.com")
    page.goto(live.url + "/reports/#chart-procedure-currency")
    image = page.locator("#chart-procedure-currency img")
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const i = document.querySelector('#chart-procedure-currency img');"
        " return i && i.complete && i.naturalWidth > 0; }",
        timeout=60000,
    )
    shoot(page, "reports-procedure-currency")


def test_a_review_page_shows_what_its_person_has_not_confirmed(page, live):
    sign_in(page, live.url, "manager@example.com")
    page.click("main a.badge[href*='/reviews/'] >> nth=0")
    page.wait_for_load_state("load")
    section = page.locator("#procedures")
    assert "confirmed" in section.inner_text() or "Up to date" in section.inner_text()
    section.scroll_into_view_if_needed()
    shoot(page, "review-procedures-manager")
