"""Irreversible buttons ask first: saying no leaves everything as it was."""

from .conftest import sign_in


def test_closing_a_cycle_asks_first_and_no_changes_nothing(page, live_server):
    sign_in(page, live_server, "admin@example.com")
    page.goto(f"{live_server}/cycles/")
    links = page.eval_on_selector_all(
        "main a[href^='/cycles/']", "els => [...new Set(els.map(e => e.getAttribute('href')))]"
    )
    for href in links:
        page.goto(f"{live_server}{href}")
        if page.locator("button:has-text('Close cycle')").count():
            break
    else:
        raise AssertionError("no open cycle with a Close button in the demo")
    asked = []

    def say_no(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", say_no)
    page.click("button:has-text('Close cycle')")
    page.wait_for_timeout(300)
    assert asked and "Close the cycle?" in asked[0]
    page.reload()
    assert page.locator("button:has-text('Close cycle')").count() == 1  # still open
