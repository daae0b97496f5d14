"""Per-PC preferences, kept in a small JSON file in the user's configuration folder: the display
language (needed before anyone logs in) and the folders and key file last used for sync. Nothing
personal or secret is stored here: a key file's *path* may be remembered, never its passphrase."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import platformdirs

from pantidesk.i18n import LANGUAGES, SOURCE_LANGUAGE

log = logging.getLogger("pantidesk.preferences")


def preferences_file() -> Path:
    return Path(platformdirs.user_config_dir("PantiDesk", appauthor=False)) / "preferences.json"


def _read() -> dict[str, object]:
    try:
        data = json.loads(preferences_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def display_language() -> str:
    """``PANTIDESK_LANG`` if set, else the saved choice, else Indonesian."""
    chosen = os.environ.get("PANTIDESK_LANG") or _read().get("language")
    return chosen if isinstance(chosen, str) and chosen in LANGUAGES else SOURCE_LANGUAGE


def save_display_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(language)
    _write_value("language", language)


def remembered_path(name: str) -> Path | None:
    """A file or folder remembered under ``name`` (``sync_key_file`` …), if it still exists."""
    value = _read().get("paths", {})
    chosen = value.get(name) if isinstance(value, dict) else None
    if not isinstance(chosen, str) or not chosen:
        return None
    path = Path(chosen)
    return path if path.exists() else None


def remember_path(name: str, path: Path) -> None:
    """Best effort: a preference that cannot be written is not worth an error dialog."""
    data = _read().get("paths", {})
    paths = dict(data) if isinstance(data, dict) else {}
    paths[name] = str(path)
    try:
        _write_value("paths", paths)
    except OSError as error:
        log.warning("Preference %s not saved: %s", name, error)


def _write_value(name: str, value: object) -> None:
    path = preferences_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = _read()
    data[name] = value
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(tmp, path)
