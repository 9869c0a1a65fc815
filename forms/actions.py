"""Action item forms: the lists' filters (GET), the inline status change and the edit of what
was agreed."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from forms import AppForm
from forms.fields import ListSelectField, optional_int
from forms.reviews import CHOSEN_STATUSES
from reviews.labels import ACTION_STATUS_LABELS
from reviews.services.actions.lists import ALL_FILTER, LIVE_FILTER


class ActionFilterForm(AppForm):
    """A list's filters, read from the query string: no CSRF, and a bad value is ignored."""

    class Meta:
        csrf = False

    status = ListSelectField(_l("Status"), default=LIVE_FILTER, validators=[Optional()])
    person = ListSelectField(_l("Person"), coerce=optional_int, validators=[Optional()])
    team = ListSelectField(_l("Team"), coerce=optional_int, validators=[Optional()])
    overdue = BooleanField(_l("Overdue only"))


def filter_form(args, people=(), teams=()) -> ActionFilterForm:
    form = ActionFilterForm(args)
    form.status.offer(
        [
            (LIVE_FILTER, _l("Still to do")),
            (ALL_FILTER, _l("Any status")),
            *((s, label) for s, label in ACTION_STATUS_LABELS.items()),
        ]
    )
    form.person.offer(((p.id, p.name) for p in people), blank=_l("Everyone"))
    form.team.offer((t.id, t.name) for t in teams)
    form.validate()
    for field in (form.status, form.person, form.team):
        if field.errors:  # a tampered or stale link: show everything rather than fail
            field.data = field.default
    return form


class StatusForm(AppForm):
    """The inline status change of a list's row; ``next`` is the list to go back to."""

    status = SelectField(
        _l("Status"), choices=CHOSEN_STATUSES, validators=[DataRequired(_l("Choose a status."))]
    )
    next = HiddenField()


class EditForm(AppForm):
    description = StringField(
        _l("Action"),
        validators=[
            DataRequired(_l("Describe the action.")),
            Length(max=500, message=_l("Keep this under %(max)d characters.")),
        ],
    )
    due_on = DateField(_l("Due"), validators=[Optional()])
    next = HiddenField()
