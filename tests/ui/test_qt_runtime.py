"""The Qt binding itself: guards against known defects of a PySide6 release (see pyproject.toml)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def test_process_events_keeps_reference_counts(qapp: QApplication) -> None:
    before = sys.getrefcount(None)
    for _ in range(2000):
        qapp.processEvents()
    # Immortal None (Python ≥ 3.12) reports a constant; on 3.11 a leak shows as a falling count.
    assert sys.getrefcount(None) >= before - 50
