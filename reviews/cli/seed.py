"""``flask seed-demo``, ``flask seed-scale`` and ``flask db-is-empty``: the demo and scale
organisations (their data lives in ``reviews.seed``). Kept at the top level: ``make run`` and
the README name them."""

import click
from sqlalchemy import func, select

from extensions import db


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
