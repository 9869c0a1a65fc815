"""A ZIP of everything Rapport holds about one person: each kind of record as JSON and as
CSV (formula-like cells escaped), with a README.txt in the admin's language saying what each
file is. Built in the request: one person's records are small. The download is audited."""

import csv
import io
import json
import zipfile
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from reviews.models import User
from reviews.services import audit
from reviews.services.ideas.export import safe_cell
from reviews.services.rights import activity, records

Rows = list[dict]

# file stem → (what it is, for README.txt)
FILES = {
    "profile": _l("Who they are: name, e-mail, job title, language, team, roles, dates."),
    "reporting_lines": _l("Who managed them, and whom they managed, with the dates."),
    "reviews": _l(
        "Their reviews as they could see them: their self-assessment, and the manager's "
        "assessment once it was shared with them (never the manager's private note)."
    ),
    "ratings": _l("Ratings in their reviews: their own, and their manager's once shared."),
    "notes": _l(
        "Strengths and improvement areas in their reviews, by them and (once shared) "
        "by their manager."
    ),
    "action_items": _l("What was agreed in their reviews, once shared with them."),
    "ideas": _l("Ideas they put forward by name."),
    "idea_comments": _l("Comments they wrote on ideas under their name."),
    "idea_supports": _l("Ideas they supported."),
    "recognitions": _l("Recognitions they gave and received."),
    "training": _l("Their training records."),
    "procedure_confirmations": _l("Procedures they were asked to read, and when they confirmed."),
    "notifications": _l("Their in-app notifications."),
    "settings": _l(
        "Their own choices: e-mail per kind of notification (a kind not listed is e-mailed at "
        "once) and whether recognitions they receive appear in their team's feed."
    ),
    "audit": _l("Audit log entries about them, and of what they did."),
}


def collect(person: User) -> dict[str, Rows]:
    """Every kind of record about ``person``, by file stem."""
    found = records.own_reviews(person)
    return {
        "profile": records.profile(person),
        "reporting_lines": records.reporting_lines(person),
        "reviews": records.reviews(found),
        "ratings": records.ratings(found),
        "notes": records.notes(found),
        "action_items": records.action_items(found),
        "ideas": records.ideas(person),
        "idea_comments": records.idea_comments(person),
        "idea_supports": records.idea_supports(person),
        "recognitions": activity.recognitions(person),
        "training": activity.training(person),
        "procedure_confirmations": activity.procedure_confirmations(person),
        "notifications": activity.notifications(person),
        "settings": activity.settings(person),
        "audit": activity.audit_entries(person),
    }


def _text(value) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def as_csv(rows: Rows) -> bytes:
    """UTF-8 with a BOM (so spreadsheets read the letters right), every cell escaped."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    if rows:
        writer = csv.writer(buffer)
        writer.writerow(rows[0].keys())
        writer.writerows([safe_cell(_text(v)) for v in row.values()] for row in rows)
    return buffer.getvalue().encode("utf-8")


def as_json(rows: Rows) -> bytes:
    return json.dumps(rows, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def readme(person: User, counts: dict[str, int], today: date) -> str:
    """README.txt, in the language of the request (the admin's)."""
    lines = [
        _(
            "Everything Rapport holds about %(name)s, exported on %(date)s.",
            name=person.name,
            date=today.isoformat(),
        ),
        "",
        _(
            "Each kind of record is given twice: as JSON and as CSV (UTF-8). In the CSV files a "
            "cell that starts like a spreadsheet formula is prefixed with a single quote."
        ),
        "",
    ]
    for stem, what in FILES.items():
        lines.append(f"{stem}.json, {stem}.csv — {what} ({counts[stem]})")
    lines += [
        "",
        _(
            "Ideas put forward anonymously are not included: Rapport stores no author for them, "
            "so they cannot be linked to anyone — not even for this export."
        ),
    ]
    return "\n".join(lines) + "\n"


def build_zip(actor: User, person: User, today: date) -> bytes:
    """The ZIP for ``person``; records the download in the audit log (the caller commits)."""
    data = collect(person)
    counts = {stem: len(rows) for stem, rows in data.items()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme(person, counts, today))
        for stem, rows in data.items():
            archive.writestr(f"{stem}.json", as_json(rows))
            archive.writestr(f"{stem}.csv", as_csv(rows))
    audit.record("person_exported", person, after={"records": counts}, actor=actor)
    return buffer.getvalue()
