"""Whether a database holds demo data, known before log-in (a label in its key ring), and the
well-known demo password. Kept apart from the generator so the app can ask cheaply at start-up."""

from __future__ import annotations

from pathlib import Path

from pantidesk.db.keyring import KeyRing, keyring_path
from pantidesk.errors import PantiDeskError

DEMO_LABEL = "demo"
DEMO_PASSWORD = "demo-panti"


def is_demo(path: Path) -> bool:
    try:
        return KeyRing.load(keyring_path(path)).label(DEMO_LABEL) is True
    except PantiDeskError:
        return False


def mark_as_demo(path: Path) -> None:
    ring = KeyRing.load(keyring_path(path))
    ring.set_label(DEMO_LABEL, True)
    ring.save()
