"""The common shape of a report (title, sections of paragraphs and tables) and its one renderer.

Report services freeze their figures into a ``ReportData``; ``render_report`` draws any of them on
the shared page, and ``pantidesk.services.reports.xlsx`` writes the same tables to a workbook.
Documents with a layout of their own (receipt lists, certificates) use ``page.build_pdf`` directly.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from pantidesk.reports import layout as L
from pantidesk.reports.model import DocumentMeta, Kop, Signatory
from pantidesk.reports.page import build_pdf, data_table, escape, frame_width

PHOTO_WIDTH = 30 * mm
PHOTO_HEIGHT = 40 * mm  # pas foto 3×4


@dataclass(frozen=True)
class ReportTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_mm: tuple[float, ...]  # proportions, scaled to the page
    right_aligned: frozenset[int] = frozenset()
    total_row: bool = False  # the last row is a total, printed bold
    empty_text: str = "Tidak ada data."


@dataclass(frozen=True)
class ReportSection:
    title: str
    # (label, value) lines shown as a two-column list, e.g. identity fields
    facts: tuple[tuple[str, str], ...] = ()
    paragraphs: tuple[str, ...] = ()
    tables: tuple[ReportTable, ...] = ()


@dataclass(frozen=True)
class ReportData:
    """Everything a report prints, already formatted as text."""

    kind: str  # a DocumentKind value
    title: str
    subtitle: str
    kop: Kop
    signatory: Signatory
    sections: tuple[ReportSection, ...]
    landscape: bool = False
    person_id: str | None = None
    photo: bytes | None = field(default=None, repr=False)

    def content_key(self) -> str:
        """A stable text of the content, for the document's fingerprint."""
        content = asdict(self)
        content["photo"] = hashlib.sha256(self.photo).hexdigest() if self.photo else None
        content["kop"]["logo"] = None
        return json.dumps(content, sort_keys=True, ensure_ascii=False, default=sorted)

    def tables(self) -> list[tuple[str, ReportTable]]:
        return [(section.title, table) for section in self.sections for table in section.tables]


def render_report(data: ReportData, meta: DocumentMeta) -> bytes:
    width = frame_width(data.landscape)
    story: list[Flowable] = [Paragraph(escape(data.title.upper()), L.TITLE)]
    if data.subtitle:
        story.append(Paragraph(escape(data.subtitle), L.SUBTITLE))
    for index, section in enumerate(data.sections):
        story.append(Paragraph(escape(section.title), L.SECTION))
        if section.facts:
            story.append(_facts(section.facts, width,
                                data.photo if index == 0 else None))
        for paragraph in section.paragraphs:
            story.append(Paragraph(escape(paragraph), L.BODY))
        for table in section.tables:
            if table.title:
                story.append(Spacer(1, 1.5 * mm))
                story.append(Paragraph(escape(table.title), L.CELL_BOLD))
                story.append(Spacer(1, 1 * mm))
            if table.rows:
                story.append(_table(table, width))
            else:
                story.append(Paragraph(escape(table.empty_text), L.SMALL))
    return build_pdf(meta, data.kop, story, data.signatory, landscape=data.landscape)


def _facts(facts: tuple[tuple[str, str], ...], width: float, photo: bytes | None) -> Flowable:
    label_width = 45 * mm
    value_width = width - label_width - (PHOTO_WIDTH + 4 * mm if photo else 0)
    rows = [[Paragraph(escape(label), L.CELL), Paragraph(escape(value or "—"), L.CELL)]
            for label, value in facts]
    table = Table(rows, colWidths=[label_width, value_width])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    if not photo:
        return table
    picture = Image(io.BytesIO(photo), width=PHOTO_WIDTH, height=PHOTO_HEIGHT, kind="proportional")
    outer = Table([[table, picture]], colWidths=[width - PHOTO_WIDTH - 4 * mm,
                                                  PHOTO_WIDTH + 4 * mm])
    outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    return outer


def _table(table: ReportTable, width: float) -> Table:
    return data_table(table.header, table.rows, table.widths_mm, table.right_aligned, width=width,
                      bold_last=table.total_row)
