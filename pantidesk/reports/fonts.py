"""The TrueType fonts every report embeds, so each PC prints the same (DejaVu, shipped in assets)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS = "PantiSans"
SANS_BOLD = "PantiSans-Bold"
SERIF = "PantiSerif"
SERIF_BOLD = "PantiSerif-Bold"

_FILES = {
    SANS: "DejaVuSansCondensed.ttf",
    SANS_BOLD: "DejaVuSansCondensed-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
}


@cache
def register_fonts() -> None:
    """Register the fonts once per process; reportlab embeds the glyphs a document uses."""
    folder = resources.files("pantidesk.assets").joinpath("fonts")
    for name, file_name in _FILES.items():
        # TTFont accepts a file object, so this works from a wheel or a frozen build alike.
        with folder.joinpath(file_name).open("rb") as handle:
            pdfmetrics.registerFont(TTFont(name, handle))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS,
                                  boldItalic=SANS_BOLD)
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF,
                                  boldItalic=SERIF_BOLD)
