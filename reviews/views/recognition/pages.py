"""The recognition pages: give, received, given, the people one manages, the team feed."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from extensions import db
from forms import EmptyForm
from forms.recognition import FeedForm, recognition_form
from reviews import access
from reviews.models import Team, User
from reviews.services.recognition import giving, moderation, queries

from .. import form_status, run
from ..templating import in_reader_language
from . import bp


def _list(template: str, items, **context):
    return render_template(
        template,
        items=items,
        button=EmptyForm(),
        can_hide={r.id for r in items if access.can_hide_recognition(current_user, r)},
        can_remove=access.removable_recognitions(current_user, items),
        **context,
    )


@bp.route("/")
@login_required
def index():
    """What the person received, and their choice for the team feed."""
    feed = FeedForm(in_team_feed=moderation.in_team_feed(current_user))
    return _list("recognition/index.html", queries.received(current_user), feed_form=feed)


@bp.route("/given")
@login_required
def given():
    return _list("recognition/given.html", queries.given(current_user))


@bp.route("/reports")
@login_required
def reports():
    """The recognitions of the people the viewer manages now (none for others)."""
    return _list("recognition/reports.html", queries.of_reports(current_user))


@bp.route("/team")
@login_required
def feed():
    """The team feed of the viewer's teams (their own, the ones they manage)."""
    teams = sorted(
        (db.session.get(Team, t) for t in access.feed_team_ids(current_user)),
        key=lambda t: t.name,
    )
    chosen = request.args.get("team", type=int)
    if chosen not in {t.id for t in teams}:
        chosen = None
    items = queries.team_feed(current_user, chosen)
    return _list("recognition/feed.html", items, teams=teams, chosen=chosen)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    competencies = [(c.id, in_reader_language(c)) for c in giving.active_competencies()]
    form = recognition_form(giving.colleague_menu(current_user), competencies)
    if not form.is_submitted() and (wanted := request.args.get("to", type=int)):
        form.recipient.data = wanted if form.recipient.offers(wanted) else None
    if form.validate_on_submit():
        recipient = db.session.get(User, form.recipient.data) if form.recipient.data else None
        done = run(
            lambda: giving.give(
                current_user, recipient, form.competencies.data or [], form.message.data or ""
            ),
            form,
        )
        if done:
            flash(
                _("Thank you. %(name)s and their manager can see your recognition.",
                  name=recipient.name),
                "success",
            )  # fmt: skip
            return redirect(url_for("recognition.given"))
    return render_template(
        "recognition/new.html", form=form, limit=giving.DAILY_LIMIT
    ), form_status(form)
