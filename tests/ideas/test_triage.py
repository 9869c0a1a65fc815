"""Triage: the managers' teams' ideas waiting for a first response, oldest first, flagged
after IDEA_RESPONSE_DAYS (14 by default), and counted on the manager's home page."""

import re

from .conftest import make_idea, move

ROW = re.compile(r'<tr class="(flagged)?">\s*<td><a href="/ideas/\d+#manage">([^<]+)</a>')


def rows(client) -> list[tuple[str, bool]]:
    html = client.get("/ideas/triage").get_data(as_text=True)
    return [(title, bool(flag)) for flag, title in ROW.findall(html)]


def test_waiting_ideas_oldest_first_with_the_late_ones_flagged(org, login_as):
    make_idea(org.mari, "Thirty days", days_ago=30)
    make_idea(org.jaan, "Fifteen days", days_ago=15, anonymous=True)
    make_idea(org.mari, "Thirteen days", days_ago=13)
    make_idea(org.mari, "Today", days_ago=0)
    make_idea(org.mari, "Answered", days_ago=40, responded=True)
    make_idea(org.mari, "Moved on", days_ago=40, status="under_review")
    make_idea(org.mari, "Declined", days_ago=40, status="declined")
    make_idea(org.peeter, "Other team", team=org.apps, days_ago=50)
    client = login_as(org.kadri)
    assert rows(client) == [
        ("Thirty days", True),
        ("Fifteen days", True),
        ("Thirteen days", False),
        ("Today", False),
    ]
    html = client.get("/ideas/triage").get_data(as_text=True)
    assert "30 days" in html and "13 days" in html and "0 days" in html
    assert 'class="stat-value">4<' in html and 'class="stat-value">2<' in html


def test_leadership_and_admins_triage_every_team(org, login_as):
    make_idea(org.mari, "Desk idea", days_ago=3)
    make_idea(org.peeter, "Apps idea", team=org.apps, days_ago=5)
    for person in (org.leader, org.admin):
        assert rows(login_as(person)) == [("Apps idea", False), ("Desk idea", False)]
    assert rows(login_as(org.olev)) == [("Apps idea", False)]


def test_a_response_takes_an_idea_off_the_list(org, login_as, post):
    idea = make_idea(org.mari, "Waiting", days_ago=20)
    client = login_as(org.kadri)
    assert rows(client) == [("Waiting", True)]
    move(post, idea, "", "Thanks, we will look at it next week.")
    assert rows(client) == []


def test_the_response_time_is_configurable(org, login_as, app, monkeypatch):
    make_idea(org.mari, "Six days", days_ago=6)
    monkeypatch.setitem(app.config, "IDEA_RESPONSE_DAYS", 5)
    assert rows(login_as(org.kadri)) == [("Six days", True)]


def test_the_manager_home_counts_waiting_and_flagged(org, login_as):
    make_idea(org.mari, "Old", days_ago=20)
    make_idea(org.jaan, "Older", days_ago=25, anonymous=True)
    make_idea(org.mari, "New", days_ago=1)
    make_idea(org.peeter, "Elsewhere", team=org.apps, days_ago=40)
    html = login_as(org.kadri).get("/").get_data(as_text=True)
    assert "3 ideas waiting for a response" in html and "2 overdue" in html
    assert 'href="/ideas/triage"' in html
    staff_home = login_as(org.mari).get("/").get_data(as_text=True)
    assert "waiting for a response" not in staff_home
