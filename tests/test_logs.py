"""Access logs never carry an anonymous idea's follow token."""

import logging

from reviews.logs import RedactFollowTokens


def test_follow_token_is_redacted_from_access_log_lines():
    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        __file__,
        1,
        '%s - - "%s" %s',
        ("127.0.0.1", "GET /ideas/follow/s3cr3t-T0ken?x=1 HTTP/1.1", "200"),
        None,
    )
    RedactFollowTokens().filter(record)
    line = record.getMessage()
    assert "s3cr3t-T0ken" not in line and "/ideas/follow/…?x=1" in line


def test_filter_is_attached_to_the_server_loggers(app):
    for name in ("werkzeug", "gunicorn.access"):
        assert any(isinstance(f, RedactFollowTokens) for f in logging.getLogger(name).filters)
