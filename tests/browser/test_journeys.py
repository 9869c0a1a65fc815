"""Each role's main journey through the real pages, as a person would click it: staff and
managers in English, Estonian and Slovenian (switched on the Account page), leadership and
administrators in English. Every page visited is kept as a screenshot (screenshots/).

Selectors use the pages' structure (names, addresses), never their words, so the same
journey runs in every language; the words are checked against the catalogue."""

import pytest

from tests.test_i18n import translation

from .conftest import shoot, sign_in

LANGUAGES = ["en", "et", "sl"]


def say(locale: str, msgid: str) -> str:
    return msgid if locale == "en" else translation(locale, msgid)


def switch_language(page, base: str, locale: str) -> None:
    """The Account page's language, saved the way a person saves it."""
    if locale == "en":
        return
    page.goto(f"{base}/account")
    page.select_option("select[name=locale]", locale)
    page.click("main form:has(select[name=locale]) button[type=submit]")
    page.wait_for_load_state("load")
    assert page.get_attribute("html", "lang") == locale


def step(page, name: str, locale: str) -> None:
    """A page reached: it speaks the reader's language, shows no error, and is kept."""
    assert page.get_attribute("html", "lang") == locale
    assert page.locator(".alert-error").count() == 0, page.inner_text(".alert-error")
    nav = page.inner_text("nav.mainnav")
    assert say(locale, "Ideas") in nav and say(locale, "Reports") in nav
    shoot(page, f"journey-{name}-{locale}")


def rate_every_competency(page, value: str) -> None:
    names = page.eval_on_selector_all(
        "fieldset.rating", "els => els.map(e => e.querySelector('input').name)"
    )
    assert names, "no competency to rate"
    for name in names:
        page.check(f"input[name={name}][value='{value}']")


def flashed(page) -> str:
    return page.inner_text(".flashes")


@pytest.mark.parametrize("locale", LANGUAGES)
def test_staff_writes_a_self_assessment_and_puts_forward_an_idea(page, live_server, locale):
    sign_in(page, live_server, "staff@example.com")
    switch_language(page, live_server, locale)
    page.goto(live_server + "/")
    step(page, "staff-home", locale)

    page.click(".todo-card a.btn >> nth=0")  # the first thing to do: this cycle's review
    page.click("main a[href$='/self']")
    step(page, "staff-self", locale)
    rate_every_competency(page, "4")
    page.fill("textarea[name=strengths-0-text]", "Calm with callers during the enrolment rush.")
    page.click("button[value=draft]")
    page.wait_for_load_state("load")
    assert say(locale, "Draft saved.") in flashed(page)
    page.fill("textarea[name=improvements-0-text]", "Shorter knowledge-base articles.")
    page.click("button[value=submit]")
    page.wait_for_load_state("load")
    assert say(locale, "Submitted.") in flashed(page)
    step(page, "staff-review-submitted", locale)

    page.goto(f"{live_server}/ideas/new")
    step(page, "staff-idea-new", locale)
    page.fill("input[name=title]", "One macro for password resets")
    page.fill("textarea[name=description]", "Every analyst types the same steps by hand.")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("load")
    assert "/ideas/" in page.url and "One macro for password resets" in page.inner_text("h1")
    step(page, "staff-idea", locale)
    for path, name in [("/ideas/", "ideas"), ("/inbox/", "inbox"), ("/reports/me", "reports")]:
        page.goto(live_server + path)
        step(page, f"staff-{name}", locale)


@pytest.mark.parametrize("locale", LANGUAGES)
def test_manager_assesses_shares_and_answers_an_idea(page, live_server, locale):
    sign_in(page, live_server, "manager@example.com")
    switch_language(page, live_server, locale)
    page.goto(live_server + "/")
    step(page, "manager-home", locale)

    # someone whose self-assessment is in and waits for the manager's part
    page.click("main a.badge-step-awaiting_manager >> nth=0")
    review_url = page.url
    page.click("main a[href$='/assess']")
    step(page, "manager-assess", locale)
    rate_every_competency(page, "3")
    page.fill(".note-entry textarea >> nth=0", "Owns the walk-in counter on Mondays.")
    page.fill("textarea[name=summary]", "A steady quarter; the counter runs smoothly.")
    page.click("button[value=submit]")
    page.wait_for_load_state("load")
    assert page.locator(".alert-success").count() == 1
    page.goto(review_url)
    step(page, "manager-review-ready", locale)

    page.click("form[action$='/share'] button")  # asks first, in our own dialog
    page.locator("dialog.confirm-dialog[open]").wait_for()
    with page.expect_navigation():
        page.click("dialog.confirm-dialog button[value=yes]")
    assert page.locator(".alert-success").count() == 1
    step(page, "manager-review-shared", locale)

    page.goto(f"{live_server}/ideas/triage")
    step(page, "manager-triage", locale)
    page.click("main .triage-table a >> nth=0")
    page.select_option("select[name=status]", "under_review")
    page.fill("textarea[name=response]", "We will try it on the Monday shift.")
    page.click("#manage button[type=submit]")
    page.wait_for_load_state("load")
    assert page.locator(".alert-success").count() == 1
    step(page, "manager-idea-answered", locale)
    page.goto(f"{live_server}/reports/")
    step(page, "manager-reports", locale)


def test_leadership_follows_the_organisation(page, live_server):
    sign_in(page, live_server, "leader@example.com")
    step(page, "leader-home", "en")
    page.click("main a[href^='/reports/'] >> nth=0")
    step(page, "leader-reports", "en")
    charts = page.locator("figure img, .chart img")
    assert charts.count() >= 3
    table = page.get_attribute("main a[href^='/reports/table/'] >> nth=0", "href")
    page.goto(live_server + table)  # "Show all rows", inside the chart's folded table
    step(page, "leader-chart-table", "en")
    assert page.locator("main table tbody tr").count() > 0
    page.goto(f"{live_server}/cycles/")
    page.click("main table a[href^='/cycles/'] >> nth=0")
    step(page, "leader-cycle", "en")
    page.goto(f"{live_server}/ideas/implemented")
    step(page, "leader-implemented", "en")


def test_administrator_adds_a_team_and_reads_the_audit_log(page, live_server):
    sign_in(page, live_server, "admin@example.com")
    step(page, "admin-home", "en")
    page.goto(f"{live_server}/admin/teams/new")
    step(page, "admin-team-new", "en")
    page.fill("input[name=name]", "Night Desk")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("load")
    assert "Night Desk" in page.inner_text("main")
    page.goto(f"{live_server}/admin/audit")
    step(page, "admin-audit", "en")
    assert "Night Desk" in page.inner_text("main table")
    for path in ("/admin/people", "/admin/framework", "/admin/cycles", "/admin/mail"):
        page.goto(live_server + path)
        step(page, "admin" + path.replace("/", "-"), "en")
