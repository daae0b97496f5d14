"""Where PantiDesk keeps its files: the database and logs live in the user data directory, never in
the installation directory, so upgrades and uninstalls do not touch data."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "PantiDesk"


def data_dir() -> Path:
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> Path:
    return data_dir() / "pantidesk.db"


def demo_database() -> Path:
    return data_dir() / "pantidesk-demo.db"


def log_dir() -> Path:
    path = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return log_dir() / "pantidesk.log"
