"""``flask reviews …``: review cycles."""

import click

from extensions import db


@click.group("reviews")
def group() -> None:
    """Review cycles: reminders."""


@group.command("remind")
def remind() -> None:
    """Send today's deadline reminders for the open cycle (run daily, e.g. from cron)."""
    from reviews.services.actions.reminders import send_reminders as remind_action_items
    from reviews.services.cycles.reminders import send_reminders

    sent = send_reminders() | remind_action_items()
    db.session.commit()
    click.echo(", ".join(f"{kind}: {n}" for kind, n in sorted(sent.items())) or "No reminders due.")
