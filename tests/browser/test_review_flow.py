"""The self-assessment in a real browser: autosave when leaving the page, a stale save from
a second tab refused with its text kept, and submission."""

from .conftest import sign_in


def open_self_assessment(page, base_url):
    sign_in(page, base_url, "staff@example.com")
    page.click(".todo-card a.btn")  # the first thing to do: the self-assessment
    page.click("a:has-text('self-assessment')")
    page.wait_for_selector("form[data-autosave]")
    return page.url


def test_draft_autosaves_when_leaving_the_page(page, live_server, shots_dir):
    url = open_self_assessment(page, live_server)
    page.screenshot(path=str(shots_dir / "review-self.png"), full_page=True)
    page.fill("textarea[name=strengths-0-text]", "Autosaved: calm during the enrolment-week rush.")
    with page.expect_response(lambda r: r.url == url and r.request.method == "POST") as saved:
        page.evaluate("window.dispatchEvent(new Event('pagehide'))")
    assert saved.value.json()["saved"] is True
    page.goto(url)
    assert (
        page.input_value("textarea[name=strengths-0-text]")
        == "Autosaved: calm during the enrolment-week rush."
    )


def test_stale_tab_is_refused_and_keeps_its_text(page, live_server, shots_dir):
    url = open_self_assessment(page, live_server)
    other = page.context.new_page()
    other.goto(url)
    page.fill("textarea[name=improvements-0-text]", "Saved first, in tab one.")
    page.click("button[value=draft]")
    page.wait_for_load_state("domcontentloaded")
    assert "Draft saved." in page.inner_text("main")

    other.fill("textarea[name=improvements-0-text]", "Typed later, in tab two.")
    other.click("button[value=draft]")
    other.wait_for_load_state("domcontentloaded")
    assert "Someone saved this review after you opened it" in other.inner_text("main")
    assert other.input_value("textarea[name=improvements-0-text]") == "Typed later, in tab two."
    other.screenshot(path=str(shots_dir / "review-stale.png"), full_page=True)
    page.goto(url)
    assert page.input_value("textarea[name=improvements-0-text]") == "Saved first, in tab one."


def test_submit_needs_every_rating_then_locks(page, live_server, shots_dir):
    url = open_self_assessment(page, live_server)
    groups = page.eval_on_selector_all(
        "fieldset.rating", "els => els.map(e => e.querySelector('input').name)"
    )
    for name in groups:
        page.check(f"input[name={name}][value='4']")
    page.fill("textarea[name=strengths-0-text]", "Calm with callers.")
    page.fill("textarea[name=improvements-0-text]", "Shorter knowledge-base articles.")
    page.click("button[value=submit]")
    page.wait_for_load_state("domcontentloaded")
    assert "Submitted." in page.inner_text("main")
    page.screenshot(path=str(shots_dir / "review-show-staff.png"), full_page=True)
    page.goto(url)
    assert "can no longer be changed" in page.inner_text("main")


def test_manager_form_shows_progress_adds_entries_in_place_and_folds_tags(page, live_server):
    from .conftest import shoot

    sign_in(page, live_server, "manager@example.com")
    page.click(".todo-card a.btn >> nth=0")
    page.click("main a[href$='/assess']")
    progress = page.locator(".review-progress")
    total = page.locator("fieldset.rating").count()
    assert progress.inner_text().startswith(f"0 of {total} rated")
    assert "still missing: Overall summary, Strengths" in progress.inner_text()
    names = page.eval_on_selector_all(
        "fieldset.rating", "els => els.map(e => e.querySelector('input').name)"
    )
    for name in names[:6]:
        page.check(f"input[name={name}][value='3']")
    assert progress.inner_text().startswith(f"6 of {total} rated")

    entries = page.locator("[data-entries=strengths] .note-entry")
    before = entries.count()
    page.click("button[data-add=strengths]")
    assert entries.count() == before + 1
    added = entries.nth(before)
    assert page.evaluate("document.activeElement.name") == f"strengths-{before}-text"
    added.locator("textarea").fill("Added in place, no save needed.")
    added.locator("summary").click()  # the folded tags open
    added.locator(".tag input >> nth=1").check()
    chosen = added.locator(".tag-picker-chosen").inner_text()
    assert chosen == added.locator(".tag >> nth=1").inner_text().strip()
    assert "Strengths" not in progress.inner_text()
    for name in names[6:]:
        page.check(f"input[name={name}][value='3']")
    page.fill("textarea[name=summary]", "A steady quarter.")
    assert progress.inner_text() == f"{total} of {total} rated · Everything needed is filled in."
    shoot(page, "review-assess-progress")
    page.click("button[value=submit]")
    page.wait_for_load_state("load")
    assert page.locator(".alert-success").count() == 1
    page.goto(page.url)
    assert "Added in place, no save needed." in page.inner_text("main")
