"""Who works at the demo help desk and what happened there: teams, people, the framework's
history and the quarter-by-quarter context that review texts refer to. Pure data; the
builders in this package turn it into rows."""

from typing import NamedTuple

PASSWORD = "rapport-demo"
RANDOM_SEED = 2026
CYCLE_COUNT = 8

# Indexes into the 8 past quarters, oldest first.
RETIRE_PHONE_AT = 3  # "Telephone and chat manner" folded into communication from this cycle
ADD_SECURITY_AT = 5  # "Identity checks" added after the phishing wave, from this cycle
TRAINING_AT = 3  # the Service Desk's plain-language workshop shows from this cycle
MOVE_AT = 4  # the person who moved from first to second line has the new manager from here


class TeamSpec(NamedTuple):
    key: str
    name: str
    description: str
    system: str  # what "the system" means in this team's review texts


TEAMS = [
    TeamSpec(
        "service_desk",
        "Service Desk",
        "First line: phone, chat, e-mail and the walk-in counter. Logs every request and "
        "solves or routes it.",
        "the ticketing system",
    ),
    TeamSpec(
        "app_support",
        "Application Support",
        "Second line for the study information system, the learning platform, e-mail and the "
        "finance and HR systems.",
        "the study information system",
    ),
    TeamSpec(
        "student_services",
        "Student & Staff Services",
        "Accounts, access cards and onboarding of new staff and students; runs enrolment week.",
        "the enrolment portal",
    ),
    TeamSpec(
        "field_network",
        "Field & Network Support",
        "Desk-side visits, classroom audio-visual, printers, Wi-Fi and the campus network.",
        "the network monitoring tools",
    ),
]


class PersonSpec(NamedTuple):
    team: str | None
    name: str
    title: str
    locale: str = "en"
    role: str = "staff"  # staff, manager, leader or admin
    email: str | None = None  # default: firstname.lastname@example.com, ASCII-folded
    joined: int | None = None  # index of the first cycle they worked in (None: before all)
    left_after: int | None = None  # index of the last cycle before they left
    moved_from: str | None = None  # team they worked in before MOVE_AT


PEOPLE = [
    PersonSpec(
        None, "Helena Rebane", "Head of IT Services", role="leader", email="leader@example.com"
    ),
    PersonSpec(
        None, "Tomaž Zupan", "IT systems administrator", role="admin", email="admin@example.com"
    ),
    # Managers (one per team, reporting to the head of IT services).
    PersonSpec(
        "service_desk",
        "Marko Horvat",
        "Service Desk team lead",
        role="manager",
        email="manager@example.com",
    ),
    PersonSpec("app_support", "Katrin Tamm", "Application Support lead", "et", role="manager"),
    PersonSpec(
        "student_services",
        "Nina Kralj",
        "Student & Staff Services coordinator",
        "sl",
        role="manager",
    ),
    PersonSpec("field_network", "Daniel O'Brien", "Field & Network Support lead", role="manager"),
    # Service Desk
    PersonSpec("service_desk", "Sara Lind", "Service desk analyst", email="staff@example.com"),
    PersonSpec("service_desk", "Kertu Mägi", "Service desk analyst", "et"),
    PersonSpec("service_desk", "Jure Kos", "Service desk analyst", "sl"),
    PersonSpec("service_desk", "Priya Nair", "Service desk analyst"),
    PersonSpec("service_desk", "Rasmus Lepp", "Senior service desk analyst", "et"),
    PersonSpec("service_desk", "Eva Novak", "Service desk analyst"),
    PersonSpec("service_desk", "Liam Walsh", "Service desk analyst", joined=6),
    PersonSpec("service_desk", "Triin Kivi", "Service desk analyst"),
    PersonSpec("service_desk", "Ana Petrović", "Service desk analyst"),
    PersonSpec("service_desk", "Mihkel Oja", "Service desk analyst", "et", left_after=5),
    # Application Support
    PersonSpec("app_support", "Tanel Sepp", "Application support specialist", "et"),
    PersonSpec("app_support", "Maja Zupančič", "Application support specialist", "sl"),
    PersonSpec("app_support", "Omar Haddad", "Senior application support specialist"),
    PersonSpec(
        "app_support", "Luka Vidmar", "Application support specialist", moved_from="service_desk"
    ),
    PersonSpec("app_support", "Grete Luik", "Learning platform administrator"),
    PersonSpec("app_support", "Wei Chen", "Application support specialist"),
    PersonSpec("app_support", "Urška Golob", "Business systems analyst", "sl"),
    PersonSpec("app_support", "Siim Kukk", "Application support specialist", joined=2),
    # Student & Staff Services
    PersonSpec("student_services", "Liis Pärn", "Student services advisor", "et"),
    PersonSpec("student_services", "Tina Mlakar", "Student services advisor"),
    PersonSpec("student_services", "Emma Fischer", "Staff onboarding coordinator"),
    PersonSpec("student_services", "Peeter Raud", "Accounts and access officer"),
    PersonSpec("student_services", "Nejc Kavčič", "Accounts and access officer", "sl"),
    PersonSpec("student_services", "Amira Hassan", "Student services advisor"),
    PersonSpec("student_services", "Kristiina Vaher", "Student services advisor", joined=3),
    PersonSpec("student_services", "Rok Kovačič", "Student services advisor"),
    PersonSpec("student_services", "Olivia Brown", "Student services advisor"),
    # Field & Network Support
    PersonSpec("field_network", "Janek Ilves", "Field support technician", "et"),
    PersonSpec("field_network", "Blaž Korošec", "Network technician", "sl"),
    PersonSpec("field_network", "Aleksandr Volkov", "Senior network engineer"),
    PersonSpec("field_network", "Märt Kallas", "Field support technician"),
    PersonSpec("field_network", "Gregor Hribar", "Audio-visual technician"),
    PersonSpec("field_network", "Jonas Berg", "Field support technician"),
    PersonSpec("field_network", "Ines Costa", "Field support technician", joined=4),
    PersonSpec("field_network", "Kaspar Laur", "Network technician", "et"),
    PersonSpec("field_network", "Žiga Potočnik", "Field support technician"),
]

# The four accounts named in the README, by the key the builders use.
FIXED_ACCOUNTS = {
    "admin": "admin@example.com",
    "leader": "leader@example.com",
    "manager": "manager@example.com",
    "staff": "staff@example.com",
}

ROLES_BY_KIND = {
    "leader": {"leadership", "staff"},
    "admin": {"admin", "staff"},
    "manager": {"manager", "staff"},
    "staff": {"staff"},
}

# Short keys for the competencies, by name. The first eight are the defaults.
COMPETENCY_KEYS = {
    "Clear and concise communication": "clear",
    "Active listening and clarifying questions": "listening",
    "Explaining in the customer's words": "explaining",
    "Knowledge of information and procedures": "knowledge",
    "Problem solving and handling difficult situations": "problem",
    "Teamwork and supporting colleagues": "teamwork",
    "Respect and professionalism": "respect",
    "Reliability and follow-through": "reliability",
    "Telephone and chat manner": "phone",
    "Identity checks and security awareness": "security",
}

# Added and retired during the demo's history; texts per language as in the defaults
# (reviews/services/reviews/defaults.py).
PHONE_COMPETENCY = {
    "en": (
        "Telephone and chat manner",
        "Sounds friendly and steady on the phone and in chat, and manages holds and hand-offs "
        "well.",
        "Introduces themselves; says why and how long before putting a caller on hold.",
    ),
    "et": (
        "Käitumine telefonis ja vestluses",
        "Kõlab telefonis ja vestluses sõbralikult ja kindlalt ning oskab kõne ootele panna ja "
        "edasi suunata.",
        "Tutvustab ennast; ütleb enne helistaja ootele panemist, miks ja kui kauaks.",
    ),
    "sl": (
        "Vedenje po telefonu in v klepetu",
        "Po telefonu in v klepetu deluje prijazno in umirjeno ter spretno uporablja čakanje "
        "in predajo klica.",
        "Se predstavi; preden klicatelja postavi na čakanje, pove, zakaj in za koliko časa.",
    ),
}
SECURITY_COMPETENCY = {
    "en": (
        "Identity checks and security awareness",
        "Verifies identity before any account change and recognises social-engineering attempts.",
        "Never skips the identity check for a reset; reports phishing quickly; logs every check.",
    ),
    "et": (
        "Isikutuvastus ja turvateadlikkus",
        "Tuvastab isiku enne iga kontomuudatust ja tunneb ära sotsiaalse manipuleerimise katsed.",
        "Ei jäta parooli lähtestamisel isikutuvastust kunagi vahele; teatab õngitsuskirjadest "
        "kiiresti; logib iga kontrolli.",
    ),
    "sl": (
        "Preverjanje identitete in varnostna ozaveščenost",
        "Pred vsako spremembo računa preveri identiteto in prepozna poskuse socialnega "
        "inženiringa.",
        "Pri ponastavitvi gesla nikoli ne izpusti preverjanja identitete; lažna sporočila "
        "(phishing) hitro prijavi; vsako preverjanje zabeleži.",
    ),
}

# How each team tends to score per competency, relative to the desk as a whole.
TEAM_PROFILE = {
    "service_desk": {"listening": 0.2, "explaining": -0.35, "phone": 0.3, "reliability": 0.1},
    "app_support": {"knowledge": 0.45, "problem": 0.3, "explaining": -0.25, "clear": -0.2},
    "student_services": {"respect": 0.3, "explaining": 0.3, "knowledge": -0.1, "security": 0.2},
    "field_network": {"teamwork": 0.3, "problem": 0.2, "explaining": -0.35, "clear": -0.2},
}

# What happened in a quarter (by quarter number, alternating by year), for review texts.
QUARTER_EVENTS = {
    1: ("the January password-expiry wave", "the phishing wave after New Year"),
    2: ("exam season", "the MFA roll-out"),
    3: ("enrolment week", "the start of the academic year"),
    4: ("the Windows 11 roll-out", "the end-of-year laptop refresh"),
}

CALLERS = (
    "a lecturer",
    "a new student",
    "the finance office",
    "a visiting researcher",
    "a head of department",
    "an exchange student",
    "a retired professor",
)
