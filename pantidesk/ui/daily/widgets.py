"""Inputs shared by the daily-life dialogs: a resident picker that finds by typing part of a name,
a date-and-time field, and the dialog frame that runs one service call and puts its refusals under
the fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from pantidesk.clock import WIB
from pantidesk.errors import ValidationError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems
from pantidesk.services.rooms import Occupant
from pantidesk.ui.errors import show_error
from pantidesk.ui.forms import DateEdit, Form
from pantidesk.ui.operations import MutationOp


class ResidentPicker(QComboBox):
    """A current resident, chosen from the list or by typing part of the name or No. Induk."""

    def __init__(self, residents: Sequence[Occupant]) -> None:
        super().__init__()
        self.residents = list(residents)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText(_("ketik nama atau No. Induk"))
        for occupant in self.residents:
            room = f" · {occupant.room}" if occupant.room else ""
            self.addItem(f"{occupant.name} ({occupant.no_induk}){room}")
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        self.setMinimumWidth(320)

    def occupant(self) -> Occupant | None:
        index = self.findText(self.currentText())
        return self.residents[index] if 0 <= index < len(self.residents) else None

    def stay_id(self) -> str | None:
        occupant = self.occupant()
        return occupant.stay_id if occupant else None

    def select_stay(self, stay_id: str) -> None:
        for index, occupant in enumerate(self.residents):
            if occupant.stay_id == stay_id:
                self.setCurrentIndex(index)
                return


class MomentEdit(QWidget):
    """A date (dd/mm/yyyy) and a time (HH:MM, WIB)."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.date_edit = DateEdit(label)
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setMaximumWidth(80)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_edit)
        row.addWidget(self.time_edit)
        row.addWidget(QLabel(_("WIB")))
        row.addStretch()

    def set_moment(self, moment: dt.datetime) -> None:
        local = moment.astimezone(WIB)
        self.date_edit.set_date(local.date())
        self.time_edit.setTime(QTime(local.hour, local.minute))

    def moment(self) -> dt.datetime | None:
        day = self.date_edit.date()
        if day is None:
            return None
        time = self.time_edit.time()
        return dt.datetime.combine(day, dt.time(time.hour(), time.minute()), tzinfo=WIB)

    def error(self) -> str:
        return self.date_edit.error()


class ServiceDialog(QDialog):
    """A form dialog; ``submit_call`` runs one service call off the UI thread and accepts when it
    succeeds. Field errors of the service appear under the fields."""

    def __init__(self, ctx: AppContext, title: str, intro: str = "",
                 parent: QWidget | None = None, action: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.form = Form()
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(action or _("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            self.layout_.addWidget(label)
        self.layout_.addWidget(self.form)

    def finish_layout(self, width: int = 560) -> None:
        self.layout_.addWidget(self.buttons)
        self.resize(width, self.sizeHint().height())

    def submit(self) -> None:  # overridden: build the input and call ``submit_call``
        raise NotImplementedError

    def typed_errors(self) -> bool:
        """Dates that cannot be read are shown here, before asking the service."""
        self.form.clear_messages()
        problems = Problems()
        self.form.show_date_errors(problems)
        for name, widget in self.form.inputs.items():
            if isinstance(widget, MomentEdit) and widget.error():
                problems.errors[name] = widget.error()
        if problems.errors:
            self.form.show_problems(problems)
            self.fit_height()
            return True
        return False

    def fit_height(self) -> None:
        """Grow so that messages shown under the fields do not squeeze the inputs."""
        self.layout_.activate()
        wanted = self.sizeHint().height()
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def require_resident(self, picker: ResidentPicker, name: str = "resident") -> str | None:
        stay_id = picker.stay_id()
        if stay_id is None:
            self.form.messages[name].show_error(_("Pilih penghuni dari daftar."))
            self.fit_height()
        return stay_id

    def submit_call(self, call: Callable[[], Any], busy: str) -> None:
        def refused(exc: BaseException) -> None:
            if isinstance(exc, InvalidInput) and self.form.show_problems(exc.problems):
                self.fit_height()
                return
            if isinstance(exc, ValidationError) and exc.field in self.form.messages:
                self.form.messages[exc.field].show_error(exc.message)
                self.fit_height()
                return
            show_error(self, exc)

        def done(value: Any) -> None:
            self.result_value = value
            self.accept()

        MutationOp(self, call, done, busy, on_failure=refused).run()
