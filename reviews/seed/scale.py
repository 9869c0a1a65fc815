"""``flask seed-scale``: a large generated organisation for benchmarks and load tests. By
default it has the size PRODUCT.md plans for: 10,000 people in 500 teams and ten years of
quarterly cycles, about 400,000 reviews, 6.4 million ratings and 100,000 ideas.

The rows are generated as plain tuples with one seeded random generator (the same options
build the same organisation on the same day: the history ends at today's date) and
bulk-loaded in ONE transaction, so a failed run leaves the database as it was: executemany in
large batches on SQLite, COPY on PostgreSQL, with the big tables' secondary indexes (and
PostgreSQL's foreign keys) built after the load (see ``scale_load`` and
PERFORMANCE-NOTES.md). ORM objects are used only for the handful of framework rows, through
the same service as the app. Every phase prints its time and the rows it added."""

import random
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import groupby
from time import perf_counter

from sqlalchemy import Connection, func, select, text, update

from extensions import db
from reports import cache as report_cache
from reports import summary as rating_summaries
from reviews.models import (
    IDEA_STATUSES,
    Competency,
    Cycle,
    CycleCompetency,
    CycleScaleLevel,
    Idea,
    IdeaComment,
    IdeaEvent,
    IdeaSupport,
    Rating,
    ReportingLine,
    Review,
    ReviewNote,
    RoleAssignment,
    Team,
    User,
    note_competencies,
    utcnow,
)
from reviews.services.people.auth import hash_password
from reviews.services.reviews.framework import active_competencies, install_defaults, scale_levels

from . import scale_cycles as cycles
from . import scale_ideas as ideas
from . import scale_people as people
from . import scale_reviews as reviews
from .data import FIXED_ACCOUNTS, PASSWORD, RANDOM_SEED
from .scale_load import (
    BulkLoader,
    analyze,
    begin,
    bulk_settings,
    reset_sequences,
    restore,
    set_aside,
    transaction_settings,
)
from .scale_org import leader_count, plan_org
from .timeline import Quarter, past_quarters

# The tables loaded by the hundred thousand: their secondary indexes (and foreign keys, on
# PostgreSQL) are built after the load.
BIG_TABLES = (
    Review.__table__,
    Rating.__table__,
    ReviewNote.__table__,
    note_competencies,
    Idea.__table__,
    IdeaEvent.__table__,
    IdeaSupport.__table__,
    IdeaComment.__table__,
)


@dataclass(frozen=True)
class ScaleOptions:
    """The size of the organisation; ``people`` counts every account."""

    people: int = 10_000
    teams: int = 500
    years: int = 10
    ideas: int = 100_000
    seed: int = RANDOM_SEED

    def problem(self) -> str | None:
        """Why these sizes make no organisation, or None when they do."""
        if self.teams < 1 or self.years < 1 or self.ideas < 0:
            return "--teams and --years must be at least 1 and --ideas at least 0."
        smallest = leader_count(self.teams) + 1 + 2 * self.teams
        if self.people < smallest:
            return (
                f"--people must be at least {smallest} for {self.teams} teams: the leaders, an "
                "admin, and a manager and at least one member of staff in every team."
            )
        return None


@dataclass
class Clock:
    """Prints one line per phase: its time and how many rows it added to which tables."""

    echo: Callable[[str], None]
    counts: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=perf_counter)

    @contextmanager
    def phase(self, label: str) -> Iterator[None]:
        began, before = perf_counter(), Counter(self.counts)
        yield
        added = ", ".join(f"{n:,} {table}" for table, n in (self.counts - before).items())
        self.echo(f"  {label:<24} {perf_counter() - began:6.1f} s  {added}".rstrip())


def holds_data() -> bool:
    """True when the database already has people, a framework, cycles or ideas."""
    models = (User, Team, Competency, Cycle, Review, Idea)
    return any(db.session.scalar(select(model.id).limit(1)) is not None for model in models)


def build_scale(options: ScaleOptions, wipe: bool, echo: Callable[[str], None]) -> str:
    """Empty the database first if ``wipe``, build the organisation, commit, describe it.
    Indexes are set aside before the wipe too, so deleting millions of rows is faster."""
    clock = Clock(echo)
    echo(f"Building {options.people:,} people in {options.teams:,} teams, {options.years} years "
         f"of quarterly cycles and {options.ideas:,} ideas on {_dialect()}:")  # fmt: skip
    try:
        conn = db.session.connection()
        with bulk_settings(conn):
            begin(conn)
            transaction_settings(conn)
            quarters = _load(options, wipe, clock, BulkLoader(conn))
    except Exception:
        db.session.rollback()
        raise
    return summary(clock, quarters[0].name, quarters[-1].name)


def _load(options: ScaleOptions, wipe: bool, clock: Clock, loader: BulkLoader) -> list[Quarter]:
    """Everything inside the one transaction, up to and including its commit."""
    conn = loader.conn
    clock.counts = loader.counts
    with clock.phase("set indexes aside"):
        aside = set_aside(conn, BIG_TABLES)
    if wipe:
        with clock.phase("wiped the database"):
            _wipe(conn)
    quarters = _build(options, clock, loader)
    with clock.phase("rebuilt indexes, keys"):
        restore(conn, aside)
    with clock.phase("planner statistics"):
        analyze(conn)  # before the summaries, so their joins are planned on real figures
    with clock.phase("rating summaries"):
        rating_summaries.rebuild(db.session)
    with clock.phase("sequences, stats, cache"):
        reset_sequences(conn, db.metadata)
        analyze(conn, rating_summaries.TABLES)
        # rows loaded without the ORM bump no data version: start the cache afresh
        report_cache.reset(db.session)
    with clock.phase("committed"):
        db.session.commit()
    return quarters


def _dialect() -> str:
    return db.session.get_bind().dialect.name


def _wipe(conn: Connection) -> None:
    """Delete every row. PostgreSQL: TRUNCATE (fast, and transactional there). SQLite: DELETE,
    children first, as seed-demo does (the index on ideas.merged_into_id keeps that linear)."""
    if conn.dialect.name == "postgresql":
        names = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        db.session.expunge_all()
        return
    from .demo import wipe_all

    wipe_all()


def _build(options: ScaleOptions, clock: Clock, loader: BulkLoader) -> list[Quarter]:
    """Every phase that adds rows, in the order the foreign keys need."""
    # Midnight (UTC) today: the same options build the same rows all day long.
    rng, now = (
        random.Random(options.seed),
        utcnow().replace(hour=0, minute=0, second=0, microsecond=0),
    )
    quarters = past_quarters(now.date(), options.years * 4)
    with clock.phase("framework and cycles"):
        install_defaults()
        since = quarters[0].opened_at - timedelta(days=60)
        db.session.execute(update(Competency).values(created_at=since))
        competencies, levels = active_competencies(), scale_levels()
        _load_cycles(loader, quarters, competencies, levels)
    with clock.phase("people"):
        org = plan_org(rng, options.people, options.teams, len(quarters), len(competencies))
        _load_people(loader, rng, org, quarters, since)
    writer = reviews.ReviewWriter(rng, org)
    top = max(level.value for level in levels)
    snapshots = cycles.snapshots(quarters, competencies, top)
    for year, group in groupby(snapshots, key=lambda snap: snap.quarter.year):
        with clock.phase(f"reviews {year}"):
            for snap in group:
                _load_review_rows(loader, writer.cycle(snap))
    with clock.phase("ideas"):
        idea_writer = ideas.IdeaWriter(rng, org, quarters, now, len(org.people))
        for rows in idea_writer.chunks(options.ideas):
            _load_idea_rows(loader, rows)
    return quarters


def _load_cycles(loader: BulkLoader, quarters, competencies, levels) -> None:
    loader.load(Cycle.__table__, cycles.CYCLE_COLUMNS, cycles.cycle_rows(quarters))
    skills = cycles.skill_rows(quarters, competencies)
    loader.load(CycleCompetency.__table__, cycles.SKILL_COLUMNS, skills)
    scale = cycles.level_rows(quarters, levels)
    loader.load(CycleScaleLevel.__table__, cycles.LEVEL_COLUMNS, scale)


def _load_people(loader: BulkLoader, rng: random.Random, org, quarters, since) -> None:
    """Teams, accounts (one password hash for all), roles and reporting lines."""
    loader.load(Team.__table__, people.TEAM_COLUMNS, people.team_rows(org, since))
    users = people.user_rows(rng, org, hash_password(PASSWORD), since)
    loader.load(User.__table__, people.USER_COLUMNS, users)
    loader.load(RoleAssignment.__table__, people.ROLE_COLUMNS, people.role_rows(org))
    lines = people.line_rows(rng, org, quarters)
    loader.load(ReportingLine.__table__, people.LINE_COLUMNS, lines)


def _load_review_rows(loader: BulkLoader, rows: reviews.CycleRows) -> None:
    loader.load(Review.__table__, reviews.REVIEW_COLUMNS, rows.reviews)
    loader.load(Rating.__table__, reviews.RATING_COLUMNS, rows.ratings)
    loader.load(ReviewNote.__table__, reviews.NOTE_COLUMNS, rows.notes)
    loader.load(note_competencies, reviews.TAG_COLUMNS, rows.tags)


def _load_idea_rows(loader: BulkLoader, rows: ideas.IdeaRows) -> None:
    loader.load(Idea.__table__, ideas.IDEA_COLUMNS, rows.ideas)
    loader.load(IdeaEvent.__table__, ideas.EVENT_COLUMNS, rows.events)
    loader.load(IdeaSupport.__table__, ideas.SUPPORT_COLUMNS, rows.supports)
    loader.load(IdeaComment.__table__, ideas.COMMENT_COLUMNS, rows.comments)


def summary(clock: Clock, first: str, last: str) -> str:
    """What was built, how long it took, and how to sign in."""
    counts = clock.counts
    statuses = Counter(
        dict(db.session.execute(select(Idea.status, func.count()).group_by(Idea.status)).all())
    )
    idea_text = ", ".join(f"{statuses[s]:,} {s.replace('_', ' ')}" for s in IDEA_STATUSES)
    accounts = ", ".join(FIXED_ACCOUNTS.values())
    return (
        f"Built a generated organisation in {perf_counter() - clock.started:.1f} s: "
        f"{counts['users']:,} people in {counts['teams']:,} teams, {counts['cycles']} closed "
        f"cycles ({first} to {last}), {counts['reviews']:,} reviews with "
        f"{counts['ratings']:,} ratings and {counts['review_notes']:,} notes, and "
        f"{counts['ideas']:,} ideas ({idea_text}). Sign in with {accounts}; every account "
        f"uses the password {PASSWORD}."
    )
