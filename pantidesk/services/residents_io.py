"""Residents to and from spreadsheets: the import (with its dry run), the export and the template.

Panti keep their register in Excel; the import brings the residents who live in the panti today
into PantiDesk, and the export gives the list back as a sheet. Imported rows are residents already
admitted on paper: each gets (or reuses) a person, an arrival with its source, an assessment
decided "diterima" that says it was imported, and an open stay with a new No. Induk from
``tanggal_masuk``. The whole import is one transaction: every valid row or, on any failure, none.
A dry run runs the same checks on a read-only session and writes nothing. Both the import and the
export (a disclosure of personal data) are audited with who, the file and the counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from pantidesk.clock import WIB
from pantidesk.db.models import Assessment, Discharge, Intake, Panti, Person, Stay
from pantidesk.db.queries.stays import next_no_induk
from pantidesk.db.uow import record_audit
from pantidesk.domain.enums import AssessmentDecision
from pantidesk.domain.lifecycle import CaseStatus
from pantidesk.domain.ppks import ppks_by_code
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.person_rules import PersonInput
from pantidesk.services.spreadsheet.choices import region_text
from pantidesk.services.spreadsheet.columns import EXPORT_ORDER
from pantidesk.services.spreadsheet.matching import Planned, plan_rows
from pantidesk.services.spreadsheet.reading import Sheet, SheetRefused, read_sheet
from pantidesk.services.spreadsheet.report import ImportReport, RowOutcome, RowStatus
from pantidesk.services.spreadsheet.values import RowFacts, check_row
from pantidesk.services.spreadsheet.writing import Value, export_format, write_rows, write_template

__all__ = ["ExportResult", "ImportReport", "RowOutcome", "RowStatus", "SheetRefused",
           "export_residents", "import_residents", "save_template"]


def import_residents(ctx: AppContext, path: Path, *, dry_run: bool = False) -> ImportReport:
    """Import the residents listed in ``path`` (.xlsx or .csv), or with ``dry_run`` only say what
    would happen. A file that cannot be read is refused whole (``SheetRefused``)."""
    ctx.require(Permission.IMPORT_RESIDENTS)
    if ctx.installation.mode is not Mode.PANTI or ctx.installation.panti_code is None:
        raise ConflictError(_("Penghuni diimpor di panti, bukan di kantor provinsi."))
    sheet = read_sheet(path)
    if not sheet.rows:
        raise SheetRefused(_("{file}: tidak ada baris data di bawah baris judul.").format(
            file=sheet.file_name))
    if dry_run:
        with ctx.reading() as session:
            return _report(sheet, True, _plan(ctx, session, sheet), {})
    with ctx.unit_of_work() as session:
        plan = _plan(ctx, session, sheet)
        numbers = _apply(ctx, session, sheet.file_name, plan)
        report = _report(sheet, False, plan, numbers)
        record_audit(session, "import", "person", summary=_(
            "Impor penghuni dari {file}: {imported} diimpor, {skipped} dilewati, {rejected} "
            "ditolak").format(file=sheet.file_name, imported=report.imported,
                              skipped=report.skipped, rejected=report.rejected))
    return report


def _plan(ctx: AppContext, session: Session, sheet: Sheet) -> list[Planned | RowOutcome]:
    code = ctx.installation.panti_code
    assert code is not None
    panti = session.get(Panti, code)
    assert panti is not None  # seeded with the installation
    facts = RowFacts(code, panti.cluster, ctx.clock.now())
    return plan_rows(session, [check_row(row, facts) for row in sheet.rows], code)


def _apply(ctx: AppContext, session: Session, file_name: str,
           plan: list[Planned | RowOutcome]) -> dict[int, str]:
    """Write the planned rows; the No. Induk of each, by row number. Serials follow the admission
    dates, as they would have been issued on paper."""
    code = ctx.installation.panti_code
    assert code is not None
    planned = sorted((p for p in plan if isinstance(p, Planned)),
                     key=lambda p: (p.row.admitted_on, p.row.number))
    numbers = {}
    for item in planned:
        row = item.row
        person = session.get(Person, item.person_id) if item.person_id else None
        if person is None:
            person = _new_person(row.person)
            session.add(person)
            session.flush()
        note = _("Diimpor dari lembar kerja {file}, baris {row}.").format(file=file_name,
                                                                         row=row.number)
        if row.no_induk_in_file:
            note += " " + _("Nomor induk di berkas: {no}.").format(no=row.no_induk_in_file)
        intake = Intake(
            person_id=person.id, panti_code=code, source=row.intake.source,
            referring_agency=row.intake.referring_agency,
            arrived_at=dt.datetime.combine(row.admitted_on, dt.time(), WIB), notes=note)
        session.add(intake)
        session.flush()
        assessment = Assessment(
            person_id=person.id, intake_id=intake.id, panti_code=code,
            assessed_on=row.admitted_on, ppks_code=row.ppks_code,
            decision=AssessmentDecision.ADMIT, decided_on=row.admitted_on,
            decision_reason=_("Penghuni yang sudah tinggal di panti sebelum PantiDesk dipakai; "
                              "asesmen dan SK penetapan ada pada berkas kertas. {note}").format(
                note=note))
        session.add(assessment)
        session.flush()
        stay = Stay(
            person_id=person.id, panti_code=code, assessment_id=assessment.id,
            ppks_code=row.ppks_code, admitted_on=row.admitted_on,
            no_induk=next_no_induk(session, code, row.admitted_on.year),
            owner_panti=code, owner_epoch=1)
        session.add(stay)
        session.flush()
        numbers[row.number] = stay.no_induk
    return numbers


def _new_person(data: PersonInput) -> Person:
    values = vars(data).copy()
    values["nik"] = data.nik or None
    values["no_kk"] = data.no_kk or None
    return Person(**values)


def _report(sheet: Sheet, dry_run: bool, plan: list[Planned | RowOutcome],
            numbers: dict[int, str]) -> ImportReport:
    rows = []
    for item in plan:
        if isinstance(item, RowOutcome):
            rows.append(item)
            continue
        warnings = item.row.warnings + ((item.note,) if item.note else ())
        rows.append(RowOutcome(item.row.number, item.row.person.name, RowStatus.IMPORT,
                               warnings=warnings, no_induk=numbers.get(item.row.number, "")))
    return ImportReport(sheet.file_name, sheet.sheet_name, dry_run, tuple(rows))


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


def export_residents(ctx: AppContext, path: Path, *, include_discharged: bool = False
                     ) -> ExportResult:
    """Write this panti's current residents (with ``include_discharged`` every stay, also those
    ended) to ``path`` (.xlsx or .csv). In the province office: the residents of every panti."""
    ctx.require(Permission.EXPORT_RESIDENTS)
    export_format(path)
    panti = ctx.installation.panti_code if ctx.installation.mode is Mode.PANTI else None
    with ctx.unit_of_work() as session:
        rows = _export_rows(session, panti, include_discharged)
        scope = _("termasuk yang sudah keluar") if include_discharged else _("penghuni aktif")
        record_audit(session, "export", "person", summary=_(
            "Ekspor penghuni ke {file}: {count} baris ({scope})").format(
            file=path.name, count=len(rows), scope=scope))
        write_rows(path, EXPORT_ORDER, rows)  # before the commit: no file, no audit row
    return ExportResult(path, len(rows))


def _export_rows(session: Session, panti: str | None, include_discharged: bool
                 ) -> list[dict[str, Value]]:
    query = (
        select(Stay, Person, Intake, Discharge.id)
        .join(Person, Person.id == Stay.person_id)
        .outerjoin(Assessment, Assessment.id == Stay.assessment_id)
        .outerjoin(Intake, Intake.id == Assessment.intake_id)
        .outerjoin(Discharge, and_(Discharge.stay_id == Stay.id, Discharge.deleted_at.is_(None)))
        .where(Stay.deleted_at.is_(None), Person.deleted_at.is_(None))
        .order_by(Person.name_sort, Stay.admitted_on, Stay.no_induk)
    )
    if panti is not None:
        query = query.where(Stay.panti_code == panti)
    if not include_discharged:
        query = query.where(Discharge.id.is_(None))
    rows = []
    for stay, person, intake, discharge_id in session.execute(query):
        if intake is None:
            intake = _arrival_before(session, stay)
        status = CaseStatus.KELUAR if discharge_id else CaseStatus.AKTIF
        rows.append({
            "no_induk": stay.no_induk, "nama": person.name, "nik": person.nik or "",
            "no_kk": person.no_kk or "", "jenis_kelamin": person.sex.value,
            "tempat_lahir": person.birth_place, "tanggal_lahir": person.birth_date,
            "agama": person.religion.source_label if person.religion else "",
            "pendidikan": person.education.source_label if person.education else "",
            "status_perkawinan": person.marital_status.source_label
            if person.marital_status else "",
            "alamat_asal": person.address, "kab_kota_asal": region_text(person.origin_regency),
            "jenis_ppks": ppks_by_code(stay.ppks_code).name if stay.ppks_code else "",
            "tanggal_masuk": stay.admitted_on,
            "sumber_rujukan": intake.source.source_label if intake else "",
            "instansi_pengirim": intake.referring_agency if intake else "",
            "panti": stay.panti_code, "status": status.source_label,
        })
    return rows


def _arrival_before(session: Session, stay: Stay) -> Intake | None:
    """The person's last arrival at the stay's panti up to its admission (a stay not linked to
    an assessment)."""
    admitted = dt.datetime.combine(stay.admitted_on + dt.timedelta(days=1), dt.time(), WIB)
    return session.scalar(
        select(Intake).where(Intake.person_id == stay.person_id,
                             Intake.panti_code == stay.panti_code, Intake.deleted_at.is_(None),
                             Intake.arrived_at < admitted)
        .order_by(Intake.arrived_at.desc()).limit(1))


def save_template(path: Path) -> Path:
    """Write the import template (.xlsx) with its "Petunjuk" sheet; no database needed."""
    write_template(path)
    return path
