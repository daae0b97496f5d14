"""The kop surat logo in Pengaturan: a small preview with "Pilih gambar…" and "Hapus logo".

The chosen file is scaled here (Qt reads every common format) so that its long side is at most
600 px: the kop prints it 24 mm wide, so that is sharp on paper and small in the database. It stays
PNG when it has transparency or came as PNG (the clean edges of an emblem), otherwise JPEG. The
service checks the bytes again and stores them; a chosen logo is saved at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pantidesk.errors import ValidationError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.kop_logo import clear_kop_logo, get_kop_logo, set_kop_logo
from pantidesk.ui.errors import show_error
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.widgets import FieldMessage, confirm

LONG_SIDE = 600
JPEG_QUALITY = 90
FILE_FILTER = "*.png *.jpg *.jpeg"
PREVIEW_SIZE = 88
MUTED = "color: #4a5560;"


def load_logo(path: Path) -> bytes:
    """PNG or JPEG bytes of the image in ``path``, at most 600 px on the long side."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    source_format = bytes(reader.format().data()).decode("ascii", "replace").lower()
    image = reader.read()
    if image.isNull():
        raise ValidationError(_("Berkas {name} bukan gambar yang dapat dibaca ({reason}).").format(
            name=path.name, reason=reader.errorString()), field="logo")
    return encode_logo(image, keep_png=source_format != "jpeg")


def encode_logo(image: QImage, keep_png: bool = True) -> bytes:
    if max(image.width(), image.height()) > LONG_SIDE:
        image = image.scaled(LONG_SIDE, LONG_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    as_png = keep_png or image.hasAlphaChannel()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs want the format as bytes; PySide6 itself takes only a str.
    image.save(buffer, "PNG" if as_png else "JPEG",  # type: ignore[call-overload]
               -1 if as_png else JPEG_QUALITY)
    buffer.close()
    return bytes(data.data())


class KopLogoControl(QWidget):
    """Preview and buttons; read-only (preview only) for roles that may not change settings."""

    def __init__(self, ctx: AppContext, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.logo: bytes | None = None
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("background: #ffffff; border: 1px solid #d6dbe1; "
                                   "color: #4a5560;")
        self.choose_button = QPushButton(_("Pilih gambar…"))
        self.choose_button.clicked.connect(self.choose)
        self.clear_button = QPushButton(_("Hapus logo"))
        self.clear_button.clicked.connect(self.clear)
        note = QLabel(_("PNG atau JPEG: lambang Provinsi Lampung atau logo panti. Dicetak di kiri "
                        "kop surat dan langsung disimpan saat dipilih."))
        note.setStyleSheet(MUTED)
        note.setWordWrap(True)
        self.message = FieldMessage()

        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch()
        side = QVBoxLayout()
        side.addLayout(buttons)
        side.addWidget(note)
        side.addWidget(self.message)
        side.addStretch()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(side, 1)
        if not editable:
            self.choose_button.hide()
            self.clear_button.hide()
            note.hide()
        self.show_logo(None)
        QueryOp(self, lambda: get_kop_logo(ctx), self.show_logo).run()

    def show_logo(self, data: bytes | None) -> None:
        self.logo = data
        pixmap = QPixmap()
        if data is not None and pixmap.loadFromData(data):
            inner = PREVIEW_SIZE - 8
            self.preview.setPixmap(pixmap.scaled(inner, inner, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("Tanpa logo"))
        self.clear_button.setEnabled(data is not None)

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Pilih logo kop surat"), "",
            _("Gambar ({patterns})").format(patterns=FILE_FILTER))
        if not path:
            return
        self.message.clear_message()
        try:
            data = load_logo(Path(path))
        except ValidationError as exc:
            self.message.show_error(exc.message)
            return
        MutationOp(self, lambda: set_kop_logo(self.ctx, data), lambda _sha: self.show_logo(data),
                   _("Menyimpan logo…"), on_failure=self._failed).run()

    def clear(self) -> None:
        if not confirm(self, _("Hapus logo"), _("Cetak kop surat tanpa logo mulai sekarang?"),
                       _("Hapus logo")):
            return
        self.message.clear_message()
        MutationOp(self, lambda: clear_kop_logo(self.ctx), lambda _result: self.show_logo(None),
                   on_failure=self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.message.show_error(exc.message)
        else:
            show_error(self, exc)
