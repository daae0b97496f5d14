"""Every table of a report as an XLSX workbook: one sheet per table, the report's title and
document number on top, figures as numbers, every text cell neutralised against formulas."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from pantidesk.db.uow import record_audit
from pantidesk.domain.roles import Permission
from pantidesk.i18n import _
from pantidesk.reports.document import ReportData, ReportTable
from pantidesk.services.context import AppContext
from pantidesk.services.spreadsheet.cells import neutralise

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_WHOLE_NUMBER = re.compile(r"-?[0-9]+")


def report_workbook(ctx: AppContext, data: ReportData, number: str) -> bytes:
    """The workbook bytes; writing them is an export of the report's data, so it is audited."""
    ctx.require(Permission.VIEW_RESIDENTS)
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for section_title, table in data.tables():
        sheet = book.create_sheet(_sheet_name(table.title or section_title, used))
        _fill(sheet, data, number, section_title, table)
    if not book.sheetnames:
        sheet = book.create_sheet("Laporan")
        sheet.append([neutralise(data.title)])
        sheet.append([_("Laporan ini tidak berisi tabel.")])
    buffer = io.BytesIO()
    book.save(buffer)
    with ctx.unit_of_work() as session:
        record_audit(session, "export", entity="issued_document", entity_id=number,
                     summary=_("Tabel laporan {number} diekspor ke XLSX").format(number=number))
    return buffer.getvalue()


def _sheet_name(title: str, used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub(" ", title).strip()[:28] or "Tabel"
    name, n = base, 2
    while name.lower() in used:
        name, n = f"{base[:26]} {n}", n + 1
    used.add(name.lower())
    return name


def _fill(sheet, data: ReportData, number: str, section: str, table: ReportTable) -> None:  # type: ignore[no-untyped-def]
    bold = Font(bold=True)
    sheet.append([neutralise(data.title)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([neutralise(data.subtitle)])
    sheet.append([neutralise(f"{section}" + (f" — {table.title}" if table.title else "")),
                  None, neutralise(f"No. dokumen {number}")])
    sheet.append([])
    sheet.append([neutralise(h) for h in table.header])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="E6E9EE")
    for row in table.rows:
        sheet.append([_value(text, i in table.right_aligned) for i, text in enumerate(row)])
    if table.total_row and table.rows:
        for cell in sheet[sheet.max_row]:
            cell.font = bold
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    for index, width in enumerate(table.widths_mm, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(8, min(60, width * 0.6))


def _value(text: str, numeric: bool) -> str | int:
    if numeric and _WHOLE_NUMBER.fullmatch(text):
        return int(text)
    return neutralise(text)
