"""``flask people …``: what an operator does for a person from the server's shell."""

import click

from extensions import db


@click.group("people")
def group() -> None:
    """People: passwords from the command line (e.g. when the last admin is locked out), and
    the erasure of those past the retention period."""


@group.command("set-password")
@click.argument("email")
@click.password_option(prompt="New password", help="Asked for when not given.")
def set_password(email: str, password: str) -> None:
    """Give the person with EMAIL a new password; their sessions end. Recorded in the audit
    log with no actor (the command line)."""
    from reviews.services import DomainError
    from reviews.services.people.auth import find_user_by_email
    from reviews.services.people.auth import set_password as change

    person = find_user_by_email(email)
    if person is None:
        raise click.ClickException(f"Nobody has the e-mail address {email}.")
    try:
        change(None, person, password)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException("; ".join(str(m) for m in error.errors.values())) from None
    db.session.commit()
    click.echo(f"Password set for {person.name} <{person.email}>; their sessions have ended.")


@group.command("erase")
@click.option("--dry-run", is_flag=True, help="Say what would change; change nothing.")
@click.option(
    "--mode",
    type=click.Choice(["pseudonymise", "remove"]),
    default="pseudonymise",
    show_default=True,
    help="Keep their reviews under a pseudonym, or delete them.",
)
@click.option("--yes", is_flag=True, help="Do not ask first (for a scheduled run).")
def erase(dry_run: bool, mode: str, yes: bool) -> None:
    """Erase everyone whose retention period has ended: one transaction per person, recorded
    in the audit log with no actor and counts only. Cannot be undone."""
    from reviews.services import DomainError
    from reviews.services.rights import erasure, retention

    due = retention.past_retention()
    if not due:
        click.echo("Nobody is past the retention period.")
        return
    chosen = erasure.ErasureMode(mode)
    for person in due:
        counts = erasure.plan(person, chosen).counts()
        click.echo(f"#{person.id}: {_summary(counts)}")
    if dry_run:
        click.echo(f"Dry run: {len(due)} people would be erased ({mode}); nothing changed.")
        return
    if not yes:
        click.confirm(f"Erase {len(due)} people ({mode})? This cannot be undone", abort=True)
    for person in due:
        try:
            erasure.erase(None, person, chosen)
        except DomainError as error:
            db.session.rollback()
            raise click.ClickException("; ".join(str(m) for m in error.errors.values())) from None
        db.session.commit()
    click.echo(f"Erased {len(due)} people ({mode}).")


def _summary(counts: dict) -> str:
    parts = [
        f"{fate} " + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
        for fate, kinds in counts.items()
        if kinds
    ]
    return "; ".join(parts)
