"""Logging that never records an anonymous idea's private follow token."""

import logging
import re

FOLLOW_TOKEN = re.compile(r"(/ideas/follow/)[^/\s?\"]+")


class RedactFollowTokens(logging.Filter):
    """Replace the token in "/ideas/follow/<token>" with "…" in every log record, so the
    access log cannot tie a sign-in's IP address to an anonymous idea."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.args = tuple(
                FOLLOW_TOKEN.sub(r"\1…", a) if isinstance(a, str) else a for a in record.args
            )
        if isinstance(record.msg, str):
            record.msg = FOLLOW_TOKEN.sub(r"\1…", record.msg)
        return True


def register() -> None:
    """Attach the filter to the servers' access loggers (werkzeug, gunicorn)."""
    for name in ("werkzeug", "gunicorn.access"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactFollowTokens) for f in logger.filters):
            logger.addFilter(RedactFollowTokens())
