"""Insiden and Kesehatan: what was recorded between two dates, newest first, and adding more."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.roles import Permission
from pantidesk.i18n import N_, _
from pantidesk.services.context import AppContext
from pantidesk.services.health_log import HealthRecorded, health_rows
from pantidesk.services.incidents import incident_rows
from pantidesk.services.rooms import Occupant, current_residents
from pantidesk.ui.daily.record_dialogs import HealthDialog, IncidentDialog
from pantidesk.ui.forms import DateEdit
from pantidesk.ui.models.rows import Column, RowsModel
from pantidesk.ui.operations import QueryOp
from pantidesk.ui.widgets import ERROR_STYLE, inform

DEFAULT_DAYS = 30

INCIDENT_COLUMNS: tuple[Column, ...] = (
    (N_("Waktu"), lambda r: r.occurred),
    (N_("Penghuni"), lambda r: f"{r.name} ({r.no_induk})"),
    (N_("Jenis"), lambda r: r.kind.label),
    (N_("Kejadian"), lambda r: r.description),
    (N_("Pihak lain"), lambda r: r.others_involved),
    (N_("Tindakan"), lambda r: r.action_taken),
    (N_("Pelapor"), lambda r: r.reported_by),
)
HEALTH_COLUMNS: tuple[Column, ...] = (
    (N_("Tanggal"), lambda r: r.date),
    (N_("Penghuni"), lambda r: f"{r.name} ({r.no_induk})"),
    (N_("Jenis"), lambda r: r.kind.label),
    (N_("Fasilitas"), lambda r: r.facility),
    (N_("Keterangan"), lambda r: r.description),
    (N_("Dicatat oleh"), lambda r: r.recorded_by),
)


class RecordsTab(QWidget):
    """A dated list with a period filter and an "add" button that opens a dialog."""

    def __init__(self, ctx: AppContext, columns: Sequence[Column], stretch: tuple[int, ...],
                 load: Callable[[dt.date | None, dt.date | None], list[Any]],
                 add_text: str, dialog: Callable[[list[Occupant], QWidget], QDialog],
                 empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.load = load
        self.dialog = dialog
        today = ctx.clock.today()
        self.since = DateEdit(_("Tanggal awal"))
        self.since.set_date(today - dt.timedelta(days=DEFAULT_DAYS))
        self.until = DateEdit(_("Tanggal akhir"))
        self.until.set_date(today)
        for edit in (self.since, self.until):
            edit.returnPressed.connect(self.refresh)
        show = QPushButton(_("Tampilkan"))
        show.clicked.connect(self.refresh)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self.add)
        self.add_button.setVisible(ctx.may(Permission.RECORD_CARE))
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Dari")))
        top.addWidget(self.since)
        top.addWidget(QLabel(_("sampai")))
        top.addWidget(self.until)
        top.addWidget(show)
        top.addStretch()
        top.addWidget(self.add_button)
        self.model: RowsModel = RowsModel(columns)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in stretch:  # the long texts share the width left by the short columns
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.empty_text = empty_text
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        error = self.since.error() or self.until.error()
        if error:
            self._say(error, ERROR_STYLE)
            return
        since, until = self.since.date(), self.until.date()

        def failed(exc: BaseException) -> None:
            self._say(str(exc), ERROR_STYLE)

        QueryOp(self, lambda: self.load(since, until), self._show, on_failure=failed).run()

    def _show(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        self._say("" if rows else self.empty_text, "color: #4a5560;")

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.setVisible(bool(text))

    def add(self) -> None:
        def open_dialog(residents: list[Occupant]) -> None:
            dialog = self.dialog(residents, self)
            if dialog.exec():
                result = getattr(dialog, "result_value", None)
                if isinstance(result, HealthRecorded) and result.hint:
                    inform(self, _("Tindak lanjut"), result.hint)
                self.refresh()

        QueryOp(self, lambda: current_residents(self.ctx), open_dialog).run()


def incidents_tab(ctx: AppContext) -> RecordsTab:
    return RecordsTab(ctx, INCIDENT_COLUMNS, (3, 5), lambda s, u: incident_rows(ctx, s, u),
                      _("Catat insiden…"), lambda r, p: IncidentDialog(ctx, r, p),
                      _("Tidak ada insiden pada periode ini."))


def health_tab(ctx: AppContext) -> RecordsTab:
    return RecordsTab(ctx, HEALTH_COLUMNS, (3, 4), lambda s, u: health_rows(ctx, s, u),
                      _("Catat kesehatan…"), lambda r, p: HealthDialog(ctx, r, p),
                      _("Tidak ada catatan kesehatan pada periode ini."))
