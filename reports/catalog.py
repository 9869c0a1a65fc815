"""Every chart Rapport draws, in one list: what it is called, which filters it uses, whose
numbers it shows, which data it reads, and how its data, picture and table are made.
Pages, downloads, the cycle report and the bench all work from this list."""

from collections.abc import Callable
from dataclasses import dataclass, replace

from flask_babel import lazy_gettext as _l

from . import build, followthrough, recognition, tables
from . import training as training_charts
from .filters import Filters

# Filters a chart can use: a cycle range, one cycle, a competency, self ratings as well.
RANGE, CYCLE, COMPETENCY, SELF = "range", "cycle", "competency", "self"
# The data a chart reads: the reviews of its cycles (their summaries and steps), ideas,
# action items, recognitions, procedure confirmations or training records.
REVIEWS, IDEAS, ACTIONS = "reviews", "ideas", "actions"
RECOGNITIONS = "recognitions"
PROCEDURES = "procedures"  # procedure confirmations (and the cycles' periods)
TRAINING = "training"  # training records, and the reviews of every cycle around them


@dataclass(frozen=True)
class ChartSpec:
    name: str
    title: object  # a lazy string
    description: object
    uses: frozenset
    audience: str  # "teams": leadership and managers; "person": the viewer's own numbers
    reads: str  # REVIEWS or IDEAS
    build: Callable
    table: Callable
    compares_previous: bool = False  # also reads the cycle before the one chosen

    def normalise(self, filters: Filters) -> Filters:
        """The filters with every field this chart does not use cleared, so charts that do
        not depend on a filter share cache entries whatever its value."""
        return replace(
            filters,
            cycle_ids=filters.cycle_ids if RANGE in self.uses else (),
            cycle_id=filters.cycle_id if CYCLE in self.uses else None,
            competency_id=filters.competency_id if COMPETENCY in self.uses else None,
            with_self=filters.with_self if SELF in self.uses else False,
            team_ids=None if self.audience == "person" else filters.team_ids,
            person_id=filters.person_id if self.audience == "person" else None,
        )


def _spec(name, title, description, uses, build_fn, table_fn, audience="teams", reads=REVIEWS):
    return ChartSpec(name, title, description, frozenset(uses), audience, reads, build_fn, table_fn)


CHARTS = [
    _spec(
        "trend",
        _l("Competency trends"),
        _l(
            "Mean manager rating per competency in each cycle; self-assessments dashed when chosen."
        ),
        (RANGE, COMPETENCY, SELF),
        build.trend,
        tables.trend,
    ),
    _spec(
        "heatmap",
        _l("Teams × competencies"),
        _l(
            "Mean manager rating of each team in each competency for one cycle, with the "
            "change since the cycle before."
        ),
        (CYCLE, COMPETENCY),
        build.heatmap,
        tables.heatmap,
    ),
    _spec(
        "distribution",
        _l("Rating distribution"),
        _l(
            "The share of manager ratings at each level of the scale, per cycle. “Not "
            "applicable” ratings are left out of the shares and counted apart."
        ),
        (RANGE, COMPETENCY),
        build.distribution,
        tables.distribution,
    ),
    _spec(
        "gap",
        _l("Self-assessment vs manager rating"),
        _l("How far people's own ratings are from their manager's, per competency, for one cycle."),
        (CYCLE, COMPETENCY),
        build.gap,
        tables.gap,
    ),
    _spec(
        "notes",
        _l("Strengths and improvement areas"),
        _l("How often managers name each competency as a strength or an improvement area."),
        (RANGE, COMPETENCY),
        build.notes,
        tables.notes,
    ),
    _spec(
        "ideas",
        _l("Idea pipeline"),
        _l(
            "Ideas submitted in each cycle, what became of them, and how long responses and "
            "decisions took."
        ),
        (RANGE,),
        build.ideas,
        tables.ideas,
        reads=IDEAS,
    ),
    _spec(
        "idea-breakdown",
        _l("Ideas by team and category"),
        _l("The ideas of the chosen cycles by team and by category."),
        (RANGE,),
        build.idea_breakdown,
        tables.idea_breakdown,
        reads=IDEAS,
    ),
    _spec(
        "recognition",
        _l("Recognition by team and competency"),
        _l(
            "How many recognitions each team's people received for each competency in the"
            " chosen cycles. Recognition is never part of a rating."
        ),
        (RANGE,),
        recognition.build,
        recognition.table,
        reads=RECOGNITIONS,
    ),
    _spec(
        "completion",
        _l("Review progress"),
        _l("How far each team's reviews of the cycle have come."),
        (CYCLE,),
        build.completion,
        tables.completion,
    ),
    _spec(
        "procedure-currency",
        _l("Procedure currency"),
        _l(
            "The share of people up to date with the procedures that apply to them (every "
            "one they were asked to confirm, confirmed in its current version), per team at "
            "the end of each cycle."
        ),
        (RANGE,),
        build.procedure_currency,
        tables.procedure_currency,
        reads=PROCEDURES,
    ),
    _spec(
        "follow-through",
        _l("Action item follow-through"),
        _l(
            "The share of the action items agreed in a cycle's reviews that were done by the "
            "time the next cycle opened (for the latest cycle: so far), per team."
        ),
        (CYCLE,),
        followthrough.build,
        followthrough.table,
        reads=ACTIONS,
    ),
    _spec(
        "my-trend",
        _l("My ratings over time"),
        _l(
            "Your manager's rating in each review shared with you; your self-assessment "
            "dashed when chosen."
        ),
        (RANGE, COMPETENCY, SELF),
        build.person_trend,
        tables.person_trend,
        "person",
    ),
    _spec(
        "my-gap",
        _l("My self-assessment vs my manager's rating"),
        _l("Your own rating minus your manager's, per competency, for one cycle."),
        (CYCLE, COMPETENCY),
        build.person_gap,
        tables.person_gap,
        "person",
    ),
    _spec(
        "training-hours",
        _l("Training hours per team"),
        _l(
            "Hours of training per team in each cycle, in total and per person reviewed; "
            "trainings whose hours are not given yet are counted apart."
        ),
        (RANGE,),
        training_charts.hours,
        training_charts.hours_table,
        reads=TRAINING,
    ),
    _spec(
        "training-effect",
        _l("Ratings before and after a training"),
        _l(
            "For each competency, the mean manager rating of the people trained in it, in "
            "their last review before the training and their first review after, with n."
        ),
        (RANGE, COMPETENCY),
        training_charts.before_after,
        training_charts.before_after_table,
        reads=TRAINING,
    ),
]
# The heatmap shows the change since the cycle before, so it reads that cycle too.
CHARTS = [replace(s, compares_previous=True) if s.name == "heatmap" else s for s in CHARTS]
BY_NAME = {spec.name: spec for spec in CHARTS}
TEAM_CHARTS = [spec for spec in CHARTS if spec.audience == "teams"]
PERSON_CHARTS = [spec for spec in CHARTS if spec.audience == "person"]
# The cycle report: every organisation chart, one per page.
REPORT_CHARTS = [spec.name for spec in TEAM_CHARTS]


def get(name: str) -> ChartSpec | None:
    return BY_NAME.get(name)
