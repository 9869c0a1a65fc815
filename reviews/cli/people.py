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
