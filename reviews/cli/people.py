"""``flask people …``: what an operator does for a person from the server's shell."""

import click

from extensions import db


@click.group("people")
def group() -> None:
    """People: passwords from the command line (e.g. when the last admin is locked out)."""


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
