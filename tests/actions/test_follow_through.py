"""The follow-through chart, worked out by hand on the reports' organisation
(``tests.reports.conftest``): 2025 Q1 reviews in Alpha (a1 a2 a3), Beta (b1 b2 b3) and Gamma
(c1 c2); 2025 Q2 opened on 5 April 2025.

Q1 items: a1 two (done 20 March; done 1 May, after Q2 opened), a2 one open, a3 one done
1 April; b1 one done 10 March, b2 one dropped, b3 one carried; c1 one done 15 March.

  Alpha: 3 people, 4 items, 2 done by Q2 → 50 %
  Beta:  3 people, 3 items, 1 done       → 33.3 %
  Gamma: 1 person                         → hidden (fewer than 3)
  Complementary suppression: Gamma alone could be rebuilt from the total less Alpha and
  Beta, so the smallest other team is hidden too — Alpha (3 people, the lower id of the
  two teams of three). Alpha and Gamma together are 4 people: the organisation's figure
  is shown, 8 items, 4 done → 50 %."""

import csv
import io
from datetime import datetime

import pytest

from extensions import db
from reports import followthrough
from reviews.models import ActionItem
from tests.reports.conftest import build_org


@pytest.fixture
def org(app):
    org = build_org()
    org.q2.opened_at = datetime(2025, 4, 5, 9, 0)
    plan = {
        "a1": [("done", datetime(2025, 3, 20)), ("done", datetime(2025, 5, 1))],
        "a2": [("open", None)],
        "a3": [("done", datetime(2025, 4, 1))],
        "b1": [("done", datetime(2025, 3, 10))],
        "b2": [("dropped", None)],
        "b3": [("carried", None)],
        "c1": [("done", datetime(2025, 3, 15))],
    }
    for key, items in plan.items():
        for n, (status, done_at) in enumerate(items):
            org.reviews["q1", key].action_items.append(
                ActionItem(description=f"{key} item {n}", status=status, done_at=done_at)
            )
    db.session.commit()
    return org


def _rows(org, teams=None):
    raw = followthrough.counts(db.session, org.q1.id, followthrough.cutoff(db.session, org.q1.id))
    frame = followthrough.follow_through(raw, {t.id: t.name for t in org.teams.values()}, teams, 3)
    return {
        ("total" if r["total"] else r["team"]): (
            None
            if r["hidden"]
            else (r["n_people"], r["agreed"], r["done"], round(r["done_pct"], 1))
        )
        for r in frame.to_dict("records")
    }


def test_the_numbers_by_hand(org):
    assert _rows(org) == {
        "Alpha": None,  # hidden to protect Gamma
        "Beta": (3, 3, 1, 33.3),
        "Gamma": None,  # one person
        "total": (7, 8, 4, 50.0),
    }


def test_a_managers_teams_never_give_the_small_team_back(org):
    """Boris sees Beta and Gamma: their total less Beta would be Gamma, so it is hidden.
    Maria sees Alpha alone: hidden like the whole."""
    beta, gamma, alpha = org.teams["beta"].id, org.teams["gamma"].id, org.teams["alpha"].id
    assert _rows(org, {beta, gamma}) == {"Beta": (3, 3, 1, 33.3), "Gamma": None, "total": None}
    assert _rows(org, {alpha}) == {"Alpha": None, "total": None}


def test_without_suppression_the_organisation_less_the_shown_teams_is_not_one_small_group(org):
    rows = _rows(org)
    shown = [v for k, v in rows.items() if k != "total" and v is not None]
    rest_people = rows["total"][0] - sum(v[0] for v in shown)
    assert rest_people >= 3  # what a viewer can rebuild is Alpha and Gamma together


def test_the_latest_cycle_counts_what_is_done_so_far(org):
    org.reviews["q4", "a1"].action_items.append(
        ActionItem(description="now", status="done", done_at=datetime(2025, 11, 1))
    )
    db.session.commit()
    assert followthrough.cutoff(db.session, org.q4.id) is None
    raw = followthrough.counts(db.session, org.q4.id, None)
    assert raw["done"].sum() == 1


def test_the_leader_downloads_the_csv_with_the_same_numbers(org, login_as):
    client = login_as(org.leader)
    response = client.get(f"/reports/download/follow-through.csv?cycle={org.q1.id}")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][3] == "Done by the next cycle"
    by_team = {row[0]: row[1:] for row in rows[1:]}
    assert by_team["Beta"] == ["3", "3", "1", "33.3"]
    assert by_team["Whole organisation"] == ["7", "8", "4", "50.0"]
    assert "hidden" in by_team["Gamma"][0] and "hidden" in by_team["Alpha"][0]
    page = client.get(f"/reports/?cycle={org.q1.id}").get_data(as_text=True)
    assert "Action item follow-through" in page
    png = client.get(f"/reports/download/follow-through.png?cycle={org.q1.id}")
    assert png.status_code == 200 and png.get_data().startswith(b"\x89PNG")


def test_a_manager_downloads_only_their_teams(org, login_as):
    client = login_as(org.boris)
    response = client.get(f"/reports/download/follow-through.csv?cycle={org.q1.id}")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    names = [row[0] for row in rows[1:]]
    assert names == ["Beta", "Gamma", "All teams shown"]
    assert "hidden" in rows[-1][1]
