"""The home page shows each role what it needs, and only that."""

from datetime import date, timedelta

from extensions import db
from reviews.models import Idea, Review, utcnow
from tests import factories


def home_of(login_as, person) -> str:
    return login_as(person).get("/").get_data(as_text=True)


def test_staff_sees_own_reviews_and_ideas_only(app, login_as):
    team = factories.team("Service Desk")
    manager = factories.user("manager", name="Kadri Kask", team=team)
    mari = factories.user("staff", name="Mari Tamm", team=team, manager=manager)
    other = factories.user("staff", name="Jaan Sepp", team=team, manager=manager)
    cycle = factories.cycle("2026 Q3")
    db.session.add_all(
        [
            Review(cycle=cycle, employee=mari, manager=manager, team=team),
            Review(cycle=cycle, employee=other, manager=manager, team=team),
            Idea(
                title="Shared macros for replies",
                description="d",
                category="tools",
                team=team,
                author=mari,
            ),
            Idea(title="Jaan's idea", description="d", category="tools", team=team, author=other),
        ]
    )
    db.session.commit()
    html = home_of(login_as, mari)
    assert "2026 Q3" in html and "Kadri Kask" in html and "Not started" in html
    assert "Shared macros for replies" in html
    assert "Jaan&#39;s idea" not in html and "Jaan's idea" not in html
    assert "Organisation overview" not in html and "My team" not in html


def test_manager_sees_direct_reports_with_review_step(app, login_as):
    team = factories.team("Service Desk")
    manager = factories.user("manager", "staff", name="Kadri Kask", team=team)
    mari = factories.user("staff", name="Mari Tamm", team=team, manager=manager)
    factories.user("staff", name="Somebody Else", team=team)  # reports to nobody
    cycle = factories.cycle("2026 Q4")
    db.session.add(Review(cycle=cycle, employee=mari, manager=manager, team=team))
    db.session.add(
        Idea(title="Waiting", description="d", category="process", team=team, author=mari)
    )
    db.session.commit()
    html = home_of(login_as, manager)
    assert "My team" in html and "Mari Tamm" in html and "Not started" in html
    assert "Somebody Else" not in html
    assert "1 idea waiting for a response" in html


def test_leadership_sees_organisation_overview(app, login_as):
    team = factories.team()
    factories.user("staff", team=team)
    leader = factories.user("leadership", "staff")
    html = home_of(login_as, leader)
    assert "Organisation overview" in html and "active people" in html
    assert "Open administration" not in html


def test_admin_sees_administration_summary(app, login_as):
    factories.user("staff", active=False)
    html = home_of(login_as, factories.user("admin"))
    assert "Open administration" in html and "deactivated" in html


def test_header_shows_name_and_role(app, login_as):
    html = home_of(login_as, factories.user("manager", "staff", name="Kadri Kask"))
    assert "Kadri Kask" in html and "badge-role" in html and ">Manager<" in html


def test_the_home_page_lists_a_persons_eight_newest_ideas(app, login_as):
    team = factories.team("Service Desk")
    mari = factories.user("staff", name="Mari Tamm", team=team)
    now = utcnow()
    db.session.add_all(
        Idea(
            title=f"Idea number {n}",
            description="d",
            category="tools",
            team=team,
            author=mari,
            created_at=now - timedelta(days=n),
        )
        for n in range(1, 10)
    )
    db.session.commit()
    html = home_of(login_as, mari)
    assert all(f"Idea number {n}<" in html for n in range(1, 9))
    assert "Idea number 9<" not in html  # the oldest of nine


def test_the_home_page_lists_a_persons_eight_latest_reviews(app, login_as):
    team = factories.team("Service Desk")
    manager = factories.user("manager", name="Kadri Kask", team=team)
    mari = factories.user("staff", name="Mari Tamm", team=team, manager=manager)
    for year in range(2017, 2026):
        cycle = factories.cycle(f"Year {year}", start=date(year, 1, 1))
        db.session.add(Review(cycle=cycle, employee=mari, manager=manager, team=team))
    db.session.commit()
    html = home_of(login_as, mari)
    assert all(f"Year {year}" in html for year in range(2018, 2026))
    assert "Year 2017" not in html  # the oldest of nine
