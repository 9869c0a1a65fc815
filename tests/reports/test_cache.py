"""Rendered charts are cached in the database under a key holding the data version; a write
bumps the version (in the same transaction), so the next request draws again."""

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from extensions import db
from reports import cache
from reports.charts.style import FIGURES
from reviews.models import ChartCache, DataVersion, Idea, Rating


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
    assert stored == 2  # the numbers and the picture
    second = client.get(url)
    assert FIGURES["created"] == before + 1  # not drawn again
    assert second.get_data() == first.get_data() and cached_rows() == stored
    # The browser's copy is good too: same ETag → 304.
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_a_rating_write_bumps_the_version_and_the_chart_is_drawn_again(org, login_as):
    client = login_as(org.leader)
    url = f"/reports/download/trend.csv?start={org.q1.id}"
    picture = f"/reports/chart/trend.png?start={org.q1.id}"
    first = client.get(url).get_data(as_text=True)
    client.get(picture)
    drawn = FIGURES["created"]
    client.get(picture)
    assert FIGURES["created"] == drawn  # cached
    reviews_before, ideas_before = version("reviews"), version("ideas")
    rating = db.session.scalar(
        select(Rating)
        .where(
            Rating.review_id == org.reviews["q1", "a1"].id, Rating.source == "manager"
        )  # fmt: skip
        .order_by(Rating.id)
    )
    rating.value = 1  # X: 4 → 1, so Q1 X mean 31/8 → 28/8
    db.session.commit()
    assert version("reviews") == reviews_before + 1
    assert version("ideas") == ideas_before  # another domain's charts stay cached
    second = client.get(url).get_data(as_text=True)
    assert second != first and "3.5" in second
    client.get(picture)
    assert FIGURES["created"] == drawn + 1  # the new version is drawn once


def test_idea_writes_bump_ideas_and_nothing_is_bumped_on_rollback(org):
    ideas_before, reviews_before = version("ideas"), version("reviews")
    idea = db.session.scalar(select(Idea).order_by(Idea.id))
    idea.status = "planned"
    db.session.commit()
    assert version("ideas") == ideas_before + 1 and version("reviews") == reviews_before
    idea.status = "declined"
    db.session.flush()
    db.session.rollback()
    assert version("ideas") == ideas_before + 1
    db.session.commit()  # nothing pending: no bump
    assert version("ideas") == ideas_before + 1


def test_registering_twice_listens_once(app):
    cache.register()
    cache.register()
    assert event.contains(Session, "before_commit", cache._bump_pending)
    calls = []
    listener = lambda session: calls.append(session)  # noqa: E731
    event.listen(Session, "before_commit", listener)
    try:
        db.session.add(DataVersion(domain="people", version=0))
        db.session.commit()
    finally:
        event.remove(Session, "before_commit", listener)
    assert len(calls) == 1


def test_the_cache_is_pruned_by_count_and_age(app):
    app.config.update(REPORT_CACHE_MAX_ROWS=3)
    try:
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
    finally:
        app.config.pop("REPORT_CACHE_MAX_ROWS")


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
    before = version("reviews")
    result = runner.invoke(args=["reports", "clear-cache"])
    assert result.exit_code == 0 and "emptied" in result.output
    db.session.expire_all()
    assert cached_rows() == 0 and version("reviews") == before + 1
