"""A resident's photo from a file: turned upright, scaled so the long side is at most 1,600 px,
stored as JPEG. A phone photo of 4,000 px and 5 MB becomes a few hundred kB, which keeps the
database and the sync bundles small."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap

from pantidesk.errors import ValidationError
from pantidesk.i18n import _

LONG_SIDE = 1600
QUALITY = 85
FILE_FILTER = "*.jpg *.jpeg *.png *.bmp *.webp"


def load_photo(path: Path) -> bytes:
    """JPEG bytes of the image in ``path``, downscaled; refuses files that are not images."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # EXIF orientation: phone photos come out upright
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > LONG_SIDE:
        reader.setScaledSize(size.scaled(QSize(LONG_SIDE, LONG_SIDE),
                                         Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise ValidationError(_("Berkas {name} bukan gambar yang dapat dibaca ({reason}).").format(
            name=path.name, reason=reader.errorString()), field="photo")
    return to_jpeg(image)


def to_jpeg(image: QImage) -> bytes:
    if max(image.width(), image.height()) > LONG_SIDE:
        image = image.scaled(LONG_SIDE, LONG_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    if image.hasAlphaChannel():  # JPEG has no transparency: put it on white
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", QUALITY)
    buffer.close()
    return bytes(data.data())


def thumbnail(jpeg: bytes, height: int = 140) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(jpeg, "JPEG")
    return pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
