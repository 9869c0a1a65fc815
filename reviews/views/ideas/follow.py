"""An anonymous author's private follow link. The tokens a person follows are remembered in
their browser session only, never in the database; signing out clears the session. The owner
check keeps one person's list from showing to the next person who signs in on the same
browser."""

from flask import Response, current_app, redirect, session, url_for
from flask_login import current_user

FOLLOWED, FOLLOWED_OWNER, NEW_TOKEN, KEEP = (
    "followed_ideas",
    "followed_ideas_owner",
    "new_follow_token",
    30,
)


def followed_tokens() -> list[str]:
    if session.get(FOLLOWED_OWNER) != current_user.id:
        return []
    return [t for t in session.get(FOLLOWED, []) if isinstance(t, str)]


def remember_token(token: str) -> None:
    tokens = [t for t in followed_tokens() if t != token] + [token]
    session[FOLLOWED] = tokens[-KEEP:]
    session[FOLLOWED_OWNER] = current_user.id


def follow_url(token: str) -> str:
    """The private link, absolute, as the review page shows it too."""
    return current_app.config["BASE_URL"] + url_for("ideas.follow", token=token)


def private(response: Response) -> Response:
    """A page carrying a follow token: never cached, never sent on as a Referer."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def show_follow_link_once(token: str):
    """Keep an anonymous author's token in their session and show the link once, on a page
    that is never cached nor sent on as a Referer (also used by review suggestions)."""
    remember_token(token)
    session[NEW_TOKEN] = token
    return redirect(url_for("ideas.submitted"))
