"""Time for the whole application comes from a ``Clock`` so tests can set the date.

PantiDesk runs in Lampung: "today" is the date in Asia/Jakarta (WIB), whatever zone the PC is set
to. Instants are stored in UTC and shown in WIB.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current instant, time-zone aware."""
        ...

    def today(self) -> dt.date:
        """Today's date in WIB."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        return self.now().astimezone(WIB).date()


class FixedClock:
    """A clock for tests and for deterministic demo data; ``advance`` moves it forward."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            at = at.replace(tzinfo=WIB)
        self._at = at

    def now(self) -> dt.datetime:
        return self._at

    def today(self) -> dt.date:
        return self._at.astimezone(WIB).date()

    def advance(self, delta: dt.timedelta) -> None:
        self._at += delta
