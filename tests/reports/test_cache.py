"""Rendered charts are cached in the database under a key holding the data version; a write
bumps the version (in the same transaction), so the next request draws again."""

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from extensions import db
from reports import cache
from reports.cache import cycle_domain
from reports.charts.style import FIGURES
from reviews.models import ChartCache, DataVersion, Idea, Rating, utcnow


def version(domain: str) -> int:
    return cache.versions(db.session, (domain,))[domain]


def cached_rows() -> int:
    return db.session.scalar(select(func.count()).select_from(ChartCache))


def test_second_request_is_served_from_the_cache_without_drawing(org, login_as):
    client = login_as(org.leader)
    url = f"/reports/chart/trend.png?start={org.q1.id}"
    before = FIGURES["created"]
    first = client.get(url)
    assert FIGURES["created"] == before + 1
    stored = cached_rows()
    # The numbers, the picture, and the hidden teams of each of the 3 cycles charted.
    assert stored == 2 + 3
    second = client.get(url)
    assert FIGURES["created"] == before + 1  # not drawn again
    assert second.get_data() == first.get_data() and cached_rows() == stored
    # The browser's copy is good too: same ETag → 304.
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_a_counted_rating_write_bumps_its_cycle_only_and_the_chart_is_drawn_again(org, login_as):
    client = login_as(org.leader)
    url = f"/reports/download/trend.csv?start={org.q1.id}"
    picture = f"/reports/chart/trend.png?start={org.q1.id}"
    q2_gap = f"/reports/chart/gap.png?cycle={org.q2.id}"
    ideas_chart = f"/reports/chart/ideas.png?start={org.q1.id}"
    first = client.get(url).get_data(as_text=True)
    for chart in (picture, q2_gap, ideas_chart):
        client.get(chart)
    drawn = FIGURES["created"]
    client.get(picture)
    assert FIGURES["created"] == drawn  # cached
    before = {d: version(d) for d in (cycle_domain(org.q1.id), cycle_domain(org.q2.id))}
    ideas_before, org_before = version("ideas"), version("org")
    rating = db.session.scalar(
        select(Rating)
        .where(
            Rating.review_id == org.reviews["q1", "a1"].id, Rating.source == "manager"
        )  # fmt: skip
        .order_by(Rating.id)
    )
    rating.value = 1  # X: 4 → 1, so Q1 X mean 31/8 → 28/8
    db.session.commit()
    assert version(cycle_domain(org.q1.id)) == before[cycle_domain(org.q1.id)] + 1
    assert version(cycle_domain(org.q2.id)) == before[cycle_domain(org.q2.id)]
    assert version("ideas") == ideas_before and version("org") == org_before
    second = client.get(url).get_data(as_text=True)
    assert second != first and "3.5" in second
    client.get(picture)
    assert FIGURES["created"] == drawn + 1  # the new version is drawn once
    client.get(q2_gap)
    client.get(ideas_chart)
    assert FIGURES["created"] == drawn + 1  # other cycles' and the ideas' charts stay cached


def test_a_draft_save_bumps_nothing(org):
    """A draft changes no figure (drafts never count), so no chart is drawn again."""
    review = org.reviews["q4", "b1"]  # open cycle: manager-assessed, not shared yet
    domains = ("epoch", "org", "ideas", cycle_domain(org.q4.id), cycle_domain(org.q2.id))
    before = {d: version(d) for d in domains}
    review.manager_summary = "Calm with difficult callers"
    for rating in review.ratings:
        rating.value = 1
    review.ratings.append(
        Rating(cycle_competency_id=org.q4.competencies[0].id, source="self", value=5)
    )
    db.session.commit()
    assert {d: version(d) for d in domains} == before


def test_a_step_in_the_open_cycle_bumps_that_cycle_only(org):
    review = org.reviews["q4", "a3"]  # self-assessed, not shared
    before_q4, before_q2 = version(cycle_domain(org.q4.id)), version(cycle_domain(org.q2.id))
    review.shared_at = utcnow()
    db.session.commit()
    assert version(cycle_domain(org.q4.id)) == before_q4 + 1
    assert version(cycle_domain(org.q2.id)) == before_q2


def test_renaming_a_team_bumps_the_names_every_chart_reads(org):
    before = version("org")
    org.teams["alpha"].name = "Alpha desk"
    db.session.commit()
    assert version("org") == before + 1


def test_idea_writes_bump_ideas_and_nothing_is_bumped_on_rollback(org):
    ideas_before, q1_before = version("ideas"), version(cycle_domain(org.q1.id))
    idea = db.session.scalar(select(Idea).order_by(Idea.id))
    idea.status = "planned"
    db.session.commit()
    assert version("ideas") == ideas_before + 1
    assert version(cycle_domain(org.q1.id)) == q1_before
    idea.status = "declined"
    db.session.flush()
    db.session.rollback()
    assert version("ideas") == ideas_before + 1
    db.session.commit()  # nothing pending: no bump
    assert version("ideas") == ideas_before + 1


def test_registering_twice_listens_once(app):
    cache.register()
    cache.register()
    assert event.contains(Session, "before_commit", cache._apply_pending)
    calls = []
    listener = lambda session: calls.append(session)  # noqa: E731
    event.listen(Session, "before_commit", listener)
    try:
        db.session.add(DataVersion(domain="people", version=0))
        db.session.commit()
    finally:
        event.remove(Session, "before_commit", listener)
    assert len(calls) == 1


def test_the_cache_is_pruned_by_count_and_age(app, monkeypatch):
    monkeypatch.setitem(app.config, "REPORT_CACHE_MAX_ROWS", 3)
    for n in range(5):
        cache.store(db.session, f"{n:064d}", b"x", "image/png")
    db.session.commit()
    assert cached_rows() == 3
    kept = set(db.session.scalars(select(ChartCache.key)))
    assert kept == {f"{n:064d}" for n in (2, 3, 4)}  # the newest
    old = db.session.get(ChartCache, f"{2:064d}")
    old.created_at = old.created_at.replace(year=2000)
    db.session.commit()
    cache.store(db.session, "f" * 64, b"y", "image/png")
    db.session.commit()
    assert db.session.get(ChartCache, f"{2:064d}") is None


def test_storing_the_same_key_twice_is_harmless(app):
    cache.store(db.session, "a" * 64, b"one", "image/png")
    cache.store(db.session, "a" * 64, b"two", "image/png")
    db.session.commit()
    assert cache.load(db.session, "a" * 64) == (b"one", "image/png")


def test_keys_differ_by_everything_the_bytes_depend_on():
    base = {"chart": "trend", "filters": {"team_ids": None}, "locale": "en", "fmt": "png",
            "versions": {"reviews": 1}}  # fmt: skip
    keys = {
        cache.make_key(**base),
        cache.make_key(**{**base, "locale": "et"}),
        cache.make_key(**{**base, "fmt": "svg"}),
        cache.make_key(**{**base, "versions": {"reviews": 2}}),
        cache.make_key(**{**base, "filters": {"team_ids": (1,)}}),
    }
    assert len(keys) == 5 and all(len(k) == 64 for k in keys)


def test_clear_cache_command(app, runner):
    cache.store(db.session, "b" * 64, b"x", "image/png")
    db.session.commit()
    before = version("epoch")
    result = runner.invoke(args=["reports", "clear-cache"])
    assert result.exit_code == 0 and "emptied" in result.output
    db.session.expire_all()
    assert cached_rows() == 0 and version("epoch") == before + 1
