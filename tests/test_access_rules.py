"""The rules of ``reviews.access`` one at a time, at every step of a review: who sees the
self-assessment, the manager's part and the private note, and who may write, share,
acknowledge, amend or administer — the answers the review page and its buttons follow.
Written so that mutation testing (issue 9) finds each rule pinned by a test."""

from datetime import date, datetime

import pytest
from werkzeug.exceptions import NotFound

from extensions import db
from reviews import access
from reviews.models import Idea, ReportExport, Review
from tests import factories
from tests.organisation import build_org

NOW = datetime(2026, 11, 2, 9, 0)


@pytest.fixture
def desk(app):
    """The help desk of ``tests.organisation`` (Liis leadership, Anu admin) with a cycle open
    and a review for each."""
    org = build_org(cycle="2026 Q4")
    vars(org).update(service=org.desk, liis=org.leader, anu=org.admin, review=org.reviews["mari"])
    return org


def at_step(review: Review, step: str) -> Review:
    """Move ``review`` to ``step`` of its life (each step includes the ones before it)."""
    steps = ["draft", "self", "manager", "shared", "acknowledged"]
    fields = [None, "self_submitted_at", "manager_submitted_at", "shared_at", "acknowledged_at"]
    for field in fields[1 : steps.index(step) + 1]:
        setattr(review, field, NOW)
    return review


def manager_only(review: Review) -> Review:
    review.manager_submitted_at = NOW
    return review


def who(desk, name: str):
    return getattr(desk, name)


# --- What each person sees of the review -------------------------------------------------


@pytest.mark.parametrize(
    "step, expected",
    [
        ("draft", {"mari"}),
        ("self", {"mari", "liis", "anu"}),
        ("manager", {"mari", "kadri", "liis", "anu"}),
    ],
)
def test_the_self_assessment_is_seen_by_the_employee_then_by_readers_then_by_the_manager(
    desk, step, expected
):
    review = at_step(desk.review, step)
    people = ["mari", "kadri", "liis", "anu", "jaan", "olev"]
    seen = {name for name in people if access.sees_self_part(who(desk, name), review)}
    assert seen == expected


def test_a_manager_sees_a_submitted_self_assessment_early_when_the_cycle_says_so(desk):
    review = at_step(desk.review, "self")
    assert not access.sees_self_part(desk.kadri, review)
    desk.cycle.show_self_to_manager = True
    assert access.sees_self_part(desk.kadri, review)
    review.self_submitted_at = None  # a draft stays private even then
    assert not access.sees_self_part(desk.kadri, review)


@pytest.mark.parametrize(
    "step, expected",
    [
        ("draft", {"kadri", "liis", "anu"}),
        ("manager", {"kadri", "liis", "anu"}),
        ("shared", {"mari", "kadri", "liis", "anu"}),
    ],
)
def test_the_managers_part_reaches_the_employee_only_once_shared(desk, step, expected):
    review = at_step(desk.review, step)
    people = ["mari", "kadri", "liis", "anu", "jaan", "olev"]
    seen = {name for name in people if access.sees_manager_part(who(desk, name), review)}
    assert seen == expected


@pytest.mark.parametrize(
    "step, expected",
    [
        ("draft", set()),
        ("self", set()),
        ("manager", {"kadri", "liis", "anu"}),
        ("shared", {"mari", "kadri", "liis", "anu"}),
    ],
)
def test_both_sides_are_compared_once_both_are_submitted(desk, step, expected):
    review = at_step(desk.review, step)
    people = ["mari", "kadri", "liis", "anu", "jaan"]
    assert {n for n in people if access.can_compare(who(desk, n), review)} == expected


def test_nobody_compares_a_manager_assessment_with_a_missing_self_assessment(desk):
    review = manager_only(desk.review)
    people = ["mari", "kadri", "liis", "anu"]
    assert not [n for n in people if access.can_compare(who(desk, n), review)]


def test_the_private_note_is_for_the_manager_and_admins_never_the_employee(desk):
    review = at_step(desk.review, "acknowledged")
    people = ["mari", "kadri", "liis", "anu", "jaan", "olev"]
    assert {n for n in people if access.sees_private_note(who(desk, n), review)} == {
        "kadri",
        "anu",
    }
    # an admin reviewed as an employee does not read the note about themselves
    desk.review.employee_id = desk.anu.id
    assert not access.sees_private_note(desk.anu, review)


# --- What each person may do, step by step -----------------------------------------------

RULES = {
    "write_self": access.can_write_self,
    "write_manager": access.can_write_manager,
    "share": access.can_share,
    "acknowledge": access.can_acknowledge,
    "amend": access.can_amend,
    "suggest": access.can_add_suggestion,
    "administer": access.can_administer,
}
PEOPLE = ["mari", "kadri", "liis", "anu", "jaan"]


def allowed(desk, review: Review) -> dict[str, set[str]]:
    return {
        rule: {name for name in PEOPLE if check(who(desk, name), review)}
        for rule, check in RULES.items()
    }


@pytest.mark.parametrize(
    "step, expected",
    [
        (
            "draft",
            {"write_self": {"mari"}, "write_manager": {"kadri"}, "share": set()},
        ),
        (
            "self",
            {"write_self": set(), "write_manager": {"kadri"}, "share": set()},
        ),
        (
            "manager",
            {"write_self": set(), "write_manager": {"kadri"}, "share": {"kadri"}},
        ),
        (
            "shared",
            {"write_self": set(), "write_manager": set(), "share": set()},
        ),
    ],
)
def test_writing_and_sharing_follow_the_steps(desk, step, expected):
    rules = allowed(desk, at_step(desk.review, step))
    assert {rule: rules[rule] for rule in expected} == expected


def test_a_manager_who_submitted_first_still_writes_and_may_share(desk):
    rules = allowed(desk, manager_only(desk.review))
    assert rules["write_self"] == {"mari"}
    assert rules["write_manager"] == rules["share"] == {"kadri"}


def test_a_shared_review_cannot_be_self_assessed_any_more(desk):
    review = desk.review
    review.shared_at = NOW  # shared without a self-assessment (the employee never wrote it)
    assert not access.can_write_self(desk.mari, review)


@pytest.mark.parametrize(
    "step, acknowledge, amend",
    [
        ("manager", set(), set()),
        ("shared", {"mari"}, set()),
        ("acknowledged", set(), {"kadri", "anu"}),
    ],
)
def test_the_employee_acknowledges_then_the_manager_or_an_admin_may_amend(
    desk, step, acknowledge, amend
):
    rules = allowed(desk, at_step(desk.review, step))
    assert rules["acknowledge"] == acknowledge
    assert rules["amend"] == amend


def test_suggestions_come_from_the_employee_and_admins_administer(desk):
    rules = allowed(desk, desk.review)
    assert rules["suggest"] == {"mari"}
    assert rules["administer"] == {"anu"}


def test_a_closed_cycle_allows_nothing(desk):
    for step in ["draft", "manager", "shared", "acknowledged"]:
        review = at_step(desk.review, step)
        desk.cycle.status = "closed"
        assert allowed(desk, review) == {rule: set() for rule in RULES}, step
        desk.cycle.status = "open"


# --- Lists and loaders --------------------------------------------------------------------


def test_each_person_opens_their_own_the_ones_they_manage_or_all(desk):
    def opened(user):
        return {r.employee.name for r in db.session.scalars(access.visible_reviews(user))}

    assert opened(desk.mari) == {"Mari Tamm"}
    assert opened(desk.kadri) == {"Kadri Kask", "Mari Tamm", "Jaan Sepp"}
    assert opened(desk.olev) == {"Olev Org", "Peeter Pärn"}
    everyone = {"Kadri Kask", "Olev Org", "Mari Tamm", "Jaan Sepp", "Peeter Pärn"}
    assert opened(desk.liis) == everyone  # Liis reports to nobody: she has no review
    assert opened(desk.anu) == opened(desk.liis)
    assert access.get_review_or_404(desk.kadri, desk.review.id) is desk.review
    with pytest.raises(NotFound):
        access.get_review_or_404(desk.olev, desk.review.id)


def test_a_cycle_page_lists_whom_one_writes_for_by_name_or_everyone_for_readers(desk):
    def listed(user):
        return [r.employee.name for r in access.cycle_page_reviews(user, desk.cycle.id)]

    assert listed(desk.kadri) == ["Jaan Sepp", "Mari Tamm"]
    assert listed(desk.mari) == []
    assert listed(desk.liis) == sorted(listed(desk.anu)) == listed(desk.anu)
    assert {"Jaan Sepp", "Mari Tamm", "Peeter Pärn"} <= set(listed(desk.liis))
    assert access.own_review_id(desk.mari, desk.cycle.id) == desk.review.id
    assert access.own_review_id(desk.anu, desk.cycle.id) is None


def test_the_cycles_page_lists_cycles_newest_first_for_those_who_read_reviews(desk):
    older = factories.cycle("2025 Q4", start=date(2025, 10, 1))
    for user in (desk.kadri, desk.liis, desk.anu):
        assert access.visible_cycles(user) == [desk.cycle, older]
    assert access.visible_cycles(desk.mari) == []


# --- Ideas: whose ideas a manager moves, triages and exports ------------------------------


def idea(team, review: Review | None = None) -> Idea:
    new = Idea(title="Shorter scripts", description="d", category="tools", team_id=team.id)
    new.review_id = review.id if review else None
    db.session.add(new)
    db.session.commit()
    return new


def test_a_manager_moves_the_ideas_of_the_team_they_manage_readers_move_all(desk):
    ours, theirs = idea(desk.service), idea(desk.apps)
    assert access.managed_team_ids(desk.kadri) == {desk.service.id}
    assert access.idea_team_scope(desk.kadri) == {desk.service.id}
    assert [access.can_move_idea(desk.kadri, i) for i in (ours, theirs)] == [True, False]
    assert [access.can_move_idea(desk.olev, i) for i in (ours, theirs)] == [False, True]
    for reader in (desk.liis, desk.anu):
        assert access.idea_team_scope(reader) is None
        assert access.can_move_idea(reader, ours) and access.can_move_idea(reader, theirs)
    assert not access.can_move_idea(desk.mari, ours)


def test_triage_is_for_managers_of_a_team_and_readers(desk):
    triage = {n for n in PEOPLE + ["olev"] if access.can_triage(who(desk, n))}
    assert triage == {"kadri", "olev", "liis", "anu"}
    assert access.can_export_ideas(desk.kadri) and not access.can_export_ideas(desk.mari)


def test_a_manager_of_managers_manages_no_team_of_staff(desk):
    # Liis manages Kadri and Olev, who lead their teams: her scope is not their teams
    assert access.managed_team_ids(desk.liis) == set()


def test_a_manager_whose_only_staff_left_manages_no_team(desk):
    desk.peeter.active = False
    db.session.commit()
    assert access.managed_team_ids(desk.olev) == set()
    assert not access.can_triage(desk.olev)


def test_an_idea_names_its_review_only_to_those_who_may_open_it(desk):
    from_review = idea(desk.service, desk.review)
    seen = {n for n in PEOPLE + ["olev"] if access.sees_idea_review(who(desk, n), from_review)}
    assert seen == {"mari", "kadri", "liis", "anu"}
    assert not access.sees_idea_review(desk.mari, idea(desk.service))


def test_an_unknown_idea_is_404(desk):
    assert access.get_idea_or_404(desk.mari, idea(desk.apps).id).team_id == desk.apps.id
    with pytest.raises(NotFound):
        access.get_idea_or_404(desk.mari, 999_999)


# --- Reports: whose numbers each person charts ---------------------------------------------


def test_readers_chart_every_team_managers_their_own_staff_the_rest_only_themselves(desk):
    whole = access.report_scope(desk.liis)
    assert whole.whole_org and whole.sees_teams and whole.allows_team(desk.apps.id)
    assert access.report_scope(desk.anu).whole_org
    kadri = access.report_scope(desk.kadri)
    assert (kadri.whole_org, kadri.sees_teams) == (False, True)
    assert kadri.allows_team(desk.service.id) and not kadri.allows_team(desk.apps.id)
    mari = access.report_scope(desk.mari)
    assert (mari.person_id, mari.team_ids, mari.sees_teams) == (desk.mari.id, frozenset(), False)
    assert not mari.allows_team(desk.service.id)


def test_someone_whose_manager_role_was_taken_away_charts_no_team(desk):
    factories.user("staff", name="Tiit Trainee", team=desk.apps, manager=desk.jaan)
    assert access.report_scope(desk.jaan).team_ids == {desk.apps.id}
    desk.jaan.set_roles({"staff"})  # an admin takes the role away; the line stays
    db.session.commit()
    assert access.report_scope(desk.jaan).team_ids == frozenset()


def test_a_team_outside_the_scope_is_404_whether_or_not_it_exists(desk):
    scope = access.report_scope(desk.kadri)
    access.check_report_team(scope, None)
    access.check_report_team(scope, desk.service.id)
    for team_id in (desk.apps.id, 999_999):
        with pytest.raises(NotFound):
            access.check_report_team(scope, team_id)


@pytest.mark.parametrize(
    "name, team, expected",
    [
        ("liis", None, True),
        ("anu", "apps", True),
        ("kadri", None, False),
        ("kadri", "service", True),
        ("kadri", "apps", False),
        ("mari", "service", False),
    ],
)
def test_the_cycle_report_pdf_is_for_readers_or_a_teams_managers(desk, name, team, expected):
    team_id = getattr(desk, team).id if team else None
    assert access.can_download_cycle_report(who(desk, name), team_id) is expected


def test_an_export_is_found_only_by_whoever_asked_for_it(desk):
    export = ReportExport(user_id=desk.kadri.id, cycle_id=desk.cycle.id, locale="en")
    db.session.add(export)
    db.session.commit()
    assert access.get_export_or_404(desk.kadri, export.id) is export
    for user_id, export_id in ((desk.liis, export.id), (desk.kadri, 999_999)):
        with pytest.raises(NotFound):
            access.get_export_or_404(user_id, export_id)
