"""Rules of care plans, reviews and progress notes that need no database.

A plan is reviewed every three calendar months by default (a review on 31 January is next due on
30 April: the day is clamped to the end of a shorter month). A progress note may be edited plainly
by its author for 24 hours; after that it is corrected only with a reason and the earlier text is
kept, as a case file that is evidence must not change silently.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from pantidesk.i18n import _, format_date

REVIEW_INTERVAL_MONTHS = 3
NOTE_EDIT_WINDOW = dt.timedelta(hours=24)
# Beranda lists reviews falling due within this many days, and residents without a plan after
# this many days of stay.
REVIEW_NOTICE_DAYS = 7
PLAN_EXPECTED_WITHIN_DAYS = 30


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months, clamped to the last day of the target month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_next_review(day: dt.date) -> dt.date:
    """When the review after one on ``day`` (or after agreeing a plan on ``day``) is due."""
    return add_months(day, REVIEW_INTERVAL_MONTHS)


def note_plainly_editable(created_at: dt.datetime, created_by: str, now: dt.datetime,
                          username: str) -> bool:
    """Whether ``username`` may still edit a note without giving a reason."""
    return created_by == username and now - created_at < NOTE_EDIT_WINDOW


@dataclass(frozen=True)
class StayWindow:
    """The days on which something can have happened during a stay: from admission to the
    discharge, or to today while the resident still lives in the panti."""

    admitted_on: dt.date
    discharged_on: dt.date | None
    today: dt.date

    @property
    def last_day(self) -> dt.date:
        return min(self.discharged_on, self.today) if self.discharged_on else self.today

    def problem(self, day: dt.date | None, label: str, required: bool = True) -> str:
        """Why ``day`` cannot be the date of an event of this stay ('' when it can); ``label``
        names the field ("Tanggal tinjauan")."""
        if day is None:
            return _("Isi {field}.").format(field=label.lower()) if required else ""
        if day > self.today:
            return _("{field} belum terjadi.").format(field=label)
        if day < self.admitted_on:
            return _("{field} sebelum tanggal masuk panti ({date}).").format(
                field=label, date=format_date(self.admitted_on))
        if self.discharged_on is not None and day > self.discharged_on:
            return _("{field} sesudah tanggal keluar ({date}).").format(
                field=label, date=format_date(self.discharged_on))
        return ""
