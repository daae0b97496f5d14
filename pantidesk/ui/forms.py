"""Building blocks of the case forms: typed inputs and a form that shows each field's message.

Dates are typed ``dd/mm/yyyy`` (a date picker makes an empty date impossible and a two-digit year
easy); choices from the domain's closed sets are combo boxes with an empty first entry when the
field is optional; yes/no/unknown answers are three-way combos, because "unknown" is an answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.dates import parse_date
from pantidesk.errors import ValidationError
from pantidesk.i18n import _, format_date
from pantidesk.services.person_rules import Problems
from pantidesk.ui.widgets import FieldMessage

E = TypeVar("E", bound=Enum)
_GROWING = (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding,
            QSizePolicy.Policy.Ignored)


class DateEdit(QLineEdit):
    """A date typed as dd/mm/yyyy; ``date()`` is None when empty, ``error()`` says why not."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.setPlaceholderText(_("hh/bb/tttt"))
        self.setMaximumWidth(130)

    def date(self) -> dt.date | None:
        try:
            return parse_date(self.text(), self.label) if self.text().strip() else None
        except ValidationError:
            return None

    def error(self) -> str:
        if not self.text().strip():
            return ""
        try:
            parse_date(self.text(), self.label)
        except ValidationError as exc:
            return exc.message
        return ""

    def set_date(self, value: dt.date | None) -> None:
        self.setText(format_date(value) if value else "")


class EnumCombo(QComboBox):
    """A choice among Python values (enum members, numbers, codes), with an empty entry first
    when ``optional``. Values are kept on the Python side: Qt would turn a StrEnum member into a
    plain string."""

    def __init__(self, members: Iterable[Any], optional: bool = True,
                 empty_text: str = "") -> None:
        super().__init__()
        self._values: list[Any] = []
        if optional:
            self.add_choice(empty_text or _("— pilih —"), None)
        for member in members:
            self.add_choice(getattr(member, "label", str(member)), member)

    def minimumSizeHint(self) -> QSize:
        # Long choices (PPKS names) may be cut on a narrow window instead of widening the form.
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 180), hint.height())

    def add_choice(self, text: str, value: Any) -> None:
        self._values.append(value)
        self.addItem(text)

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def values(self) -> list[Any]:
        return list(self._values)

    def set_value(self, value: Any) -> None:
        self.setCurrentIndex(self._values.index(value) if value in self._values else 0)


class TriState(QComboBox):
    """Ya / Tidak / Belum diketahui."""

    def __init__(self) -> None:
        super().__init__()
        self.addItem(_("Belum diketahui"), None)
        self.addItem(_("Ya"), True)
        self.addItem(_("Tidak"), False)

    def value(self) -> bool | None:
        data = self.currentData()
        return None if data is None else bool(data)

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[value])


class TextArea(QPlainTextEdit):
    def __init__(self, placeholder: str = "", lines: int = 3) -> None:
        super().__init__()
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setFixedHeight(12 + lines * self.fontMetrics().lineSpacing())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self.toPlainText()


class Form(QWidget):
    """Rows of label + input + inline message; ``show_problems`` puts each error under its
    field (by the service's field name) and returns whether any was shown here."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        outer = QVBoxLayout(self)
        outer.addLayout(self.layout_)
        outer.addStretch(1)  # spare height goes below the last row, not between the rows
        self.messages: dict[str, FieldMessage] = {}
        self.inputs: dict[str, QWidget] = {}

    def add(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if widget.sizePolicy().horizontalPolicy() in _GROWING:
            column.addWidget(widget)
        else:  # a combo keeps its own width while a hint under it may use the whole row
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
            holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if hint:
            note = QLabel(hint)
            note.setStyleSheet("color: #4a5560;")
            note.setWordWrap(True)
            column.addWidget(note)
        message = FieldMessage()
        column.addWidget(message)
        self.layout_.addRow(label, holder)
        self.messages[name] = message
        self.inputs[name] = widget
        return widget

    def add_heading(self, text: str) -> None:
        title = QLabel(text)
        title.setStyleSheet("font-weight: 600; color: #2f5d8a; margin-top: 8px;")
        self.layout_.addRow(title)

    def clear_messages(self) -> None:
        for message in self.messages.values():
            message.clear_message()

    def show_problems(self, problems: Problems, prefix: str = "") -> bool:
        shown = False
        for name, text in problems.errors.items():
            if name.startswith(prefix) and name[len(prefix):] in self.messages:
                self.messages[name[len(prefix):]].show_error(text)
                shown = True
        return shown

    def show_date_errors(self, problems: Problems, prefix: str = "") -> None:
        """Dates the person typed but that cannot be read are errors of this form itself."""
        for name, widget in self.inputs.items():
            if isinstance(widget, DateEdit) and widget.error():
                problems.errors[prefix + name] = widget.error()

    def first_error_widget(self) -> QWidget | None:
        for name, message in self.messages.items():
            if not message.isHidden() and message.text():
                return self.inputs[name]
        return None
