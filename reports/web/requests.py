"""What the report views need from a request: the viewer's filters (validated, scoped), the
cycle-report form and ASCII-safe download names. Kept apart so the views stay thin."""

from dataclasses import dataclass, replace

from flask import abort, current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from extensions import db
from forms.reports import (
    MESSAGES,
    ReportFilterForm,
    cycle_report_form,
    filter_form,
)
from reports import filters as f
from reports.build import Context
from reports.catalog import RANGE, ChartSpec
from reports.filenames import slug, span, word
from reviews.access import HistoryReach, ReportScope, check_report_team, report_scope
from reviews.models import Competency, Team, User

# Someone's history shows the person charts under these names ("trend", not "my trend"),
# in its URLs and file names.
HISTORY_CHARTS = {"trend": "my-trend", "gap": "my-gap"}
HISTORY_WORDS = {spec: name for name, spec in HISTORY_CHARTS.items()}
FILTER_ARGS = ("start", "end", "cycle", "team", "competency", "self_ratings")


class FilterError(Exception):
    """The filters could not be read; ``messages`` says why, ``form`` (on a page) shows it."""

    def __init__(self, messages: list[str], form: ReportFilterForm | None = None):
        super().__init__("invalid report filters")
        self.messages = messages
        self.form = form


@dataclass
class Request:
    """A viewer's validated report request (``form`` only on pages: a chart or a download
    needs no form)."""

    form: ReportFilterForm | None
    filters: f.Filters
    ctx: Context
    cycles: list[f.CycleInfo]
    args: dict
    history: HistoryReach | None = None  # someone's history (reports.web.history)

    @property
    def open_cycle(self) -> int | None:
        return f.open_cycle(self.cycles)


def _team_choices(scope: ReportScope) -> list[tuple[int, str]]:
    query = select(Team.id, Team.name).order_by(Team.name)
    if not scope.whole_org:
        query = query.where(Team.id.in_(scope.team_ids))
    return [(row.id, row.name) for row in db.session.execute(query)]


def _competency_choices() -> list[tuple[int, str]]:
    """Every competency by its name in the reader's language, retired ones marked."""
    query = select(Competency).order_by(Competency.position, Competency.name)
    locale = get_locale()
    choices = []
    for competency in db.session.scalars(query):
        name = competency.text_in("name", locale)
        choices.append((competency.id, name if competency.active else f"{name} ({_l('retired')})"))
    return choices


def _int_arg(args, name: str) -> tuple[int | None, bool]:
    """(value, ok): empty means None; anything but a plain number of up to 9 digits is bad."""
    raw = (args.get(name) or "").strip()
    if raw in ("", "None"):
        return None, True
    if raw.isascii() and raw.isdigit() and len(raw) < 10:
        return int(raw), True
    return None, False


def _exists(model, object_id: int) -> bool:
    return db.session.scalar(select(model.id).where(model.id == object_id)) is not None


@dataclass
class Values:
    """The filter values of a request, checked against what exists and the viewer's scope."""

    start: int | None
    end: int | None
    cycle: int | None
    team: int | None
    competency: int | None
    self_ratings: bool


def parse(args, cycles: list[f.CycleInfo], scope: ReportScope, audience: str) -> Values:
    """Read the filters from the query string without a form (a chart or a download must
    stay cheap). 403 when a team chart is asked for by someone who charts no team; 404 for a
    team outside their scope or none at all; FilterError with each field's message for any
    other value that is not offered."""
    if audience == "teams" and not scope.sees_teams:
        abort(403)
    values, errors = {}, []
    ids = [c.id for c in cycles]
    for name in ("start", "end", "cycle", "competency"):
        value, ok = _int_arg(args, name)
        if value is None:
            offered = True
        elif name == "competency":
            offered = _exists(Competency, value)
        else:
            offered = value in ids
        if not ok or not offered:
            errors.append(str(MESSAGES[name]))
            value = None
        values[name] = value
    team, ok = _int_arg(args, "team") if audience == "teams" else (None, True)
    check_report_team(scope, team)
    if not ok:
        errors.append(str(MESSAGES["team"]))
    elif team is not None and not _exists(Team, team):
        abort(404)  # no such team
    start, end = values["start"], values["end"]
    if not errors and start is not None and end is not None and ids.index(start) > ids.index(end):
        errors.append(str(_l("The last cycle must not come before the first.")))
    if errors:
        raise FilterError(errors)
    flag = (args.get("self_ratings") or "").strip().lower()
    return Values(**values, team=team, self_ratings=flag not in ("", "false"))


def read_request(
    user: User, args, audience: str, with_form: bool = True, history: HistoryReach | None = None
) -> Request:
    """Validate ``args`` against what ``user`` may chart. A page (``with_form``) also gets the
    filter bar with every choice offered, and its messages when a value is bad. ``history``:
    the person charts are of that person, limited to what it lets ``user`` see."""
    scope = report_scope(user)
    if audience != "teams":
        args = args.copy()
        args.pop("team", None)  # a person's own charts have no team
    cycles = f.report_cycles(db.session)
    form = None
    if with_form:
        form = _form(args, scope, cycles, audience)
    try:
        values = parse(args, cycles, scope, audience)
    except FilterError as error:
        if form is not None:
            form.validate()
        raise FilterError(error.messages, form) from None
    if form is not None and not form.validate():
        raise FilterError([str(m) for field in form for m in field.errors], form)
    filters = _filters(values, scope, cycles, user, audience)
    meta = _scope_meta(filters)
    if history is not None:
        filters = replace(
            filters,
            person_id=history.person.id,
            reviewer_id=history.reviewer_id,
            shared_only=not history.own,
        )
        meta = (
            {"kind": "person"} if history.own else {"kind": "person", "name": history.person.name}
        )
    ctx = Context(cycles, current_app.config["MIN_GROUP_SIZE"], meta)
    kept = {k: v for k, v in args.items() if k in FILTER_ARGS and v not in ("", None)}
    return Request(form, filters, ctx, cycles, kept, history)


def _form(args, scope: ReportScope, cycles, audience: str) -> ReportFilterForm:
    teams = _team_choices(scope) if audience == "teams" else []
    all_label = _l("All teams") if scope.whole_org else _l("All my teams")
    form = filter_form(
        args, [(c.id, c.name) for c in cycles], teams, _competency_choices(), all_label
    )
    form.cycle.label.text = (
        _l("One cycle (heatmap, gap)") if audience == "teams" else _l("One cycle (gap)")
    )
    return form


def _filters(values: Values, scope: ReportScope, cycles, user: User, audience: str) -> f.Filters:
    if audience == "person":
        team_ids = None
    elif values.team is not None:
        team_ids = (values.team,)
    else:
        team_ids = None if scope.whole_org else tuple(sorted(scope.team_ids))
    return f.Filters(
        cycle_ids=f.cycle_range(cycles, values.start, values.end),
        cycle_id=values.cycle or f.default_cycle(cycles),
        team_ids=team_ids,
        competency_id=values.competency,
        person_id=user.id if audience == "person" else None,
        with_self=values.self_ratings,
    )


def _scope_meta(filters: f.Filters) -> dict:
    if filters.person_id is not None:
        return {"kind": "person"}
    if filters.team_ids is None:
        return {"kind": "org"}
    names = dict(
        db.session.execute(select(Team.id, Team.name).where(Team.id.in_(filters.team_ids))).all()
    )
    return {"kind": "teams", "names": [names.get(t, "") for t in filters.team_ids]}


def locale() -> str:
    return str(get_locale() or "en")


def download_name(spec: ChartSpec, request: Request, user: User, fmt: str) -> str:
    """rapport-<chart>-<scope>-<cycles>.<fmt>, ASCII only, in the reader's language."""
    filters = spec.normalise(request.filters)
    scope = request.ctx.scope
    if scope["kind"] == "person":
        who = slug(scope.get("name") or user.name)
    elif scope["kind"] == "org":
        who = word("organisation")
    else:
        who = slug("-".join(scope["names"])) if len(scope["names"]) <= 2 else word("my-teams")
    names = dict((c.id, c.name) for c in request.cycles)
    if RANGE in spec.uses and filters.cycle_ids:
        first, last = names[filters.cycle_ids[0]], names[filters.cycle_ids[-1]]
        when = slug(first) if first == last else span(first, last)
    else:
        when = slug(names.get(filters.cycle_id, "")) or word("no-cycle")
    key = HISTORY_WORDS.get(spec.name, spec.name) if scope.get("name") else spec.name
    return "-".join(part for part in ("rapport", word(key), who, when) if part) + f".{fmt}"


def report_form(user: User, formdata=None, request: Request | None = None):
    """The form asking for a PDF cycle report, or None when ``user`` may have none: the
    organisation's (leadership, admins) and the team the page is filtered on, or a
    manager's own teams."""
    team_ids = request.filters.team_ids if request is not None else None
    team = team_ids[0] if team_ids and len(team_ids) == 1 else None
    if formdata:
        team = _int_arg(formdata, "team")[0]  # the team asked for (checked as a choice)
    scope = report_scope(user)
    if not scope.sees_teams:
        return None
    cycles = request.cycles if request is not None else f.report_cycles(db.session)
    if scope.whole_org:
        ids = [team] if team is not None else []
        whole = _l("The whole organisation")
    else:
        ids, whole = sorted(scope.team_ids), None
    names = dict(db.session.execute(select(Team.id, Team.name).where(Team.id.in_(ids))).all())
    teams = sorted(names.items(), key=lambda pair: pair[1])
    choices = [(c.id, c.name) for c in cycles]
    return cycle_report_form(formdata, choices, teams, f.default_cycle(cycles), whole, team)
