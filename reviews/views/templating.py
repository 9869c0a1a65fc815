"""Jinja globals and filters shared by every template."""

from datetime import UTC, date, datetime

from flask import Flask, g
from flask_babel import format_date, format_time, get_locale, get_timezone
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from forms import EmptyForm
from reviews.labels import (
    ACTION_KIND_LABELS,
    ACTION_STATUS_LABELS,
    CATEGORY_LABELS,
    CYCLE_STATUS_LABELS,
    IDEA_STATUS_LABELS,
    LOCALE_LABELS,
    ROLE_LABELS,
    STEP_LABELS,
)
from reviews.models.ideas import OPEN_STATUSES

from . import confirm


def rating_text(rating) -> str:
    """A rating as shown in tables: its value, "n/a", or a dash when not given."""
    if rating is None:
        return "—"
    return str(_l("n/a")) if rating.not_applicable else str(rating.value)


def register(app: Flask) -> None:
    @app.context_processor
    def inject():
        return {
            "ROLE_LABELS": ROLE_LABELS,
            "STEP_LABELS": STEP_LABELS,
            "IDEA_STATUS_LABELS": IDEA_STATUS_LABELS,
            "CYCLE_STATUS_LABELS": CYCLE_STATUS_LABELS,
            "LOCALE_LABELS": LOCALE_LABELS,
            "ACTION_STATUS_LABELS": ACTION_STATUS_LABELS,
            "ACTION_KIND_LABELS": ACTION_KIND_LABELS,
            "CATEGORY_LABELS": CATEGORY_LABELS,
            "OPEN_IDEA_STATUSES": OPEN_STATUSES,
            "ASK": confirm,
            "rating_text": rating_text,
            "get_locale": get_locale,
            "logout_form": EmptyForm() if current_user.is_authenticated else None,
        }

    app.jinja_env.filters["date"] = format_day
    app.jinja_env.filters["datetime"] = format_moment
    app.jinja_env.filters["local"] = in_reader_language


def format_moment(value: datetime | None) -> str:
    """The ``datetime`` filter: the day as every date is shown, then the time without
    seconds, joined as the reader's language joins them ("Dec 5, 2026, 11:55 PM",
    "5. dets 2026 23:55")."""
    return _once(_day_and_time, value, "medium")


def _day_and_time(value: datetime, fmt: str) -> str:
    locale = get_locale()
    joined = locale.datetime_formats[fmt] if locale is not None else "{1}, {0}"
    return joined.format(format_time(value, "short"), format_date(value, fmt))


def in_reader_language(obj, field: str = "name") -> str:
    """The ``local`` filter: a competency's or scale level's ``field`` in the reader's
    language, or in the default language where that is not written (``Translated.text_in``)."""
    return obj.text_in(field, get_locale())


def format_day(value: date | datetime | None, fmt: str = "medium") -> str:
    """The ``date`` filter. A moment is first turned into the reader's own calendar day, so
    the 25 submission times of a cycle page fall onto a handful of days, each formatted once
    (Babel rebases and formats a moment in ~0.06 ms)."""
    if isinstance(value, datetime):
        value = _local_day(value)
    return _once(format_date, value, fmt)


def _local_day(moment: datetime) -> date:
    """The reader's calendar day of ``moment`` (naive moments are UTC, as stored)."""
    if "timezone" not in g:
        g.timezone = get_timezone()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(g.timezone).date()


def _once(formatter, value, fmt: str) -> str:
    """``formatter(value, fmt)``, worked out once per request for each value: a list page
    shows the same few deadlines on every row, and each Babel format costs ~0.1 ms."""
    if not value:
        return ""
    memo = g.setdefault("formatted", {})
    key = (formatter.__name__, value, fmt, str(get_locale()))  # e-mails force other locales
    if key not in memo:
        memo[key] = formatter(value, fmt)
    return memo[key]
