"""Showing and printing an issued PDF: pages drawn by PDFium into images, the exact registered
bytes sent to the printer as those images, so what is printed is what was issued."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

PREVIEW_DPI = 80
PRINT_DPI = 200


def page_images(pdf: bytes, dpi: int) -> list[QImage]:
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                           else QImage.Format.Format_RGBA8888)
            images.append(image.copy())  # own the pixels before PDFium frees its buffer
        return images
    finally:
        document.close()


class PdfPreview(QScrollArea):
    """The pages one under the other, as on paper."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setStyleSheet("QScrollArea { background: #8a939c; }")
        self.pages: list[QLabel] = []
        self.show_pdf(None)

    def show_pdf(self, pdf: bytes | None) -> None:
        holder = QWidget()
        holder.setStyleSheet("background: #8a939c;")
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages = []
        for image in page_images(pdf, PREVIEW_DPI) if pdf else []:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white; border: 1px solid #555;")
            column.addWidget(label)
            self.pages.append(label)
        column.addStretch()
        self.setWidget(holder)


def print_pdf(pdf: bytes, parent: QWidget, title: str) -> bool:
    """Ask for a printer and print every page, scaled to the printable area. False if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    send_to_printer(pdf, printer)
    return True


def send_to_printer(pdf: bytes, printer: QPrinter) -> None:
    painter = QPainter(printer)
    try:
        for number, image in enumerate(page_images(pdf, PRINT_DPI)):
            if number:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
    finally:
        painter.end()
