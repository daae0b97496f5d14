"""One family member or guardian: who, how to reach them, and whether they can and may care."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from pantidesk.i18n import _
from pantidesk.services.person_rules import FamilyInput, check_family
from pantidesk.ui.forms import Form, TextArea, TriState


class FamilyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contact: FamilyInput | None = None
        self.setWindowTitle(_("Keluarga/wali"))
        self.form = Form()
        self.name = self.form.add("name", _("Nama*"), QLineEdit())
        self.relation = self.form.add("relation", _("Hubungan*"), QLineEdit(),
                                      _("mis. anak, adik, keponakan, wali, tetangga"))
        self.phone = self.form.add("phone", _("Telepon/HP"), QLineEdit())
        self.address = self.form.add("address", _("Alamat"), TextArea("", 2))
        self.can_care = self.form.add("can_care", _("Mampu merawat"), TriState())
        self.will_care = self.form.add("will_care", _("Bersedia merawat"), TriState())
        self.is_safe = self.form.add("is_safe", _("Aman bagi penerima manfaat"), TriState())
        self.no_contact = self.form.add(
            "no_contact", "", QCheckBox(_("Jangan dihubungi (mis. ada riwayat kekerasan)")))
        self.notes = self.form.add("notes", _("Catatan"), TextArea("", 2))
        buttons = QDialogButtonBox()
        buttons.addButton(_("Tambahkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def submit(self) -> None:
        contact, problems = check_family(FamilyInput(
            name=self.name.text(), relation=self.relation.text(), phone=self.phone.text(),
            address=self.address.text(), can_care=self.can_care.value(),
            will_care=self.will_care.value(), is_safe=self.is_safe.value(),
            no_contact=self.no_contact.isChecked(), notes=self.notes.text().strip()))
        self.form.clear_messages()
        if not problems.ok:
            self.form.show_problems(problems)
            return
        self.contact = contact
        self.accept()
