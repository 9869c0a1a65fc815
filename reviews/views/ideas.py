"""Ideas: submit, follow, support, discuss, move through the workflow, find."""

from flask import Blueprint, render_template
from flask_login import login_required

bp = Blueprint("ideas", __name__, url_prefix="/ideas")


@bp.route("/")
@login_required
def index():
    return render_template("ideas/index.html")
