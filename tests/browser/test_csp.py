"""The Content-Security-Policy blocks nothing Rapport itself uses: each demo account's pages
load, the progress bar draws and autosave still posts, with no policy violation reported."""

import pytest

from .conftest import sign_in

PAGES = {
    "staff@example.com": ["/", "/ideas/", "/ideas/mine", "/reports/me", "/account"],
    "manager@example.com": ["/", "/ideas/triage", "/reports/", "/inbox/"],
    "leader@example.com": ["/", "/reports/", "/cycles/", "/ideas/implemented"],
    "admin@example.com": ["/", "/admin/", "/admin/people", "/admin/audit", "/admin/mail"],
}


def watch_violations(page) -> list[str]:
    """Console reports of the policy refusing something, as Chromium prints them."""
    seen: list[str] = []
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return seen


@pytest.mark.parametrize("email", PAGES, ids=[e.split("@")[0] for e in PAGES])
def test_pages_break_no_rule_of_the_policy(page, live_server, email):
    violations = watch_violations(page)
    sign_in(page, live_server, email)
    for path in PAGES[email]:
        response = page.goto(live_server + path)
        assert response.ok, (path, response.status)
        assert "default-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
    assert violations == []


def test_the_organisation_progress_bar_draws_without_an_inline_style(page, live_server):
    violations = watch_violations(page)
    sign_in(page, live_server, "leader@example.com")
    bar = page.locator("progress.progress")
    assert bar.count() == 1
    assert 0 < float(bar.get_attribute("value")) <= 100
    assert bar.bounding_box()["width"] > 100
    assert violations == []


def test_autosave_posts_under_the_policy(page, live_server):
    violations = watch_violations(page)
    sign_in(page, live_server, "staff@example.com")
    page.click(".todo-card a.btn")
    page.click("a:has-text('self-assessment')")
    page.wait_for_selector("form[data-autosave]")
    url = page.url
    page.fill("textarea[name=improvements-0-text]", "Written under the content security policy.")
    with page.expect_response(lambda r: r.url == url and r.request.method == "POST") as saved:
        page.evaluate("window.dispatchEvent(new Event('pagehide'))")
    assert saved.value.json()["saved"] is True
    assert violations == []
