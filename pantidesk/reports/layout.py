"""Named layout constants (millimetres) and paragraph styles shared by every document."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from pantidesk.reports.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 25 * mm  # a wider left margin for binding, as in Indonesian official letters
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 22 * mm
KOP_HEIGHT = 34 * mm  # the letterhead block on the first page, rule included
RUNNING_HEADER_HEIGHT = 10 * mm  # later pages: office name and document number only
LOGO_SIZE = 24 * mm
QR_SIZE = 15 * mm
SIGNATURE_SPACE = 20 * mm  # room for the wet signature and stamp
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

RULE_COLOUR = colors.black
TABLE_HEADER_BG = colors.HexColor("#e6e9ee")
TABLE_GRID = colors.HexColor("#7a828c")
MUTED = colors.HexColor("#4a5560")

register_fonts()

BODY = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=12.5, alignment=TA_LEFT)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5)
CELL_BOLD = ParagraphStyle("cell_bold", parent=CELL, fontName=SANS_BOLD)
CELL_RIGHT = ParagraphStyle("cell_right", parent=CELL, alignment=TA_RIGHT)
CELL_BOLD_RIGHT = ParagraphStyle("cell_bold_right", parent=CELL_BOLD, alignment=TA_RIGHT)
TITLE = ParagraphStyle("title", fontName=SERIF_BOLD, fontSize=13, leading=17, alignment=TA_CENTER,
                       spaceAfter=2 * mm)
SUBTITLE = ParagraphStyle("subtitle", fontName=SERIF, fontSize=10, leading=13,
                          alignment=TA_CENTER, spaceAfter=4 * mm)
SECTION = ParagraphStyle("section", fontName=SANS_BOLD, fontSize=10.5, leading=14,
                         spaceBefore=4 * mm, spaceAfter=1.5 * mm)
SIGN = ParagraphStyle("sign", parent=BODY, alignment=TA_CENTER)
SIGN_NAME = ParagraphStyle("sign_name", parent=SIGN, fontName=SANS_BOLD)
