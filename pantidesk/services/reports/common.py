"""Small pieces every report service shares: the panti in scope, names of codes, counting rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantidesk.db.models import Panti, Region
from pantidesk.domain.dates import age_on
from pantidesk.domain.ppks import ppks_by_code
from pantidesk.errors import NotFoundError, ValidationError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext, Mode

AGE_GROUPS = ((0, 5, "0–5 tahun"), (6, 12, "6–12 tahun"), (13, 17, "13–17 tahun"),
              (18, 44, "18–44 tahun"), (45, 59, "45–59 tahun"), (60, 69, "60–69 tahun"),
              (70, 79, "70–79 tahun"), (80, 200, "80 tahun ke atas"))
UNKNOWN = "Tidak diketahui"


def panti_in_scope(session: Session, ctx: AppContext, panti_code: str | None) -> Panti:
    """A panti installation reports on itself; the province names the panti."""
    if ctx.installation.mode is Mode.PANTI:
        code = ctx.installation.panti_code
    elif panti_code is None:
        raise ValidationError(_("Pilih panti yang dilaporkan."))
    else:
        code = panti_code
    panti = session.get(Panti, code) if code else None
    if panti is None:
        raise NotFoundError(_("Panti {code} tidak dikenal.").format(code=code))
    return panti


def age_group(birth: dt.date | None, on: dt.date) -> str:
    if birth is None:
        return UNKNOWN
    age = age_on(birth, on)
    return next((label for low, high, label in AGE_GROUPS if low <= age <= high), UNKNOWN)


def region_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Region.code, Region.name).where(Region.level <= 2)).all())


def ppks_name(code: int | None) -> str:
    return ppks_by_code(code).name if code else UNKNOWN


def count_rows(values: Iterable[str], order: Iterable[str] = ()) -> list[tuple[str, int]]:
    """Counts of each value: in ``order`` first (zeros left out), then the rest by count."""
    counts = Counter(values)
    ordered = [(key, counts.pop(key)) for key in order if counts.get(key)]
    return ordered + sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def panti_list(ctx: AppContext) -> list[tuple[str, str]]:
    """(code, name) of every panti, for the province's report choices."""
    with ctx.reading() as session:
        return [(p.code, p.name) for p in session.scalars(select(Panti).order_by(Panti.code))]
