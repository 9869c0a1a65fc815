"""Admin: the competency framework and the rating scale."""

from functools import partial

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from extensions import db
from forms import EmptyForm
from forms.admin import CompetencyForm, ScaleForm
from reviews.access import get_or_404
from reviews.models import Competency, ScaleLevel
from reviews.models.translated import Locale, column_for
from reviews.services.reviews import framework as framework_service

from .. import confirm, require_button, run
from . import bp, render_form

# A level's texts in every language, as the form names them (``label``, ``label_et``, …).
LEVEL_TEXTS = tuple(
    column_for(field, locale) for field in ScaleLevel.TRANSLATED for locale in Locale
)


@bp.route("/framework")
def framework():
    return render_template(
        "admin/framework.html",
        active=framework_service.active_competencies(),
        retired=framework_service.retired_competencies(),
        button_form=EmptyForm(),
    )


def _save(form: CompetencyForm, competency: Competency | None) -> bool:
    change = partial(
        framework_service.save_competency,
        current_user,
        competency,
        **{column: form[column].data or "" for column in framework_service.TEXT_COLUMNS},
        weight=float(form.weight.data),
        position=form.position.data,
    )
    return bool(run(change, form))


@bp.route("/framework/new", methods=["GET", "POST"])
def new_competency():
    form = CompetencyForm(data={"position": framework_service.next_position()})
    if form.validate_on_submit() and _save(form, None):
        flash(_("The competency %(name)s was added.", name=form.name.data.strip()), "success")
        return redirect(url_for("admin.framework"))
    return render_form("admin/competency_form.html", form, competency=None)


@bp.route("/framework/<int:competency_id>/edit", methods=["GET", "POST"])
def edit_competency(competency_id: int):
    competency = get_or_404(Competency, competency_id)
    form = CompetencyForm(obj=competency)
    if form.validate_on_submit() and _save(form, competency):
        flash(
            _("The competency %(name)s was saved.", name=competency.text_in("name", get_locale())),
            "success",
        )
        return redirect(url_for("admin.framework"))
    return render_form(
        "admin/competency_form.html", form, competency=competency, button_form=EmptyForm()
    )


@bp.route("/framework/<int:competency_id>/retire", methods=["POST"])
def retire_competency(competency_id: int):
    return _set_retired(competency_id, True)


@bp.route("/framework/<int:competency_id>/restore", methods=["POST"])
def restore_competency(competency_id: int):
    return _set_retired(competency_id, False)


def _set_retired(competency_id: int, retired: bool):
    competency = get_or_404(Competency, competency_id)
    require_button()
    question = confirm.retire_competency(competency)
    back = url_for("admin.framework")
    if retired and (page := confirm.ask_first(question, _("Retire"), back, danger=True)):
        return page
    framework_service.set_retired(current_user, competency, retired)
    db.session.commit()
    if retired:
        message = _(
            "%(name)s was retired: new cycles will not use it.",
            name=competency.text_in("name", get_locale()),
        )
    else:
        message = _(
            "%(name)s was restored: new cycles will use it again.",
            name=competency.text_in("name", get_locale()),
        )
    flash(message, "success")
    return redirect(url_for("admin.framework"))


@bp.route("/scale", methods=["GET", "POST"])
def scale():
    levels = framework_service.scale_levels()
    data = {"levels": [_level_data(s) for s in levels], "count": max(len(levels), 2)}
    form = ScaleForm(data=data)
    if request.method == "POST" and form.reshape():
        return render_template("admin/scale.html", form=form, reshaped=True)
    if form.validate_on_submit():
        rows = [
            {
                "value": e.form.value.data,
                **{column: e.form[column].data or "" for column in LEVEL_TEXTS},
            }
            for e in form.levels.entries
        ]
        if run(lambda: framework_service.save_scale(current_user, rows), form):
            flash(_("The rating scale was saved."), "success")
            return redirect(url_for("admin.scale"))
    return render_form("admin/scale.html", form)


def _level_data(level) -> dict:
    return {"value": level.value, **{column: getattr(level, column) for column in LEVEL_TEXTS}}
