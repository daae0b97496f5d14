"""The layering rules of DESIGN.md §2, checked on the source: nothing outside ``ui/`` imports Qt;
``ui/`` does not import ``db/``; the domain imports no persistence, services or UI; reports
never read the database."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pantidesk"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(sub: str = "") -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


def test_only_ui_imports_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE)) for path in _modules()
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and any(name.split(".")[0] in ("PySide6", "PyQt6", "shiboken6") for name in _imports(path))
    ]
    assert offenders == []


def test_ui_does_not_import_db() -> None:
    offenders = [
        str(path.relative_to(PACKAGE)) for path in _modules("ui")
        if any(name.startswith("pantidesk.db") and name != "pantidesk.db.migrate"
               for name in _imports(path))
    ]
    assert offenders == []


def test_domain_imports_no_outer_layer() -> None:
    forbidden = ("pantidesk.db", "pantidesk.services", "pantidesk.ui", "pantidesk.cli",
                 "sqlalchemy", "PySide6")
    offenders = [
        str(path.relative_to(PACKAGE)) for path in _modules("domain")
        if any(name.startswith(forbidden) for name in _imports(path))
    ]
    assert offenders == []


def test_cli_calls_services_not_db() -> None:
    offenders = [
        str(path.relative_to(PACKAGE)) for path in _modules("cli")
        if any(name.startswith("pantidesk.db") for name in _imports(path))
    ]
    assert offenders == []


def test_reports_draw_frozen_data_without_database_access() -> None:
    forbidden = ("pantidesk.db", "pantidesk.services", "pantidesk.ui", "pantidesk.cli",
                 "sqlalchemy")
    offenders = [
        str(path.relative_to(PACKAGE)) for path in _modules("reports")
        if any(name.startswith(forbidden) for name in _imports(path))
    ]
    assert offenders == []
