"""An anonymous author's private follow links, kept in their browser only and encrypted.

The server stores no link between a person and their anonymous idea, so the tokens a person
follows live in their session cookie, never in the database; signing out or the session's
end clears them. Flask's session cookie is signed but readable (base64), and it also holds
who is signed in, so the tokens are encrypted (Fernet: AES-CBC and HMAC-SHA256, with a key
derived from ``SECRET_KEY``): the server can read them only when the browser sends them, and
a copied cookie, a proxy log or a browser extension cannot. The person's id is inside the
encrypted value, so one person's list never shows to the next person who signs in on the
same browser."""

import base64
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Response, current_app, redirect, session, url_for
from flask_login import current_user

FOLLOWED, NEW_TOKEN, KEEP = "followed_ideas", "new_follow_token", 30


def _fernet() -> Fernet:
    """The cipher, with a key of its own derived from ``SECRET_KEY`` (not the signing key)."""
    secret = current_app.config["SECRET_KEY"]
    secret = secret.encode() if isinstance(secret, str) else secret
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"rapport follow tokens")
    return Fernet(base64.urlsafe_b64encode(hkdf.derive(secret)))


def seal(value: Any) -> str:
    """``value`` encrypted for the session, with the signed-in person's id inside it."""
    plain = json.dumps({"owner": current_user.id, "value": value})
    return _fernet().encrypt(plain.encode()).decode()


def unseal(sealed: Any) -> Any:
    """What ``seal`` put in, if it was sealed for the signed-in person; else None (also for
    anything tampered with or sealed under another ``SECRET_KEY``)."""
    if not isinstance(sealed, str):
        return None
    try:
        data = json.loads(_fernet().decrypt(sealed.encode()))
    except (InvalidToken, ValueError):
        return None
    if not isinstance(data, dict) or data.get("owner") != current_user.id:
        return None
    return data.get("value")


def followed_tokens() -> list[str]:
    tokens = unseal(session.get(FOLLOWED))
    return [t for t in tokens if isinstance(t, str)] if isinstance(tokens, list) else []


def remember_token(token: str, forget: str | None = None) -> None:
    """Follow ``token`` in this browser (and no longer ``forget``, a token it replaced)."""
    tokens = [t for t in followed_tokens() if t not in (token, forget)] + [token]
    session[FOLLOWED] = seal(tokens[-KEEP:])


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
    that is never cached nor sent on as a Referer (also used by review suggestions). The
    page (``ideas.submitted``) replaces the token by a new one as it shows it, so a replayed
    copy of this session finds nothing to show."""
    remember_token(token)
    session[NEW_TOKEN] = seal(token)
    return redirect(url_for("ideas.submitted"))


def pending_token() -> str | None:
    """The token waiting to be shown, taken out of the session."""
    token = unseal(session.pop(NEW_TOKEN, None))
    return token if isinstance(token, str) else None
