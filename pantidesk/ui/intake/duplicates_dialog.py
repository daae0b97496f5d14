"""Is this one of the persons already on record? Open that person, or say it is someone else.

A same NIK is not a question: the only way on is to open the existing person (a person who comes
back gets a new arrival on the same record, never a second record).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pantidesk.i18n import _
from pantidesk.services.duplicates import DuplicateCheck, PersonBrief


class DuplicatesDialog(QDialog):
    def __init__(self, check: DuplicateCheck, already_dismissed: set[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Mungkin sudah tercatat"))
        self.chosen_person_id: str | None = None
        self.dismissed: set[str] = set()
        self.note = ""
        if check.same_nik is not None:
            self.candidates: list[PersonBrief] = [check.same_nik]
            intro = _("NIK ini sudah dimiliki orang di bawah. Bila orang yang sama datang lagi, "
                      "buka datanya: kedatangan baru dicatat pada data yang sama.")
        else:
            self.candidates = [c for c in check.similar if c.person_id not in already_dismissed]
            intro = _("Orang-orang di bawah mirip dengan yang sedang dicatat (nama dengan ejaan "
                      "serupa dan tanggal lahir yang sama atau dekat). Apakah salah satunya orang "
                      "yang sama?")
        label = QLabel(intro)
        label.setWordWrap(True)
        self.table = QTableWidget(len(self.candidates), 5)
        self.table.setHorizontalHeaderLabels([_("Nama"), _("NIK"), _("Lahir"), _("Alamat"),
                                              _("Sekarang di")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, person in enumerate(self.candidates):
            cells = (person.name, person.nik or "—", person.birth, person.address,
                     person.where or _("tidak sedang di panti"))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.selectRow(0)

        self.open_button = QPushButton(_("Orang yang sama: buka datanya"))
        self.open_button.clicked.connect(self._open)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        self.note_edit = QLineEdit()
        self.different_button = QPushButton(_("Semuanya orang yang berbeda"))
        self.different_button.clicked.connect(self._different)
        if check.same_nik is None:
            self.note_edit.setPlaceholderText(_("Alasan (mis. wajah, asal atau orang tua "
                                                "berbeda)"))
            buttons.addWidget(self.note_edit, 1)
            buttons.addWidget(self.different_button)
        else:
            self.note_edit.hide()
            self.different_button.hide()
        cancel = QPushButton(_("Kembali ke formulir"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(860, 320)

    def _open(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.chosen_person_id = self.candidates[rows[0].row()].person_id
            self.accept()

    def _different(self) -> None:
        self.dismissed = {c.person_id for c in self.candidates}
        self.note = self.note_edit.text().strip()
        self.accept()
