"""A real SMTP sink the app mails to (jobs run at once in the caller: JOBS_IMMEDIATE)."""

import re

import pytest

from tests.smtp_sink import SmtpSink

LINK_RE = re.compile(r"https?://\S+/account/link/(\S+)")


@pytest.fixture
def smtp(app):
    sink = SmtpSink()
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
        patch.setitem(app.config, "MAIL_PORT", sink.port)
        try:
            yield sink
        finally:
            sink.stop()


def body(message) -> str:
    return message.get_payload(decode=True).decode()


def mailed_token(message) -> str:
    """The token of the link an e-mail carries."""
    match = LINK_RE.search(body(message))
    assert match, body(message)
    return match.group(1)
