"""Account → E-mail notifications in a real browser: reached from the Account page, axe-clean
and no sideways scrolling at 1280 and 390 px in every language, and a choice saved by
clicking."""

import pytest

from .conftest import DESKTOP, PHONE, shoot, sign_in, use_language
from .test_accessibility import problems

EMAIL = "staff@example.com"


@pytest.mark.parametrize("locale", ["en", "et", "sl"])
def test_the_page_fits_and_passes_axe_in_every_language(browser, live, locale):
    use_language(live, EMAIL, locale)
    found = {}
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport, locale="en-GB")
        page = context.new_page()
        try:
            sign_in(page, live.url, EMAIL)
            page.goto(live.url + "/account/notifications")
            assert page.get_attribute("html", "lang") == locale
            shoot(page, f"email-preferences-{locale}")
            issues = problems(page)
            if page.evaluate("document.documentElement.scrollWidth") > viewport["width"]:
                issues.append("scrolls sideways")
            if issues:
                found[viewport["width"]] = issues
            page.goto(live.url + "/account")  # where the page is linked from
            shoot(page, f"email-preferences-account-{locale}")
        finally:
            context.close()
    assert not found, found


def test_a_choice_is_saved_from_the_account_page(browser, live):
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    try:
        sign_in(page, live.url, EMAIL)
        page.goto(live.url + "/account")
        page.get_by_role("link", name="Choose e-mails").click()
        group = page.get_by_role("group", name="Your ideas")
        group.get_by_label("In a daily summary").check()
        page.get_by_role("button", name="Save").click()
        page.wait_for_load_state("load")
        assert "Your e-mail choices have been saved." in page.inner_text("main")
        group = page.get_by_role("group", name="Your ideas")
        assert group.get_by_label("In a daily summary").is_checked()
        shoot(page, "email-preferences-saved")
    finally:
        context.close()
