"""Every irreversible button asks first in our own dialog (static/js/confirm.js): saying no
leaves everything as it was, saying yes does it. Share, acknowledge, open / close / reopen a
cycle, retire a competency, decline or merge an idea, deactivate a person."""

from datetime import date, timedelta

import pytest

from extensions import db

from .conftest import shoot, sign_in


def ask(page, button: str) -> str:
    """Press ``button`` and read the dialog's question (the dialog is left open)."""
    page.click(button)
    dialog = page.locator("dialog.confirm-dialog[open]")
    dialog.wait_for()
    return dialog.locator("#confirm-dialog-question").inner_text()


def say_no(page) -> None:
    focused = page.evaluate("document.activeElement.value")
    assert focused == "no", "Cancel should have the focus: Enter must not do the irreversible"
    page.keyboard.press("Escape")
    page.locator("dialog.confirm-dialog").wait_for(state="detached")


def say_yes(page) -> None:
    with page.expect_navigation():
        page.locator("dialog.confirm-dialog button[value=yes]").click()
    page.wait_for_load_state("load")


def first_link(page, selector: str) -> str:
    return page.eval_on_selector(selector, "a => a.getAttribute('href')")


def test_sharing_a_review(page, live_server):
    sign_in(page, live_server, "manager@example.com")
    page.click(".todo-card li:has-text('Share the review with') a")
    question = ask(page, "button:has-text('Share with')")
    assert "It can no longer be edited afterwards." in question
    shoot(page, "confirm-share-dialog")
    say_no(page)
    page.reload()
    question = ask(page, "button:has-text('Share with')")
    say_yes(page)
    assert "The review has been shared with" in page.inner_text("main")


def test_acknowledging_a_review(page, live_server):
    sign_in(page, live_server, "priya.nair@example.com")
    page.goto(f"{live_server}/cycles/")
    page.click("main table a:has-text('2026 Q4')")
    page.fill("textarea[name=comment]", "Thanks, the rota plan is fair.")
    assert "Acknowledge the review?" in ask(page, "button:has-text('Acknowledge review')")
    say_no(page)
    assert page.input_value("textarea[name=comment]") == "Thanks, the rota plan is fair."
    ask(page, "button:has-text('Acknowledge review')")
    say_yes(page)
    assert "Your review is acknowledged." in page.inner_text("main")


def open_cycle_page(page, live_server, status: str) -> None:
    page.goto(f"{live_server}/admin/cycles")
    page.click(f"main tr:has(.badge-{status}) a >> nth=0")
    if "/admin/cycles/" in page.url:  # the edit form: the cycle's own page is linked from it
        page.goto(page.url.replace("/admin/cycles/", "/cycles/").replace("/edit", ""))


def test_closing_then_reopening_a_cycle(page, live_server):
    sign_in(page, live_server, "admin@example.com")
    open_cycle_page(page, live_server, "open")
    question = ask(page, "button:has-text('Close cycle')")
    assert "reviews are not finished (not yet acknowledged)" in question
    shoot(page, "confirm-close-dialog")
    say_no(page)
    page.reload()
    assert page.locator("button:has-text('Close cycle')").count() == 1  # still open
    ask(page, "button:has-text('Close cycle')")
    say_yes(page)
    assert "is closed" in page.inner_text("main")
    assert "can be written and shared again" in ask(page, "button:has-text('Reopen cycle')")
    say_no(page)
    ask(page, "button:has-text('Reopen cycle')")
    say_yes(page)
    assert "is open again" in page.inner_text("main")
    assert page.locator("button:has-text('Close cycle')").count() == 1


def test_opening_a_cycle(page, live, live_server):
    from reviews.models import Cycle
    from reviews.services.cycles import flow, setup

    with live.app.app_context():  # the open quarter closed, the next one planned
        flow.close_cycle(None, db.session.scalars(db.select(Cycle).filter_by(status="open")).one())
        start = date.today() + timedelta(days=30)
        setup.save_cycle(
            None,
            None,
            name="2027 Q1",
            period_start=start,
            period_end=start + timedelta(days=89),
            self_deadline=start + timedelta(days=100),
            review_deadline=start + timedelta(days=110),
            show_self_to_manager=False,
        )
        db.session.commit()
        db.session.remove()
    sign_in(page, live_server, "admin@example.com")
    open_cycle_page(page, live_server, "planned")
    assert "A review is created for every active person" in ask(
        page, "button:has-text('Open cycle')"
    )
    say_no(page)
    ask(page, "button:has-text('Open cycle')")
    say_yes(page)
    assert "is open:" in page.inner_text("main")


def test_retiring_a_competency(page, live_server):
    sign_in(page, live_server, "admin@example.com")
    page.goto(f"{live_server}/admin/framework")
    before = page.locator("main section:first-of-type tbody tr").count()
    assert "past ratings are kept" in ask(page, "main button:has-text('Retire') >> nth=0")
    say_no(page)
    assert page.locator("main section:first-of-type tbody tr").count() == before
    ask(page, "main button:has-text('Retire') >> nth=0")
    say_yes(page)
    assert page.locator("main section:first-of-type tbody tr").count() == before - 1


def test_deactivating_a_person(page, live_server):
    sign_in(page, live_server, "admin@example.com")
    page.goto(f"{live_server}/admin/people?q=Priya")
    page.click("main table a:has-text('Priya Nair')")
    assert "can no longer sign in" in ask(page, "main button:has-text('Deactivate')")
    say_no(page)
    page.reload()
    assert page.locator("main button:has-text('Deactivate')").count() == 1
    ask(page, "main button:has-text('Deactivate')")
    say_yes(page)
    assert "was deactivated" in page.inner_text("main")


@pytest.mark.parametrize("status", ["declined", "merged"])
def test_declining_or_merging_an_idea(page, live_server, status):
    sign_in(page, live_server, "manager@example.com")
    page.goto(f"{live_server}/ideas/triage")
    ideas = page.eval_on_selector_all(
        "main .triage-table a", "els => els.map(e => e.getAttribute('href').split('#')[0])"
    )
    page.goto(live_server + ideas[0])
    page.select_option("select[name=status]", status)
    if status == "declined":
        page.fill("textarea[name=response]", "Not this year: the budget went to the phones.")
    else:
        page.fill("input[name=merge_into]", ideas[1].rsplit("/", 1)[1])
    question = ask(page, "#manage button[type=submit]")
    assert ("Decline this idea?" if status == "declined" else "Merge this idea") in question
    say_no(page)
    assert page.locator("#manage select[name=status]").count() == 1  # nothing moved
    ask(page, "#manage button[type=submit]")
    say_yes(page)
    assert "Saved. The author can see your response" in page.inner_text("main")


def test_reopening_a_shared_review_for_the_manager(page, live_server):
    sign_in(page, live_server, "admin@example.com")
    open_cycle_page(page, live_server, "open")
    page.click("main tr:has(.badge-step-shared) a >> nth=0")
    question = ask(page, "main button:has-text('Reopen for the manager')")
    assert "Sharing and acknowledgement are undone" in question
    say_no(page)
    page.reload()
    assert page.locator(".badge-step-shared").count() == 1
    ask(page, "main button:has-text('Reopen for the manager')")
    say_yes(page)
    assert "open again for the manager" in page.inner_text("main")
    assert page.locator(".badge-step-shared").count() == 0
