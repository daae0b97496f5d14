"""The kinds of document PantiDesk issues, each with the short code used in its number."""

from __future__ import annotations

from pantidesk.domain.enums import LabelledEnum, set_labels
from pantidesk.i18n import N_


class DocumentKind(LabelledEnum):
    RESIDENT_PROFILE = "profil_penerima_manfaat"
    MONTHLY_REPORT = "laporan_bulanan"
    SPM_REPORT = "laporan_spm"
    REGISTER = "buku_induk"
    RECEIPT_LIST = "daftar_tanda_terima"

    @property
    def code(self) -> str:
        """The letters in the document number: ``0007/PM/TW/VIII/2026``."""
        return _CODES[self]


_CODES = {
    DocumentKind.RESIDENT_PROFILE: "PM",
    DocumentKind.MONTHLY_REPORT: "LB",
    DocumentKind.SPM_REPORT: "SPM",
    DocumentKind.REGISTER: "BI",
    DocumentKind.RECEIPT_LIST: "TT",
}

set_labels(DocumentKind, {
    DocumentKind.RESIDENT_PROFILE: N_("Laporan penerima manfaat"),
    DocumentKind.MONTHLY_REPORT: N_("Laporan bulanan UPTD"),
    DocumentKind.SPM_REPORT: N_("Laporan SPM"),
    DocumentKind.REGISTER: N_("Buku induk penerima manfaat"),
    DocumentKind.RECEIPT_LIST: N_("Daftar tanda terima"),
})

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
