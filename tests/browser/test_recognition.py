"""Recognition through the real UI: a staff member recognises a colleague; the colleague
(who reads Rapport in Estonian) sees it and shows it in the team feed; their manager sees it
on their page of the people they manage and in the feed; a leader opens the recognition
chart. Every recognition page passes axe at both widths and in et and sl."""

from .conftest import DESKTOP, PHONE, shoot, sign_in, use_language, visit
from .test_accessibility import check

MESSAGE = "Kertu, you calmed the caller whose exam upload failed and found the fix in five minutes."


def test_staff_recognises_a_colleague_who_shares_it_their_manager_and_a_leader_see_it(
    browser, live
):
    base = live.url
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    # Sara (staff) finds Recognition in the menu and recognises Kertu.
    sign_in(page, base, "staff@example.com")
    page.click("header a:has-text('Recognition')")
    page.click("main a:has-text('Recognise a colleague')")
    page.wait_for_load_state("load")
    shoot(page, "recognition-new")
    assert "It is not a rating and never becomes one." in page.inner_text("main")
    page.select_option("select[name=recipient]", label="Kertu Mägi — Service Desk")
    page.check("label:has-text('Active listening and clarifying questions') input")
    page.check("label:has-text('Problem solving and handling difficult situations') input")
    page.fill("textarea[name=message]", MESSAGE)
    page.click("main button:has-text('Send recognition')")
    page.wait_for_load_state("load")
    assert "Kertu Mägi and their manager can see your recognition" in page.inner_text("main")
    assert MESSAGE in page.inner_text("main")  # on the "given" page
    shoot(page, "recognition-given")
    context.close()

    # Kertu reads Rapport in Estonian: she sees it, signed, and shows hers in the team feed.
    context = browser.new_context(viewport=PHONE, locale="et-EE", is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, base, "kertu.magi@example.com")
    visit(page, base + "/recognition/", "recognition-received-et")
    main = page.inner_text("main")
    assert MESSAGE in main and "Andis Sara Lind" in main
    page.check("input[name=in_team_feed]")
    page.click("main button:has-text('Salvesta valik')")
    page.wait_for_load_state("load")
    assert "meeskonna voos näha" in page.inner_text("main")
    visit(page, base + "/recognition/team", "recognition-feed-et")
    assert MESSAGE in page.inner_text("main")
    context.close()

    # Marko, their manager: the people he manages, and the feed; the inbox told him.
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    sign_in(page, base, "manager@example.com")
    visit(page, base + "/inbox/", "recognition-manager-inbox")
    assert "Sara Lind recognised the work of Kertu Mägi." in page.inner_text("main")
    page.click("header a:has-text('Recognition')")
    page.click("main a:has-text('People I manage')")
    page.wait_for_load_state("load")
    shoot(page, "recognition-reports")
    assert MESSAGE in page.inner_text("main")
    assert page.locator("main button:has-text('Remove as not appropriate')").count() > 0
    visit(page, base + "/recognition/team", "recognition-feed-manager")
    assert MESSAGE in page.inner_text("main")
    # ... and on Kertu's review of the open cycle, beside the rest of her review.
    visit(
        page, f"{base}/reviews/{_open_review(live, 'kertu.magi@example.com')}", "recognition-review"
    )
    section = page.inner_text("#recognition")
    assert "Recognition from colleagues" in section and MESSAGE in section
    context.close()

    # A leader (in Slovenian) opens the recognition chart from the reports page.
    use_language(live, "leader@example.com", "sl")
    context = browser.new_context(viewport=DESKTOP, locale="sl-SI")
    page = context.new_page()
    sign_in(page, base, "leader@example.com")
    visit(page, base + "/reports/", "recognition-reports-sl")
    assert "Priznanja po ekipah in kompetencah" in page.inner_text("main")
    chart = page.locator("main img[src*='/reports/chart/recognition.png']")
    chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll(\"main img[src*='recognition.png']\")]"
        ".every(i => i.complete && i.naturalWidth > 0)",
        timeout=60000,
    )
    visit(page, base + "/reports/table/recognition", "recognition-table-sl")
    assert "Vse ekipe" in page.inner_text("main") or "All teams" in page.inner_text("main")
    context.close()


def _open_review(live, email: str) -> int:
    from sqlalchemy import select

    from extensions import db
    from reviews.models import Cycle, Review, User

    with live.app.app_context():
        query = (
            select(Review.id)
            .join(Cycle, Cycle.id == Review.cycle_id)
            .join(User, User.id == Review.employee_id)
            .where(Cycle.status == "open", User.email == email)
        )
        found = db.session.scalar(query)
        db.session.remove()
    return found


def test_recognition_pages_pass_axe_in_every_language_and_width(browser, live):
    pages = ["/recognition/", "/recognition/given", "/recognition/team", "/recognition/new",
             "/recognition/reports"]  # fmt: skip
    found = {}
    for locale in ("en", "et", "sl"):
        use_language(live, "manager@example.com", locale)
        for viewport in (DESKTOP, PHONE):
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            sign_in(page, live.url, "manager@example.com")
            for path in pages:
                name = f"recognition-{locale}-{path.strip('/').replace('/', '_')}"
                if issues := check(page, live.url + path, name):
                    found[f"{locale} {viewport['width']} {path}"] = issues
            context.close()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
