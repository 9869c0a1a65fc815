"""What happened since a person's last review, beside each competency: recognitions tagged
with it, trainings in it, action items about it, ideas implemented — so a review is written
from evidence, not memory.

Each area that keeps such records offers one function of the shape of ``Source``; ``SOURCES``
lists them, and ``collect`` asks each in turn. A source returns only what the person may be
shown about themselves (the reader's further rights are checked by the view's loader).

The window: from the person's previous review being shared (what was discussed there is
behind them), else from the end of that review's cycle (a previous review never shared),
else from the beginning (their first review); until now, so what happens while the review
is being written is shown too."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from reviews.models import Review, utcnow
from reviews.services.actions.evidence import evidence as action_items
from reviews.services.ideas.evidence import implemented_ideas
from reviews.services.recognition.evidence import evidence as recognitions
from reviews.services.reviews.evidence_item import Evidence, Source
from reviews.services.reviews.pages import previous_review
from reviews.services.training.evidence import evidence as trainings

SOURCES: list[Source] = [recognitions, trainings, action_items, implemented_ideas]

# The order kinds are listed in; a kind not named here comes after them.
KINDS = ("recognition", "training", "action", "idea")


def window(review: Review, now: datetime | None = None) -> tuple[datetime | None, datetime]:
    """[since, until) of what counts as "since the last review" for ``review``'s person."""
    until = now or utcnow()
    previous = previous_review(review)
    if previous is None:
        return None, until
    if previous.shared_at is not None:
        return previous.shared_at, until
    return datetime.combine(previous.cycle.period_end + timedelta(days=1), time()), until


def collect(review: Review, now: datetime | None = None) -> dict[int | None, list[Evidence]]:
    """What every source knows about the review's person in the window, by framework
    competency; newest first. What concerns a competency this cycle does not rate (retired
    since) is kept with what concerns no competency (``None``), once."""
    since, until = window(review, now)
    rated = {c.competency_id for c in review.cycle.competencies}
    found: dict[int | None, list[Evidence]] = {}
    for source in SOURCES:
        for item in source(review.employee_id, since, until):
            key = item.competency_id if item.competency_id in rated else None
            bucket = found.setdefault(key, [])
            if key is None and any((e.kind, e.obj_id) == (item.kind, item.obj_id) for e in bucket):
                continue
            bucket.append(item)
    for items in found.values():
        items.sort(key=lambda e: (e.on, e.obj_id), reverse=True)
    return found


def _kind_order(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


@dataclass
class Group:
    """What one competency (or the whole review) has, grouped by kind in ``KINDS`` order."""

    kinds: list[tuple[str, list[Evidence]]] = field(default_factory=list)

    @property
    def items(self) -> list[Evidence]:
        return [item for _kind, items in self.kinds for item in items]


def grouped(found: dict[int | None, list[Evidence]]) -> dict[int | None, Group]:
    """``collect``'s answer grouped by kind for a page: empty competencies are left out."""
    result = {}
    for key, items in found.items():
        by_kind: dict[str, list[Evidence]] = {}
        for item in items:
            by_kind.setdefault(item.kind, []).append(item)
        if by_kind:
            kinds = sorted(by_kind.items(), key=lambda pair: (_kind_order(pair[0]), pair[0]))
            result[key] = Group(kinds)
    return result
