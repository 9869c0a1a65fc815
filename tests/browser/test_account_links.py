"""The pages a visitor reaches without signing in — "Forgot your password?", the page its
link opens, and a link that no longer works — and the admin's invitation controls: axe-clean,
no sideways scrolling, at 1280 and 390 px, in English, Estonian and Slovenian. The menus
never lead to the visitor's pages, so the crawl of test_accessibility does not find them."""

import re

import pytest

from extensions import db
from reviews.services.people import invitations
from reviews.services.people.accounts import create_user
from tests.smtp_sink import SmtpSink

from .conftest import DESKTOP, PHONE, shoot, sign_in, use_language
from .test_accessibility import check, problems

LINK = re.compile(r"/account/link/(\S+)")
BROWSER_LOCALES = {"en": "en-GB", "et": "et-EE", "sl": "sl-SI"}


@pytest.fixture
def mailing(live):
    """The live app mails to a local SMTP sink (so the forgot form is offered)."""
    sink = SmtpSink()
    live.app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=sink.port)
    yield sink
    sink.stop()


def reset_token(live, sink, email: str) -> str:
    with live.app.app_context():
        invitations.request_reset(email)
        db.session.commit()
        db.session.remove()
    body = sink.messages[-1].get_payload(decode=True).decode()
    return LINK.search(body).group(1)


@pytest.mark.parametrize("language", ["en", "et", "sl"])
def test_visitor_pages_are_accessible_at_both_widths(browser, live, mailing, language):
    token = reset_token(live, mailing, "staff@example.com")
    found: dict[str, list[str]] = {}
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport, locale=BROWSER_LOCALES[language])
        page = context.new_page()
        try:
            pages = {
                "forgot": "/account/forgot",
                "choose": f"/account/link/{token}",
                "dead-link": "/account/link/no-such-link",
            }
            for name, path in pages.items():
                if issues := check(page, live.url + path, f"links-{language}-{name}"):
                    found[f"{viewport['width']} {name}"] = issues
                assert page.get_attribute("html", "lang") == language
            page.goto(live.url + f"/account/link/{token}")
            page.fill("input[name=password]", "password123")
            page.fill("input[name=confirm]", "password123")
            page.click("button[type=submit]")
            if issues := check_here(page, f"links-{language}-weak"):
                found[f"{viewport['width']} weak password"] = issues
            page.goto(live.url + "/account/forgot")
            page.fill("input[name=email]", "someone@example.com")
            page.click("button[type=submit]")
            if issues := check_here(page, f"links-{language}-sent"):
                found[f"{viewport['width']} sent"] = issues
        finally:
            context.close()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


def check_here(page, name: str) -> list[str]:
    """``check`` for the page the browser is on now (the answer to a form just sent)."""
    page.wait_for_load_state("load")
    shoot(page, name)
    issues = problems(page)
    wide = page.evaluate("document.documentElement.scrollWidth")
    if wide > page.viewport_size["width"]:
        issues.append(f"scrolls sideways: {wide} px wide")
    return issues


def test_a_new_password_from_the_link_signs_the_person_in(browser, live, mailing):
    token = reset_token(live, mailing, "staff@example.com")
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(live.url + "/login")
        page.click("text=Forgot your password?")
        assert page.url.endswith("/account/forgot")
        page.goto(live.url + f"/account/link/{token}")
        page.fill("input[name=password]", "plum kettle orbit lantern")
        page.fill("input[name=confirm]", "plum kettle orbit lantern")
        page.click("button[type=submit]")
        page.wait_for_load_state("load")
        assert page.url.rstrip("/") == live.url
        assert "Other sessions" in page.content() or "other sessions" in page.content()
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "et", "sl"])
def test_admin_invitation_controls_are_accessible(browser, live, mailing, language):
    use_language(live, "admin@example.com", language)
    with live.app.app_context():  # two newcomers without a password: the bulk button shows
        for name in ("Aino Uus", "Ana Nova"):
            email = name.lower().replace(" ", ".") + "@example.com"
            create_user(None, email=email, name=name, roles={"staff"})
        db.session.commit()
        db.session.remove()
    found: dict[str, list[str]] = {}
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        try:
            sign_in(page, live.url, "admin@example.com")
            page.goto(live.url + "/admin/people")
            assert page.locator("form[action$='/people/invite']").count() == 1
            edit = page.locator("table a").first.get_attribute("href")
            page.goto(live.url + edit)
            page.click("form[action$='/invite'] button")  # the person gets an invitation
            page.wait_for_load_state("load")
            for name, path in {"people": "/admin/people", "new": "/admin/people/new"}.items():
                if issues := check(page, live.url + path, f"invite-{language}-{name}"):
                    found[f"{viewport['width']} {name}"] = issues
            if issues := check(page, live.url + edit, f"invite-{language}-person"):
                found[f"{viewport['width']} person"] = issues
        finally:
            context.close()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
