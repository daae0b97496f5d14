"""Per-PC preferences that are needed before anyone logs in (the display language), kept in a small
JSON file in the user's configuration folder. Nothing personal or secret is stored here."""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

from pantidesk.i18n import LANGUAGES, SOURCE_LANGUAGE


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
    path = preferences_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = _read()
    data["language"] = language
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(tmp, path)
