"""Blueprints: thin views that validate a form, call a service and render. The helpers here
are the pieces every blueprint shares."""

from collections.abc import Callable

from flask import abort, request

from extensions import db
from forms import EmptyForm
from reviews.services import DomainError


def apply_domain_errors(form, error: DomainError) -> None:
    """Put a service's reasons next to the fields they concern ("" = the whole form)."""
    for field_name, message in error.errors.items():
        field = getattr(form, field_name, None) if field_name else None
        if field is not None and hasattr(field, "errors"):
            field.errors = list(field.errors) + [message]
        else:
            form.form_errors.append(message)


def commit_or_show_errors(form, change: Callable[[], object]) -> bool:
    """Run ``change`` (a service call) and commit; on a broken rule roll back and put the
    reasons on ``form``. True when the change was saved."""
    try:
        change()
    except DomainError as error:
        db.session.rollback()
        apply_domain_errors(form, error)
        return False
    db.session.commit()
    return True


def require_button() -> None:
    """A state-changing button's POST must carry its CSRF token (400 otherwise)."""
    if not EmptyForm().validate_on_submit():
        abort(400)


def page_number() -> int:
    """The ``page`` query argument, at least 1."""
    return max(request.args.get("page", 1, type=int) or 1, 1)
