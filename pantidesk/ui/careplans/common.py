"""Small pieces shared by the care-plan dialogs: ATENSI choices and the service-error handler."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from pantidesk.domain.atensi import ATENSI_COMPONENTS
from pantidesk.i18n import _
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems
from pantidesk.ui.errors import show_error

MUTED = "color: #4a5560;"


class AtensiChoice:
    """An ATENSI component in a combo box: "1. Dukungan pemenuhan …"."""

    def __init__(self, code: int, name: str) -> None:
        self.code = code
        self.label = f"{code}. {_(name)}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AtensiChoice) and other.code == self.code

    def __hash__(self) -> int:
        return hash(self.code)


def atensi_choices() -> list[AtensiChoice]:
    return [AtensiChoice(a.code, a.name) for a in ATENSI_COMPONENTS]


def atensi_title(code: int) -> str:
    for component in ATENSI_COMPONENTS:
        if component.code == code:
            return f"{code}. {_(component.name)}"
    return str(code)


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(MUTED)
    label.setWordWrap(True)
    return label


def on_refusal(parent: QWidget, show: Callable[[Problems], bool]) -> Callable[[BaseException], None]:
    """A failure handler: field errors go inline through ``show`` (which says whether it could
    place them all); anything else, or errors without a field here, in a dialog."""

    def refused(exc: BaseException) -> None:
        if isinstance(exc, InvalidInput) and show(exc.problems):
            return
        show_error(parent, exc)

    return refused
