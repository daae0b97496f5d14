"""DAFTAR TANDA TERIMA: the list residents sign when something is handed to many of them at once
(clothing for 40 residents, a month's toiletries). One row per resident with room to sign; the
officer who handed it over and the head of UPTD sign at the foot.

Receives frozen data only (``ReceiptList``); the service gathers it and issues the document. In
Bahasa Indonesia whatever the interface language: it is signed and filed (see ``reports.model``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from pantidesk.reports import layout as L
from pantidesk.reports.model import DocumentMeta, Kop, Signatory
from pantidesk.reports.page import build_pdf

TITLE = "DAFTAR TANDA TERIMA"
# Columns: No. / Nama / No. Induk / Jumlah / Tanda tangan, in millimetres (scaled to the frame).
COLUMN_WIDTHS_MM = (11.0, 64.0, 32.0, 18.0, 40.0)
ROW_HEIGHT_MM = 11.0  # enough to sign by hand, also for an elderly resident's thumbprint
# The last rows travel with the signatures, so a signature page never stands without names.
ROWS_WITH_SIGNATURES = 2
INFO_LABEL_MM = 38.0

_CELL = ParagraphStyle("receipt_cell", parent=L.CELL, fontSize=9.5, leading=11.5)
_CELL_CENTRE = ParagraphStyle("receipt_centre", parent=_CELL, alignment=TA_CENTER)
_HEAD = ParagraphStyle("receipt_head", parent=L.CELL_BOLD, fontSize=9.5, leading=11.5,
                       alignment=TA_CENTER)
# The number in the signature cell alternates left and right, as on paper lists, so neighbours
# do not sign over each other.
_SIGN_LEFT = ParagraphStyle("receipt_sign_left", parent=L.SMALL, alignment=TA_LEFT,
                            textColor=L.MUTED)
_SIGN_RIGHT = ParagraphStyle("receipt_sign_right", parent=_SIGN_LEFT, alignment=TA_RIGHT)


@dataclass(frozen=True)
class ReceiptRow:
    number: int
    name: str
    no_induk: str
    quantity: str


@dataclass(frozen=True)
class ReceiptList:
    """Everything printed, already formatted."""

    kop: Kop
    spm_item: str  # "Sandang"
    atensi: str  # "1. Dukungan pemenuhan kebutuhan hidup layak"
    delivered_on: str  # "17 Agustus 2026"
    description: str
    given_by: str
    rows: tuple[ReceiptRow, ...]
    head: Signatory  # Kepala UPTD, place and date of the distribution

    def content_key(self) -> str:
        """The content the document's fingerprint is computed over."""
        lines = [self.kop.office, self.spm_item, self.atensi, self.delivered_on, self.description,
                 self.given_by, self.head.name, self.head.nip]
        lines += [f"{r.number}|{r.name}|{r.no_induk}|{r.quantity}" for r in self.rows]
        return "\n".join(lines)


def render_receipt_list(data: ReceiptList, meta: DocumentMeta) -> bytes:
    """A4 PDF bytes."""
    split = max(0, len(data.rows) - ROWS_WITH_SIGNATURES)
    head_rows, tail_rows = data.rows[:split], data.rows[split:]
    ending: list[Flowable] = [
        _recipients_table(tail_rows, header=not head_rows),
        Spacer(1, 2 * mm),
        Paragraph(f"Jumlah penerima: <b>{len(data.rows)} orang</b>", L.BODY),
        Spacer(1, 6 * mm),
        _signatures(data),
    ]
    story: list[Flowable] = [
        Paragraph(f"<u>{TITLE}</u>", L.TITLE),
        _info_table(data),
        Spacer(1, 4 * mm),
    ]
    if head_rows:
        story.append(_recipients_table(head_rows, header=True))
    story.append(KeepTogether(ending))
    return build_pdf(meta, data.kop, story)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _info_table(data: ReceiptList) -> Table:
    pairs = (("Butir SPM", data.spm_item), ("Komponen ATENSI", data.atensi),
             ("Tanggal penyerahan", data.delivered_on), ("Uraian", data.description),
             ("Diserahkan oleh", data.given_by))
    rows = [[Paragraph(label, L.BODY), Paragraph(":", L.BODY), Paragraph(_escape(value), L.BODY)]
            for label, value in pairs]
    value_width = L.FRAME_WIDTH - INFO_LABEL_MM * mm - 4 * mm
    table = Table(rows, colWidths=[INFO_LABEL_MM * mm, 4 * mm, value_width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return table


def _recipients_table(rows: tuple[ReceiptRow, ...], header: bool) -> Table:
    """The rows to sign; with ``header``, a header row repeated on every page."""
    scale = L.FRAME_WIDTH / (sum(COLUMN_WIDTHS_MM) * mm)
    widths = [w * mm * scale for w in COLUMN_WIDTHS_MM]
    data: list[list[Any]] = []
    if header:
        data.append([Paragraph(text, _HEAD) for text in ("No.", "Nama", "No. Induk", "Jumlah",
                                                         "Tanda tangan")])
    for row in rows:
        sign_style = _SIGN_LEFT if row.number % 2 else _SIGN_RIGHT
        data.append([
            Paragraph(str(row.number), _CELL_CENTRE),
            Paragraph(_escape(row.name), _CELL),
            Paragraph(_escape(row.no_induk), _CELL),
            Paragraph(_escape(row.quantity), _CELL_CENTRE),
            Paragraph(f"{row.number}.", sign_style),
        ])
    first = 1 if header else 0
    heights = [None] * first + [ROW_HEIGHT_MM * mm] * len(rows)
    table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=first)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, L.TABLE_GRID),
        ("VALIGN", (0, first), (3, -1), "MIDDLE"),
        ("VALIGN", (4, first), (4, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), L.TABLE_HEADER_BG),
                  ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    table.setStyle(TableStyle(style))
    return table


def _signatures(data: ReceiptList) -> Table:
    """"Yang menyerahkan" on the left, "Mengetahui, Kepala UPTD" on the right, side by side (a
    one-row table never splits)."""
    head = data.head
    left: list[Flowable] = [
        Paragraph("&nbsp;", L.SIGN),
        Paragraph("Yang menyerahkan,", L.SIGN),
        Paragraph("Petugas", L.SIGN),
        Spacer(1, L.SIGNATURE_SPACE),
        Paragraph(f"<u>{_escape(data.given_by)}</u>", L.SIGN_NAME),
    ]
    right: list[Flowable] = [
        Paragraph(_escape(head.place_and_date), L.SIGN),
        Paragraph("Mengetahui,", L.SIGN),
        Paragraph(_escape(head.position), L.SIGN),
        Spacer(1, L.SIGNATURE_SPACE),
        Paragraph(f"<u>{_escape(head.name)}</u>" if head.name else "(.................................)",
                  L.SIGN_NAME),
    ]
    if head.rank:
        right.append(Paragraph(_escape(head.rank), L.SIGN))
    right.append(Paragraph(f"NIP. {head.nip}" if head.nip else "NIP. ", L.SIGN))
    table = Table([[left, right]], colWidths=[L.FRAME_WIDTH * 0.45, L.FRAME_WIDTH * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table
