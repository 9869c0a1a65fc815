"""Review forms. The rating fields depend on the cycle's framework snapshot, so each form
class is built for its review: ``rating_<id>`` (and ``comment_<id>``) per competency."""

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import HiddenInput

from forms import AppForm
from forms.fields import MAX_ID, ListSelectField, MultiCheckboxField, choice_list, optional_int
from reviews.labels import ACTION_KIND_LABELS, ACTION_STATUS_LABELS, CATEGORY_LABELS
from reviews.models import IDEA_CATEGORIES, Review
from reviews.models.reviews import ActionStatus
from reviews.services.actions.status import CHOSEN, LIVE
from reviews.services.reviews.assessments import ActionInput, FollowUp, NoteInput, RatingInput

TEXT_MAX = 5000
NA = "na"
# The statuses a person chooses: CARRIED is set by the carry-over alone.
CHOSEN_STATUSES = choice_list((s, ACTION_STATUS_LABELS[s]) for s in CHOSEN)
CARRIED_ONLY = choice_list([(ActionStatus.CARRIED, ACTION_STATUS_LABELS[ActionStatus.CARRIED])])


def _text(label):
    validators = [Length(max=TEXT_MAX, message=_l("Keep this under %(max)d characters."))]
    return TextAreaField(label, validators=validators)


class _VersionedForm(AppForm):
    version = IntegerField(widget=HiddenInput(), validators=[Optional()])
    # "draft" or "submit": sent by the pressed button (name="action"), never rendered as a
    # hidden field, which would be posted first and win over the button.
    action = StringField(default="draft")

    @property
    def submitting(self) -> bool:
        return self.action.data == "submit"

    def ratings(self, review: Review, with_comments: bool = False) -> list[RatingInput]:
        result = []
        for competency in review.cycle.competencies:
            raw = getattr(self, f"rating_{competency.id}").data
            comment = getattr(self, f"comment_{competency.id}").data if with_comments else ""
            result.append(
                RatingInput(
                    competency_id=competency.id,
                    value=int(raw) if raw and raw != NA else None,
                    not_applicable=raw == NA,
                    comment=comment or "",
                )
            )
        return result


def _rating_choices(review: Review):
    """The cycle's scale, labelled in the reader's language."""
    locale = get_locale()
    levels = [
        (str(level.value), f"{level.value} · {level.text_in('label', locale)}")
        for level in review.cycle.scale
    ]
    return choice_list([*levels, (NA, _l("Not applicable"))])


def _add_rating_fields(cls, review: Review, with_comments: bool) -> None:
    for competency in review.cycle.competencies:
        setattr(
            cls,
            f"rating_{competency.id}",
            RadioField(
                competency.text_in("name", get_locale()),
                choices=_rating_choices(review),
                validators=[Optional()],
            ),
        )
        if with_comments:
            setattr(
                cls,
                f"comment_{competency.id}",
                StringField(_l("Comment"), validators=[Optional(), Length(max=1000)]),
            )


class NoteForm(AppForm):
    """A strength or improvement area, tagged with the competencies it concerns."""

    class Meta:
        csrf = False  # part of the outer form, which carries the token

    kind = HiddenField()
    text = TextAreaField(_l("Text"), validators=[Optional(), Length(max=2000)])
    competencies = MultiCheckboxField(_l("Competencies"), coerce=int, choices=[])


class ActionForm(AppForm):
    class Meta:
        csrf = False

    id = IntegerField(widget=HiddenInput(), validators=[Optional()])
    description = StringField(_l("Action"), validators=[Optional(), Length(max=500)])
    kind = SelectField(
        _l("Type"), choices=choice_list(ACTION_KIND_LABELS.items()), default="training"
    )
    owner_id = SelectField(_l("Owner"), coerce=optional_int, choices=[])
    due_on = DateField(_l("Due"), validators=[Optional()])
    status = SelectField(_l("Status"), choices=CHOSEN_STATUSES, default="open")
    # the status the row was rendered with: the save changes only a select changed from it
    shown_status = HiddenField()
    competencies = MultiCheckboxField(_l("Competencies"), coerce=int, choices=[])
    remove = BooleanField(_l("Remove"))


class FollowUpForm(AppForm):
    """One action item agreed last time: its status now, and whether it carries over."""

    class Meta:
        csrf = False

    id = IntegerField(widget=HiddenInput(), validators=[InputRequired()])
    status = SelectField(_l("Status"), choices=CHOSEN_STATUSES)
    shown_status = HiddenField()  # the status the row was rendered with
    carry = BooleanField(_l("Carry over to this review"))

    @property
    def can_carry(self) -> bool:
        """Only an item still open or in progress carries over (the others are closed)."""
        return self.shown_status.data in LIVE


class _NotesForm(_VersionedForm):
    """A form with strength and improvement entries, each tagged with competencies."""

    strengths = FieldList(FormField(NoteForm), min_entries=0)
    improvements = FieldList(FormField(NoteForm), min_entries=0)

    def notes(self) -> list[NoteInput]:
        return [
            NoteInput(
                kind=kind,
                text=entry.form.text.data or "",
                competency_ids=entry.form.competencies.data or [],
            )
            for kind, entries in (("strength", self.strengths), ("improvement", self.improvements))
            for entry in entries
        ]


class _SelfBase(_NotesForm):
    suggestions = _text(_l("Notes and suggestions for the team (optional)"))


def self_assessment_form(review: Review, formdata=None, **kwargs) -> _SelfBase:
    """The self-assessment, filled from the review on GET (``self_data``) and from the
    request on POST: ratings, and the person's strengths and improvement areas as entries
    tagged with competencies, like the manager's."""
    cls = type("SelfAssessmentForm", (_SelfBase,), {})
    _add_rating_fields(cls, review, with_comments=False)
    if formdata is None:
        kwargs.setdefault("data", self_data(review))
        form = cls(**kwargs)
        for entries in (form.strengths, form.improvements):
            for _ in range(BLANK_ROWS):
                entries.append_entry()
    else:
        form = cls(formdata=formdata, **kwargs)
    _set_note_choices(form, review)
    return form


class _ManagerBase(_NotesForm):
    actions = FieldList(FormField(ActionForm), min_entries=0)
    previous = FieldList(FormField(FollowUpForm), min_entries=0)
    summary = _text(_l("Overall summary"))
    private_note = _text(_l("Private note (never shown to the employee)"))

    def follow_ups(self) -> list[FollowUp]:
        return [
            FollowUp(
                id=e.form.id.data,
                status=e.form.status.data,
                carry=bool(e.form.carry.data),
                shown_status=e.form.shown_status.data or None,
            )
            for e in self.previous
            if e.form.id.data
        ]

    def action_items(self) -> list[ActionInput]:
        return [
            ActionInput(
                id=entry.form.id.data,
                description=entry.form.description.data or "",
                kind=entry.form.kind.data,
                owner_id=entry.form.owner_id.data,
                due_on=entry.form.due_on.data,
                status=entry.form.status.data,
                competency_ids=entry.form.competencies.data or [],
                shown_status=entry.form.shown_status.data or None,
            )
            for entry in self.actions
            if not entry.form.remove.data
        ]


BLANK_ROWS = 2  # empty note and action rows offered for adding without JavaScript


def manager_assessment_form(
    review: Review, formdata=None, previous_items=(), **kwargs
) -> _ManagerBase:
    """The manager form, filled from the review on GET and from the request on POST;
    ``previous_items`` are the action items agreed last time, followed up on the form."""
    cls = type("ManagerAssessmentForm", (_ManagerBase,), {})
    _add_rating_fields(cls, review, with_comments=True)
    if formdata is None:
        kwargs["data"] = _manager_data(review)
        kwargs["data"]["previous"] = [
            {"id": i.id, "status": i.status, "shown_status": i.status}
            for i in previous_items
            if i.status != ActionStatus.CARRIED  # continued in this review: nothing to say
        ]
    form = cls(formdata=formdata, **kwargs) if formdata is not None else cls(**kwargs)
    if formdata is None:
        for entries in (form.strengths, form.improvements, form.actions):
            for _ in range(BLANK_ROWS):
                entries.append_entry()
    _set_choices(form, review)
    return form


def _set_note_choices(form: _NotesForm, review: Review) -> None:
    locale = get_locale()
    competencies = choice_list((c.id, c.text_in("name", locale)) for c in review.cycle.competencies)
    for kind, entries in (("strength", form.strengths), ("improvement", form.improvements)):
        for entry in entries:
            entry.form.competencies.choices = competencies
            entry.form.kind.data = kind


def _set_choices(form: _ManagerBase, review: Review) -> None:
    _set_note_choices(form, review)
    owners = choice_list(
        [
            ("", _l("—")),
            (review.employee_id, review.employee.name),
            (review.manager_id, review.manager.name),
        ]
    )
    locale = get_locale()
    framework = choice_list(
        (c.competency_id, c.text_in("name", locale)) for c in review.cycle.competencies
    )
    for entry in form.actions:
        entry.form.owner_id.choices = owners
        entry.form.competencies.choices = framework
        if entry.form.status.data == ActionStatus.CARRIED:  # a carried item stays as it is
            entry.form.status.choices = CARRIED_ONLY


def _manager_data(review: Review) -> dict:
    data = {
        "version": review.version,
        "summary": review.manager_summary,
        "private_note": review.private_note,
    }
    for rating in review.ratings:
        if rating.source == "manager":
            data[f"rating_{rating.cycle_competency_id}"] = (
                NA if rating.not_applicable else str(rating.value)
            )
            data[f"comment_{rating.cycle_competency_id}"] = rating.comment
    data |= _note_data(review.notes)
    data["actions"] = [
        {
            "id": a.id,
            "description": a.description,
            "kind": a.kind,
            "owner_id": a.owner_id,
            "due_on": a.due_on,
            "status": a.status,
            "shown_status": a.status,
            "competencies": [c.id for c in a.competencies],
        }
        for a in review.action_items
    ]
    return data


def _note_data(notes) -> dict:
    return {
        key: [
            {"kind": kind, "text": n.text, "competencies": [c.id for c in n.competencies]}
            for n in notes
            if n.kind == kind
        ]
        for kind, key in (("strength", "strengths"), ("improvement", "improvements"))
    }


def self_data(review: Review) -> dict:
    """The self-assessment as saved. A draft begun before strengths and improvement areas
    were entries has only their free texts: each becomes one untagged entry here, and the
    next save keeps them as entries."""
    data = {"version": review.version, "suggestions": review.self_suggestions}
    data |= _note_data(review.self_notes)
    legacy = (
        ("strength", "strengths", review.self_strengths),
        ("improvement", "improvements", review.self_improvements),
    )
    for kind, key, text in legacy:
        if not data[key] and text:
            data[key] = [{"kind": kind, "text": text, "competencies": []}]
    for rating in review.ratings:
        if rating.source == "self":
            data[f"rating_{rating.cycle_competency_id}"] = (
                NA if rating.not_applicable else str(rating.value)
            )
    return data


class MeetingForm(AppForm):
    """The suggestions made in the review meeting, recorded by the manager."""

    version = IntegerField(widget=HiddenInput(), validators=[Optional()])
    text = TextAreaField(
        _l("Suggestions from the meeting"),
        validators=[Length(max=TEXT_MAX, message=_l("Keep this under %(max)d characters."))],
    )


class AcknowledgeForm(AppForm):
    comment = TextAreaField(
        _l("Your comment (optional)"), validators=[Optional(), Length(max=TEXT_MAX)]
    )
    disagrees = BooleanField(_l("I disagree with parts of this review"))


class SuggestionForm(AppForm):
    review = IntegerField(
        widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=1, max=MAX_ID)]
    )
    title = StringField(_l("Suggestion"), validators=[DataRequired(), Length(max=150)])
    description = TextAreaField(
        _l("How would it improve the team's work?"),
        validators=[DataRequired(), Length(max=TEXT_MAX)],
    )
    category = SelectField(
        _l("Category"), choices=choice_list((c, CATEGORY_LABELS[c]) for c in IDEA_CATEGORIES)
    )
    anonymous = BooleanField(_l("Submit anonymously (not linked to me or to this review)"))


class ReassignForm(AppForm):
    manager_id = ListSelectField(
        _l("Reassign to"), coerce=optional_int, validators=[DataRequired()]
    )


def reassign_form(review: Review, candidates, **kwargs) -> ReassignForm:
    """The admin's reassign form offering ``candidates``, (id, name) pairs."""
    form = ReassignForm(**kwargs)
    form.manager_id.offer(candidates)
    if not form.is_submitted():
        form.manager_id.data = review.manager_id
    return form
