"""The organisation of ``seed-scale``, planned in memory: teams, leadership, an admin, one
manager per team and its staff, with the traits the rating model needs and the history of
who worked in which team (some staff move teams over the years). ``scale_people`` turns the
plan into rows. Ids are assigned here, in the order the rows are loaded."""

import random
from dataclasses import dataclass, field

TEAMS_PER_LEADER = 100
MOVE_ONCE, MOVE_TWICE = 0.22, 0.05  # share of staff who change team over the history
BUSY_DIP = 0.3  # how much a team's busy quarter lowers every level


@dataclass(slots=True)
class Person:
    """Someone who is reviewed: a team manager or a member of staff."""

    user_id: int
    index: int  # position among reviewed people; review ids follow it
    manager: bool
    postings: list[tuple[int, int]]  # (first quarter index, team id), oldest first
    level: float  # overall, relative to the organisation
    bias: float  # how much higher they rate themselves than their manager does
    growth: float  # steady change per cycle
    offsets: tuple[float, ...]  # per competency, in snapshot order

    def team_at(self, quarter_index: int) -> int:
        """The team the person worked in during quarter ``quarter_index``."""
        team = self.postings[0][1]
        for since, posted in self.postings:
            if since <= quarter_index:
                team = posted
        return team

    @property
    def team(self) -> int:
        return self.postings[-1][1]


@dataclass(frozen=True, slots=True)
class TeamProfile:
    """How a team tends to score: per-competency offsets and trends, and a busy quarter."""

    offsets: tuple[float, ...]
    slopes: tuple[float, ...]
    busy: int  # quarter number (1-4) when its levels dip, 0 for none


@dataclass
class Org:
    teams: list[int]
    leaders: list[int]  # the first is leader@example.com
    admin: int
    people: list[Person]  # reviewed people, in review order
    manager_of: dict[int, int] = field(default_factory=dict)  # team id -> manager user id
    leader_of: dict[int, int] = field(default_factory=dict)  # team id -> the manager's boss
    profiles: dict[int, TeamProfile] = field(default_factory=dict)
    fixed_staff: int = 0  # user id of staff@example.com

    def members(self) -> dict[int, list[int]]:
        """Current team id -> user ids of its manager and staff."""
        result: dict[int, list[int]] = {team: [] for team in self.teams}
        for person in self.people:
            result[person.team].append(person.user_id)
        return result


def leader_count(teams: int) -> int:
    return max(1, teams // TEAMS_PER_LEADER)


def plan_org(rng: random.Random, people: int, teams: int, quarters: int, skills: int) -> Org:
    """Leaders get the first ids, then the admin, then each team's manager and staff."""
    leaders = list(range(1, leader_count(teams) + 1))
    team_ids = list(range(1, teams + 1))
    org = Org(teams=team_ids, leaders=leaders, admin=len(leaders) + 1, people=[])
    sizes = _team_sizes(rng, people - len(leaders) - 1 - teams, teams)
    next_id = org.admin + 1
    for team, size in zip(team_ids, sizes, strict=True):
        org.manager_of[team] = next_id
        org.leader_of[team] = leaders[(team - 1) % len(leaders)]
        org.profiles[team] = _profile(rng, skills)
        for offset in range(size + 1):
            manager = offset == 0
            postings = [(0, team)] if manager else _postings(rng, team, team_ids, quarters)
            org.people.append(_person(rng, next_id, len(org.people), manager, postings, skills))
            next_id += 1
    org.fixed_staff = org.manager_of[1] + 1
    org.people[1].postings = [(0, 1)]  # staff@example.com stays with manager@example.com
    return org


def _team_sizes(rng: random.Random, staff: int, teams: int) -> list[int]:
    """Staff per team: even at first, then random transfers make sizes differ (never 0)."""
    sizes = [staff // teams + (1 if i < staff % teams else 0) for i in range(teams)]
    for _ in range(teams * 2):
        give, take = rng.randrange(teams), rng.randrange(teams)
        moved = min(rng.randint(0, 3), sizes[give] - 1)
        sizes[give] -= moved
        sizes[take] += moved
    return sizes


def _postings(rng: random.Random, team: int, teams: list[int], quarters: int):
    """The first team from the start, then zero, one or two moves at quarter boundaries."""
    draw = rng.random()
    moves = 2 if draw < MOVE_TWICE else 1 if draw < MOVE_ONCE + MOVE_TWICE else 0
    if len(teams) < 2 or quarters < 3:
        moves = 0
    postings = [(0, team)]
    for since in sorted(rng.sample(range(1, quarters), moves)):
        postings.append((since, rng.choice([t for t in (team - 1, team + 1) if t in teams])))
        team = postings[-1][1]
    return postings


def _profile(rng: random.Random, skills: int) -> TeamProfile:
    return TeamProfile(
        offsets=tuple(rng.gauss(0, 0.18) for _ in range(skills)),
        slopes=tuple(rng.gauss(0, 0.005) for _ in range(skills)),
        busy=rng.choice((0, 0, 1, 2, 3, 4)),
    )


def _person(rng, user_id: int, index: int, manager: bool, postings, skills: int) -> Person:
    """Individual traits: two clear strengths and one clear weakness among the competencies."""
    offsets = [rng.gauss(0, 0.22) for _ in range(skills)]
    strong = rng.sample(range(skills), min(3, skills))
    for position, shift in zip(strong, (0.55, 0.55, -0.6), strict=False):
        offsets[position] += shift
    return Person(
        user_id=user_id,
        index=index,
        manager=manager,
        postings=postings,
        level=rng.gauss(0.4 if manager else 0.05, 0.3),
        bias=rng.gauss(0.3, 0.3),
        growth=rng.gauss(0.01, 0.012),
        offsets=tuple(offsets),
    )
