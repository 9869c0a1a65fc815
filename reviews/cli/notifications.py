"""``flask notifications …``: the daily digest on demand."""

import click


@click.group("notifications")
def group() -> None:
    """Notifications and their e-mail."""


@group.command("digest")
def send_digest() -> None:
    """Send the daily digest now to everyone with notifications waiting for it (the same
    work as the 06:30 UTC job; running it again sends nothing new)."""
    from reviews.jobs.notifications import send_daily_digest
    from reviews.services.notifications.outbox import mail_enabled

    if not mail_enabled():
        raise click.ClickException("MAIL_SERVER is not set: no e-mail is sent.")
    sent = send_daily_digest()
    click.echo(f"Queued {sent} digest e-mails.")
