"""The one translation mechanism of PantiDesk, for the core and the Qt interface alike.

Source strings are written in Bahasa Indonesia and wrapped in ``_()``. Other languages are
gettext ``.po`` catalogues shipped in ``pantidesk/assets/translations`` (read with polib, so no
compile step is needed and a wheel and a frozen build behave the same). ``N_()`` only marks a
string for extraction; the text is translated where it is shown.

Dates are shown ``dd/MM/yyyy`` (never a two-digit year: an elderly resident born in 1938 must not
read as 2038) and stored as ISO text.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

import polib

SOURCE_LANGUAGE = "id"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

_catalogue: dict[str, str] = {}
_plural_catalogue: dict[str, tuple[str, str]] = {}
_language = SOURCE_LANGUAGE


def _(text: str) -> str:
    """Translate an Indonesian source string into the active language."""
    return _catalogue.get(text, text)


def N_(text: str) -> str:
    """Mark a string for translation without translating it now (module-level constants)."""
    return text


def _n(singular: str, plural: str, n: int) -> str:
    """Translate a message that depends on a count; Indonesian has one form, English two."""
    forms = _plural_catalogue.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


def language() -> str:
    return _language


def catalogue_path(lang: str) -> resources.abc.Traversable:
    return resources.files("pantidesk.assets").joinpath("translations", f"{lang}.po")


def set_language(lang: str) -> None:
    """Activate a language; unknown codes fall back to Indonesian, the source language."""
    global _language
    _catalogue.clear()
    _plural_catalogue.clear()
    if lang not in LANGUAGES or lang == SOURCE_LANGUAGE:
        _language = SOURCE_LANGUAGE
        return
    po = polib.pofile(catalogue_path(lang).read_text(encoding="utf-8"))
    for entry in po.translated_entries():
        if entry.msgid_plural:
            _plural_catalogue[entry.msgid] = (
                entry.msgstr_plural.get(0, entry.msgid),
                entry.msgstr_plural.get(1, entry.msgid_plural),
            )
        elif not entry.fuzzy:
            _catalogue[entry.msgid] = entry.msgstr
    _language = lang


MONTHS = (
    N_("Januari"), N_("Februari"), N_("Maret"), N_("April"), N_("Mei"), N_("Juni"),
    N_("Juli"), N_("Agustus"), N_("September"), N_("Oktober"), N_("November"), N_("Desember"),
)


def format_date(value: dt.date | None) -> str:
    """``dd/MM/yyyy``, or an empty string for no date."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_long_date(value: dt.date) -> str:
    """``17 Agustus 2026``: the form used in letters and reports."""
    return f"{value.day} {_(MONTHS[value.month - 1])} {value.year}"


def format_long_date_id(value: dt.date) -> str:
    """``17 Agustus 2026`` whatever the interface language: for signed official documents."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_datetime(value: dt.datetime | None) -> str:
    """``dd/MM/yyyy HH:MM`` in the time zone the value carries (WIB in the app)."""
    return value.strftime("%d/%m/%Y %H:%M") if value else ""
