"""Reading dates typed by people and computing ages.

Dates are typed ``dd/mm/yyyy`` (also ``d/m/yyyy``, with dashes or dots) or ISO ``yyyy-mm-dd``.
A two-digit year is refused, never guessed: an elderly resident born in 1938 must not become a
child born in 2038.
"""

from __future__ import annotations

import datetime as dt
import re

from pantidesk.errors import ValidationError
from pantidesk.i18n import _

_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.\-])([0-9]{1,2})\2([0-9]{4})")
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_SHORT_YEAR = re.compile(r"[0-9]{1,2}([/.\-])[0-9]{1,2}\1[0-9]{2}")


def parse_date(text: str, field_label: str) -> dt.date:
    """The date in ``text``; ``field_label`` ("Tanggal lahir") names the field in messages."""
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(_("{field} belum diisi.").format(field=field_label))
    if day_first := _DAY_FIRST.fullmatch(cleaned):
        day, month, year = int(day_first[1]), int(day_first[3]), int(day_first[4])
    elif iso := _ISO.fullmatch(cleaned):
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    elif _SHORT_YEAR.fullmatch(cleaned):
        raise ValidationError(_("{field} tidak valid: {text}, tahun harus ditulis 4 angka; "
                                "gunakan dd/mm/yyyy.").format(field=field_label, text=cleaned))
    else:
        raise ValidationError(_("{field} tidak valid: {text}, gunakan dd/mm/yyyy.").format(
            field=field_label, text=cleaned))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValidationError(_("{field} tidak valid: {text} tidak ada di kalender, gunakan "
                                "dd/mm/yyyy.").format(field=field_label, text=cleaned)) from None


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed years of age on ``on`` (negative if ``on`` is before the birth). A person born
    on 29 February turns a year older on 1 March in common years."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
