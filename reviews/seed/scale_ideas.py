"""Improvement ideas for ``seed-scale``, spread over the whole history in every status, with
their status events, support and comments, written in chunks so memory stays flat.

An idea's path is drawn from the statuses it is meant to end in, with the demo's gaps between
steps; steps that would fall after today are cut, so recent ideas are naturally still open
and old ones mostly decided. ``first_response_at`` is the first move and ``decided_at`` the
move to implemented, declined or merged, as the idea workflow records them. Anonymous ideas
have no author and no review; merged ones point at an earlier idea of the same team."""

import bisect
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from reviews.models.ideas import CLOSED_STATUSES

from .idea_activity import GAP_DAYS, MAX_SUPPORT, PATHS, random_between
from .idea_texts import COMMENTS, RESPONSES
from .ideas import IdeaSpec, parse_ideas
from .scale_org import Org, Person
from .timeline import Quarter, office_hours

IDEA_COLUMNS = (
    "id", "title", "description", "category", "team_id", "status", "anonymous", "author_id",
    "follow_token_hash", "review_id", "merged_into_id", "decline_reason", "impact_note",
    "first_response_at", "decided_at", "support_count", "updated_at", "created_at",
)  # fmt: skip
EVENT_COLUMNS = ("id", "idea_id", "actor_id", "from_status", "to_status", "response", "created_at")
SUPPORT_COLUMNS = ("idea_id", "user_id", "created_at")
COMMENT_COLUMNS = ("id", "idea_id", "author_id", "by_anonymous_author", "body", "created_at")

ANONYMOUS = 0.15
FROM_REVIEW = 0.4  # of ideas put forward during a review season, those that came from one
LEADER_DECIDES = 0.3
SLOW_FIRST_RESPONSE = 0.15
INTENDED = {"submitted": 2, "under_review": 6, "planned": 12, "implemented": 35, "declined": 32,
            "merged": 13}  # fmt: skip
DECIDED = CLOSED_STATUSES  # decided_at is set on reaching one, as the workflow does
CHUNK = 10_000


@dataclass
class IdeaRows:
    ideas: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    supports: list[tuple] = field(default_factory=list)
    comments: list[tuple] = field(default_factory=list)


@dataclass
class IdeaWriter:
    rng: random.Random
    org: Org
    quarters: list[Quarter]
    now: datetime
    review_ids: int  # reviews per cycle: a review's id is 1 + cycle index x this + person index
    members: dict[int, list[int]] = field(default_factory=dict)
    specs: dict[str, list[IdeaSpec]] = field(default_factory=lambda: defaultdict(list))
    latest: dict[int, tuple[int, str]] = field(default_factory=dict)  # team -> (id, title)
    events: int = 0
    comments: int = 0

    def __post_init__(self) -> None:
        self.members = self.org.members()
        for spec in parse_ideas():
            self.specs[spec.status].append(spec)
        self.starts = [quarter.start for quarter in self.quarters]

    def chunks(self, count: int):
        """Yield ``IdeaRows`` for ``count`` ideas, oldest first, ``CHUNK`` ideas at a time."""
        # Three days in: a weekend moment moved back to Friday still falls in the first quarter.
        start = datetime.combine(self.quarters[0].start + timedelta(days=3), time(0))
        span = (self.now - timedelta(days=1) - start).total_seconds()
        moments = sorted(
            office_hours(self.rng, start + timedelta(seconds=self.rng.uniform(0, span)))
            for _ in range(count)
        )
        for offset in range(0, count, CHUNK):
            rows = IdeaRows()
            for number, created in enumerate(moments[offset : offset + CHUNK], offset + 1):
                self._idea(rows, number, created)
            yield rows

    def _idea(self, rows: IdeaRows, idea_id: int, created: datetime) -> None:
        author, team, review = self._origin(created)
        steps = self._steps(created)
        target = self.latest.get(team)
        if steps and steps[-1][0] == "merged" and target is None:
            steps.pop()  # nothing earlier to merge into
        status = steps[-1][0] if steps else "submitted"
        spec = self.rng.choice(self.specs[status])
        if status != "merged":
            self.latest[team] = (idea_id, spec.title)
        note = spec.note or "Not something we can take on this year."
        times = [at for _, at in steps]
        decided = next((at for step, at in steps if step in DECIDED), None)
        self._events(rows, idea_id, created, author, team, steps, note, target)
        # The idea row carries the count of its supports, as the support services keep it.
        supporters = self._supports(rows, idea_id, created, author, team, status)
        self._comments(rows, idea_id, created, author, team)
        rows.ideas.append(
            (idea_id, spec.title, spec.text, spec.category, team, status, author is None,
             author.user_id if author else None, None, review, target[0] if status == "merged" else None,
             note if status == "declined" else "", note if status == "implemented" else "",
             times[0] if times else None, decided, supporters, times[-1] if times else created,
             created)
        )  # fmt: skip

    def _origin(self, created: datetime) -> tuple[Person | None, int, int | None]:
        """(author, team, review id): anonymous, or a person in their team of the time and,
        during a review season, sometimes the review the idea was suggested in."""
        rng = self.rng
        if rng.random() < ANONYMOUS:
            return None, rng.choice(self.org.teams), None
        person = rng.choice(self.org.people)
        index = bisect.bisect_right(self.starts, created.date()) - 1
        review = None
        in_season = index < len(self.quarters) and created >= self.quarters[index].opened_at
        if in_season and created <= self.quarters[index].closed_at and rng.random() < FROM_REVIEW:
            review = 1 + index * self.review_ids + person.index
        return person, person.team_at(index), review

    def _steps(self, created: datetime) -> list[tuple[str, datetime]]:
        """The moves after "submitted" that happened before today, with their moments."""
        rng = self.rng
        intended = rng.choices(list(INTENDED), weights=list(INTENDED.values()))[0]
        path = rng.choice(PATHS[intended])
        steps, at = [], created
        for number, status in enumerate(path):
            gap = rng.uniform(*GAP_DAYS[status])
            if number == 0 and rng.random() < SLOW_FIRST_RESPONSE:
                gap += rng.uniform(10, 25)
            at = office_hours(rng, at + timedelta(days=gap), at)
            if at >= self.now:
                break
            steps.append((status, at))
        return steps

    def _events(self, rows, idea_id, created, author, team, steps, note, target) -> None:
        """ "submitted" by the author (nobody, when anonymous), then each move with the
        response the author saw, by the team's manager or, for some decisions, a leader."""
        author_id = author.user_id if author else None
        self.events += 1
        rows.events.append((self.events, idea_id, author_id, None, "submitted", "", created))
        previous = "submitted"
        for status, at in steps:
            actor = self.org.manager_of[team]
            if actor == author_id or (status in DECIDED and self.rng.random() < LEADER_DECIDES):
                actor = self.org.leader_of[team]
            response = note if status == "declined" else self.rng.choice(RESPONSES[status])
            if status == "merged":
                response = response.format(target=target[1])
            self.events += 1
            rows.events.append((self.events, idea_id, actor, previous, status, response, at))
            previous = status

    def _supports(self, rows, idea_id, created, author, team, status) -> int:
        """Colleagues of the team support it, once each; implemented ideas had support.
        Returns how many did (the idea's ``support_count``)."""
        rng = self.rng
        low = 3 if status == "implemented" else 0
        count = rng.randint(low, MAX_SUPPORT.get(status, 6))
        pool = [user for user in self.members[team] if not author or user != author.user_id]
        chosen = rng.sample(pool, min(count, len(pool)))
        for user in chosen:
            rows.supports.append((idea_id, user, random_between(rng, created, self.now, 30)))
        return len(chosen)

    def _comments(self, rows, idea_id, created, author, team) -> None:
        rng = self.rng
        count = rng.choice((0, 0, 1, 1, 2, 3))
        pool = self.members[team]
        for body in rng.sample(COMMENTS, count):
            at = random_between(rng, created, self.now, 45)
            self.comments += 1
            rows.comments.append((self.comments, idea_id, rng.choice(pool), False, body, at))
