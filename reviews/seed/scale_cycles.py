"""The closed quarterly cycles of ``seed-scale``, each with its own snapshot of the competency
framework and the rating scale (as ``cycles.snapshot_framework`` would have taken when the
cycle was set up), as rows with ids assigned in order."""

from datetime import timedelta

from reviews.models import Competency, ScaleLevel

from .scale_reviews import Snapshot
from .scale_texts import lower_first
from .timeline import Quarter

CYCLE_COLUMNS = ("id", "name", "period_start", "period_end", "self_deadline", "review_deadline",
                 "status", "show_self_to_manager", "opened_at", "closed_at", "created_at")  # fmt: skip
# The texts in every language, as cycles.snapshot_framework copies them.
SKILL_TEXTS = ("name", "description", "name_et", "name_sl", "description_et", "description_sl")
SKILL_COLUMNS = ("id", "cycle_id", "competency_id", *SKILL_TEXTS, "weight", "position")
LEVEL_TEXTS = ("label", "label_et", "label_sl")
LEVEL_COLUMNS = ("cycle_id", "value", *LEVEL_TEXTS)
SHOW_SELF_FROM = 0.5  # later half of the history: managers see the self-assessment early


def cycle_rows(quarters: list[Quarter]) -> list[tuple]:
    """One closed cycle per quarter, opened five weeks before its end and closed on it."""
    rows = []
    for quarter in quarters:
        show_self = quarter.index >= len(quarters) * SHOW_SELF_FROM
        rows.append(
            (
                quarter.index + 1,
                quarter.name,
                quarter.start,
                quarter.end,
                quarter.end - timedelta(days=21),
                quarter.end - timedelta(days=7),
                "closed",
                show_self,
                quarter.opened_at,
                quarter.closed_at,
                quarter.opened_at - timedelta(days=10),
            )
        )
    return rows


def skill_rows(quarters: list[Quarter], competencies: list[Competency]) -> list[tuple]:
    """Each cycle's copy of the framework, in position order."""
    return [
        (
            quarter.index * len(competencies) + position + 1,
            quarter.index + 1,
            competency.id,
            *(getattr(competency, column) for column in SKILL_TEXTS),
            competency.weight,
            position,
        )
        for quarter in quarters
        for position, competency in enumerate(competencies)
    ]


def level_rows(quarters: list[Quarter], levels: list[ScaleLevel]) -> list[tuple]:
    return [
        (quarter.index + 1, level.value, *(getattr(level, column) for column in LEVEL_TEXTS))
        for quarter in quarters
        for level in levels
    ]


def snapshots(quarters: list[Quarter], competencies: list[Competency], top: int) -> list[Snapshot]:
    """What the review builder needs of each cycle, matching the ids of ``skill_rows``."""
    names = tuple(c.name for c in competencies)
    phrases = tuple(lower_first(name) for name in names)
    count = len(competencies)
    return [
        Snapshot(
            index=quarter.index,
            cycle_id=quarter.index + 1,
            quarter=quarter,
            skills=tuple((quarter.index * count + i + 1, name) for i, name in enumerate(names)),
            top=top,
            phrases=phrases,
        )
        for quarter in quarters
    ]
