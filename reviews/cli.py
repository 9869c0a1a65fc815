"""Command-line commands, grouped by noun. Seed data lives in ``reviews.seed``."""

import click
from flask import Flask
from sqlalchemy import func, select

from extensions import db


def register(app: Flask) -> None:
    app.cli.add_command(seed_demo)
    app.cli.add_command(db_is_empty)
    app.cli.add_command(reviews_group)
    app.cli.add_command(seed_scale)
    app.cli.add_command(jobs_group)


def database_is_empty() -> bool:
    from reviews.models import User

    return (db.session.scalar(select(func.count(User.id))) or 0) == 0


@click.command("seed-demo")
@click.option("--force", is_flag=True, help="Wipe a non-empty database first.")
def seed_demo(force: bool) -> None:
    """Build the demo help desk (about 40 people, 4 teams, 8 past cycles, ideas)."""
    from reviews.seed.demo import build_demo

    if not database_is_empty() and not force:
        raise click.ClickException(
            "The database already holds data. Run again with --force to wipe it and reseed."
        )
    summary = build_demo(wipe=not database_is_empty())
    click.echo(summary)


@click.command("db-is-empty")
def db_is_empty() -> None:
    """Exit 0 when no person exists yet (used by ``make run`` to seed once)."""
    raise SystemExit(0 if database_is_empty() else 1)


@click.group("reviews")
def reviews_group() -> None:
    """Review cycles: reminders."""


@reviews_group.command("remind")
def remind() -> None:
    """Send today's deadline reminders for the open cycle (run daily, e.g. from cron)."""
    from reviews.services.reminders import send_reminders

    sent = send_reminders()
    db.session.commit()
    click.echo(", ".join(f"{kind}: {n}" for kind, n in sorted(sent.items())) or "No reminders due.")


@click.command("seed-scale")
@click.option("--people", default=10_000, show_default=True, help="Accounts in all.")
@click.option("--teams", default=500, show_default=True, help="Teams, one manager each.")
@click.option("--years", default=10, show_default=True, help="Years of quarterly cycles.")
@click.option("--ideas", default=100_000, show_default=True, help="Improvement ideas.")
@click.option("--seed", default=2026, show_default=True, help="Random seed (same seed, same data).")
@click.option("--force", is_flag=True, help="Wipe a non-empty database first.")
def seed_scale(people: int, teams: int, years: int, ideas: int, seed: int, force: bool) -> None:
    """Build a large generated organisation for benchmarks and load tests (by default the
    scale of PRODUCT.md: ~400,000 reviews, ~6.4 million ratings, 100,000 ideas)."""
    from reviews.seed.scale import ScaleOptions, build_scale, holds_data

    options = ScaleOptions(people=people, teams=teams, years=years, ideas=ideas, seed=seed)
    if problem := options.problem():
        raise click.UsageError(problem)
    if holds_data() and not force:
        raise click.ClickException(
            "The database already holds data. Run again with --force to wipe it and reseed."
        )
    click.echo(build_scale(options, wipe=force, echo=click.echo))


@click.group("jobs")
def jobs_group() -> None:
    """Background jobs: e-mail delivery and notification fan-out."""


@jobs_group.command("worker")
@click.option("--workers", default=2, show_default=True, help="Worker threads.")
def jobs_worker(workers: int) -> None:
    """Run a queue consumer (a Huey consumer) until stopped; run as its own process."""
    from flask import current_app
    from huey.consumer import Consumer

    from extensions import huey
    from reviews import jobs
    from reviews.jobs.mail import requeue_lost

    if huey.immediate:
        raise click.ClickException("JOBS_IMMEDIATE is set: jobs run in the caller, no worker.")
    jobs.bind(current_app._get_current_object())
    click.echo(f"Queued {requeue_lost()} e-mails whose job was lost.")
    db.session.remove()
    Consumer(huey, workers=workers, worker_type="thread").run()


@jobs_group.command("status")
def jobs_status() -> None:
    """How many jobs wait in the queue, and how many e-mails are pending or failed."""
    from reviews.jobs import queue_status
    from reviews.services.outbox import status_counts

    queue, mails = queue_status(), status_counts()
    click.echo(f"Jobs queued: {queue['queued']}, scheduled for later: {queue['scheduled']}")
    click.echo(
        f"E-mails pending: {mails['pending']}, failed: {mails['failed']}, sent: {mails['sent']}"
    )
