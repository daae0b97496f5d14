"""Buku induk: every resident the panti has had, one line per stay, in order of No. Induk."""

from __future__ import annotations

from sqlalchemy import select

from pantidesk.db.models import Discharge, Person, Stay
from pantidesk.domain.document_kinds import DocumentKind
from pantidesk.domain.roles import Permission
from pantidesk.i18n import format_date, format_long_date_id
from pantidesk.reports.document import ReportData, ReportSection, ReportTable
from pantidesk.services.context import AppContext
from pantidesk.services.report_heading import heading
from pantidesk.services.reports.common import panti_in_scope, ppks_name, region_names

HEADER = ("No.", "No. Induk", "Nama", "L/P", "Tempat, tanggal lahir", "NIK", "Asal kab/kota",
          "Jenis PPKS", "Tanggal masuk", "SK penetapan", "Keluar")
WIDTHS = (9, 28, 32, 8, 29, 34, 23, 23, 21, 24, 23)  # mm on a landscape page (252 mm)


def register_report(ctx: AppContext, panti_code: str | None = None,
                    current_only: bool = False) -> ReportData:
    """The register of a panti: all stays, or only current residents."""
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        panti = panti_in_scope(session, ctx, panti_code)
        kop, signatory = heading(session, ctx)
        regions = region_names(session)
        query = (select(Stay, Person, Discharge)
                 .join(Person, Person.id == Stay.person_id)
                 .outerjoin(Discharge, (Discharge.stay_id == Stay.id)
                            & Discharge.deleted_at.is_(None))
                 .where(Stay.panti_code == panti.code, Stay.deleted_at.is_(None))
                 .order_by(Stay.admitted_on, Stay.no_induk))
        if current_only:  # filtered in SQL: a panti has had thousands of stays over the years
            query = query.where(Discharge.id.is_(None))
        rows: list[tuple[str, ...]] = []
        for stay, person, discharge in session.execute(query):
            born = ", ".join(part for part in (person.birth_place,
                                               format_date(person.birth_date)) if part)
            sk = " / ".join(part for part in (stay.sk_number, format_date(stay.sk_date)) if part)
            left = (f"{format_date(discharge.discharged_on)} ({discharge.reason.label})"
                    if discharge is not None else "")
            rows.append((str(len(rows) + 1), stay.no_induk, person.name, person.sex.value, born,
                         person.nik or "", regions.get(person.origin_regency or "", ""),
                         ppks_name(stay.ppks_code), format_date(stay.admitted_on), sk, left))
    today = ctx.clock.today()
    scope = "penghuni saat ini" if current_only else "semua penerima manfaat"
    table = ReportTable("", HEADER, tuple(rows), WIDTHS, right_aligned=frozenset({0}),
                        empty_text="Belum ada penerima manfaat.")
    return ReportData(
        kind=DocumentKind.REGISTER.value, title="Buku Induk Penerima Manfaat",
        subtitle=f"{panti.name} — {scope}, keadaan {format_long_date_id(today)} "
                 f"({len(rows)} orang)",
        kop=kop, signatory=signatory,
        sections=(ReportSection("Daftar penerima manfaat", tables=(table,)),), landscape=True)
