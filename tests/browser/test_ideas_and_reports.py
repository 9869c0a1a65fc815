"""Ideas and reports in a real browser: an anonymous idea shows its private link once and
the link opens the idea; every chart on the dashboard loads as a picture."""

from .conftest import sign_in


def test_anonymous_idea_gives_a_private_link_that_opens_it(page, live_server, shots_dir):
    sign_in(page, live_server, "staff@example.com")
    page.goto(live_server + "/ideas/new")
    page.fill("input[name=title]", "Quiet hour for documentation")
    page.fill(
        "textarea[name=description]", "One hour a week without phones to update the knowledge base."
    )
    page.check("input[name=anonymous]")
    page.click("main button[type=submit]")
    page.wait_for_load_state("domcontentloaded")
    link = page.inner_text("code").strip()
    assert "/ideas/follow/" in link
    page.screenshot(path=str(shots_dir / "idea-anonymous-link.png"), full_page=True)
    page.goto(link.replace("http://127.0.0.1:5000", live_server))
    body = page.inner_text("main")
    assert "Quiet hour for documentation" in body and "Sara" not in body


def test_every_dashboard_chart_loads(page, live_server, shots_dir):
    sign_in(page, live_server, "leader@example.com")
    page.goto(live_server + "/reports/")
    images = page.locator("main img")
    count = images.count()
    assert count >= 8
    for i in range(count):  # lazy images load when scrolled into view
        images.nth(i).scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('main img')].every(i => i.complete && i.naturalWidth > 0)",
        timeout=60000,
    )
    page.screenshot(path=str(shots_dir / "reports-leader.png"), full_page=True)
