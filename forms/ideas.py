"""Idea forms: submit, find (a GET form), comment, and the manager's move."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    SearchField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from forms import AppForm
from forms.fields import ListSelectField, choice_list, optional_int
from reviews.labels import CATEGORY_LABELS, IDEA_STATUS_LABELS
from reviews.models import IDEA_CATEGORIES, IDEA_STATUSES, Team
from reviews.services.ideas.contributions import COMMENT_MAX, DESCRIPTION_MAX, TITLE_MAX
from reviews.services.ideas.flow import IMPACT_MAX, RESPONSE_MAX
from reviews.services.ideas.queries import SORTS

CATEGORY_CHOICES = [(c, CATEGORY_LABELS[c]) for c in IDEA_CATEGORIES]
SORT_LABELS = {
    "newest": _l("Newest"),
    "supported": _l("Most supported"),
    "waiting": _l("Waiting longest"),
}


def _length(n: int):
    return Length(max=n, message=_l("Keep this under %(max)d characters."))


class IdeaForm(AppForm):
    title = StringField(
        _l("Title"), validators=[DataRequired(_l("Give the idea a title.")), _length(TITLE_MAX)]
    )
    description = TextAreaField(
        _l("Description"),
        validators=[DataRequired(_l("Describe the idea.")), _length(DESCRIPTION_MAX)],
    )
    category = SelectField(_l("Category"), choices=choice_list(CATEGORY_CHOICES))
    team_id = ListSelectField(
        _l("Team"),
        coerce=optional_int,
        validators=[DataRequired(_l("Choose the team the idea is for."))],
    )
    anonymous = BooleanField(_l("Submit anonymously"))


def idea_form(teams: list[Team], default_team: Team | None, **kwargs) -> IdeaForm:
    """The submit form offering ``teams``, with the person's own team chosen by default."""
    form = IdeaForm(**kwargs)
    form.team_id.offer((t.id, t.name) for t in teams)
    if not form.is_submitted() and default_team is not None:
        form.team_id.data = default_team.id
    return form


class IdeaFilterForm(AppForm):
    """The list's filters, read from the query string: no CSRF, and a bad value is ignored."""

    class Meta:
        csrf = False

    q = SearchField(_l("Search"), validators=[Optional(), Length(max=100)])
    # Menus offered by ``filter_form`` (prepared once per language); a filter left out of
    # the link means "any", not a wrong choice.
    status = ListSelectField(_l("Status"), default="", validators=[Optional()])
    team = ListSelectField(_l("Team"), coerce=optional_int, validators=[Optional()])
    category = ListSelectField(_l("Category"), default="", validators=[Optional()])
    sort = ListSelectField(_l("Sort by"), default="newest")


def filter_form(teams: list[Team], args) -> IdeaFilterForm:
    form = IdeaFilterForm(args)
    form.status.offer(
        [("open", _l("Open")), *((s, IDEA_STATUS_LABELS[s]) for s in IDEA_STATUSES)],
        blank=_l("Any status"),
    )
    form.team.offer(((t.id, t.name) for t in teams), blank=_l("Any team"))
    form.category.offer(CATEGORY_CHOICES, blank=_l("Any category"))
    form.sort.offer((s, SORT_LABELS[s]) for s in SORTS)
    form.validate()
    for field in (form.q, form.status, form.team, form.category, form.sort):
        if field.errors:  # a tampered or stale link: show everything rather than fail
            field.data = field.default
    return form


class CommentForm(AppForm):
    body = TextAreaField(
        _l("Comment"), validators=[DataRequired(_l("Write a comment first.")), _length(COMMENT_MAX)]
    )


class MoveForm(AppForm):
    """Respond to the author and, optionally, move the idea on."""

    current = HiddenField()  # the status the manager saw, so a concurrent move is noticed
    status = SelectField(_l("Next step"), validators=[Optional()])
    response = TextAreaField(
        _l("Response to the author"), validators=[Optional(), _length(RESPONSE_MAX)]
    )
    impact_note = TextAreaField(
        _l("Impact (for Implemented)"), validators=[Optional(), _length(IMPACT_MAX)]
    )
    merge_into = IntegerField(
        _l("Merge into idea number (for Merged)"),
        validators=[Optional(), NumberRange(min=1, message=_l("Give an idea number."))],
    )


def move_form(current: str, allowed: tuple[str, ...], **kwargs) -> MoveForm:
    form = MoveForm(**kwargs)
    form.status.choices = choice_list(
        [("", _l("Keep the status, just respond"))] + [(s, IDEA_STATUS_LABELS[s]) for s in allowed]
    )
    if not form.is_submitted():
        form.current.data = current
    return form
