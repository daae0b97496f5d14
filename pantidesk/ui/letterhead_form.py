"""The letterhead fields (kop surat), shared by the set-up wizard and Pengaturan, each validated
inline as it is left."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from pantidesk.clock import Clock
from pantidesk.domain.nip import check_nip
from pantidesk.i18n import _
from pantidesk.ui.widgets import ValidatedLineEdit

if TYPE_CHECKING:
    from pantidesk.services.letterhead import Letterhead


def _required(value: str) -> str:
    return "" if value.strip() else _("Wajib diisi.")


def _email_message(value: str) -> str:
    value = value.strip()
    if value and ("@" not in value or "." not in value.split("@")[-1]):
        return _("Alamat email tidak valid.")
    return ""


class LetterheadForm(QWidget):
    def __init__(self, clock: Clock, show_office: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.office = QLabel()
        self.address = ValidatedLineEdit(_("mis. Jl. Raya Natar Km 10, Lampung Selatan"), _required)
        self.city = ValidatedLineEdit(_("mis. Natar"), _required)
        self.phone = ValidatedLineEdit(_("mis. (0721) 350101"))
        self.email = ValidatedLineEdit(_("mis. uptd@lampungprov.go.id"), _email_message)
        self.head_name = ValidatedLineEdit(_("nama lengkap dengan gelar"), _required)
        self.head_nip = ValidatedLineEdit(_("18 angka, mis. 19750817 200003 2 001"),
                                          self._nip_message)
        self.head_rank = ValidatedLineEdit(_("mis. Pembina, IV/a"))
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        if show_office:
            self.form.addRow(_("Kantor"), self.office)
        self.form.addRow(_("Alamat kantor*"), self.address)
        self.form.addRow(_("Kota penandatanganan*"), self.city)
        self.form.addRow(_("Telepon"), self.phone)
        self.form.addRow(_("Email"), self.email)
        self.form.addRow(_("Nama kepala*"), self.head_name)
        self.form.addRow(_("NIP kepala*"), self.head_nip)
        self.form.addRow(_("Pangkat/golongan"), self.head_rank)

    def _nip_message(self, value: str) -> str:
        result = check_nip(value, today=self.clock.today())
        return result.errors[0] if result.errors else ""

    def fields(self) -> list[ValidatedLineEdit]:
        return [self.address, self.city, self.phone, self.email, self.head_name, self.head_nip,
                self.head_rank]

    def field(self, name: str | None) -> ValidatedLineEdit | None:
        """The field a service ValidationError names, if it is one of these."""
        return {"address": self.address, "city": self.city, "email": self.email,
                "head_name": self.head_name, "head_nip": self.head_nip}.get(name or "")

    def validate(self) -> bool:
        return all([f.validate() for f in self.fields()])  # noqa: C419 - every field shows its message

    def set_read_only(self, read_only: bool) -> None:
        for field in self.fields():
            field.edit.setReadOnly(read_only)

    def fill(self, letterhead: Letterhead) -> None:
        self.office.setText(letterhead.name)
        for field, value in zip(self.fields(), (
                letterhead.address, letterhead.city, letterhead.phone, letterhead.email,
                letterhead.head_name, letterhead.head_nip_display, letterhead.head_rank),
                strict=True):
            field.setText(value)

    def letterhead(self) -> Letterhead:
        from pantidesk.services.letterhead import Letterhead

        return Letterhead(self.office.text(), *(f.text() for f in self.fields()))
