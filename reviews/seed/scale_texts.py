"""Short review texts for ``seed-scale``: a few templates filled with the competencies the
ratings single out, so every page has plausible content without the demo's hand-written
prose (which is written for forty people, not ten thousand)."""

SELF_STRENGTHS = (
    "This quarter I was at my best in {best}.",
    "I think {best} went well: colleagues came to me for help with it.",
    "{Best} is where I feel most confident now.",
    "I kept up {best} even in the busiest weeks.",
)
SELF_IMPROVEMENTS = (
    "I want to get better at {worst}.",
    "{Worst} still takes me too long; some coaching would help.",
    "I need to work on {worst}, especially when the queue is long.",
    "I would like to shadow a colleague who is strong in {worst}.",
)
SELF_SUGGESTIONS = (
    "",
    "",
    "A shared checklist for the most common requests would help the whole team.",
    "We could rotate the busiest shifts more fairly.",
    "Short weekly huddles would keep everyone up to date on changes.",
    "The knowledge base needs an owner for each section.",
)
SUMMARY_TONES = ((2.5, "A difficult quarter"), (3.3, "A steady quarter"), (4.0, "A good quarter"))
SUMMARY_TOP_TONE = "An excellent quarter"
MANAGER_SUMMARY = "{tone}. Strongest in {best}; the focus for next quarter is {worst}."
STRENGTH_NOTES = (
    "Consistently strong in {best}; colleagues rely on it.",
    "Handled the hardest cases of the quarter well, thanks to {best}.",
    "Clear progress in {best} since the last review.",
)
EXTRA_STRENGTH = "Also solid in {other}."
IMPROVEMENT_NOTES = (
    "Work on {worst}: we agreed concrete steps for the next one-to-one.",
    "{Worst} slipped under pressure; pair with a senior colleague on the next busy week.",
    "Keep practising {worst}; a short course is booked.",
)
DISAGREEMENT = "I see my {competency} higher than rated: I handled most of the difficult cases."


def summary_tone(mean: float) -> str:
    """How the manager sums the quarter up, from the mean of their ratings."""
    return next((tone for limit, tone in SUMMARY_TONES if mean < limit), SUMMARY_TOP_TONE)


def lower_first(name: str) -> str:
    """A competency name as it reads inside a sentence."""
    return name[:1].lower() + name[1:]
