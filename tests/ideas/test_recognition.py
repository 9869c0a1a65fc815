"""Recognition: implemented ideas, newest decision first, with impact and authors' names
(an anonymous author stays anonymous)."""

import re
from datetime import timedelta

from extensions import db
from reviews.models import utcnow

from .conftest import make_idea

TITLE = re.compile(r'<h2><a href="/ideas/\d+">([^<]+)</a></h2>')


def implemented(author, title, days_ago, **kw):
    idea = make_idea(author, title, status="implemented", days_ago=days_ago + 10, **kw)
    idea.decided_at = utcnow() - timedelta(days=days_ago)
    idea.impact_note = f"Impact of {title}"
    db.session.commit()
    return idea


def test_implemented_ideas_newest_first_with_impact_and_credit(org, login_as):
    implemented(org.mari, "Macros", days_ago=30)
    implemented(org.jaan, "Rota", days_ago=2, anonymous=True)
    implemented(org.peeter, "Wiki", days_ago=10, team=org.apps)
    make_idea(org.mari, "Still planned", status="planned")
    make_idea(org.mari, "Declined one", status="declined")
    html = login_as(org.olev).get("/ideas/implemented").get_data(as_text=True)
    assert TITLE.findall(html) == ["Rota", "Wiki", "Macros"]
    for title in ("Macros", "Rota", "Wiki"):
        assert f"Impact of {title}" in html
    assert "Idea by Mari Tamm" in html and "Idea by Peeter Pärn" in html
    assert "An anonymous colleague’s idea" in html
    assert "Jaan Sepp" not in html


def test_recognition_pages(org, login_as):
    for n in range(22):
        implemented(org.mari, f"Done {n:02d}", days_ago=n)
    client = login_as(org.jaan)
    assert len(TITLE.findall(client.get("/ideas/implemented").get_data(as_text=True))) == 20
    second = TITLE.findall(client.get("/ideas/implemented?page=2").get_data(as_text=True))
    assert second == ["Done 20", "Done 21"]
