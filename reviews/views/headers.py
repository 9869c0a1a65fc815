"""Security headers on every response: what a browser may run, frame, sniff, send on as a
Referer or keep in its cache. Pages carry no inline script or style (scripts live in
``static/js``, styles in ``static/css``), so the policy needs no ``'unsafe-inline'``."""

from flask import Flask, Response, current_app, request

CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

ALWAYS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "Cross-Origin-Opener-Policy": "same-origin",
}
# A default: a page may ask for a stricter one (a follow link's page sends none at all).
REFERRER_POLICY = "same-origin"

# Endpoints whose own Cache-Control is kept: static assets (no one's data) and the chart
# image of a page, whose URL carries the version of the data it shows, so the signed-in
# person's browser may keep it privately (reports.web.pages._file). Every other response
# — pages, downloads, exports, error pages — is ``no-store``.
KEEP_CACHE_CONTROL = frozenset({"static", "reports.chart"})


def register(app: Flask) -> None:
    app.after_request(secure_headers)


def secure_headers(response: Response) -> Response:
    for name, value in ALWAYS.items():
        response.headers[name] = value
    response.headers.setdefault("Referrer-Policy", REFERRER_POLICY)
    if request.endpoint not in KEEP_CACHE_CONTROL or "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "no-store"
    max_age = current_app.config.get("HSTS_MAX_AGE", 0)
    if max_age and served_over_https():
        response.headers["Strict-Transport-Security"] = f"max-age={max_age}"
    return response


def served_over_https() -> bool:
    """This request came over TLS, or the site's public address is https (TLS ends at a
    proxy in front: HSTS is then sent even if the proxy's scheme header is not trusted)."""
    return request.is_secure or current_app.config.get("BASE_URL", "").startswith("https://")
