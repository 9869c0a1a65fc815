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


@group.command("export")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def export(path: str) -> None:
    """Write every active person to PATH as CSV, in the import's format."""
    from reviews.services.people import importing

    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(importing.export_csv())
    click.echo(f"People written to {path}.")


@group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--apply", "apply_", is_flag=True, help="Write the changes (else: preview only).")
def import_file(path: str, apply_: bool) -> None:
    """Check the CSV file at PATH like the admin page does, and with --apply import it all or
    nothing (audited with no actor: the command line)."""
    from pathlib import Path

    from reviews.models import PeopleImport
    from reviews.services import DomainError
    from reviews.services.people import importing
    from reviews.services.people.import_check import reason

    try:
        item = importing.start(None, Path(path).name, Path(path).read_bytes(), queue=False)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException("; ".join(str(m) for m in error.errors.values())) from None
    db.session.commit()
    importing.process(db.session, item.id)
    item = db.session.get(PeopleImport, item.id)
    result = item.result or {}
    for error in result.get("errors", []):
        click.echo(f"line {error['line']}, {error['column'] or '-'}: {reason(error)}", err=True)
    if result.get("errors"):
        raise click.ClickException("Nothing was imported: correct the file.")
    if apply_ and (result["counts"]["created"] or result["counts"]["changed"]):
        importing.ask_apply(None, item, queue=False)
        db.session.commit()
        importing.process(db.session, item.id)
        item = db.session.get(PeopleImport, item.id)
        if item.status == "failed":
            raise click.ClickException(f"Nothing was imported: {item.error}")
    counts = item.result["counts"]
    verb = "imported" if item.result.get("applied") else "would be (use --apply)"
    click.echo(
        f"{counts['created']} created, {counts['changed']} changed, "
        f"{counts['unchanged']} unchanged: {verb}."
    )
