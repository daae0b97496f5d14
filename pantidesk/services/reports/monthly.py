"""Laporan bulanan UPTD (DOMAIN.md §5.1): the month's balance of residents, who they are, how full
the panti is, and what was done for them.

The balance always closes: residents at the start of the month + admissions − discharges = the end
of the month. A stay counts as a resident on a day from its admission date until the day before
its discharge date; a discharge on the last day of the month is in "keluar" and not at the end.
At the province, the same report covers every panti (or one), with a line per panti.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from pantidesk.clock import WIB
from pantidesk.db.models import (
    Discharge,
    DocumentRequest,
    HealthEvent,
    Incident,
    Panti,
    Person,
    ServiceEvent,
    SpmItemRow,
    Stay,
)
from pantidesk.domain.document_kinds import DocumentKind
from pantidesk.domain.enums import DischargeReason, DocumentStatus, Sex
from pantidesk.domain.roles import Permission
from pantidesk.errors import ValidationError
from pantidesk.i18n import MONTHS, _, format_long_date_id
from pantidesk.reports.document import ReportData, ReportSection, ReportTable
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.report_heading import heading
from pantidesk.services.reports.common import (
    AGE_GROUPS,
    age_group,
    count_rows,
    panti_in_scope,
    ppks_name,
    region_names,
)


def parse_month(text: str) -> tuple[int, int]:
    """``2026-08`` → (2026, 8); refused with a message otherwise."""
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        dt.date(year, month, 1)
    except ValueError as error:
        raise ValidationError(_("Bulan \"{text}\" tidak dikenal; tulis YYYY-MM, mis. 2026-08.")
                              .format(text=text)) from error
    return year, month


@dataclass(frozen=True)
class Resident:
    """One stay as the balance sees it."""

    panti_code: str
    sex: Sex
    birth_date: dt.date | None
    origin: str
    ppks_code: int | None
    admitted_on: dt.date
    discharged_on: dt.date | None
    reason: DischargeReason | None


@dataclass(frozen=True)
class Balance:
    start: tuple[Resident, ...]
    admitted: tuple[Resident, ...]
    discharged: tuple[Resident, ...]
    end: tuple[Resident, ...]


def month_balance(stays: list[Resident], first: dt.date, last: dt.date) -> Balance:
    """Who was there at the start, came, left, and is there at the end of [first, last]."""
    def present_on(stay: Resident, day: dt.date) -> bool:
        return stay.admitted_on <= day and (stay.discharged_on is None
                                            or stay.discharged_on > day)

    start = tuple(s for s in stays if s.admitted_on < first
                  and (s.discharged_on is None or s.discharged_on >= first))
    admitted = tuple(s for s in stays if first <= s.admitted_on <= last)
    discharged = tuple(s for s in stays if s.discharged_on is not None
                       and first <= s.discharged_on <= last)
    end = tuple(s for s in stays if present_on(s, last))
    return Balance(start, admitted, discharged, end)


def _stays(session: Session, panti_codes: list[str], first: dt.date,
           last: dt.date) -> list[Resident]:
    """Stays that touch the month: only these can be in its balance (a panti has thousands of
    finished stays over ten years; the province, tens of thousands)."""
    query = (select(Stay.panti_code, Person.sex, Person.birth_date, Person.origin_regency,
                    Stay.ppks_code, Stay.admitted_on, Discharge.discharged_on, Discharge.reason)
             .join(Person, Person.id == Stay.person_id)
             .outerjoin(Discharge, (Discharge.stay_id == Stay.id) & Discharge.deleted_at.is_(None))
             .where(Stay.deleted_at.is_(None), Stay.panti_code.in_(panti_codes),
                    Stay.admitted_on <= last,
                    or_(Discharge.discharged_on.is_(None), Discharge.discharged_on >= first)))
    return [Resident(code, sex, born, origin or "", ppks, admitted, left, reason)
            for code, sex, born, origin, ppks, admitted, left, reason in session.execute(query)]


def monthly_report(ctx: AppContext, year: int, month: int,
                   panti_code: str | None = None) -> ReportData:
    ctx.require(Permission.VIEW_RESIDENTS)
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    if first > ctx.clock.today():
        raise ValidationError(_("Bulan {month} belum dimulai.").format(month=f"{year}-{month:02d}"))
    with ctx.reading() as session:
        if ctx.installation.mode is Mode.PROVINCE and panti_code is None:
            pantis = list(session.scalars(select(Panti).order_by(Panti.code)))
            office = "Seluruh UPTD Dinas Sosial Provinsi Lampung"
        else:
            single = panti_in_scope(session, ctx, panti_code)
            pantis, office = [single], single.name
        codes = [p.code for p in pantis]
        kop, signatory = heading(session, ctx)
        regions = region_names(session)
        balance = month_balance(_stays(session, codes, first, last), first, last)
        sections = [_balance_section(balance), *_who_sections(balance, last, regions),
                    _occupancy_section(pantis, balance)]
        sections += _activity_sections(session, codes, first, last)
    return ReportData(
        kind=DocumentKind.MONTHLY_REPORT.value, title="Laporan Bulanan",
        subtitle=f"{office} — {MONTHS[month - 1]} {year} "
                 f"({format_long_date_id(first)} s.d. {format_long_date_id(last)})",
        kop=kop, signatory=signatory, sections=tuple(sections))


def _by_sex(rows: tuple[Resident, ...]) -> tuple[str, str, str]:
    male = sum(1 for r in rows if r.sex is Sex.L)
    return str(male), str(len(rows) - male), str(len(rows))


def _balance_section(balance: Balance) -> ReportSection:
    table = ReportTable(
        "", ("Uraian", "L", "P", "Jumlah"),
        (("Penerima manfaat awal bulan", *_by_sex(balance.start)),
         ("Masuk (penetapan baru)", *_by_sex(balance.admitted)),
         ("Keluar (terminasi)", *_by_sex(balance.discharged)),
         ("Penerima manfaat akhir bulan", *_by_sex(balance.end))),
        (90, 20, 20, 25), right_aligned=frozenset({1, 2, 3}), total_row=True)
    order = [reason.label for reason in DischargeReason]
    reasons = count_rows((r.reason.label for r in balance.discharged if r.reason), order)
    by_reason = ReportTable("Keluar menurut alasan terminasi", ("Alasan", "Jumlah"),
                            tuple((label, str(n)) for label, n in reasons), (120, 30),
                            right_aligned=frozenset({1}),
                            empty_text="Tidak ada terminasi bulan ini.")
    check = (f"Awal {len(balance.start)} + masuk {len(balance.admitted)} − keluar "
             f"{len(balance.discharged)} = akhir {len(balance.end)}.")
    return ReportSection("A. Keadaan penerima manfaat", paragraphs=(check,),
                         tables=(table, by_reason))


def _who_sections(balance: Balance, last: dt.date,
                  regions: dict[str, str]) -> list[ReportSection]:
    end = balance.end

    def split(key_of) -> tuple[tuple[str, ...], ...]:  # type: ignore[no-untyped-def]
        counts: Counter[tuple[str, Sex]] = Counter((key_of(r), r.sex) for r in end)
        keys = sorted({k for k, _sex in counts}, key=lambda k: -sum(
            n for (kk, _s), n in counts.items() if kk == k))
        rows = [(k, str(counts[(k, Sex.L)]), str(counts[(k, Sex.P)]),
                 str(counts[(k, Sex.L)] + counts[(k, Sex.P)])) for k in keys]
        rows.append(("Jumlah", *_by_sex(end)))
        return tuple(rows)

    header = ("", "L", "P", "Jumlah")
    widths = (90, 20, 20, 25)
    right = frozenset({1, 2, 3})
    age_order = [label for _low, _high, label in AGE_GROUPS]
    ages = split(lambda r: age_group(r.birth_date, last))
    ages = tuple(sorted(ages[:-1], key=lambda row: age_order.index(row[0])
                        if row[0] in age_order else len(age_order))) + ages[-1:]
    return [ReportSection("B. Penerima manfaat akhir bulan", tables=(
        ReportTable("Menurut jenis PPKS", ("Jenis PPKS", *header[1:]),
                    split(lambda r: ppks_name(r.ppks_code)), widths, right, True),
        ReportTable("Menurut kelompok umur", ("Kelompok umur", *header[1:]), ages, widths,
                    right, True),
        ReportTable("Menurut kabupaten/kota asal", ("Kabupaten/kota asal", *header[1:]),
                    split(lambda r: regions.get(r.origin, "") or "Tidak diketahui"), widths,
                    right, True),
    ))]


def _occupancy_section(pantis: list[Panti], balance: Balance) -> ReportSection:
    per_panti = Counter(r.panti_code for r in balance.end)
    rows = []
    for panti in pantis:
        active = per_panti.get(panti.code, 0)
        percent = f"{round(100 * active / panti.capacity)}%" if panti.capacity else "—"
        rows.append((panti.name, str(panti.capacity), str(active), percent))
    if len(pantis) > 1:
        capacity = sum(p.capacity for p in pantis)
        total = len(balance.end)
        rows.append(("Jumlah", str(capacity), str(total),
                     f"{round(100 * total / capacity)}%" if capacity else "—"))
    table = ReportTable("", ("UPTD", "Daya tampung", "Penghuni akhir bulan", "Keterisian"),
                        tuple(rows), (80, 25, 30, 25), frozenset({1, 2, 3}), len(pantis) > 1)
    return ReportSection("C. Keterisian", tables=(table,))


def _activity_sections(session: Session, codes: list[str], first: dt.date,
                       last: dt.date) -> list[ReportSection]:
    """Services, documents, health and incidents — only the parts that have data this month."""
    in_scope = select(Stay.id).where(Stay.panti_code.in_(codes)).scalar_subquery()
    sections: list[ReportSection] = []
    services = session.execute(
        select(SpmItemRow.name, func.count(), func.count(func.distinct(ServiceEvent.stay_id)))
        .join(SpmItemRow, SpmItemRow.code == ServiceEvent.spm_code)
        .where(ServiceEvent.deleted_at.is_(None), ServiceEvent.stay_id.in_(in_scope),
               ServiceEvent.delivered_on.between(first, last))
        .group_by(SpmItemRow.name).order_by(SpmItemRow.name)).all()
    if services:
        sections.append(ReportSection("D. Layanan yang diberikan", tables=(ReportTable(
            "Menurut butir SPM", ("Butir layanan SPM", "Kali diberikan", "Penerima manfaat"),
            tuple((name, str(times), str(people)) for name, times, people in services),
            (90, 30, 30), frozenset({1, 2})),)))
    documents = session.execute(
        select(DocumentRequest.document, DocumentRequest.status, DocumentRequest.submitted_on,
               DocumentRequest.issued_on)
        .where(DocumentRequest.deleted_at.is_(None), DocumentRequest.stay_id.in_(in_scope),
               (DocumentRequest.submitted_on.between(first, last))
               | (DocumentRequest.issued_on.between(first, last))
               | DocumentRequest.status.in_((DocumentStatus.SUBMITTED,
                                             DocumentStatus.IN_PROCESS)))).all()
    if documents:
        per: dict[str, list[int]] = {}
        for document, status, submitted, issued in documents:
            counts = per.setdefault(document.label, [0, 0, 0])
            counts[0] += int(first <= submitted <= last)
            counts[1] += int(issued is not None and first <= issued <= last)
            counts[2] += int(status in (DocumentStatus.SUBMITTED, DocumentStatus.IN_PROCESS))
        sections.append(ReportSection("E. Fasilitasi dokumen kependudukan", tables=(ReportTable(
            "", ("Dokumen", "Diajukan bulan ini", "Terbit bulan ini", "Masih diproses"),
            tuple((name, *(str(n) for n in counts)) for name, counts in sorted(per.items())),
            (70, 28, 28, 28), frozenset({1, 2, 3})),)))
    health = session.execute(
        select(HealthEvent.kind, func.count()).where(
            HealthEvent.deleted_at.is_(None), HealthEvent.stay_id.in_(in_scope),
            HealthEvent.occurred_on.between(first, last)).group_by(HealthEvent.kind)).all()
    incidents = session.execute(
        select(Incident.kind, func.count()).where(
            Incident.deleted_at.is_(None), Incident.stay_id.in_(in_scope),
            Incident.occurred_at >= dt.datetime.combine(first, dt.time(), WIB),
            Incident.occurred_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time(),
                                                       WIB))
        .group_by(Incident.kind)).all()
    tables = []
    if health:
        tables.append(ReportTable("Kesehatan", ("Kejadian", "Jumlah"),
                                  tuple((kind.label, str(n)) for kind, n in health), (120, 30),
                                  frozenset({1})))
    if incidents:
        tables.append(ReportTable("Insiden", ("Jenis insiden", "Jumlah"),
                                  tuple((kind.label, str(n)) for kind, n in incidents), (120, 30),
                                  frozenset({1})))
    if tables:
        sections.append(ReportSection("F. Kesehatan dan insiden", tables=tuple(tables)))
    return sections
