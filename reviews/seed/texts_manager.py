"""What managers write, by competency key: strength and improvement notes, short rating
comments and the action items they agree. Same placeholders as ``texts_self`` plus {first}
(the employee's first name)."""

MANAGER_STRENGTHS = {
    "clear": (
        "Your ticket updates are clear and short; customers rarely need to ask what happens next.",
        "The incident summaries you wrote during {event} were exactly what the team needed.",
        "Your handover notes are a model for the rest of the team.",
    ),
    "listening": (
        "You listen to the whole problem before acting and confirm it back to the caller.",
        "Your clarifying questions often find the real issue on the first call.",
        "Callers mention in their feedback that you take time to understand them.",
    ),
    "explaining": (
        "You explain fixes in plain words and check that the customer can follow.",
        "Your plain-language guide for {system} is now used by the whole team.",
        "Customers who are not confident with computers respond well to how you explain things.",
    ),
    "knowledge": (
        "You know our procedures well and keep the knowledge base up to date.",
        "Colleagues come to you with questions about {system}, and your answers are reliable.",
        "You were well prepared for {event} and briefed the others on the changes.",
    ),
    "problem": (
        "You stay calm with difficult callers and steer them towards a solution.",
        "You spotted the pattern behind several tickets during {event} and raised the incident "
        "early.",
        "Your troubleshooting is methodical and your notes show what you have ruled out.",
    ),
    "teamwork": (
        "You are generous with your time and help colleagues whenever they are stuck.",
        "You helped {colleague} find their feet with {system}; that made a real difference.",
        "You stepped in with extra shifts during {event} without being asked.",
    ),
    "respect": (
        "You stay courteous and professional even with callers who are rude.",
        "You recognise colleagues' help openly, which lifts the whole team.",
        "You treat every customer with the same care, whoever they are.",
    ),
    "reliability": (
        "You do what you promise: callbacks happen and tickets are kept up to date.",
        "Your SLA results were excellent this quarter, even through {event}.",
        "You follow up after fixes, and customers notice it.",
    ),
    "phone": (
        "Your phone manner is warm and steady, even at the end of a long shift.",
        "You manage two chats at once without customers waiting noticeably.",
        "You summarise the next steps clearly at the end of every call.",
    ),
    "security": (
        "You never skip the identity check, even when the caller puts you under pressure.",
        "You reported the phishing attempts you saw quickly and clearly.",
        "You explain the identity check to callers in a way that keeps them on side.",
    ),
}

MANAGER_IMPROVEMENTS = {
    "clear": (
        "Get to the point sooner in e-mails: the answer belongs in the first two lines.",
        "Handover notes need the ticket number and the next step every time.",
        "In escalations, say what you have already tried so second line does not repeat it.",
    ),
    "listening": (
        "Ask one more question before you start fixing: a few tickets were solved for the wrong "
        "problem.",
        "On busy days you jump to the solution; slow down for the first minute of the call.",
        "Let callers finish their explanation; in the call reviews you interrupted a few times.",
    ),
    "explaining": (
        "Avoid internal terms with customers: say 'the login page', not 'the SSO portal'.",
        "Slow down when explaining steps on the phone and check understanding after each one.",
        "When something is not possible, explain why and offer what we can do instead.",
    ),
    "knowledge": (
        "Take time to learn the newer parts of {system}; some escalations could have been solved "
        "on the first contact.",
        "Check the knowledge base before answering from memory: two answers were out of date.",
        "Read the release notes before each update so the changes do not take you by surprise.",
    ),
    "problem": (
        "Escalate sooner when you are stuck: give yourself twenty minutes on one problem.",
        "After a difficult call, take a short break before the next one, and talk to me if it "
        "keeps happening.",
        "Write your troubleshooting steps into the ticket so others can pick it up.",
    ),
    "teamwork": (
        "Share what you learn: write up your fixes so they do not live only in your head.",
        "Ask for help earlier; the team would rather help than see a ticket stall.",
        "Join the weekly knowledge share; your experience would help the newer colleagues.",
    ),
    "respect": (
        "Watch your tone at the end of long shifts; two callers described you as short.",
        "Raise frustrations with other teams with me or with them directly, not in the office.",
        "Be patient with repeat callers; they are often the ones who need us most.",
    ),
    "reliability": (
        "Review your open queue at the start and end of every shift: some tickets went a week "
        "without an update.",
        "Only promise callback times you can keep; give a range when the queue is long.",
        "Chase tickets that wait for the customer after three days, then close them with a note.",
    ),
    "phone": (
        "Tell callers why you put them on hold and for how long.",
        "Add a little warmth to chat replies; some of them read as abrupt.",
        "Work on closing long calls politely once the issue is solved.",
    ),
    "security": (
        "Record the identity check in the ticket every time; a few resets had no record of it.",
        "Be firmer when a caller cannot pass the identity check: offer the in-person route.",
        "Complete the social-engineering module on the learning platform.",
    ),
}

RATING_COMMENTS_HIGH = {
    "clear": ("Clear, short updates all quarter.", "Incident summaries were excellent."),
    "listening": ("Confirms the problem before acting.", "Strong clarifying questions."),
    "explaining": ("Plain, jargon-free explanations.", "Customers follow the steps first time."),
    "knowledge": ("Go-to person for procedure questions.", "Kept the knowledge base current."),
    "problem": ("Calm and methodical under pressure.", "Raised the incident early in {event}."),
    "teamwork": ("Always helping colleagues.", "Took on extra shifts during {event}."),
    "respect": ("Courteous in every call we reviewed.", "Credits colleagues generously."),
    "reliability": ("All callbacks made, tickets up to date.", "Excellent SLA record."),
    "phone": ("Warm, steady phone manner.", "Handles parallel chats well."),
    "security": ("Identity checks always done and logged.", "Reports phishing quickly."),
}

RATING_COMMENTS_LOW = {
    "clear": ("E-mails still too long to act on.", "Handover notes often incomplete."),
    "listening": ("Some tickets solved for the wrong problem.", "Interrupts on busy days."),
    "explaining": ("Still too much jargon with customers.", "Explains too fast on the phone."),
    "knowledge": ("Escalates things that are in the KB.", "Behind on recent {system} changes."),
    "problem": ("Stays stuck too long before escalating.", "Difficult calls knock confidence."),
    "teamwork": ("Rarely shares fixes with the team.", "Works alone too long before asking."),
    "respect": ("Tone slipped with a few callers.", "Complaints about other teams in the office."),
    "reliability": ("Tickets left without updates for a week.", "Missed promised callbacks."),
    "phone": ("Puts callers on hold without explanation.", "Chat replies read as abrupt."),
    "security": ("Identity checks not logged.", "Needs to be firmer when a check fails."),
}

# (kind, owner: "employee" or "manager", description) agreed for an improvement area.
ACTIONS = {
    "clear": (
        ("coaching", "manager", "Review three of {first}'s ticket updates together each month."),
        ("training", "employee", "Complete the 'Writing for customers' course."),
    ),
    "listening": (
        ("coaching", "manager", "Listen to two recorded calls together and mark the questions."),
        ("training", "employee", "Attend the active-listening workshop run by HR."),
    ),
    "explaining": (
        ("training", "employee", "Attend the plain-language workshop."),
        (
            "other",
            "employee",
            "Rewrite two KB articles in plain language; test with a non-IT colleague.",
        ),
    ),
    "knowledge": (
        ("training", "employee", "Work through the {system} release notes with {colleague}."),
        ("support", "manager", "Book two shadowing sessions with second line."),
    ),
    "problem": (
        ("coaching", "manager", "Agree a twenty-minute rule for escalating; review in a month."),
        ("support", "manager", "Offer a debrief with the lead on duty after abusive calls."),
    ),
    "teamwork": (
        ("other", "employee", "Present one fix at the Tuesday knowledge share."),
        ("support", "manager", "Pair {first} with {colleague} for next quarter's onboarding."),
    ),
    "respect": (
        (
            "coaching",
            "manager",
            "Talk through two difficult calls and agree de-escalation phrases.",
        ),
        ("training", "employee", "Complete the customer-care refresher."),
    ),
    "reliability": (
        ("other", "employee", "Review the open queue at the start and end of each shift."),
        ("support", "manager", "Set up a saved search for tickets without an update in 3 days."),
    ),
    "phone": (
        ("training", "employee", "Complete the telephone and chat etiquette refresher."),
        ("coaching", "manager", "Sit in on a live phone shift and give feedback."),
    ),
    "security": (
        ("training", "employee", "Complete the social-engineering awareness module."),
        ("coaching", "manager", "Role-play three difficult identity-check calls."),
    ),
}

# For strong performers: stretch goals rather than fixes.
GROWTH_ACTIONS = (
    ("other", "employee", "Lead the quarterly knowledge base review for {system}."),
    ("training", "employee", "Take the ITIL 4 Foundation course."),
    ("other", "employee", "Mentor {colleague} through their first escalations."),
    ("support", "manager", "Put {first} forward for the senior analyst development track."),
)
