"""Finding residents and reading one resident's summary.

A search returns ordered person ids; the list fetches display rows a page at a time. Opening a
resident is audited (who looked at whose record), as UU 27/2022 asks for specific personal data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from pantidesk.db.queries.persons import PersonRow, person_rows, search_person_ids
from pantidesk.domain.dates import age_on
from pantidesk.domain.enums import StayStatus
from pantidesk.domain.lifecycle import CaseStatus, case_status
from pantidesk.domain.names import name_tokens
from pantidesk.domain.ppks import ppks_by_code
from pantidesk.domain.roles import Permission
from pantidesk.i18n import N_, _, format_date
from pantidesk.services.absences import away_by_no_induk
from pantidesk.services.context import AppContext, Mode

_NO_INDUK_START = re.compile(r"^[A-Za-z]{2}[\s./-]*\d")
_DIGITS_ONLY = re.compile(r"^[\d\s.]+$")
MIN_DIGITS = 4


class Scope(StrEnum):
    """Which persons a search covers."""

    ACTIVE = "aktif"
    RESIDENTS = "penghuni"
    EVERYONE = "semua"

    @property
    def label(self) -> str:
        return _(_SCOPE_LABELS[self])


_SCOPE_LABELS = {
    Scope.ACTIVE: N_("Penghuni aktif"),
    Scope.RESIDENTS: N_("Semua penghuni (termasuk yang sudah keluar)"),
    Scope.EVERYONE: N_("Semua orang (termasuk calon dan yang tidak diterima)"),
}


@dataclass(frozen=True)
class SearchCriteria:
    name_tokens: tuple[str, ...] = ()
    digits: str = ""
    no_induk: str = ""


def parse_search_text(text: str) -> SearchCriteria:
    """Read what a person typed: a No. Induk, a NIK/No. KK (digits) or name words."""
    text = text.strip()
    if not text:
        return SearchCriteria()
    if _NO_INDUK_START.match(text):
        compact = re.sub(r"[^A-Za-z0-9]", "", text).upper()
        parts = [compact[:2], compact[2:6], compact[6:10], compact[10:]]
        return SearchCriteria(no_induk="-".join(p for p in parts if p))
    if _DIGITS_ONLY.match(text):
        digits = re.sub(r"\D", "", text)
        if len(digits) >= MIN_DIGITS:
            return SearchCriteria(digits=digits)
    return SearchCriteria(name_tokens=name_tokens(text))


# Without search text, a province-wide list of everyone would be 100,000 names nobody scrolls
# through; the first ones by name are shown and the person is asked to type.
UNFILTERED_LIMIT = 2000


def search_residents(ctx: AppContext, text: str, scope: Scope = Scope.ACTIVE) -> list[str]:
    """Ordered ids of the persons matching ``text`` within ``scope``. With no text and a scope
    wider than the current residents, only the first ``UNFILTERED_LIMIT`` by name."""
    ctx.require(Permission.VIEW_RESIDENTS)
    scope = Scope(scope)
    criteria = parse_search_text(text)
    if text.strip() and not (criteria.name_tokens or criteria.digits or criteria.no_induk):
        return []  # only punctuation or too few digits: nothing sensible to match
    panti = ctx.installation.panti_code if ctx.installation.mode is Mode.PANTI else None
    with ctx.reading() as session:
        return search_person_ids(
            session,
            name_tokens=criteria.name_tokens,
            digits=criteria.digits,
            no_induk=criteria.no_induk,
            only_active=scope is Scope.ACTIVE,
            only_residents=scope is Scope.RESIDENTS,
            panti_code=panti,
            limit=UNFILTERED_LIMIT if not text.strip() and scope is not Scope.ACTIVE else None,
        )


@dataclass(frozen=True)
class ResidentListRow:
    """A row of the resident list, formatted for display."""

    person_id: str
    name: str
    sex: str
    age: str
    nik: str
    no_induk: str
    panti_code: str
    admitted_on: str
    ppks: str
    status: CaseStatus
    # A current resident away now (cuti/izin or kabur); shown instead of "Aktif".
    away: StayStatus | None = None

    @property
    def status_label(self) -> str:
        return self.away.label if self.away is not None else self.status.label


def _format_row(row: PersonRow, ctx: AppContext, away: StayStatus | None) -> ResidentListRow:
    today = ctx.clock.today()
    age = ""
    if row.birth_date:
        age = str(age_on(row.birth_date, today))
        if row.birth_date_estimated:
            age = "±" + age
    status = case_status(row.no_induk is not None, row.discharged_on is not None, row.latest_decision)
    return ResidentListRow(
        person_id=row.person_id,
        name=row.name,
        sex=row.sex.value,  # L / P, as on the KTP
        age=age,
        nik=row.nik or row.nik_state.label,
        no_induk=row.no_induk or "",
        panti_code=row.panti_code or "",
        admitted_on=format_date(row.admitted_on),
        ppks=ppks_by_code(row.ppks_code).name if row.ppks_code else "",
        status=status,
        away=away if status is CaseStatus.AKTIF else None,
    )


def resident_list_rows(ctx: AppContext, ids: list[str]) -> list[ResidentListRow]:
    """Display rows for ``ids``, in the same order; ids that vanished meanwhile are skipped."""
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        rows = person_rows(session, ids)
        away = away_by_no_induk(session, [r.no_induk for r in rows.values()
                                          if r.no_induk and r.discharged_on is None])
    return [_format_row(rows[i], ctx, away.get(rows[i].no_induk or "")) for i in ids if i in rows]
