"""The ideas' pages: the list, "my ideas", submit, an idea's page, the anonymous follow page,
triage, recognition and the CSV export."""

from datetime import date

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from extensions import db
from forms import EmptyForm
from forms.ideas import CommentForm, filter_form, idea_form, move_form
from reports import filenames
from reviews import access
from reviews.labels import CATEGORY_LABELS, IDEA_STATUS_LABELS
from reviews.models import Idea, Team
from reviews.services import audit
from reviews.services.ideas import contributions as ideas
from reviews.services.ideas import export as idea_export
from reviews.services.ideas import queries as idea_queries
from reviews.services.ideas.flow import allowed_moves
from reviews.services.people.teams import active_teams, all_teams

from .. import form_status, page_number, run
from . import bp
from .follow import (
    follow_url,
    followed_tokens,
    pending_token,
    private,
    remember_token,
    show_follow_link_once,
)


def list_context(items: list[Idea]) -> dict:
    """Supporters (kept on each idea), comments and "you support" for a page of ideas, in
    two queries."""
    return {
        "supporters": idea_queries.support_counts(items),
        "comments": idea_queries.comment_counts(items),
        "mine_supported": idea_queries.supported_by(items, current_user.id),
    }


def _filters(form) -> idea_queries.IdeaFilters:
    return idea_queries.IdeaFilters(
        q=form.q.data or "",
        status=form.status.data or "",
        team_id=form.team.data,
        category=form.category.data or "",
        sort=form.sort.data or "newest",
    )


@bp.route("/")
@login_required
def index():
    form = filter_form(all_teams(), request.args)
    result = idea_queries.list_page(_filters(form), page_number())
    return render_template(
        "ideas/index.html",
        form=form,
        page=result,
        can_export=access.can_export_ideas(current_user),
        **list_context(result.items),
    )


@bp.route("/mine")
@login_required
def mine():
    items, followed = idea_queries.my_ideas(current_user.id, followed_tokens())
    return private(
        Response(
            render_template(
                "ideas/mine.html", items=items, followed=followed, **list_context(items)
            )
        )
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    own = current_user.team if current_user.team and current_user.team.active else None
    form = idea_form(active_teams(), own)
    if form.validate_on_submit():
        done = run(
            lambda: ideas.submit_idea(
                current_user,
                title=form.title.data,
                description=form.description.data,
                category=form.category.data,
                team=db.session.get(Team, form.team_id.data),
                anonymous=form.anonymous.data,
            ),
            form,
        )
        if done:
            return _submitted(done.value)
    return render_template("ideas/new.html", form=form), form_status(form)


def _submitted(submitted: ideas.SubmittedIdea):
    if submitted.follow_token:
        return show_follow_link_once(submitted.follow_token)
    flash(_("Thank you. Your idea is in; the team's managers have been told."), "success")
    return redirect(url_for("ideas.show", idea_id=submitted.idea.id))


@bp.route("/submitted")
@login_required
def submitted():
    """The private follow link of the anonymous idea just submitted, shown once: the link
    shown is a new one, and the token the session carried stops working, so a reload, the
    back button or a replayed copy of the cookie finds nothing to show."""
    old = pending_token()
    token = ideas.reissue_follow_token(old) if old else None
    if token is None:
        return redirect(url_for("ideas.mine"))
    db.session.commit()
    remember_token(token, forget=old)
    page = render_template("ideas/submitted.html", token=token, follow_url=follow_url(token))
    return private(Response(page))


def idea_context(idea: Idea) -> dict:
    """What the idea page and the follow page both show."""
    return {
        "idea": idea,
        "supporters": ideas.support_count(idea),
        "merged_here": idea_queries.merged_into(idea),
        "from_review": access.sees_idea_review(current_user, idea),
        "frozen": ideas.support_frozen(idea),
    }


def render_idea(idea: Idea, comment_form=None, move=None, status: int = 200):
    can_move = access.can_move_idea(current_user, idea) and bool(allowed_moves(idea))
    if can_move and move is None:
        move = move_form(idea.status, allowed_moves(idea))
    hashes = {ideas.hash_token(t): t for t in followed_tokens()}
    page = render_template(
        "ideas/show.html",
        comment_form=comment_form or CommentForm(),
        move_form=move if can_move else None,
        button=EmptyForm(),
        own=ideas.is_own(idea, current_user),
        supports=ideas.supports(idea, current_user),
        followed_token=hashes.get(idea.follow_token_hash or ""),
        **idea_context(idea),
    )
    return private(Response(page, status=status))


@bp.route("/<int:idea_id>")
@login_required
def show(idea_id: int):
    return render_idea(access.get_idea_or_404(current_user, idea_id))


def render_follow(idea: Idea, token: str, comment_form=None, status: int = 200):
    page = render_template(
        "ideas/follow.html",
        token=token,
        link=follow_url(token),
        comment_form=comment_form or CommentForm(),
        **idea_context(idea),
    )
    return private(Response(page, status=status))


@bp.route("/follow/<token>")
@login_required
def follow(token: str):
    """The anonymous author's private page. It records nothing about who opened it; the
    token is only remembered in this browser's session, for "My ideas"."""
    idea = ideas.find_by_follow_token(token)
    if idea is None:
        abort(404)
    remember_token(token)
    return render_follow(idea, token)


@bp.route("/triage")
@login_required
def triage():
    if not access.can_triage(current_user):
        abort(403)
    rows = idea_queries.triage(access.idea_team_scope(current_user))
    return render_template(
        "ideas/triage.html",
        rows=rows,
        flagged=sum(1 for r in rows if r.flagged),
        days=idea_queries.response_days(),
        supporters=idea_queries.support_counts([r.idea for r in rows]),
        all_teams=access.sees_all_teams(current_user),
    )


@bp.route("/implemented")
@login_required
def implemented():
    result = idea_queries.page(idea_queries.implemented_query(), page_number())
    return render_template("ideas/implemented.html", page=result, **list_context(result.items))


@bp.route("/export.csv")
@login_required
def export():
    """The list as CSV with the current filters; managers get their own teams' ideas."""
    if not access.can_export_ideas(current_user):
        abort(403)
    filters = _filters(filter_form(all_teams(), request.args))
    labels = {
        **idea_export.labels_now(),
        "status": {k: str(v) for k, v in IDEA_STATUS_LABELS.items()},
        "category": {k: str(v) for k, v in CATEGORY_LABELS.items()},
    }
    scope = access.idea_team_scope(current_user)
    rows = idea_export.count(db.session, filters, scope)
    details = {"rows": rows, "filters": {k: str(v) for k, v in vars(filters).items() if v}}
    audit.record("ideas_exported", "ideas", after=details, actor=current_user)
    db.session.commit()
    lines = idea_export.csv_lines(db.engine, filters, scope, labels)
    name = filenames.dated("ideas", date.today(), "csv")
    return Response(
        lines,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
