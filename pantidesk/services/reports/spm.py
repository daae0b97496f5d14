"""Laporan SPM per triwulan (DOMAIN.md §3.3): how many of the persons who need in-panti basic
social rehabilitation, by assessment, had their basic needs met — and the list behind the numbers.

Our reading of the SIPD indicator (S21), stated so it can be argued with:
- **Denominator** — the assessed need of the quarter: every resident whose stay was open on at
  least one day of it, plus every person the panti assessed in it and returned to their family
  (the assessment found the need, and the family could meet it). Persons judged not eligible or
  referred to another service are not this panti's need and are left out.
- **Numerator** — residents whose SPM checklist for the quarter is met (every item due was
  delivered, computed by ``domain.spm_checklist``), plus those returned to their family: "dan/atau
  dipulangkan ke keluarga/daerah asal sesuai kebutuhan hasil asesmen" counts as met.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select

from pantidesk.db.models import Assessment, Panti, Person
from pantidesk.domain.document_kinds import DocumentKind
from pantidesk.domain.enums import AssessmentDecision, Cluster
from pantidesk.domain.roles import Permission
from pantidesk.domain.spm_checklist import ItemStatus, Quarter
from pantidesk.errors import ValidationError
from pantidesk.i18n import _, format_date
from pantidesk.reports.document import ReportData, ReportSection, ReportTable
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.report_heading import heading
from pantidesk.services.spm_checklist import format_percent, quarter_checklist


@dataclass(frozen=True)
class Counted:
    """One person in the SPM count."""

    panti_code: str
    no_induk: str
    name: str
    returned_to_family: bool
    met: bool
    missing: tuple[str, ...]  # item names not delivered (residents only)


@dataclass(frozen=True)
class SpmFigures:
    quarter: Quarter
    cluster: Cluster
    persons: tuple[Counted, ...]
    items: tuple[tuple[str, int, int], ...]  # item name, persons it was due for, delivered to

    @property
    def denominator(self) -> int:
        return len(self.persons)

    @property
    def numerator(self) -> int:
        return sum(1 for p in self.persons if p.met)

    @property
    def percent(self) -> float | None:
        return 100.0 * self.numerator / self.denominator if self.denominator else None


def spm_figures(ctx: AppContext, quarter: Quarter, panti_code: str | None = None,
                cluster: Cluster | None = None) -> tuple[SpmFigures, list[Panti]]:
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        if ctx.installation.mode is Mode.PANTI:
            pantis = [session.get(Panti, ctx.installation.panti_code)]
        elif panti_code:
            pantis = [session.get(Panti, panti_code)]
        elif cluster is not None:
            pantis = list(session.scalars(select(Panti).where(Panti.cluster == cluster)
                                          .order_by(Panti.code)))
        else:
            raise ValidationError(_("Pilih panti atau klaster untuk laporan SPM."))
    chosen = [p for p in pantis if p is not None]
    if not chosen:
        raise ValidationError(_("Panti tidak dikenal."))
    persons: list[Counted] = []
    due: Counter[str] = Counter()
    given: Counter[str] = Counter()
    for panti in chosen:
        checklist = quarter_checklist(ctx, quarter, panti.code)
        for row in checklist.rows:
            missing = tuple(c.item.name for c in row.checklist.missing)
            persons.append(Counted(panti.code, row.no_induk, row.name, False, row.met, missing))
            for check in row.checklist.items:
                if check.status in (ItemStatus.DELIVERED, ItemStatus.MISSING):
                    due[check.item.name] += 1
                if check.status is ItemStatus.DELIVERED:
                    given[check.item.name] += 1
        persons += _returned_to_family(ctx, quarter, panti.code)
    items = tuple((name, due[name], given[name]) for name in due)
    return SpmFigures(quarter, chosen[0].cluster, tuple(persons), items), chosen


def _returned_to_family(ctx: AppContext, quarter: Quarter, panti_code: str) -> list[Counted]:
    decided = func.coalesce(Assessment.decided_on, Assessment.assessed_on)
    with ctx.reading() as session:
        rows = session.execute(
            select(Person.name).select_from(Assessment)
            .join(Person, Person.id == Assessment.person_id)
            .where(Assessment.panti_code == panti_code, Assessment.deleted_at.is_(None),
                   Assessment.decision == AssessmentDecision.RETURN_TO_FAMILY,
                   decided.between(quarter.start, quarter.end))
            .order_by(Person.name)).scalars().all()
    return [Counted(panti_code, "", name, True, True, ()) for name in rows]


def spm_report(ctx: AppContext, quarter: Quarter, panti_code: str | None = None,
               cluster: Cluster | None = None) -> ReportData:
    figures, pantis = spm_figures(ctx, quarter, panti_code, cluster)
    with ctx.reading() as session:
        kop, signatory = heading(session, ctx)
    residents = [p for p in figures.persons if not p.returned_to_family]
    returned = [p for p in figures.persons if p.returned_to_family]
    percent = f"{format_percent(figures.percent)}%" if figures.percent is not None else "—"
    summary = ReportTable("", ("Uraian", "Jumlah"), (
        ("Penerima manfaat di dalam panti pada triwulan ini", str(len(residents))),
        ("  di antaranya terpenuhi kebutuhan dasarnya", str(sum(p.met for p in residents))),
        ("Dikembalikan ke keluarga sesuai hasil asesmen", str(len(returned))),
        ("Penyebut: kebutuhan hasil asesmen", str(figures.denominator)),
        ("Pembilang: terpenuhi kebutuhan dasarnya", str(figures.numerator)),
        ("Capaian SPM", percent),
    ), (120, 30), frozenset({1}), total_row=True)
    by_item = ReportTable("Menurut butir layanan", ("Butir SPM", "Wajib diberikan",
                                                    "Sudah diberikan", "Belum"),
                          tuple((name, str(n), str(g), str(n - g))
                                for name, n, g in figures.items),
                          (90, 28, 28, 20), frozenset({1, 2, 3}))
    many = len(pantis) > 1
    header = (("No.", "Panti") if many else ("No.",)) + ("No. Induk", "Nama", "Keterangan",
                                                         "Terpenuhi", "Butir belum diberikan")
    rows = []
    for number, person in enumerate(figures.persons, start=1):
        where = "Dikembalikan ke keluarga" if person.returned_to_family else "Di dalam panti"
        rows.append(((str(number), person.panti_code) if many else (str(number),)) + (
            person.no_induk or "—", person.name, where, "Ya" if person.met else "Belum",
            ", ".join(person.missing)))
    widths = ((9, 11, 27, 36, 26, 20, 36) if many else (10, 28, 41, 28, 20, 38))  # mm, 165 in all
    names = ", ".join(p.name for p in pantis)
    if figures.quarter.end > ctx.clock.today():
        note = (f"Triwulan masih berjalan: angka sampai {format_date(ctx.clock.today())}.")
    else:
        note = "Triwulan sudah berakhir."
    method = ("Penyebut: penerima manfaat yang tinggal di panti paling sedikit satu hari pada "
              "triwulan ini ditambah orang yang diasesmen dan dikembalikan ke keluarga. "
              "Terpenuhi: semua butir SPM yang wajib pada triwulan ini sudah diberikan "
              "(dihitung dari layanan yang dicatat), atau dikembalikan ke keluarga.")
    return ReportData(
        kind=DocumentKind.SPM_REPORT.value, title="Laporan Capaian SPM",
        subtitle=f"{names} — klaster {figures.cluster.source_label.lower()} — "
                 f"Triwulan {figures.quarter.roman} {figures.quarter.year}",
        kop=kop, signatory=signatory, landscape=False,
        sections=(ReportSection("A. Capaian", paragraphs=(note,), tables=(summary, by_item)),
                  ReportSection("B. Daftar penerima manfaat yang dihitung",
                                paragraphs=(method,),
                                tables=(ReportTable("", header, tuple(rows), widths,
                                                    frozenset({0}),
                                                    empty_text="Tidak ada yang dihitung."),))))
