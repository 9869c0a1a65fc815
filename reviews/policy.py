"""Who may use each route of Rapport, and on which objects: the access policy as data.

``POLICY`` maps every endpoint of the app to a ``Policy``: the roles that may use it at all
and, for a route that names an object (a review, an idea, a team ...), which of those objects
each role may reach, by the object's relation to the person asking:

- ``OWN``: theirs — their own review (as its employee), an idea they wrote for a team they
  do not manage, their notification, their report export, their follow link; themselves;
  a cycle with a review of theirs;
- ``MANAGED``: in their charge — a review they write (as its manager), an idea or a report
  team of a team whose staff they manage;
- ``OTHER``: neither.

A role that may not use a page gets 403 (anonymous visitors are sent to sign in); an object
out of reach gets 404 — or 403 where the person may see it but not act on it. ``silent``
routes answer the same whatever the object, and leave one out of reach untouched.

The table is the statement of intent; the checks themselves stay in ``reviews.access`` and
the views. ``tests/test_access_policy.py`` proves the two agree: it fails for a route missing
here, and tries every route as every role on their own and someone else's objects. Reach is
the most a role gets: some pages also depend on the object's state (a comparison needs both
sides submitted) and say no earlier. Add a row here with every new route."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from types import MappingProxyType

ANONYMOUS = "anonymous"  # the role of a visitor who has not signed in
OWN, MANAGED, OTHER = "own", "managed", "other"
RELATIONS = (OWN, MANAGED, OTHER)

NOBODY: frozenset[str] = frozenset()
ADMINS = frozenset({"admin"})
LEADERS = frozenset({"leadership", "admin"})
MANAGERS = frozenset({"manager"}) | LEADERS
SIGNED_IN = frozenset({"staff"}) | MANAGERS
PUBLIC = frozenset({ANONYMOUS}) | SIGNED_IN

# The objects a URL names, by the name of its argument; other arguments (a chart's name, a
# file format, a static file) name no one's data.
URL_OBJECTS = MappingProxyType(
    {
        "review_id": "review",
        "cycle_id": "cycle",
        "idea_id": "idea",
        "token": "follow link",
        "note_id": "notification",
        "export_id": "report export",
        "user_id": "person",
        "team_id": "team",
        "competency_id": "competency",
        "mail_id": "e-mail",
        "recognition_id": "recognition",
        "procedure_id": "procedure",
        "record_id": "training record",
        "item_id": "action item",
        "import_id": "people import",
    }
)
REPORT_TEAM = "report team"  # a chart's or a cycle report's team: ?team= or the form's team


@dataclass(frozen=True)
class Policy:
    """``roles`` may use the route; on a route about an ``obj``, ``reach`` says which roles
    reach an object of each relation (``scope`` says it in words)."""

    roles: frozenset[str]
    scope: str = ""
    obj: str | None = None
    reach: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    silent: bool = False

    def allows(self, roles: Iterable[str], relation: str | None = None) -> bool:
        """Whether someone holding ``roles`` (none: not signed in) may use the route on an
        object of ``relation``."""
        held = set(roles) or {ANONYMOUS}
        if not held & self.roles:
            return False
        if self.obj is None:
            return True
        return bool(held & self.reach.get(relation, NOBODY))


def page(roles: frozenset[str], scope: str = "") -> Policy:
    """A route about no one object."""
    return Policy(roles, scope)


def objects(
    obj: str,
    scope: str,
    *,
    own: frozenset[str] = NOBODY,
    managed: frozenset[str] = NOBODY,
    other: frozenset[str] = NOBODY,
    silent: bool = False,
) -> Policy:
    """A route about an ``obj``: who reaches their own, one in their charge, anyone else's."""
    reach = MappingProxyType({OWN: own, MANAGED: managed, OTHER: other})
    return Policy(own | managed | other, scope, obj, reach, silent)


def every(obj: str, roles: frozenset[str], scope: str) -> Policy:
    """A route about an ``obj`` where ``roles`` reach every one of them."""
    return objects(obj, scope, own=roles, managed=roles, other=roles)


_ADMIN_PAGES = (
    "index",
    "audit",
    "audit_csv",
    "cycles",
    "framework",
    "mail",
    "people",
    "export_people",
    "import_people",
    "teams",
    "scale",
    "data_rights",
)
_ADMIN_FORMS = (
    "new_competency",
    "new_cycle",
    "new_person",
    "new_team",
    "send_failed_mail_again",
    "invite_everyone",
)
_ADMIN_OBJECTS = {
    "deactivate_person": "person",
    "invite_person": "person",
    "reactivate_person": "person",
    "edit_person": "person",
    "edit_team": "team",
    "edit_cycle": "cycle",
    "edit_competency": "competency",
    "retire_competency": "competency",
    "restore_competency": "competency",
    "send_mail_again": "e-mail",
    "export_person": "person",
    "erase_person": "person",
    "people_import": "people import",
    "apply_people_import": "people import",
}

POLICY: MappingProxyType[str, Policy] = MappingProxyType(
    {
        # --- Public --------------------------------------------------------------------
        "auth.login": page(PUBLIC, "signed-in people are sent home"),
        "auth.forgot_password": page(PUBLIC, "answers the same whatever address is typed"),
        "auth.account_link": page(
            PUBLIC, "whoever holds an invitation or reset link: it is the key"
        ),
        "main.healthz": page(PUBLIC, "says only whether the database answers"),
        "static": page(PUBLIC, "the app's own CSS, JS and images"),
        # --- Anyone signed in, about themselves ------------------------------------------
        "main.home": page(SIGNED_IN, "their own to-dos; a team, the organisation by role"),
        "auth.account": page(SIGNED_IN, "their own account"),
        "auth.password": page(SIGNED_IN, "their own password"),
        "auth.notifications": page(SIGNED_IN, "their own e-mail choices"),
        "auth.logout": page(SIGNED_IN),
        "inbox.index": page(SIGNED_IN, "their own notifications"),
        "inbox.read_all": page(SIGNED_IN, "their own notifications"),
        "inbox.open_note": objects(
            "notification",
            "their own; another's id is ignored (nothing changes, same answer)",
            own=SIGNED_IN,
            silent=True,
        ),
        # --- Reviews and cycles ----------------------------------------------------------
        "cycles.index": page(
            SIGNED_IN, "their own reviews; the cycles for managers, leadership, admins"
        ),
        "cycles.show": objects(
            "cycle",
            "staff: a cycle with a review of theirs (sent on to it); managers: any cycle, the"
            " reviews they write; leadership and admins: every review",
            own=SIGNED_IN,
            managed=MANAGERS,
            other=MANAGERS,
        ),
        "reviews.show": objects(
            "review",
            "their own, the ones they write, every one for leadership and admins (the"
            " person's recognition messages: not for leadership, see Recognition below)",
            own=SIGNED_IN,
            managed=SIGNED_IN,
            other=LEADERS,
        ),
        "reviews.compare": objects(
            "review",
            "whoever sees both sides, once both are submitted",
            own=SIGNED_IN,
            managed=SIGNED_IN,
            other=LEADERS,
        ),
        "reviews.self_assessment": objects("review", "its employee only", own=SIGNED_IN),
        "reviews.acknowledge": objects("review", "its employee only", own=SIGNED_IN),
        "reviews.manager_assessment": objects(
            "review",
            "its manager; admins only to amend an acknowledged review",
            managed=SIGNED_IN,
            other=ADMINS,
        ),
        "reviews.share": objects("review", "its manager only", managed=SIGNED_IN),
        "reviews.meeting": objects(
            "review", "its manager only, while its cycle is open", managed=SIGNED_IN
        ),
        "reviews.reassign": every("review", ADMINS, "admins, while its cycle is open"),
        "reviews.reopen": every("review", ADMINS, "admins, while its cycle is open"),
        "cycles.open_cycle": every("cycle", ADMINS, "admins"),
        "cycles.add_people": every("cycle", ADMINS, "admins"),
        "cycles.close_cycle": every("cycle", ADMINS, "admins"),
        "cycles.reopen_cycle": every("cycle", ADMINS, "admins"),
        # --- Ideas -----------------------------------------------------------------------
        "ideas.index": page(SIGNED_IN, "every idea (an anonymous one names nobody)"),
        "ideas.implemented": page(SIGNED_IN, "every implemented idea"),
        "ideas.mine": page(SIGNED_IN, "their own ideas and the links they follow"),
        "ideas.new": page(SIGNED_IN, "submitted in their own name or anonymously"),
        "ideas.suggest": objects(
            "review", "a suggestion on their own review (its number in the form)", own=SIGNED_IN
        ),
        "ideas.submitted": page(SIGNED_IN, "their own new follow link, shown once"),
        "ideas.show": every("idea", SIGNED_IN, "every idea"),
        "ideas.support": every("idea", SIGNED_IN, "every idea (not their own: a rule)"),
        "ideas.withdraw": every("idea", SIGNED_IN, "their own support of any idea"),
        "ideas.comment": every("idea", SIGNED_IN, "every idea"),
        "ideas.move": objects(
            "idea",
            "the current managers of its team's staff; leadership and admins: every idea",
            managed=SIGNED_IN,
            own=LEADERS,
            other=LEADERS,
        ),
        "ideas.triage": page(MANAGERS, "managers: their teams' ideas; leadership, admins: all"),
        "ideas.export": page(MANAGERS, "managers: their teams' ideas; leadership, admins: all"),
        "ideas.follow": every("follow link", SIGNED_IN, "whoever holds the link: it is the key"),
        "ideas.follow_comment": every(
            "follow link", SIGNED_IN, "whoever holds the link, posting as the anonymous author"
        ),
        # --- Recognition -----------------------------------------------------------------
        # The messages: the recipient, the giver, the recipient's current manager and admins;
        # on a review page (``reviews.show``) the person, their current manager, the review's
        # manager and admins (``access.sees_review_recognitions``). Leadership reads the
        # chart's counts (``reports.*``), not the messages, unless they are one of those.
        "recognition.index": page(SIGNED_IN, "what they received, and their feed choice"),
        "recognition.given": page(SIGNED_IN, "what they gave"),
        "recognition.reports": page(SIGNED_IN, "the people they manage now (none for others)"),
        "recognition.feed": page(SIGNED_IN, "their own team's and the teams they manage"),
        "recognition.new": page(SIGNED_IN, "to an active colleague, never themselves"),
        "recognition.feed_setting": page(SIGNED_IN, "their own choice"),
        "recognition.hide": objects(
            "recognition", "its recipient only (own: received)", own=SIGNED_IN
        ),
        "recognition.remove": objects(
            "recognition",
            "the recipient's current manager (unless hidden from them); admins: any",
            own=ADMINS,
            managed=SIGNED_IN,
            other=ADMINS,
        ),
        # --- Procedures ------------------------------------------------------------------
        "procedures.index": page(SIGNED_IN, "what is waiting for them and their library"),
        "procedures.new": page(
            MANAGERS, "leadership, admins: for anyone; managers: for their teams only"
        ),
        "procedures.show": objects(
            "procedure",
            "those it applies to or who were asked; managers: their teams'; leadership, admins:"
            " every one",
            own=SIGNED_IN,
            managed=MANAGERS,
            other=LEADERS,
        ),
        # --- Training records --------------------------------------------------------------
        "training.mine": page(SIGNED_IN, "their own trainings; a manager's staff at a glance"),
        "training.person": objects(
            "person",
            "themselves; a manager their current staff; leadership and admins anyone",
            own=SIGNED_IN,
            managed=MANAGERS,
            other=LEADERS,
        ),
        **{
            f"procedures.{name}": objects(
                "procedure",
                "its writers: managers if it applies only to their teams; leadership, admins",
                managed=MANAGERS,
                other=LEADERS,
            )
            for name in ("edit", "publish", "archive")
        },
        "procedures.confirm_read": objects(
            "procedure",
            "those asked to confirm its current version",
            own=SIGNED_IN,
            managed=MANAGERS,
        ),  # fmt: skip
        "procedures.team": objects(
            "team",
            "managers: their teams (their own staff by name); leadership, admins: every team",
            managed=MANAGERS,
            other=LEADERS,
        ),
        "training.new": page(
            SIGNED_IN, "for themselves; a manager also their staff; admins anyone (a rule)"
        ),
        **{
            f"training.{name}": objects(
                "training record",
                "their own; a manager their current staff's; admins any (leadership reads)",
                own=SIGNED_IN,
                managed=MANAGERS,
                other=ADMINS,
            )
            for name in ("edit", "delete")
        },
        # --- Reports ---------------------------------------------------------------------
        "reports.index": page(
            SIGNED_IN, "leadership, admins: every team; managers: theirs; others: their own"
        ),
        "reports.personal": page(SIGNED_IN, "their own numbers, never anyone else's"),
        **{
            f"reports.{name}": objects(
                REPORT_TEAM,
                "a team chart: managers their teams, leadership and admins every team;"
                " a personal chart: their own numbers for anyone",
                managed=MANAGERS,
                other=LEADERS,
            )
            for name in ("chart", "table", "download")
        },
        "reports.cycle_report": objects(
            REPORT_TEAM,
            "a team's PDF: its managers, leadership, admins; the organisation's: the latter",
            managed=MANAGERS,
            other=LEADERS,
        ),
        **{
            f"reports.{name}": objects(
                "person",
                "one person's trend and gap: their own (sent to their own charts); managers"
                " the people they manage or reviewed (only the reviews they wrote); leadership"
                " and admins anyone's; others' only once shared",
                own=SIGNED_IN,
                managed=SIGNED_IN,
                other=LEADERS,
            )
            for name in ("history", "history_chart", "history_table", "history_download")
        },
        "reports.export": objects("report export", "whoever asked for it", own=SIGNED_IN),
        "reports.export_file": objects("report export", "whoever asked for it", own=SIGNED_IN),
        # --- Action items between the reviews ---------------------------------------------
        "actions.mine": page(SIGNED_IN, "items of their own reviews (once shared) and theirs"),
        "actions.staff": page(MANAGERS, "their current staff's items they may see, and theirs"),
        "actions.team": objects(
            REPORT_TEAM,
            "a team's items they may see: managers their teams, leadership and admins any",
            managed=MANAGERS,
            other=LEADERS,
        ),
        "actions.set_item_status": objects(
            "action item",
            "its owner, its review's employee and manager; admins: every one",
            own=SIGNED_IN,
            managed=SIGNED_IN,
            other=ADMINS,
        ),
        "actions.edit": objects(
            "action item",
            "what was agreed: its review's manager; admins: every one",
            managed=SIGNED_IN,
            other=ADMINS,
        ),
        # --- Administration: admins only, every object -------------------------------------
        **{f"admin.{name}": page(ADMINS, "admins") for name in _ADMIN_PAGES + _ADMIN_FORMS},
        **{
            f"admin.{name}": every(obj, ADMINS, "admins: every one")
            for name, obj in _ADMIN_OBJECTS.items()
        },
    }
)
