"""Distribusi massal: the same thing handed to many residents on one day (clothing for 40
residents), with the residents picked from a list that can be filtered by room or name."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.spm import SpmItem
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.service_delivery import (
    Distributed,
    DistributionInput,
    ResidentChoice,
    distribute,
)
from pantidesk.ui.forms import DateEdit, Form, TextArea
from pantidesk.ui.services_area.dialogs import (
    AtensiCombo,
    SpmCombo,
    buttons,
    date_errors,
    link_atensi,
    submit_form,
)
from pantidesk.ui.services_area.models import RecipientFilter, RecipientModel
from pantidesk.ui.widgets import FieldMessage, fit_to_screen


class DistributionDialog(QDialog):
    def __init__(self, ctx: AppContext, residents: Sequence[ResidentChoice],
                 items: Sequence[SpmItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.distributed: Distributed | None = None
        self.setWindowTitle(_("Distribusi massal"))
        fit_to_screen(self, 1040, 640)

        self.form = Form()
        self.delivered_on = self.form.add("delivered_on", _("Tanggal*"),
                                          DateEdit(_("Tanggal distribusi")))
        self.delivered_on.set_date(ctx.clock.today())
        self.spm = self.form.add("spm_code", _("Butir SPM*"), SpmCombo(items))
        self.atensi = self.form.add("atensi_code", _("Komponen ATENSI"), AtensiCombo())
        link_atensi(self.spm, self.atensi)
        self.description = self.form.add("description", _("Uraian*"), TextArea(
            _("mis. Pakaian sehari-hari dan sandal; perlengkapan mandi"), 3))
        self.quantity = self.form.add("quantity", _("Jumlah per orang"), QLineEdit())
        self.quantity.setPlaceholderText(_("mis. 2 stel, 1 paket"))
        self.given_by = self.form.add("given_by", _("Diserahkan oleh*"), QLineEdit())
        self.given_by.setText(ctx.user.full_name)

        self.model = RecipientModel(residents)
        self.proxy = RecipientFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.clicked.connect(self._toggle_on_click)

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Cari nama atau No. Induk…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.room = QComboBox()
        self.room.addItem(_("Semua kamar"), "")
        for room in self.model.rooms():
            self.room.addItem(room, room)
        self.room.currentIndexChanged.connect(
            lambda _i: self.proxy.set_room(self.room.currentData() or ""))
        self.select_all = QPushButton(_("Pilih semua"))
        self.select_all.setToolTip(_("Centang semua penerima manfaat yang tampil."))
        self.select_all.clicked.connect(lambda: self._check_shown(True))
        self.clear_all = QPushButton(_("Kosongkan"))
        self.clear_all.clicked.connect(lambda: self._check_shown(False))
        self.count = QLabel()
        self.count.setStyleSheet("font-weight: 600;")
        self.recipients_message = FieldMessage()
        # The recipients' message has no row in the form: it is shown under the list.
        self.form.messages["stay_ids"] = self.recipients_message
        self.form.inputs["stay_ids"] = self.table

        self.model.dataChanged.connect(lambda *_args: self._update_count())
        self.model.modelReset.connect(self._update_count)
        self.delivered_on.textChanged.connect(lambda _t: self._follow_date())

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.room, 1)
        picks = QHBoxLayout()
        picks.addWidget(self.select_all)
        picks.addWidget(self.clear_all)
        picks.addStretch()
        picks.addWidget(self.count)
        right = QVBoxLayout()
        title = QLabel(_("Penerima"))
        title.setStyleSheet("font-weight: 600; color: #2f5d8a;")
        right.addWidget(title)
        right.addLayout(filters)
        right.addLayout(picks)
        right.addWidget(self.table, 1)
        right.addWidget(self.recipients_message)

        left = QVBoxLayout()
        heading = QLabel(_("Barang atau layanan"))
        heading.setStyleSheet("font-weight: 600; color: #2f5d8a;")
        left.addWidget(heading)
        left.addWidget(self.form, 1)
        hint = QLabel(_("Setiap penerima mendapat satu catatan layanan. Sesudah disimpan, "
                        "daftar tanda terima dapat dicetak untuk ditandatangani."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #4a5560;")
        left.addWidget(hint)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons(self, _("Simpan distribusi"), self.submit))
        self._follow_date()

    def _toggle_on_click(self, index) -> None:  # type: ignore[no-untyped-def]
        # A click anywhere on the row toggles it: quicker than aiming at the box 40 times.
        if index.column() == 0:
            return  # the check box handles its own column
        source = self.proxy.mapToSource(index)
        resident = self.model.resident_at(source.row())
        if resident is not None:
            self.model.set_checked(source.row(), resident.stay_id not in self.model.checked_ids())

    def _check_shown(self, checked: bool) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            self.model.set_checked(source.row(), checked)

    def _follow_date(self) -> None:
        self.model.set_date(self.delivered_on.date())
        self._update_count()

    def _update_count(self) -> None:
        chosen = len(self.model.checked_ids())
        self.count.setText(_("{n} dari {total} penerima manfaat dipilih").format(
            n=chosen, total=self.model.rowCount()))

    def submit(self) -> None:
        self.form.clear_messages()
        if date_errors(self.form):
            return
        data = DistributionInput(self.delivered_on.date(), self.spm.value(), self.atensi.value(),
                                 self.description.text(), self.quantity.text(),
                                 self.given_by.text(), self.model.checked_ids())

        def done(result: Distributed) -> None:
            self.distributed = result
            self.accept()

        submit_form(self, self.form, lambda: distribute(self.ctx, data), done,
                    _("Menyimpan distribusi…"))
