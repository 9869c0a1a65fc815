"""``flask procedures …``: the daily procedures run, for sites that use cron rather than a
worker's scheduler (the worker runs it at 06:30 by itself)."""

import click

from extensions import db


@click.group("procedures")
def group() -> None:
    """Procedures: ask newcomers, send reminders."""


@group.command("daily")
def daily() -> None:
    """Ask the people who joined a procedure's teams, stop asking those who left, and send
    today's reminders (running it twice a day sends nothing new)."""
    from reviews.services.procedures.reminders import run_daily

    done = run_daily()
    db.session.commit()
    click.echo(", ".join(f"{kind}: {n}" for kind, n in sorted(done.items())) or "Nothing to do.")
