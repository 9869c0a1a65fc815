"""What managers answer when an idea moves, and what colleagues write under ideas."""

RESPONSES = {
    "under_review": (
        "Thanks for raising this. I'm looking at the numbers and will come back to you within "
        "two weeks.",
        "Good idea. I've put it on the agenda for the next team meeting.",
        "Thanks! I need to check with the other team leads whether this is possible; I'll update "
        "here.",
        "Interesting. I'm collecting some data on how often this happens before we decide.",
        "Thanks for this. It touches other teams too, so I've shared it with their leads.",
    ),
    "planned": (
        "Agreed: we'll start on this next quarter.",
        "Approved. It's on the plan for next month; I'll ask for volunteers to help set it up.",
        "We're going ahead with this; the budget is confirmed.",
        "Yes, let's try it for six weeks and then look at the results together.",
        "Good one. Planned for after enrolment week, when we have time to do it properly.",
    ),
    "implemented": (
        "This is live now. Thank you for the idea!",
        "Done: see the impact note. Thanks to everyone who supported it.",
        "Implemented and working well. Thanks for pushing for this.",
        "Rolled out to the whole desk this week. Thank you!",
    ),
    "merged": (
        'This is the same proposal as "{target}", so I\'ve merged it there to keep the '
        "discussion in one place. Please follow and support that one.",
        'Merged into "{target}": same idea, and that one already has a plan.',
    ),
}

COMMENTS = (
    "Yes please, this comes up every week.",
    "This would have saved us hours during enrolment week.",
    "I like it, but who would keep it up to date?",
    "We tried something similar a few years ago; keeping it maintained was the hard part.",
    "+1, especially for the evening shift.",
    "Could we pilot this in one team first?",
    "People ask about this at the counter all the time.",
    "Would this need a change in the ticketing system? I can help test it.",
    "Good idea. It would also help new colleagues.",
    "Not sure it's our biggest problem, but it's an easy win.",
    "Happy to help write the instructions for this.",
    "The other campus already does something like this; worth asking them how it went.",
    "This would cut a lot of repeat calls.",
    "Agreed. The current way confuses everyone, us included.",
    "I'd add: make sure it works on phones too.",
    "Can we measure how often this happens first? I suspect it's more than we think.",
)
