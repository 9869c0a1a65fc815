"""The reports' filter bar, read from the query string (a GET form: no CSRF token).

Choices are filled by the view from what the viewer may chart. A value that is not one of
them gets a clear message on its field; a team outside the viewer's scope is answered with
404 by the view before the form is validated (see ``reviews.access.check_report_team``)."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField
from wtforms.validators import ValidationError

from forms import AppForm
from forms.fields import ListSelectField, optional_int

MESSAGES = {
    "start": _l("Choose the first cycle from the list."),
    "end": _l("Choose the last cycle from the list."),
    "cycle": _l("Choose a cycle from the list."),
    "team": _l("Choose a team from the list."),
    "competency": _l("Choose a competency from the list."),
}


class ReportFilterForm(AppForm):
    class Meta:
        csrf = False

    start = ListSelectField(_l("From cycle"), coerce=optional_int, validate_choice=False)
    end = ListSelectField(_l("To cycle"), coerce=optional_int, validate_choice=False)
    cycle = ListSelectField(_l("One cycle"), coerce=optional_int, validate_choice=False)
    team = ListSelectField(_l("Team"), coerce=optional_int, validate_choice=False)
    competency = ListSelectField(_l("Competency"), coerce=optional_int, validate_choice=False)
    self_ratings = BooleanField(_l("Show self-assessments in the trend (dashed)"))

    def validate(self, extra_validators=None) -> bool:
        """Every choice must be one offered; the range must run forwards. Each field's
        message says what to do (never the generic "not a valid choice")."""
        super().validate(extra_validators)
        for name, message in MESSAGES.items():
            field = self[name]
            if field.errors or (field.data is not None and not field.offers(field.data)):
                field.errors = [message]
        ok = not any(self[name].errors for name in MESSAGES)
        if ok and not self._forwards():
            self.end.errors = [_l("The last cycle must not come before the first.")]
            ok = False
        return ok

    def _forwards(self) -> bool:
        order = [choice.value for choice in self.start.choices]
        start, end = self.start.data, self.end.data
        return start is None or end is None or order.index(start) <= order.index(end)


def filter_form(args, cycles, teams, competencies, all_teams_label) -> ReportFilterForm:
    """The filter bar for ``args`` with the choices a viewer may use: ``cycles``,
    ``teams`` and ``competencies`` are (id, name) pairs. Not validated yet."""
    form = ReportFilterForm(args)
    cycle_choices = [(c_id, name) for c_id, name in cycles]
    form.start.offer(cycle_choices, blank=_l("8 cycles back"))
    form.end.offer(cycle_choices, blank=_l("Latest closed"))
    form.cycle.offer(cycle_choices, blank=_l("Latest closed"))
    form.team.offer(teams, blank=all_teams_label)
    form.competency.offer(competencies, blank=_l("All competencies"))
    return form


class CycleReportForm(AppForm):
    """Which cycle (and, for a team's report, which team) the PDF cycle report is about.
    Asking for one starts a job, so it is a POST with a CSRF token."""

    cycle = ListSelectField(_l("Cycle"), coerce=optional_int, validate_choice=False)
    team = ListSelectField(_l("Report on"), coerce=optional_int, validate_choice=False)

    def validate_cycle(self, field) -> None:
        if field.data is None or not field.offers(field.data):
            raise ValidationError(MESSAGES["cycle"])

    def validate_team(self, field) -> None:
        if not field.offers(field.data):  # None: the whole organisation, when offered
            raise ValidationError(MESSAGES["team"])


def cycle_report_form(
    formdata, cycles, teams, default: int | None, whole_org: str | None, team: int | None
) -> CycleReportForm:
    """``cycles`` and ``teams`` are (id, name) pairs; ``whole_org`` labels the organisation
    choice (None when the viewer may not have the organisation's report); ``team`` is
    preselected (the team the page is filtered on)."""
    form = CycleReportForm(formdata)
    form.cycle.offer(cycles)
    targets = ([("", whole_org)] if whole_org else []) + list(teams)
    form.team.offer(targets)
    if not formdata:
        form.cycle.data, form.team.data = default, team
    return form
