"""What the current user may see and do: role checks and one scoped loader per resource.
Views load objects only through here, so none can forget a check. A role that may not use a
page gets 403; an object the user may not know about gets 404."""

from functools import wraps

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import Select, or_, select

from extensions import db
from reviews.models import Review, User


def role_required(*roles: str):
    """Sign-in plus at least one of ``roles``; 403 otherwise."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


admin_required = role_required("admin")


def visible_reviews(user: User) -> Select:
    """Reviews ``user`` may open: their own, those they managed (at the time of the review),
    or all of them for leadership and admins."""
    query = select(Review)
    if user.has_role("leadership", "admin"):
        return query
    return query.where(or_(Review.employee_id == user.id, Review.manager_id == user.id))


def get_review_or_404(user: User, review_id: int) -> Review:
    review = db.session.scalar(visible_reviews(user).where(Review.id == review_id))
    if review is None:
        abort(404)
    return review


def get_or_404(model, object_id: int):
    """Load an object that every user holding the route's role may see (admin pages)."""
    obj = db.session.get(model, object_id)
    if obj is None:
        abort(404)
    return obj
