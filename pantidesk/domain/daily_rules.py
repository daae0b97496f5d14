"""Rules of daily life in a panti that need no database: dates within a stay, who may sleep in
which room, what a roll-call mark an absence implies, and how long a runaway is searched for."""

from __future__ import annotations

import datetime as dt

from pantidesk.domain.enums import AbsenceKind, Presence, Sex
from pantidesk.i18n import _, format_date

# Kabur: the panti searches and contacts the family for a week, then decides on terminasi.
FOLLOW_UP_DAYS = 7
# A longer search is agreed case by case; beyond this it is no longer a follow-up period.
FOLLOW_UP_MAX_DAYS = 90
ROOM_NAME_MAX = 50
ROOM_BEDS_MAX = 60
TEXT_MAX = 4000

LEAVE_KINDS = frozenset({AbsenceKind.LEAVE, AbsenceKind.PERMISSION})

# The mark an open absence gives at the roll call: away with leave is not "tidak hadir".
PRESENCE_OF_ABSENCE = {
    AbsenceKind.LEAVE: Presence.ON_LEAVE,
    AbsenceKind.PERMISSION: Presence.PERMITTED,
    AbsenceKind.ABSCONDED: Presence.ABSENT,
}


def date_in_stay_error(day: dt.date, admitted_on: dt.date, ended_on: dt.date | None,
                       today: dt.date, field_label: str) -> str:
    """Why ``day`` cannot be the date of an event of a stay, or '' when it can.

    An event lies between the admission and the discharge (or today) and never in the future."""
    if day > today:
        return _("{field} belum terjadi (setelah hari ini).").format(field=field_label)
    if day < admitted_on:
        return _("{field} sebelum tanggal masuk panti ({date}).").format(
            field=field_label, date=format_date(admitted_on))
    if ended_on is not None and day > ended_on:
        return _("{field} setelah tanggal terminasi ({date}).").format(
            field=field_label, date=format_date(ended_on))
    return ""


def room_accepts(room_sex: Sex | None, person_sex: Sex) -> bool:
    """A room for men or for women takes only them; a mixed room (no sex) takes anyone."""
    return room_sex is None or room_sex is person_sex


def room_sex_label(room_sex: Sex | None) -> str:
    return room_sex.label if room_sex is not None else _("Campuran")


def default_follow_up_until(left_on: dt.date) -> dt.date:
    return left_on + dt.timedelta(days=FOLLOW_UP_DAYS)
