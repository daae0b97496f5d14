"""Small widgets shared by the forms: an input with its inline message, headings, cards."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"


class FieldMessage(QLabel):
    """The line under a field that says what is wrong with it (hidden while all is well)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(text)
        self.setVisible(bool(text))

    def show_warning(self, text: str) -> None:
        self.setStyleSheet(WARNING_STYLE)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


def rule_message(check: Callable[[str], object], value: str) -> str:
    """Run a service-level rule on a field value; its refusal message, or '' when it passes."""
    from pantidesk.errors import ValidationError

    try:
        check(value)
    except ValidationError as exc:
        return exc.message
    return ""


class ValidatedLineEdit(QWidget):
    """A line edit with an inline message; ``validator`` returns an error text or ''."""

    def __init__(self, placeholder: str = "", validator: Callable[[str], str] | None = None,
                 password: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        if password:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = FieldMessage()
        self.validator = validator
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self.edit.editingFinished.connect(self.validate)
        self.edit.textEdited.connect(lambda _text: self.message.clear_message())

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def validate(self) -> bool:
        error = self.validator(self.edit.text()) if self.validator else ""
        if error:
            self.message.show_error(error)
        else:
            self.message.clear_message()
        return not error

    def show_error(self, text: str) -> None:
        self.message.show_error(text)
        self.edit.setFocus()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to the preferred size, but never beyond the screen (office PCs are often 1366×768)."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    available = screen.availableGeometry()
    widget.resize(min(width, available.width() - 40), min(height, available.height() - 60))


def heading(text: str, size: int = 15) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"font-size: {size}pt; font-weight: 600;")
    label.setWordWrap(True)
    return label


def card(title: str, value: str, detail: str = "") -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setStyleSheet("#card { background: #ffffff; border: 1px solid #d6dbe1; border-radius: 6px; }")
    layout = QVBoxLayout(frame)
    caption = QLabel(title)
    caption.setStyleSheet("color: #4a5560;")
    number = QLabel(value)
    number.setStyleSheet("font-size: 22pt; font-weight: 600;")
    layout.addWidget(caption)
    layout.addWidget(number)
    if detail:
        note = QLabel(detail)
        note.setStyleSheet("color: #4a5560;")
        note.setWordWrap(True)
        layout.addWidget(note)
    layout.setAlignment(Qt.AlignmentFlag.AlignTop)
    return frame


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before an action, with Indonesian buttons (Qt ships no Indonesian translation of its
    standard Yes/No)."""
    from PySide6.QtWidgets import QMessageBox

    from pantidesk.i18n import _

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from pantidesk.i18n import _

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.addButton(_("Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
