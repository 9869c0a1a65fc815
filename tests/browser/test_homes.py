"""Each demo account signs in through the real form and sees its own home."""

import pytest

from .conftest import PHONE, shoot, sign_in

HOMES = [
    ("staff@example.com", ["My reviews", "My ideas"], ["Organisation overview", "My team"]),
    ("manager@example.com", ["My team", "My reviews"], ["Organisation overview"]),
    ("leader@example.com", ["Organisation overview"], ["Open administration"]),
    ("admin@example.com", ["Open administration"], ["Organisation overview"]),
]


@pytest.mark.parametrize("email, shown, hidden", HOMES, ids=[h[0].split("@")[0] for h in HOMES])
def test_each_demo_account_sees_its_own_home(page, live_server, shots_dir, email, shown, hidden):
    sign_in(page, live_server, email)
    assert page.url == live_server + "/"
    body = page.inner_text("main")
    for heading in shown:
        assert heading in body, f"{email} should see {heading!r}"
    for heading in hidden:
        assert heading not in body, f"{email} should not see {heading!r}"
    assert email.split("@")[0] != "" and page.is_visible("header .user-name")
    page.screenshot(path=str(shots_dir / f"home-{email.split('@')[0]}.png"), full_page=True)


def test_manager_home_lists_staff_member(page, live_server):
    sign_in(page, live_server, "manager@example.com")
    staff_name = page.evaluate(
        "() => [...document.querySelectorAll('main table td')].map(td => td.innerText)"
    )
    assert staff_name, "the manager's team table is empty"


def test_wrong_password_shows_message_and_keeps_email(page, live_server, shots_dir):
    sign_in(page, live_server, "staff@example.com", password="not-the-password")
    assert "The email or password is not correct." in page.inner_text("main")
    assert page.input_value("input[name=email]") == "staff@example.com"
    page.screenshot(path=str(shots_dir / "login-error.png"))


def test_sign_out_ends_the_session(page, live_server):
    sign_in(page, live_server, "staff@example.com")
    page.click("header button:has-text('Sign out')")
    page.wait_for_load_state("domcontentloaded")
    assert "/login" in page.url
    page.goto(live_server + "/")
    assert "/login" in page.url


def test_phone_menu_opens_and_closes_by_keyboard(phone, live_server):
    sign_in(phone, live_server, "admin@example.com")
    assert not phone.is_visible("nav.mainnav")
    toggle = phone.get_by_role("button", name="Menu")
    assert toggle.get_attribute("aria-expanded") == "false"
    phone.keyboard.press("Tab")  # the skip link
    phone.keyboard.press("Tab")  # the brand
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.className") == "nav-toggle"
    phone.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.is_visible("nav.mainnav a:has-text('Administration')")
    assert phone.is_visible("header button:has-text('Sign out')")
    shoot(phone, "home-admin-menu-open")
    phone.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not phone.is_visible("nav.mainnav")
    assert phone.evaluate("document.activeElement.className") == "nav-toggle"


def test_phone_menu_without_javascript_stays_open(browser, live_server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, live_server, "staff@example.com")
        assert page.is_visible("nav.mainnav a:has-text('Ideas')")
        assert page.is_visible("header button:has-text('Sign out')")
    finally:
        context.close()
