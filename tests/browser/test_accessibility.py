"""Every page of every role, at 1280 and 390 px: axe-core finds no serious or critical
violation, and nothing scrolls sideways on a phone.

The pages are found the way a person finds them: from the home page, every link in the main
menu and on the pages it opens (two clicks deep), one page per route shape (``/reviews/12``
and ``/reviews/13`` are the same page), downloads and sign-out left out."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PHONE, shoot, sign_in

ROLES = ["staff", "manager", "leader", "admin"]
SKIP = re.compile(r"\.(csv|xlsx|pdf|png|svg|json)$|/logout|/export|/download")
BLOCKING = {"serious", "critical"}


def shape(url: str) -> str:
    parts = urlsplit(url)
    keys = ",".join(sorted(k.split("=")[0] for k in parts.query.split("&") if k))
    return re.sub(r"/\d+", "/N", parts.path) + ("?" + keys if keys else "")


def pages_of(page, base: str, depth: int = 3) -> list[str]:
    seen: dict[str, str] = {shape(base + "/"): base + "/"}
    frontier = [base + "/"]
    for _ in range(depth):
        found = []
        for url in frontier:
            page.goto(url)
            links = page.eval_on_selector_all(
                "header a[href], main a[href]", "els => els.map(e => e.href)"
            )
            for link in links:
                link = link.split("#")[0]
                if not link.startswith(base) or SKIP.search(link) or shape(link) in seen:
                    continue
                seen[shape(link)] = link
                found.append(link)
        frontier = found
    return sorted(seen.values())


def check(page, url: str, name: str) -> list[str]:
    """Open ``url``, keep its screenshot, and say what is wrong: axe's serious and critical
    violations, and any sideways scrolling."""
    page.goto(url)
    page.wait_for_load_state("load")
    shoot(page, name)
    issues = problems(page)
    width = page.viewport_size["width"]
    wide = page.evaluate("document.documentElement.scrollWidth")
    if wide > width:
        issues.append(f"scrolls sideways: {wide} px wide")
    return issues


def problems(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])}× {v['nodes'][0]['target']}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_page_is_accessible_at_both_widths(browser, live_server, role):
    found: dict[str, list[str]] = {}
    urls: list[str] = []
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport, locale="en-GB")
        page = context.new_page()
        try:
            sign_in(page, live_server, f"{role}@example.com")
            urls = urls or pages_of(page, live_server)  # found once, checked at both widths
            for url in urls:
                if issues := check(page, url, f"axe-{role}-{shape(url).replace('/', '_')}"):
                    found[f"{viewport['width']} {shape(url)}"] = issues
        finally:
            context.close()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


MAIN_PAGES = [
    "/",
    "/cycles/",
    "/ideas/",
    "/procedures/",
    "/reports/",
    "/inbox/",
    "/account",
    "/training/",
]
ADMIN_PAGES = ["/admin/", "/admin/people", "/admin/framework", "/admin/cycles"]


@pytest.mark.parametrize("locale", ["et", "sl"])
@pytest.mark.parametrize("role", ROLES)
def test_main_pages_in_estonian_and_slovenian(browser, live, role, locale):
    """Longer words must not break a page: each role's main pages in et and sl pass axe and
    fit a phone (the narrow width is where longer words break a page; every page at both
    widths is checked in English above)."""
    from .conftest import use_language

    use_language(live, f"{role}@example.com", locale)
    pages = MAIN_PAGES + (ADMIN_PAGES if role == "admin" else [])
    found: dict[str, list[str]] = {}
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        sign_in(page, live.url, f"{role}@example.com")
        for path in pages:
            name = f"lang-{role}-{locale}-{path.strip('/').replace('/', '_') or 'home'}"
            if issues := check(page, live.url + path, name):
                found[path] = issues
            assert page.get_attribute("html", "lang") == locale
    finally:
        context.close()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
