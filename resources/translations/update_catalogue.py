"""Refresh the translation catalogues from the source.

Every ``_("…")``, ``N_("…")`` and ``_n("…", "…", n)`` in ``pantidesk/`` is a message. New messages are
added to each catalogue with an empty translation; messages no longer in the source are dropped.
Run after adding or changing visible strings, then translate the empty entries.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "pantidesk"
CATALOGUES = sorted((PACKAGE / "assets" / "translations").glob("*.po"))


def extract(package: Path = PACKAGE) -> dict[str, tuple[str | None, list[str]]]:
    """msgid → (msgid_plural, source references)."""
    messages: dict[str, tuple[str | None, list[str]]] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("_", "N_", "_n") or not node.args:
                continue
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            plural = None
            if node.func.id == "_n" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                plural = node.args[1].value
            ref = f"{path.relative_to(ROOT).as_posix()}:{node.lineno}"
            entry = messages.setdefault(first.value, (plural, []))
            entry[1].append(ref)
    return messages


def update(catalogue: Path, messages: dict[str, tuple[str | None, list[str]]]) -> tuple[int, int]:
    po = polib.pofile(str(catalogue))
    known = {entry.msgid: entry for entry in po}
    added = 0
    for msgid, (plural, refs) in messages.items():
        entry = known.get(msgid)
        if entry is None:
            entry = polib.POEntry(msgid=msgid, msgstr="")
            if plural:
                entry.msgid_plural = plural
                entry.msgstr_plural = {0: "", 1: ""}
            po.append(entry)
            added += 1
        entry.occurrences = [(ref.rsplit(":", 1)[0], ref.rsplit(":", 1)[1]) for ref in refs[:3]]
    removed = [entry for entry in po if entry.msgid not in messages]
    for entry in removed:
        po.remove(entry)
    po.sort(key=lambda e: (e.occurrences[0] if e.occurrences else ("", "0"), e.msgid))
    po.save(str(catalogue))
    return added, len(removed)


def main() -> int:
    messages = extract()
    for catalogue in CATALOGUES:
        added, removed = update(catalogue, messages)
        untranslated = len(polib.pofile(str(catalogue)).untranslated_entries())
        print(f"{catalogue.name}: {len(messages)} messages, {added} new, {removed} dropped, "
              f"{untranslated} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
