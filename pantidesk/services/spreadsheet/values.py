"""One data row of a resident sheet turned into checked person, arrival and stay values.

The identity goes through the same ``check_person`` and ``check_intake`` rules as the intake form,
so a sheet cannot put in what the form would refuse. Every problem is reported against the column
it comes from; warnings (a NIK that does not match the birth date, an age outside the panti's band)
do not stop the row, they are listed with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from pantidesk.clock import WIB
from pantidesk.domain.eligibility import AdmissionFacts, admission_exceptions
from pantidesk.domain.enums import Cluster, IntakeSource, NikState
from pantidesk.domain.registration import FIRST_YEAR
from pantidesk.errors import ValidationError
from pantidesk.i18n import _, format_date
from pantidesk.services.person_rules import (
    IntakeInput,
    PersonInput,
    check_intake,
    check_person,
    clean_text,
)
from pantidesk.services.spreadsheet import choices
from pantidesk.services.spreadsheet.cells import (
    Cell,
    cell_date,
    cell_identity_number,
    cell_text,
    is_blank,
)
from pantidesk.services.spreadsheet.columns import ALL_COLUMNS, IMPORT_COLUMNS
from pantidesk.services.spreadsheet.reading import DataRow
from pantidesk.services.spreadsheet.report import RowIssue, RowOutcome, RowStatus

T = TypeVar("T")
ACTIVE_WORDS = frozenset({"aktif", "active"})
# The template's example row, left in by mistake, is recognised and never imported.
_EXAMPLE = {c.name: c.example for c in IMPORT_COLUMNS if c.example}
# Field names of the shared rules → the sheet's columns.
_COLUMN_OF = {
    "name": "nama", "sex": "jenis_kelamin", "birth_date": "tanggal_lahir", "nik": "nik",
    "no_kk": "no_kk", "birth_place": "tempat_lahir", "origin_regency": "kab_kota_asal",
    "source": "sumber_rujukan", "referring_agency": "instansi_pengirim",
    "arrived_at": "tanggal_masuk", "intake.source": "sumber_rujukan",
    "intake.referring_agency": "instansi_pengirim", "intake.arrived_at": "tanggal_masuk",
}


@dataclass(frozen=True)
class RowFacts:
    """What the row checks need to know: the panti, its cluster, and the current time."""

    panti_code: str
    cluster: Cluster
    now: dt.datetime

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(WIB).date()


@dataclass(frozen=True)
class ResidentRow:
    """A row that passed every check: a resident to record (or to find already recorded)."""

    number: int
    person: PersonInput
    intake: IntakeInput
    ppks_code: int
    admitted_on: dt.date
    no_induk_in_file: str
    warnings: tuple[str, ...]


class _Cells:
    """The cells of one row, collecting an issue per column instead of stopping at the first."""

    def __init__(self, row: DataRow) -> None:
        self.cells = row.cells
        self.issues: list[RowIssue] = []

    def text(self, column: str) -> str:
        return clean_text(cell_text(self.cells.get(column)))

    def has_issue(self, column: str) -> bool:
        return any(issue.column == column for issue in self.issues)

    def add(self, column: str, message: str) -> None:
        if not self.has_issue(column):
            self.issues.append(RowIssue(column, message))

    def read(self, column: str, parse: Callable[[Cell], T]) -> T | None:
        cell = self.cells.get(column)
        if is_blank(cell):
            if ALL_COLUMNS[column].required:
                self.add(column, _("wajib diisi."))
            return None
        try:
            return parse(cell)
        except ValidationError as exc:
            self.add(column, exc.message)
            return None


def check_row(row: DataRow, facts: RowFacts) -> ResidentRow | RowOutcome:
    """The checked values of ``row``, or its outcome when it is rejected or skipped."""
    cells = _Cells(row)
    name = cells.text("nama")
    if all(cell_text(row.cells.get(column)) == example for column, example in _EXAMPLE.items()):
        return RowOutcome(row.number, name, RowStatus.SKIP, (RowIssue("", _(
            "baris contoh dari templat."),),))
    status = cells.text("status")
    if status and choices.word_key(status) not in ACTIVE_WORDS:
        return RowOutcome(row.number, name, RowStatus.SKIP, (RowIssue("status", _(
            "berstatus \"{status}\"; hanya penghuni aktif yang diimpor.").format(
            status=status)),))
    panti = cells.text("panti").upper()
    if panti and panti != facts.panti_code:
        cells.add("panti", _("baris ini untuk panti {code}, bukan panti ini ({here}).").format(
            code=panti, here=facts.panti_code))

    person, ppks_code, admitted_on = _person(cells, facts)
    warnings: list[str] = []
    checked, problems = check_person(person, facts.today)
    for field, message in problems.errors.items():
        cells.add(_COLUMN_OF.get(field, ""), message)
    warnings += problems.warnings

    source = cells.read("sumber_rujukan", lambda c: choices.intake_source_from(cell_text(c)))
    arrived = dt.datetime.combine(admitted_on, dt.time(), WIB) if admitted_on else None
    intake, intake_problems = check_intake(
        IntakeInput(source=source or IntakeSource.DATANG_SENDIRI, arrived_at=arrived,
                    referring_agency=cells.text("instansi_pengirim")),
        facts.now, checked.birth_date)
    for field, message in intake_problems.errors.items():
        cells.add(_COLUMN_OF.get(field, ""), message)  # a column already refused keeps its reason

    if cells.issues or ppks_code is None or admitted_on is None:
        return RowOutcome(row.number, name, RowStatus.REJECT, tuple(cells.issues))
    warnings += admission_exceptions(AdmissionFacts(
        panti_code=facts.panti_code, cluster=facts.cluster, capacity=1, occupied=0,
        ppks_code=ppks_code, birth_date=checked.birth_date, birth_date_estimated=False,
        assessed_on=admitted_on, family_found=None, family_can_care=None, family_safe=None,
        has_disability=True))  # only the age band applies here; the rest is checked below
    return ResidentRow(row.number, checked, intake, ppks_code, admitted_on,
                       cells.text("no_induk").upper(), tuple(warnings))


def _person(cells: _Cells, facts: RowFacts) -> tuple[PersonInput, int | None, dt.date | None]:
    """The identity as typed (checked afterwards), the PPKS number and the admission date."""
    def text_choice(parse: Callable[[str], T]) -> Callable[[Cell], T]:
        return lambda cell: parse(cell_text(cell))

    name = cells.text("nama")
    if not name:
        cells.add("nama", _("wajib diisi."))
    nik = cells.read("nik", lambda c: cell_identity_number(c, "NIK")) or ""
    no_kk = cells.read("no_kk", lambda c: cell_identity_number(c, _("No. KK"))) or ""
    sex = cells.read("jenis_kelamin", text_choice(choices.sex_from))
    birth = cells.read("tanggal_lahir", lambda c: cell_date(c, _("Tanggal lahir")))
    region = cells.read("kab_kota_asal", text_choice(choices.region_from))
    person = PersonInput(
        name=name, sex=sex, birth_date=birth,
        nik_state=NikState.PUNYA if nik else NikState.BELUM_ADA, nik=nik, no_kk=no_kk,
        birth_place=cells.text("tempat_lahir"),
        religion=cells.read("agama", text_choice(choices.religion_from)),
        education=cells.read("pendidikan", text_choice(choices.education_from)),
        marital_status=cells.read("status_perkawinan",
                                  text_choice(choices.marital_status_from)),
        address=cell_text(cells.cells.get("alamat_asal")),
        origin_regency=region.code if region else None,
    )

    ppks = cells.read("jenis_ppks", text_choice(choices.ppks_from))
    if ppks is not None and facts.cluster not in ppks.clusters:
        cells.add("jenis_ppks", _("Jenis PPKS \"{ppks}\" tidak dilayani klaster {cluster} "
                                  "panti ini.").format(ppks=_(ppks.name),
                                                      cluster=facts.cluster.label))
    admitted = cells.read("tanggal_masuk", lambda c: cell_date(c, _("Tanggal masuk")))
    if admitted is not None:
        if admitted > facts.today:
            cells.add("tanggal_masuk", _("Tanggal masuk {date} belum terjadi.").format(
                date=format_date(admitted)))
        elif birth is not None and admitted < birth:
            cells.add("tanggal_masuk", _("Tanggal masuk {date} sebelum tanggal lahir.").format(
                date=format_date(admitted)))
        elif admitted.year < FIRST_YEAR:
            cells.add("tanggal_masuk", _("Tanggal masuk {date} tidak masuk akal.").format(
                date=format_date(admitted)))
    return person, ppks.code if ppks else None, admitted
