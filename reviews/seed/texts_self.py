"""Sentences an employee writes about themselves, by competency key. Placeholders: {event}
(what happened that quarter), {system} (the team's main system), {colleague} (a teammate's
first name), {caller} (a kind of customer)."""

SELF_STRENGTHS = {
    "clear": (
        "My ticket updates are short and say what happens next, so customers rarely ask again.",
        "During {event} I wrote the morning handover summaries and people said they were easy "
        "to follow.",
        "I keep my chat replies to the point and end each one with a clear next step.",
    ),
    "listening": (
        "I let callers finish before I start troubleshooting and repeat the problem back.",
        "I ask what changed before the problem started, which saved me a lot of time during "
        "{event}.",
        "Customers often tell me they felt heard, even when I could not fix it on the first call.",
    ),
    "explaining": (
        "I explain the steps in the words the customer uses instead of our internal terms.",
        "I wrote plain-language instructions for {system} that colleagues now send to customers.",
        "I check that the customer can repeat the steps back before I close the call.",
    ),
    "knowledge": (
        "I know the escalation procedure well and colleagues often check things with me.",
        "I kept up with the changes to {system} and updated several knowledge base articles.",
        "I read the release notes before each update, which helped a lot during {event}.",
    ),
    "problem": (
        "I stayed calm with some very frustrated callers during {event} and got most of them "
        "to a working solution.",
        "I isolate faults step by step instead of guessing, and I note what I have ruled out.",
        "I noticed early that several tickets had the same cause and raised it as an incident.",
    ),
    "teamwork": (
        "I answer colleagues' questions in the team chat quickly, even on busy days.",
        "I helped {colleague} get up to speed on {system} and wrote notes for the rest of us.",
        "I covered extra shifts during {event} so the queue stayed under control.",
    ),
    "respect": (
        "I stay courteous even when callers are rude, and I do not take it out on colleagues.",
        "I make a point of thanking colleagues in the channel when they help me out.",
        "I treat every request as important, whether it comes from a student or a professor.",
    ),
    "reliability": (
        "I call back when I say I will and keep my tickets up to date.",
        "I closed almost all my tickets within the SLA this quarter, even during {event}.",
        "I follow up with customers a day after a fix to check it still works.",
    ),
    "phone": (
        "I keep a friendly, steady tone on the phone even at the end of a long shift.",
        "I can handle two chats at once without customers noticing a delay.",
        "I introduce myself and summarise the next steps at the end of every call.",
    ),
    "security": (
        "I always verify identity before a password or MFA reset, even when the caller is "
        "in a hurry.",
        "I spotted and reported phishing e-mails that had been forwarded to us as normal requests.",
        "I explain to callers why we ask the security questions, so they are less annoyed.",
    ),
}

SELF_IMPROVEMENTS = {
    "clear": (
        "I still write long e-mails when I am unsure; the answer should be in the first lines.",
        "My handover notes are sometimes too brief for the next shift to act on.",
        "When a caller is upset I over-explain instead of saying clearly what I will do.",
    ),
    "listening": (
        "On busy days I jump to a solution before I have asked enough questions.",
        "I want to get better at hearing what the caller needs behind their first question.",
        "I sometimes interrupt {caller} when I think I already know the answer.",
    ),
    "explaining": (
        "I still slip into jargon like 'SSO' and 'cache' with people who do not know the words.",
        "I want to explain better why something is not possible, not only that it is not.",
        "On the phone I go too fast for people who are not confident with computers.",
    ),
    "knowledge": (
        "I need to learn the newer parts of {system}; I escalate some things I could solve.",
        "I do not always check the knowledge base first, and sometimes my answer is outdated.",
        "I want to understand the policies behind account requests, not just the steps.",
    ),
    "problem": (
        "I take difficult calls personally and it stays with me for the rest of the shift.",
        "I sometimes keep trying on my own for too long before I escalate.",
        "I want a more structured way to troubleshoot problems I have never seen before.",
    ),
    "teamwork": (
        "I should share what I learn more; several fixes I found are only in my head.",
        "I could ask for help earlier instead of waiting until I am completely stuck.",
        "I want to give colleagues more feedback on the escalations they send me.",
    ),
    "respect": (
        "When I am tired I can sound impatient on the phone; I want to notice that sooner.",
        "I sometimes complain about other teams in the open office, which does not help.",
        "I want to be more patient with repeat callers who have not followed the instructions.",
    ),
    "reliability": (
        "A few of my tickets waited too long without an update; I need a routine for my queue.",
        "I promise callback times that I cannot always keep when the queue gets long.",
        "I leave some tickets in 'waiting for customer' for too long without chasing them.",
    ),
    "phone": (
        "I put people on hold without telling them why or for how long.",
        "My chat replies can sound abrupt; I want to add a little more warmth.",
        "I need to get better at ending long calls politely.",
    ),
    "security": (
        "I need to be more confident saying no when a caller cannot pass the identity check.",
        "I want to learn to recognise social-engineering attempts on the phone better.",
        "I sometimes forget to record the identity check in the ticket.",
    ),
}

# For people with nothing below "meets expectations": what they want to grow into.
SELF_GROWTH = (
    "I would like to take on more second-line work and learn {system} in more depth.",
    "I want to start mentoring newer colleagues in a more structured way.",
    "I'd like to lead one improvement project next quarter instead of only joining in.",
    "I want to get the ITIL Foundation certificate this year.",
)
