"""Blueprints: thin views that validate a form, ask access, call a service and render. Each
blueprint is a package (the blueprint in ``__init__``, GET pages in ``pages``, the POSTs that
change something in ``actions``); the helpers here are what every blueprint shares."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import abort, flash, request, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from extensions import db
from forms import EmptyForm
from reviews.services import DomainError, StaleError

STALE_STATUS = 409
RACE_LOST = _l(
    "Someone saved this review at the same moment. Your text is still here: reload the page"
    " and apply your changes again."
)


@dataclass(frozen=True)
class Outcome:
    """What running a change gave: saved or not, the service's answer, and the status a page
    answers with when it was not saved (400 for a broken rule, 409 for a stale save)."""

    saved: bool
    value: Any = None
    status: int = 200

    def __bool__(self) -> bool:
        return self.saved


def run(change: Callable[[], Any], form=None) -> Outcome:
    """Run ``change`` (one service call) and commit: views own every commit. When it breaks a
    rule, roll back and put the reasons on ``form`` (a page with a form) or flash them (a
    button with no form). A save that lost a race counts as stale."""
    try:
        value = change()
        db.session.commit()
    except StaleDataError:  # another save won between our version check and our write
        db.session.rollback()
        return _refused(StaleError({"": RACE_LOST}), form)
    except DomainError as error:
        db.session.rollback()
        return _refused(error, form)
    return Outcome(True, value)


def _refused(error: DomainError, form) -> Outcome:
    if form is not None:
        apply_domain_errors(form, error)
    else:
        for message in error.errors.values():
            flash(str(message), "error")
    return Outcome(False, status=STALE_STATUS if isinstance(error, StaleError) else 400)


def apply_domain_errors(form, error: DomainError) -> None:
    """Put a service's reasons next to the fields they concern ("" = the whole form)."""
    for field_name, message in error.errors.items():
        field = getattr(form, field_name, None) if field_name else None
        if field is not None and hasattr(field, "errors"):
            field.errors = list(field.errors) + [message]
        else:
            form.form_errors.append(message)


def safe_next(target: str | None) -> str:
    """Only a path on this site; anything with a scheme or host goes home instead."""
    if not target:
        return url_for("main.home")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("main.home")
    if "\\" in target:
        return url_for("main.home")
    return target


def require_button() -> None:
    """A state-changing button's POST must carry its CSRF token (400 otherwise)."""
    if not EmptyForm().validate_on_submit():
        abort(400)


# More pages than any list can have; a larger number would overflow the query's offset.
MAX_PAGE = 2**31 - 1


def page_number() -> int:
    """The ``page`` query argument, at least 1; a number no list can reach is a 404 (past the
    last page, but within reach, is an empty page)."""
    number = max(request.args.get("page", 1, type=int) or 1, 1)
    if number > MAX_PAGE:
        abort(404)
    return number


def form_status(form) -> int:
    """400 when a submitted form has errors (so nothing looks saved), else 200."""
    return 400 if request.method == "POST" and form.errors else 200
