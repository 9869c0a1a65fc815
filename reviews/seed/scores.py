"""The rating model behind the demo: each person has an underlying level per competency;
teams differ; the desk's history moves the levels over time; people rate themselves a little
higher than their manager does, each by their own margin. Ratings are noisy draws from it."""

import random
from dataclasses import dataclass, field

from .data import ADD_SECURITY_AT, TEAM_PROFILE, TRAINING_AT

BASE_LEVEL = 3.2
CORE_KEYS = (
    "clear",
    "listening",
    "explaining",
    "knowledge",
    "problem",
    "teamwork",
    "respect",
    "reliability",
)
ALL_KEYS = (*CORE_KEYS, "phone", "security")


@dataclass
class Traits:
    """What does not change from cycle to cycle about how a person performs and self-rates."""

    level: float  # overall, relative to the desk
    bias: float  # how much higher they rate themselves than their manager would
    growth: float  # steady improvement per cycle
    offsets: dict[str, float] = field(default_factory=dict)  # per competency
    no_phone: bool = False  # never on the phones: "not applicable"


def make_traits(rng: random.Random, *, senior: bool, team: str | None) -> Traits:
    """A plausible, individual profile: two clear strengths, one clear weakness."""
    offsets = {key: rng.gauss(0, 0.22) for key in ALL_KEYS}
    strong = rng.sample(CORE_KEYS, 3)
    for key in strong[:2]:
        offsets[key] += 0.55
    offsets[strong[2]] -= 0.6
    return Traits(
        level=rng.gauss(0.45 if senior else 0.05, 0.28),
        bias=rng.gauss(0.3, 0.3),
        growth=rng.gauss(0.025, 0.025),
        offsets=offsets,
        no_phone=team == "field_network" and rng.random() < 0.6,
    )


def trend(team: str, key: str, index: int, quarter_number: int) -> float:
    """How the desk's history moves a team's level: the Service Desk's plain-language workshop,
    the enrolment-quarter crunch in Student & Staff Services, the network migration in Field &
    Network Support, steady writing coaching in Application Support, and the whole desk
    getting better at identity checks after the phishing wave."""
    shift = 0.0
    if team == "service_desk" and key == "explaining" and index >= TRAINING_AT:
        shift += 0.4 if index == TRAINING_AT else 0.8
    if team == "student_services" and quarter_number == 3:
        shift -= {"reliability": 0.7, "problem": 0.5, "clear": 0.35}.get(key, 0.1)
    if team == "field_network" and key == "knowledge":
        shift -= {1: 0.6, 2: 0.3}.get(index, 0.0)
    if team == "app_support" and key == "clear":
        shift += 0.08 * index
    if key == "security":
        shift += -0.55 + 0.3 * (index - ADD_SECURITY_AT)
    return shift


def true_level(traits: Traits, team: str, key: str, index: int, q_number: int, tenure: int):
    """The level a fair observer would give, before the noise of an actual rating."""
    newcomer = min(0.0, -0.7 + 0.22 * tenure)
    return (
        BASE_LEVEL
        + traits.level
        + traits.offsets[key]
        + TEAM_PROFILE.get(team, {}).get(key, 0.0)
        + traits.growth * index
        + newcomer
        + trend(team, key, index, q_number)
    )


def draw(rng: random.Random, level: float, spread: float) -> int:
    """A rating on the 1-5 scale around ``level``."""
    return max(1, min(5, round(level + rng.gauss(0, spread))))
