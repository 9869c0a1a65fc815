"""After a write, a job draws the leadership dashboard again (a real consumer here), so the
next leader to open it finds every panel and picture in the cache: nothing is drawn while
they wait."""

import re

from extensions import db
from reports.catalog import TEAM_CHARTS
from reports.charts.style import FIGURES
from reviews.models import utcnow
from tests.jobs.conftest import queue  # noqa: F401  (the real consumer fixture)


def _pictures(html: str) -> list[str]:
    return [u.replace("&amp;", "&") for u in re.findall(r'<img src="(/reports/chart/[^"]+)"', html)]


def test_the_dashboard_is_drawn_again_before_anyone_asks(org, login_as, queue, monkeypatch):  # noqa: F811
    monkeypatch.setitem(queue.app.config, "REPORT_WARM", True)
    queue.start()
    client = login_as(org.leader)
    for url in _pictures(client.get("/reports/").get_data(as_text=True)):
        client.get(url)
    queue.drain()
    org.reviews["q4", "a3"].shared_at = utcnow()  # a step in the open cycle: progress changes
    db.session.commit()
    queue.drain()
    drawn = FIGURES["created"]
    assert drawn > 0
    html = client.get("/reports/").get_data(as_text=True)
    pictures = _pictures(html)
    assert len(pictures) == len(TEAM_CHARTS)
    for url in pictures:
        assert client.get(url).status_code == 200
    assert FIGURES["created"] == drawn, "the leader waited for a chart to be drawn"


def test_without_warming_the_changed_chart_is_drawn_on_request(org, login_as):
    client = login_as(org.leader)
    for url in _pictures(client.get("/reports/").get_data(as_text=True)):
        client.get(url)
    org.reviews["q4", "a3"].shared_at = utcnow()
    db.session.commit()
    drawn = FIGURES["created"]
    for url in _pictures(client.get("/reports/").get_data(as_text=True)):
        client.get(url)
    assert FIGURES["created"] == drawn + 1  # only the review progress chart changed
