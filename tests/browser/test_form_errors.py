"""A form that comes back with errors: a summary at the top takes focus and links each reason
to its field, every field says what is wrong with it to a screen reader, nothing typed is
lost, and the page stays accessible."""

from .conftest import shoot, sign_in
from .test_accessibility import problems


def test_error_summary_takes_focus_and_leads_to_the_field(page, live_server):
    sign_in(page, live_server, "staff@example.com")
    page.goto(f"{live_server}/ideas/new")
    page.fill("textarea[name=description]", "Typed before the title was forgotten.")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("load")
    summary = page.locator(".error-summary")
    assert summary.count() == 1
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    shoot(page, "ideas-new-errors")
    assert page.input_value("textarea[name=description]") == "Typed before the title was forgotten."
    title = page.locator("input[name=title]")
    assert title.get_attribute("aria-invalid") == "true"
    described = title.get_attribute("aria-describedby").split()
    assert described == ["title-hint", "title-error"]
    assert page.inner_text("#title-error") == "Give the idea a title."
    summary.locator("a[href='#title']").click()
    assert page.evaluate("document.activeElement.name") == "title"
    assert problems(page) == []
