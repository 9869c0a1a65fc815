"""One thing that happened between two reviews, as every area offers it to the review form
(``reviews.services.reviews.evidence`` collects them). Kept apart from the collecting so each
area's source can import it while the collector imports every source."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Evidence:
    """One thing that happened, tied to a framework competency (``Competency.id``, the same
    across cycles) or to none (``competency_id`` None: it speaks for the whole review)."""

    competency_id: int | None
    kind: str  # "recognition", "training", "action", "idea"
    on: date
    text: str  # a short line in the words it was written in (a title, a message)
    obj_id: int  # the record's id, for a link the view builds


# (person_id, since, until) -> what happened to that person in [since, until); since None:
# from the beginning.
Source = Callable[[int, datetime | None, datetime], list[Evidence]]
