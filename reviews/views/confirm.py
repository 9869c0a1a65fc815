"""Irreversible actions ask first, with or without JavaScript.

Each question is written once, here. A page's button carries it (``data-confirm``) and
static/js/confirm.js asks it in a dialog; a yes adds ``confirmed=yes`` to the form. Without
JavaScript the POST arrives without it and ``ask_first`` answers with a confirmation page
that posts the same form again with the yes. Views call ``ask_first`` after the CSRF and
access checks and before any change, so saying no (or never answering) changes nothing."""

from flask import render_template, request
from flask_babel import format_date, get_locale, ngettext
from flask_babel import gettext as _

CONFIRMED = "confirmed"


def ask_first(question: str, yes: str, back: str, danger: bool = False):
    """None once the person said yes; otherwise the confirmation page (200)."""
    if request.form.get(CONFIRMED) == "yes":
        return None
    fields = [(k, v) for k, v in request.form.items(multi=True) if k != CONFIRMED]
    return render_template(
        "confirm.html",
        question=question,
        yes=yes,
        back=back,
        action=request.path,
        fields=fields,
        danger=danger,
    )


# The questions, each used by the page's button and by the confirmation page.


def share(review) -> str:
    return _(
        "Share the review with %(name)s now? It can no longer be edited afterwards.",
        name=review.employee.name,
    )


def acknowledge() -> str:
    return _("Acknowledge the review? Your comment and answer can no longer be changed.")


def open_cycle(cycle) -> str:
    return _(
        "Open %(cycle)s? A review is created for every active person who has a manager, "
        "and everyone is notified.",
        cycle=cycle.name,
    )


def close_cycle(cycle, unfinished: int) -> str:
    if not unfinished:
        return _(
            "Close %(cycle)s? Every review is acknowledged; all become read-only.", cycle=cycle.name
        )
    return ngettext(
        "Close %(cycle)s? %(num)d review is not finished (not yet acknowledged): it stays "
        "as it is now, read-only, unless an administrator reopens the cycle.",
        "Close %(cycle)s? %(num)d reviews are not finished (not yet acknowledged): they "
        "stay as they are now, read-only, unless an administrator reopens the cycle.",
        unfinished,
        cycle=cycle.name,
    )


def reopen_cycle(cycle) -> str:
    return _(
        "Reopen %(cycle)s? Its unfinished reviews can be written and shared again; the "
        "reopening is recorded in the audit log.",
        cycle=cycle.name,
    )


def reopen_review() -> str:
    return _("Reopen this review? Sharing and acknowledgement are undone; the change is audited.")


def retire_competency(competency) -> str:
    return _(
        "Retire “%(name)s”? New cycles no longer rate it; past ratings are kept.",
        name=competency.text_in("name", get_locale()),
    )


def deactivate_person(person) -> str:
    return _(
        "Deactivate %(name)s? They are signed out and can no longer sign in; their reviews "
        "and ideas are kept.",
        name=person.name,
    )


def invite_everyone(count: int) -> str:
    return ngettext(
        "Send an invitation e-mail to %(num)d person who has no password yet? Each gets a"
        " link to choose one.",
        "Send an invitation e-mail to %(num)d people who have no password yet? Each gets a"
        " link to choose one.",
        count,
    )


def decline_idea() -> str:
    return _("Decline this idea? The author and supporters are told, with your response.")


def merge_idea() -> str:
    return _("Merge this idea into the one you named? Its supporters move there and it closes.")


def remove_recognition(recognition) -> str:
    return _(
        "Remove this recognition of %(name)s as not appropriate? Nobody will see it again;"
        " the colleague who gave it is told, and the removal is recorded in the audit log.",
        name=recognition.recipient.name,
    )


def publish_procedure(count: int, due_on) -> str:
    return ngettext(
        "%(num)d person will be asked to read and confirm it by %(date)s. Publish?",
        "%(num)d people will be asked to read and confirm it by %(date)s. Publish?",
        count,
        date=format_date(due_on, "medium"),
    )


def archive_procedure(procedure) -> str:
    return _(
        "Archive “%(title)s”? Nobody is asked to confirm it any more; its versions and "
        "confirmations are kept.",
        title=procedure.title,
    )


def delete_training(record) -> str:
    return _(
        "Delete the training “%(title)s” of %(name)s? It leaves their history; the audit log "
        "keeps what it said.",
        title=record.title,
        name=record.person.name,
    )


def erase_person(person, mode) -> str:
    if mode == "remove":
        return _(
            "Erase %(name)s's data? Their name and e-mail are replaced everywhere, and their "
            "reviews, ratings, comments, recognitions and training are deleted. This cannot "
            "be undone.",
            name=person.name,
        )
    return _(
        "Erase %(name)s's data? Their name and e-mail are replaced by a pseudonym everywhere; "
        "their reviews are kept under it. This cannot be undone.",
        name=person.name,
    )


def import_people(created: int, changed: int) -> str:
    return _(
        "Import the file now? %(created)d people will be created and %(changed)d changed, all "
        "at once; this cannot be undone from here.",
        created=created,
        changed=changed,
    )
