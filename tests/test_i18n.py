"""One translation mechanism: Indonesian source strings, an English catalogue that covers them all,
placeholders kept, dates never with a two-digit year."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import polib
import pytest

from pantidesk.i18n import _, catalogue_path, format_date, format_long_date, set_language
from pantidesk.preferences import display_language, save_display_language
from resources.translations.update_catalogue import extract

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _catalogue() -> polib.POFile:
    return polib.pofile(catalogue_path("en").read_text(encoding="utf-8"))


def test_english_catalogue_covers_every_message() -> None:
    catalogue = {entry.msgid: entry for entry in _catalogue()}
    missing = [msgid for msgid in extract() if msgid not in catalogue]
    assert missing == [], "run resources/translations/update_catalogue.py"
    untranslated = [e.msgid for e in catalogue.values() if not e.translated()]
    assert untranslated == []


def test_translations_keep_their_placeholders() -> None:
    for entry in _catalogue():
        assert set(PLACEHOLDER.findall(entry.msgid)) == set(PLACEHOLDER.findall(entry.msgstr)), \
            entry.msgid


def test_switching_language() -> None:
    set_language("en")
    try:
        assert _("Beranda") != "Beranda"
        assert format_long_date(dt.date(2026, 8, 17)) == "17 August 2026"
    finally:
        set_language("id")
    assert _("Beranda") == "Beranda"
    assert format_long_date(dt.date(2026, 8, 17)) == "17 Agustus 2026"
    assert format_date(dt.date(1938, 3, 5)) == "05/03/1938"


def test_saved_language_is_used_unless_the_environment_says_otherwise(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    save_display_language("en")
    assert display_language() == "en"
    monkeypatch.setenv("PANTIDESK_LANG", "id")
    assert display_language() == "id"
    monkeypatch.setenv("PANTIDESK_LANG", "xx")
    monkeypatch.delenv("PANTIDESK_LANG")
    save_display_language("id")
    with pytest.raises(ValueError):
        save_display_language("xx")


def test_cli_speaks_english_when_asked() -> None:
    result = subprocess.run([sys.executable, "-m", "pantidesk", "init", "--help"],
                            capture_output=True, text=True, check=False,
                            env={**__import__("os").environ, "PANTIDESK_LANG": "en"})
    assert result.returncode == 0
    assert "Usage:" in result.stdout and "Penggunaan" not in result.stdout
