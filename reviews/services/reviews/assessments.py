"""Writing a review: the employee's self-assessment and the manager's assessment.

Every save names the version it was based on; a save based on an older version is refused
with ``StaleError`` and nothing is written, so two tabs or two people never overwrite each
other. Drafts may be incomplete; submitting requires every competency rated (or marked not
applicable) and the required texts. Error keys are the form field names: ``rating_<id>``
for the rating of cycle competency ``id``."""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l

from extensions import db
from reviews import access
from reviews.models import ActionItem, Competency, Rating, Review, ReviewNote, User, utcnow
from reviews.models.reviews import ActionStatus, NoteSource
from reviews.services import DomainError, StaleError, audit
from reviews.services.actions.carry import carry_item
from reviews.services.actions.status import LIVE, set_status_from_form
from reviews.services.notifications.inbox import notify
from reviews.services.reviews.pages import previous_actions
from reviews.services.training.records import drop_record_of_action


@dataclass
class RatingInput:
    competency_id: int  # a CycleCompetency of the review's cycle
    value: int | None = None
    not_applicable: bool = False
    comment: str = ""


@dataclass
class NoteInput:
    kind: str  # "strength" or "improvement"
    text: str
    competency_ids: list[int] = field(default_factory=list)


@dataclass
class ActionInput:
    description: str
    kind: str = "training"
    owner_id: int | None = None
    due_on: date | None = None
    status: str = "open"
    id: int | None = None  # an existing item of this review, or None for a new one
    # framework competencies (Competency.id) it concerns; None leaves an item's tags as they are
    competency_ids: list[int] | None = None
    # the status the form showed (None: not known): an unchanged select changes nothing
    shown_status: str | None = None


@dataclass(frozen=True)
class FollowUp:
    """What became of an action item agreed in the person's previous review: its status now,
    and whether it carries over into this review's action items."""

    id: int
    status: str
    carry: bool = False
    shown_status: str | None = None  # the status the form showed, as for ``ActionInput``


def check_version(review: Review, version: int | None) -> None:
    if version != review.version:
        raise StaleError(
            {
                "": _l(
                    "Someone saved this review after you opened it, so your changes were "
                    "not saved. Your text is still here: copy what you need, reload the "
                    "page to see the latest version, and apply your changes again."
                )
            }
        )


def _rating_errors(review: Review, ratings: list[RatingInput], complete: bool) -> dict:
    """Values on the cycle's scale, competencies of the cycle's snapshot, and (to submit) one
    answer per competency. A competency from elsewhere means a tampered form: refused."""
    scale = {level.value for level in review.cycle.scale}
    competencies = {c.id for c in review.cycle.competencies}
    errors = {}
    for rating in ratings:
        key = f"rating_{rating.competency_id}"
        if rating.competency_id not in competencies:
            raise DomainError({"": _l("The form did not match this review. Reload the page.")})
        if rating.not_applicable and rating.value is not None:
            errors[key] = _l("Choose a rating or “not applicable”, not both.")
        elif rating.value is not None and rating.value not in scale:
            errors[key] = _l("Choose a value from the scale.")
    if complete:
        answered = {r.competency_id for r in ratings if r.value is not None or r.not_applicable}
        for competency_id in competencies - answered:
            errors.setdefault(f"rating_{competency_id}", _l("Rate this competency to submit."))
    return errors


def _store_ratings(review: Review, source: str, ratings: list[RatingInput]) -> None:
    """Replace ``source``'s ratings by ``ratings``; unanswered ones are dropped (drafts)."""
    existing = {r.cycle_competency_id: r for r in review.ratings if r.source == source}
    for rating in ratings:
        row = existing.pop(rating.competency_id, None)
        if rating.value is None and not rating.not_applicable:
            if row is not None:
                review.ratings.remove(row)
            continue
        if row is None:
            row = Rating(cycle_competency_id=rating.competency_id, source=source)
            review.ratings.append(row)
        row.value = None if rating.not_applicable else rating.value
        row.not_applicable = rating.not_applicable
        row.comment = rating.comment.strip()
    for row in existing.values():
        review.ratings.remove(row)


def _missing_texts(texts: dict[str, str]) -> dict:
    return {
        name: _l("Write something here to submit.")
        for name, text in texts.items()
        if not text.strip()
    }


def _raise_if(errors: dict) -> None:
    if errors:
        raise DomainError(errors)


def save_self_assessment(
    review: Review,
    user: User,
    *,
    version: int | None,
    ratings: list[RatingInput],
    notes: list[NoteInput],
    suggestions: str,
    submit: bool,
) -> None:
    """The employee's ratings, and their strengths and improvement areas as entries tagged
    with the cycle's competencies (empty entries are skipped). Submitting needs every
    competency answered and at least one strength and one area to improve."""
    if not access.can_write_self(user, review):
        raise DomainError({"": _l("This self-assessment can no longer be changed.")})
    check_version(review, version)
    errors = _rating_errors(review, ratings, complete=submit)
    notes = _check_notes(review, notes)
    if submit:
        for kind, message in (
            ("strength", _l("Name at least one strength to submit.")),
            ("improvement", _l("Name at least one area to improve to submit.")),
        ):
            if not any(n.kind == kind for n in notes):
                errors[f"self_{kind}"] = message
    _raise_if(errors)
    _store_ratings(
        review, "self", [RatingInput(r.competency_id, r.value, r.not_applicable) for r in ratings]
    )
    review.self_notes = _notes(review, notes, NoteSource.SELF)
    # The free texts of before entries: a draft's were offered as entries, now kept as such.
    review.self_strengths = review.self_improvements = ""
    review.self_suggestions = suggestions.strip()
    if submit:
        review.self_submitted_at = utcnow()
    review.updated_at = utcnow()  # bumps the version even when only ratings changed


def _check_notes(review: Review, notes: list[NoteInput]) -> list[NoteInput]:
    competencies = {c.id for c in review.cycle.competencies}
    kept = [n for n in notes if n.text.strip()]
    for note in kept:
        if (
            note.kind not in ("strength", "improvement")
            or not set(note.competency_ids) <= competencies
        ):
            raise DomainError({"": _l("The form did not match this review. Reload the page.")})
    return kept


def _notes(review: Review, notes: list[NoteInput], source: NoteSource) -> list[ReviewNote]:
    by_id = {c.id: c for c in review.cycle.competencies}
    return [
        ReviewNote(
            kind=note.kind,
            source=source,
            text=note.text.strip(),
            position=position,
            competencies=[by_id[i] for i in dict.fromkeys(note.competency_ids)],
        )
        for position, note in enumerate(notes)
    ]


def _store_notes(review: Review, notes: list[NoteInput]) -> None:
    review.notes = _notes(review, notes, NoteSource.MANAGER)


def _store_actions(review: Review, actions: list[ActionInput], user: User) -> None:
    """Update the listed items, add new ones, and remove the items no longer listed — but an
    item carried over from the last review, which is closed as done or dropped instead (a
    form that does not list it yet, such as an autosave from before it was carried, keeps
    it). A status changes only where the form's select was changed from the status it showed
    (``actions.status.set_status_from_form``); a CARRIED item stays as it is. A removed
    training item takes its untouched training record with it."""
    existing = {item.id: item for item in review.action_items}
    allowed_owners = {review.employee_id, review.manager_id, None}
    offered = {c.competency_id for c in review.cycle.competencies}
    kept, moves = [], []
    for action in actions:
        if not action.description.strip():
            continue
        if action.owner_id not in allowed_owners or (action.id and action.id not in existing):
            raise DomainError({"": _l("The form did not match this review. Reload the page.")})
        if action.competency_ids is not None and not set(action.competency_ids) <= offered:
            raise DomainError({"": _l("The form did not match this review. Reload the page.")})
        item = existing.get(action.id) or ActionItem(status=ActionStatus.OPEN)
        kept.append(item)
        if item.status == ActionStatus.CARRIED:
            continue
        item.description, item.kind = action.description.strip(), action.kind
        if item.due_on != action.due_on:
            item.reminded_soon_at = item.reminded_overdue_at = None
        item.owner_id, item.due_on = action.owner_id, action.due_on
        if action.competency_ids is not None:
            ids = dict.fromkeys(action.competency_ids)
            # a tag from outside this cycle's framework (carried from an older one) stays
            others = [c for c in item.competencies if c.id not in offered]
            item.competencies = others + [db.session.get(Competency, i) for i in ids]
        moves.append((item, action.status, action.shown_status))
    listed = {id(item) for item in kept}
    kept += [i for i in review.action_items if i.carried_from_id and id(i) not in listed]
    listed = {id(item) for item in kept}
    for item in review.action_items:
        if id(item) not in listed:
            drop_record_of_action(user, item)
    review.action_items = kept
    for item, status, shown in moves:
        set_status_from_form(user, item, status, shown)


def save_manager_assessment(
    review: Review,
    user: User,
    *,
    version: int | None,
    ratings: list[RatingInput],
    notes: list[NoteInput],
    actions: list[ActionInput],
    summary: str,
    private_note: str,
    submit: bool,
    follow_ups: list[FollowUp] = (),
) -> None:
    if not access.can_write_manager(user, review):
        raise DomainError({"": _l("This assessment can no longer be changed.")})
    check_version(review, version)
    note_before = review.private_note or ""
    _apply_manager_part(
        review, user, ratings, notes, actions, summary, private_note, complete=submit
    )
    _follow_up(review, user, follow_ups)
    _record_private_note(review, user, note_before)
    if submit and review.manager_submitted_at is None:
        review.manager_submitted_at = utcnow()


def _follow_up(review: Review, user: User, follow_ups: list[FollowUp]) -> None:
    """Close or update last review's action items where they are shown, and carry over the
    ones ticked (an item still open or in progress there — reopened after the cycle's
    opening carried the others over — and left so on the form; ticking one being closed is
    refused, not ignored). Only the items of this person's previous review; a status changes
    only where its select was changed (``set_status_from_form``)."""
    if not follow_ups:
        return
    _previous, items = previous_actions(review)
    by_id = {item.id: item for item in items}
    if any(f.id not in by_id or f.status not in set(ActionStatus) for f in follow_ups):
        raise DomainError({"": _l("The form did not match this review. Reload the page.")})
    for follow_up in follow_ups:
        item = by_id[follow_up.id]
        if item.status == ActionStatus.CARRIED:
            continue  # continued in this review already
        if follow_up.carry and follow_up.status not in LIVE:
            raise DomainError(
                {
                    "": _l(
                        "“%(action)s” cannot be carried over as done or dropped: leave it "
                        "open to carry it over, or untick “Carry over to this review”.",
                        action=item.description,
                    )
                }
            )
        set_status_from_form(user, item, follow_up.status, follow_up.shown_status)
        if follow_up.carry and item.status in LIVE:
            carry_item(user, item, review)


def _record_private_note(review: Review, user: User, before: str) -> None:
    """A changed private note is in the audit trail as changed — never its text."""
    if (review.private_note or "") != before:
        audit.record("private_note_changed", review, after={"private_note": True}, actor=user)


def _apply_manager_part(review, user, ratings, notes, actions, summary, private_note, complete):
    errors = _rating_errors(review, ratings, complete=complete)
    notes = _check_notes(review, notes)
    if complete:
        errors |= _missing_texts({"summary": summary})
        if not any(n.kind == "strength" for n in notes):
            errors["notes"] = _l("Name at least one strength to submit.")
    _raise_if(errors)
    _store_ratings(review, "manager", ratings)
    _store_notes(review, notes)
    _store_actions(review, actions, user)
    review.manager_summary = summary.strip()
    review.private_note = private_note.strip()
    review.updated_at = utcnow()


def snapshot(review: Review) -> dict:
    """The manager's part as plain values, for the audit trail of amendments."""
    names = {c.id: c.name for c in review.cycle.competencies}
    return {
        "ratings": {
            names[r.cycle_competency_id]: ("n/a" if r.not_applicable else r.value, r.comment)
            for r in review.ratings
            if r.source == "manager"
        },
        "notes": [(n.kind, n.text, sorted(c.name for c in n.competencies)) for n in review.notes],
        "actions": [
            (a.description, a.kind, a.status, str(a.due_on or "")) for a in review.action_items
        ],
        "summary": review.manager_summary,
    }


def amend_manager_assessment(
    review: Review,
    user: User,
    *,
    version: int | None,
    ratings: list[RatingInput],
    notes: list[NoteInput],
    actions: list[ActionInput],
    summary: str,
    private_note: str,
) -> None:
    """Change an acknowledged review. The before and after are kept in the audit trail and
    the review shows that it was amended and when."""
    if not access.can_amend(user, review):
        raise DomainError({"": _l("This review cannot be amended.")})
    check_version(review, version)
    before, note_before = snapshot(review), review.private_note or ""
    _apply_manager_part(review, user, ratings, notes, actions, summary, private_note, complete=True)
    _record_private_note(review, user, note_before)
    db.session.flush()
    after = snapshot(review)
    old, new = audit.changes(before, after)
    if not new:
        return
    review.amended_at = utcnow()
    audit.record("review_amended", review, old, new, actor=user)
    notify(
        review.employee,
        "review_amended",
        url=f"/reviews/{review.id}",
        cycle=review.cycle.name,
        actor=user.name,
    )


MEETING_MAX = 5000


def record_meeting_suggestions(
    review: Review, user: User, *, version: int | None, text: str
) -> None:
    """What was suggested in the review meeting, recorded by the review's manager while the
    cycle is open (before or after sharing: the meeting may come either side of it). The
    employee reads it with the manager's part; a change is in the audit trail."""
    if not access.can_record_meeting(user, review):
        raise DomainError({"": _l("The suggestions from the meeting can no longer be changed.")})
    check_version(review, version)
    text = text.strip()
    if len(text) > MEETING_MAX:
        raise DomainError({"text": _l("Keep this under %(max)d characters.", max=MEETING_MAX)})
    before = review.meeting_suggestions or ""
    if text == before:
        return
    audit.record(
        "meeting_suggestions_recorded",
        review,
        {"meeting_suggestions": before},
        {"meeting_suggestions": text},
        actor=user,
    )
    review.meeting_suggestions = text
    review.updated_at = utcnow()
