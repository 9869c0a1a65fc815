"""Procedure forms: the working copy (title, body, owner, teams), publishing a version and
the "I have read and understood" button."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, HiddenField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from forms import AppForm
from forms.fields import MAX_ID, ListSelectField, MultiCheckboxField, optional_int
from reviews.models import Team, User
from reviews.services.procedures.editing import BODY_MAX, NOTE_MAX, TITLE_MAX


def _length(n: int):
    return Length(max=n, message=_l("Keep this under %(max)d characters."))


class ProcedureForm(AppForm):
    title = StringField(
        _l("Title"),
        validators=[DataRequired(_l("Give the procedure a title.")), _length(TITLE_MAX)],
    )
    body = TextAreaField(
        _l("Text"),
        validators=[DataRequired(_l("Write the procedure itself.")), _length(BODY_MAX)],
    )
    owner = ListSelectField(
        _l("Owner"),
        coerce=optional_int,
        validators=[DataRequired(_l("Choose who owns the procedure."))],
    )
    teams = MultiCheckboxField(_l("Applies to"), coerce=int, choices=[])


def procedure_form(people: list[User], teams: list[Team], **kwargs) -> ProcedureForm:
    form = ProcedureForm(**kwargs)
    form.owner.offer(((p.id, p.name) for p in people), blank=_l("Choose a person"))
    form.teams.choices = [(t.id, t.name) for t in teams]
    return form


class PublishForm(AppForm):
    change_note = StringField(_l("What changed"), validators=[_length(NOTE_MAX)])
    due_on = DateField(
        _l("Confirm by"),
        validators=[InputRequired(_l("Choose the date by which people confirm it."))],
    )


class ConfirmForm(AppForm):
    version = IntegerField(
        validators=[Optional(), NumberRange(min=1, max=MAX_ID)],
        widget=HiddenField.widget,
    )
