"""The page every document shares: kop surat on the first page, a running header after it, and a
footer with the document number, fingerprint, QR code and "Halaman x dari y"."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from pantidesk.reports import layout as L
from pantidesk.reports.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD
from pantidesk.reports.model import DocumentMeta, Kop, Signatory


def frame_width(landscape: bool = False) -> float:
    """The width tables and paragraphs may use on a portrait or a landscape A4 page."""
    page_width = L.PAGE_HEIGHT if landscape else L.PAGE_WIDTH
    return float(page_width - L.MARGIN_LEFT - L.MARGIN_RIGHT)


def build_pdf(meta: DocumentMeta, kop: Kop, story: Sequence[Flowable],
              signatory: Signatory | None = None, landscape: bool = False) -> bytes:
    """The whole document as PDF bytes: ``story`` under the kop, then the signature block.
    Wide registers use a landscape page (``frame_width(landscape=True)`` for their tables)."""
    buffer = io.BytesIO()
    size = (L.PAGE_HEIGHT, L.PAGE_WIDTH) if landscape else (L.PAGE_WIDTH, L.PAGE_HEIGHT)
    doc = BaseDocTemplate(
        buffer, pagesize=size, title=meta.title, author=kop.office,
        subject=meta.number, creator="PantiDesk", leftMargin=L.MARGIN_LEFT,
        rightMargin=L.MARGIN_RIGHT, topMargin=L.MARGIN_TOP, bottomMargin=L.MARGIN_BOTTOM)
    body_height = size[1] - L.MARGIN_TOP - L.MARGIN_BOTTOM
    width = frame_width(landscape)
    first = Frame(L.MARGIN_LEFT, L.MARGIN_BOTTOM, width, body_height - L.KOP_HEIGHT,
                  id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(L.MARGIN_LEFT, L.MARGIN_BOTTOM, width,
                  body_height - L.RUNNING_HEADER_HEIGHT, id="later", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate("first", [first], onPage=lambda c, d: _draw_kop(c, kop)),
        PageTemplate("later", [later], onPage=lambda c, d: _draw_running_header(c, kop, meta)),
    ])
    flowables: list[Flowable] = [NextPageTemplate("later"), *story]
    if signatory is not None:
        flowables += [Spacer(1, 6 * mm), signature_block(signatory, width)]
    doc.build(flowables, canvasmaker=_numbered_canvas(meta))
    return buffer.getvalue()


def _numbered_canvas(meta: DocumentMeta) -> type[Canvas]:
    """A canvas that knows the page count when it draws each footer (pages are kept until save)."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                _draw_footer(self, meta, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_kop(canvas: Canvas, kop: Kop) -> None:
    canvas.saveState()
    page_width, page_height = canvas._pagesize
    top = page_height - L.MARGIN_TOP
    left, right = L.MARGIN_LEFT, page_width - L.MARGIN_RIGHT
    text_left = left
    if kop.logo:
        canvas.drawImage(ImageReader(io.BytesIO(kop.logo)), left, top - L.LOGO_SIZE,
                         L.LOGO_SIZE, L.LOGO_SIZE, preserveAspectRatio=True, mask="auto")
        text_left = left + L.LOGO_SIZE + 3 * mm
    centre = (text_left + right) / 2
    y = top - 5 * mm
    for text, font, size in ((kop.government, SERIF_BOLD, 12), (kop.agency, SERIF_BOLD, 14),
                             (kop.office, SERIF_BOLD, 12.5)):
        canvas.setFont(font, size)
        canvas.drawCentredString(centre, y, text.upper())
        y -= size + 5.5
    canvas.setFont(SERIF, 8.5)
    for line in kop.address_lines:
        canvas.drawCentredString(centre, y, line)
        y -= 10.5
    rule = top - L.KOP_HEIGHT + 4 * mm
    canvas.setStrokeColor(L.RULE_COLOUR)
    canvas.setLineWidth(1.6)
    canvas.line(left, rule, right, rule)
    canvas.setLineWidth(0.5)
    canvas.line(left, rule - 1.6 * mm / 1.2, right, rule - 1.6 * mm / 1.2)
    canvas.restoreState()


def _draw_running_header(canvas: Canvas, kop: Kop, meta: DocumentMeta) -> None:
    canvas.saveState()
    page_width, page_height = canvas._pagesize
    y = page_height - L.MARGIN_TOP - 4 * mm
    canvas.setFont(SANS, 8)
    canvas.setFillColor(L.MUTED)
    canvas.drawString(L.MARGIN_LEFT, y, f"{kop.office} · {meta.title}")
    canvas.drawRightString(page_width - L.MARGIN_RIGHT, y, meta.number)
    canvas.setLineWidth(0.4)
    canvas.line(L.MARGIN_LEFT, y - 2 * mm, page_width - L.MARGIN_RIGHT, y - 2 * mm)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, meta: DocumentMeta, page: int, total: int) -> None:
    canvas.saveState()
    page_width = canvas._pagesize[0]
    y = L.MARGIN_BOTTOM - 10 * mm
    canvas.setFont(SANS, 7.5)
    canvas.setFillColor(L.MUTED)
    canvas.drawString(L.MARGIN_LEFT, y + 3.5 * mm, f"No. dokumen: {meta.number}")
    canvas.drawString(L.MARGIN_LEFT, y, f"Sidik jari: {meta.fingerprint}")
    canvas.setFont(SANS_BOLD, 8)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawRightString(page_width - L.MARGIN_RIGHT - L.QR_SIZE - 3 * mm, y,
                           f"Halaman {page} dari {total}")
    widget = QrCodeWidget(meta.qr_payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(L.QR_SIZE, L.QR_SIZE,
                      transform=[L.QR_SIZE / (x1 - x0), 0, 0, L.QR_SIZE / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, page_width - L.MARGIN_RIGHT - L.QR_SIZE, y - 4 * mm)
    canvas.restoreState()


def signature_block(signatory: Signatory, width: float | None = None) -> Flowable:
    """Place and date, office, room to sign, name underlined, rank and NIP — on the right half."""
    lines: list[Flowable] = [
        Paragraph(signatory.place_and_date, L.SIGN),
        Paragraph(signatory.position, L.SIGN),
        Spacer(1, L.SIGNATURE_SPACE),
        Paragraph(f"<u>{escape(signatory.name)}</u>", L.SIGN_NAME),
    ]
    if signatory.rank:
        lines.append(Paragraph(escape(signatory.rank), L.SIGN))
    if signatory.nip:
        lines.append(Paragraph(f"NIP. {signatory.nip}", L.SIGN))
    width = width or frame_width()
    table = Table([["", lines]], colWidths=[width - 85 * mm, 85 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([table])


def data_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths_mm: Sequence[float],
               right_aligned: frozenset[int] = frozenset(),
               row_height_mm: float | None = None, width: float | None = None,
               bold_last: bool = False) -> Table:
    """A bordered table whose header row repeats on every page; cells wrap. Column widths are
    proportions, scaled to ``width`` (the portrait frame by default)."""
    scale = (width or frame_width()) / (sum(widths_mm) * mm)
    widths = [w * mm * scale for w in widths_mm]
    data: list[list[Any]] = [[Paragraph(escape(h), L.CELL_BOLD) for h in header]]
    for number, row in enumerate(rows, start=1):
        bold = bold_last and number == len(rows)
        data.append([Paragraph(escape(cell), _cell_style(i in right_aligned, bold))
                     for i, cell in enumerate(row)])
    heights = None if row_height_mm is None else [None] + [row_height_mm * mm] * len(rows)
    table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, L.TABLE_GRID),
        ("BACKGROUND", (0, 0), (-1, 0), L.TABLE_HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if row_height_mm else "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


def _cell_style(right: bool, bold: bool) -> ParagraphStyle:
    if bold:
        return L.CELL_BOLD_RIGHT if right else L.CELL_BOLD
    return L.CELL_RIGHT if right else L.CELL


def escape(text: str) -> str:
    """Text as reportlab's paragraph markup shows it literally."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
