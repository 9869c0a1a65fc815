"""The service layer's contract: services never read the request (the actor is an argument),
and importing a module attaches no session listener (``create_app`` does)."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUEST_BOUND = {"request", "session", "g"}

LISTENERS = """
from sqlalchemy import event
from sqlalchemy.orm import Session

from reports import cache
from reviews import jobs
from reviews.services.notifications import outbox

hooks = [
    ("after_flush", outbox._note_new_mail),
    ("after_commit", jobs._queue_committed_work),
    ("before_commit", cache._apply_pending),
]
print(*[event.contains(Session, name, hook) for name, hook in hooks])
from app import create_app

create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "JOBS_IMMEDIATE": True})
print(*[event.contains(Session, name, hook) for name, hook in hooks])
"""


def _request_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("flask_login")]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("flask_login"):
                found.append(node.module)
            elif node.module == "flask":
                found += [a.name for a in node.names if a.name in REQUEST_BOUND]
    return found


def test_services_never_read_the_request():
    offenders = {
        str(path.relative_to(ROOT)): reads
        for path in sorted((ROOT / "reviews" / "services").rglob("*.py"))
        if (reads := _request_reads(path))
    }
    assert offenders == {}


def test_listeners_are_attached_by_create_app_not_on_import():
    result = subprocess.run(  # noqa: S603  (a fixed command)
        [sys.executable, "-c", LISTENERS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.split("\n")[:2] == ["False False False", "True True True"]
