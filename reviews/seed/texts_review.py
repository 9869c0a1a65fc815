"""Review-level texts: manager summaries, staff suggestions, employee comments and private
notes. Same placeholders as ``texts_manager``."""

SUMMARY_OPENINGS = {
    "high": (
        "{first} had an excellent quarter and was one of the people holding the desk together "
        "during {event}.",
        "A very strong quarter, {first}: reliable, calm and a real help to the rest of the team.",
        "{first} continues to perform at a high level and sets the standard for the team.",
        "Outstanding work this quarter; {first}'s handling of {event} stood out.",
    ),
    "solid": (
        "{first} had a solid quarter and handled {event} well.",
        "A good, steady quarter, {first}, with clear progress in a few areas.",
        "{first} met expectations across the board and took on more complex tickets.",
        "A dependable quarter: {first} delivered what the team needed during {event}.",
        "{first} did good work this quarter and is growing more confident with {system}.",
    ),
    "low": (
        "It was a difficult quarter, {first}, and {event} showed some gaps we will work on "
        "together.",
        "{first} is still finding their feet in parts of the role; we agreed a clear plan below.",
        "A mixed quarter for {first}: good moments, but the areas below need attention before "
        "the next review.",
    ),
}

SUMMARY_CLOSINGS = (
    "Let's follow up on the action items at our monthly one-to-one.",
    "Thank you for your work this quarter.",
    "I'd like to see you take the lead on one knowledge base topic next quarter.",
    "We'll look at progress on the actions at the start of the next cycle.",
    "Keep going: the trend is good.",
    "Please come to me early if the workload gets too much.",
    "Thanks for the honest self-assessment; it made the conversation easy.",
)

# Added to Service Desk summaries once the plain-language workshop has taken place.
TRAINING_REMARKS = (
    "The plain-language workshop is showing in your ticket replies.",
    "Since the plain-language workshop, customer feedback on your explanations has improved.",
    "You have put the plain-language workshop into practice better than most.",
)

# Added to Student & Staff Services summaries in the enrolment quarter.
BUSY_REMARKS = (
    "Enrolment week stretched everyone; this quarter's dips reflect the workload more than "
    "your ability.",
    "The queue during enrolment week was the longest we have had; thank you for staying with it.",
    "We were short-staffed for enrolment; I have asked for two temporary advisors next year.",
)

# The closing section of a review: what the employee suggests for the team's work.
SUGGESTIONS = {
    "service_desk": (
        "Could we pin a list of known issues in the team channel during incidents?",
        "A second person on chat over lunch would stop the queue from building up.",
        "It would help to hear from second line before changes go live, not after.",
        "We should review the top ten ticket categories each quarter and improve their articles.",
    ),
    "app_support": (
        "We need a test environment that matches production more closely.",
        "First line would escalate better if we told them why a ticket was sent back.",
        "Could we keep one afternoon a month for fixing recurring problems instead of tickets?",
        "Updates of the study information system should avoid the first week of term.",
    ),
    "student_services": (
        "A shared calendar of enrolment deadlines would help us plan staffing.",
        "Clearer signs at the counter about which documents to bring would save time.",
        "We could remind new students to activate their accounts before term starts.",
        "Printed instructions for the most common account questions at the counter would help.",
    ),
    "field_network": (
        "We need an easy way to see which classrooms are in use before we start maintenance.",
        "Spare parts should be checked monthly, not when something runs out.",
        "Tickets should have the room number as a required field.",
        "A shared van schedule between campuses would cut travel time.",
    ),
}

EMPLOYEE_COMMENTS = (
    "Thank you, this is a fair summary. I'm looking forward to the workshop.",
    "Agreed on the action items. I'd like to revisit the callback target once the new phone "
    "system is in.",
    "Thanks, I found the conversation useful, especially the part about escalating sooner.",
    "Fair review. I would add that the late shifts were hard this quarter.",
    "Thanks for the feedback; I'll start with the queue routine this week.",
    "Thank you. Could we also plan some time for me to learn {system} in more depth?",
)

DISAGREEMENTS = (
    "I do not agree with the rating for '{competency}'. The examples we discussed were from "
    "one very busy week during {event}, not the whole quarter. I'd like to look at it again "
    "at our next one-to-one.",
    "I think the rating for '{competency}' is too low: the customer feedback I received this "
    "quarter says otherwise, and I have forwarded it to you.",
)

PRIVATE_NOTES = (
    "Mentioned interest in a second-line role; revisit in spring.",
    "Workload has been high; watch for signs of burnout.",
    "Asked about moving to part-time next year.",
    "Strong candidate for senior analyst when a position opens.",
    "Had two very difficult calls this quarter; offered the employee assistance programme.",
    "Check in about the late-shift pattern next month.",
)
