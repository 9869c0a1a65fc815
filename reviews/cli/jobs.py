"""``flask jobs …``: the queue consumer and what waits in the queue."""

import click

from extensions import db


@click.group("jobs")
def group() -> None:
    """Background jobs: e-mail delivery and notification fan-out."""


@group.command("worker")
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


@group.command("status")
def jobs_status() -> None:
    """How many jobs wait in the queue, and how many e-mails are pending or failed."""
    from reviews.jobs import queue_status
    from reviews.services.notifications.outbox import status_counts

    queue, mails = queue_status(), status_counts()
    click.echo(f"Jobs queued: {queue['queued']}, scheduled for later: {queue['scheduled']}")
    click.echo(
        f"E-mails pending: {mails['pending']}, failed: {mails['failed']}, sent: {mails['sent']}"
    )
