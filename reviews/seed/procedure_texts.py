"""The demo's procedures: what a university IT help desk asks its people to read and
confirm. Each is written in one language (the language its owner works in), most in
English, one in Estonian, one in Slovenian. Each version: (days ago published, what changed,
title, body); ``teams`` none means everyone; ``owner`` a team key (its manager) or "leader"."""

from typing import NamedTuple


class Version(NamedTuple):
    days_ago: int
    change_note: str
    title: str
    body: str


class ProcedureSpec(NamedTuple):
    owner: str
    teams: tuple[str, ...]
    versions: tuple[Version, ...]
    draft: str = ""  # a working copy not yet published (the body of the next version)


_RESET_V1 = """Before resetting any password, make sure the caller is the account holder.

1. Ask for their **university username** and **date of birth**.
2. Look them up in the identity system and compare both.
3. If either does not match, do not reset: offer a visit to the counter with photo ID.
4. Log the check in the ticket (never the date of birth itself).

> Never reset a password because the caller sounds urgent or senior."""

_RESET_V2 = _RESET_V1.replace(
    "3. If either",
    "3. **Staff accounts:** call them back on the phone number in the HR system, never on a "
    "number they give you.\n4. If either",
).replace("4. Log the check", "5. Log the check")

_RESET_V3 = _RESET_V2.replace(
    "1. Ask for their",
    "1. **Students** may verify with the university ID app: ask them to read out the "
    "six-digit code and check it in the identity system. Otherwise, ask for their",
)

_ESCALATE_V1 = """Escalate to second line when first line cannot solve a ticket within
**30 minutes** of working time, or at once when it needs rights we do not have.

- Choose the right queue: *Applications*, *Network*, or *Accounts & Access*.
- Write what you tried and what happened, with screenshots or error text.
- Set the priority from the impact table, not from how upset the customer is.
- Tell the customer who has the ticket now and when they will hear back.

| Priority | Second-line response |
|---|---|
| P1 | 30 minutes |
| P2 | 1 working day |
| P3 | 3 working days |"""

_ESCALATE_V2 = _ESCALATE_V1.replace("| P2 | 1 working day |", "| P2 | 4 working hours |")

_ANGRY_V1 = """When a caller is angry or distressed:

1. **Let them finish.** Do not interrupt, even to correct a detail.
2. Say back what you heard: *"So since Monday you cannot print your thesis, and the deadline is tomorrow."*
3. Acknowledge the feeling, not the blame: *"I understand this is stressful."*
4. Say what you **will** do and by when. Never promise what you cannot control.
5. If the caller becomes abusive, warn once calmly; if it continues, end the call politely and log it.

After a difficult call, take five minutes away from the queue. Tell your team lead."""

_ANGRY_V2 = (
    _ANGRY_V1
    + """

**New:** if a caller mentions harming themselves or others, stay on the line, keep them
talking and ask a colleague to call the campus security number (shown on the desk
screen). Do not transfer the call."""
)

_GDPR_V1 = """Anyone may ask what personal data the university holds about them, or ask
for it to be corrected or deleted.

- Do **not** answer the request yourself, and do not confirm what data we hold.
- Log a ticket in the *Data protection* queue with the person's name and contact details
  and the exact wording of the request.
- Tell the person the data protection officer will answer within **one month**.
- Never send personal data by e-mail to an address that is not on file."""

_GDPR_V2 = _GDPR_V1.replace(
    "- Never send",
    "- A request made on someone else's behalf (a parent, a lawyer) needs written consent: "
    "log it anyway and say so in the ticket.\n- Never send",
)

_MAJOR_V1 = """A **major incident** is one that stops many people working: e-mail,
the learning platform, Wi-Fi in a building, or sign-in.

1. The first person who sees three or more tickets about the same thing tells the shift lead.
2. The shift lead declares the incident and posts on the status page within **15 minutes**.
3. Add every new ticket to the parent incident; do not solve them one by one.
4. Updates every **30 minutes** on the status page, even if nothing has changed.
5. When it is solved, close the children with the same message and write a short summary."""

_MAJOR_V2 = _MAJOR_V1.replace(
    "2. The shift lead declares",
    "2. The shift lead declares the incident, records an announcement on the phone line and",
).replace("and posts on the status page", "posts on the status page")

_HANDOVER_ET = """Vahetuse lõpus ei jää ükski pooleli kõne ega vestlus omanikuta.

1. **15 minutit enne** vahetuse lõppu ära võta uusi vestlusi, kui järjekorras on kolleeg.
2. Iga lahtise pileti juurde kirjuta, mis on tehtud ja mis on järgmine samm.
3. Anna pooleli vestlused üle nimeliselt: *„Mari, võtad palun üle vestluse 4521?“*
4. Kliendile ütle, kes temaga edasi tegeleb.

Kui keegi ei saa üle võtta, jää vestlus lõpetama ja märgi ületund tabelisse."""

_LOST_SL = """Izgubljeno in najdeno opremo (prenosnike, polnilce, ključke USB) sprejmemo na
okencu in jo hranimo **30 dni**.

1. Opremo označite z datumom, krajem najdbe in številko zahtevka.
2. Naprave **ne vklapljajte** in ne iščite lastnika po vsebini.
3. Lastnik opremo prevzame z osebnim dokumentom; prevzem zabeležite v zahtevku.
4. Po 30 dneh opremo predajte skrbniku inventarja; podatke na njej varno izbrišemo."""

PROCEDURES = [
    ProcedureSpec(
        "service_desk",
        ("service_desk", "student_services"),
        (
            Version(420, "", "Password reset: verifying the caller's identity", _RESET_V1),
            Version(
                130,
                "Staff accounts: call back on the number in the HR system.",
                "Password reset: verifying the caller's identity",
                _RESET_V2,
            ),
            Version(
                20,
                "Students can now verify with the university ID app.",
                "Password reset: verifying the caller's identity",
                _RESET_V3,
            ),
        ),
    ),
    ProcedureSpec(
        "service_desk",
        ("service_desk",),
        (
            Version(400, "", "Escalating a ticket to second line", _ESCALATE_V1),
            Version(
                95,
                "P2 tickets now get a second-line response within 4 working hours.",
                "Escalating a ticket to second line",
                _ESCALATE_V2,
            ),
        ),
    ),
    ProcedureSpec(
        "leader",
        (),
        (
            Version(380, "", "Handling an angry or distressed caller", _ANGRY_V1),
            Version(
                11,
                "New: what to do when a caller mentions harming themselves or others.",
                "Handling an angry or distressed caller",
                _ANGRY_V2,
            ),
        ),
    ),
    ProcedureSpec(
        "leader",
        (),
        (
            Version(360, "", "Personal data requests (GDPR)", _GDPR_V1),
            Version(
                100,
                "Requests made on someone else's behalf need written consent.",
                "Personal data requests (GDPR)",
                _GDPR_V2,
            ),
        ),
    ),
    ProcedureSpec(
        "service_desk",
        ("service_desk", "app_support", "field_network"),
        (
            Version(330, "", "Major incident communication", _MAJOR_V1),
            Version(
                45,
                "The shift lead also records an announcement on the phone line.",
                "Major incident communication",
                _MAJOR_V2,
            ),
        ),
        draft=_MAJOR_V2 + "\n\n6. Within two working days, share the summary with every team lead.",
    ),
    ProcedureSpec(
        "service_desk",
        ("service_desk",),
        (Version(265, "", "Kõnede ja vestluste üleandmine vahetuse lõpus", _HANDOVER_ET),),
    ),
    ProcedureSpec(
        "student_services",
        ("student_services", "field_network"),
        (Version(150, "", "Izgubljena in najdena oprema", _LOST_SL),),
    ),
]

DRAFT = (
    "field_network",
    ("field_network",),
    "Lending loan laptops to visiting staff",
    """Loan laptops are for staff visiting from other universities, for up to **five days**.

1. Check the visit is booked in the visitor register.
2. Record the laptop's asset tag and the borrower's name and e-mail.
3. Sign them in to the guest account only.""",
)
