"""The layers import-linter cannot see: config.py and extensions.py are single modules at the
bottom (import-linter checks packages only). They import nothing of the project, and no
package imports app.py (that one is also an import-linter contract)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = {"app", "config", "extensions", "forms", "reports", "reviews"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_config_and_extensions_import_nothing_of_the_project():
    for name in ("config.py", "extensions.py"):
        assert _imports(ROOT / name) & PROJECT == set(), name


def test_no_module_imports_the_application_factory():
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("forms", "reports", "reviews")
        for path in (ROOT / package).rglob("*.py")
        if "app" in _imports(path)
    ]
    assert offenders == []
