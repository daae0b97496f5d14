"""Laporan: choose a report and its options, make it (numbered and registered), look at it, print
it, save the PDF or its tables as XLSX; and check whether a document was issued."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pantidesk.errors import ValidationError
from pantidesk.i18n import MONTHS, N_, _
from pantidesk.reports.document import ReportData
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.issued_documents import (
    IssuedPdf,
    Verification,
    record_handling,
    verify_file,
    verify_qr,
)
from pantidesk.services.reports.common import panti_list
from pantidesk.services.reports.issue import issue_report
from pantidesk.services.reports.monthly import monthly_report
from pantidesk.services.reports.register import register_report
from pantidesk.services.reports.resident_profile import (
    ProfileOptions,
    ProfileSection,
    latest_stay_of,
    resident_profile,
)
from pantidesk.services.reports.spm import spm_report
from pantidesk.services.reports.xlsx import report_workbook
from pantidesk.services.residents import (
    ResidentListRow,
    Scope,
    resident_list_rows,
    search_residents,
)
from pantidesk.services.spm_checklist import quarters_offered
from pantidesk.ui.errors import show_error
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.reports.preview import PdfPreview, print_pdf
from pantidesk.ui.widgets import heading

SECTION_LABELS = {
    ProfileSection.IDENTITY: N_("Identitas"),
    ProfileSection.FAMILY: N_("Keluarga dan wali"),
    ProfileSection.ADMISSION: N_("Penerimaan dan penetapan"),
    ProfileSection.CARE_PLAN: N_("Rencana intervensi"),
    ProfileSection.SERVICES: N_("Layanan yang diterima"),
    ProfileSection.HEALTH: N_("Kesehatan dan insiden"),
    ProfileSection.DISCHARGE: N_("Terminasi"),
}


@dataclass
class Choice:
    """One report on the list: its options, and ``prepare``, which reads them on the UI thread and
    returns the work that freezes the report's data on the database thread."""

    title: str
    options: QWidget
    prepare: Callable[[], Callable[[], ReportData]]


class ReportsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.issued: IssuedPdf | None = None
        self.data: ReportData | None = None
        self.choices = self._choices()

        self.list = QListWidget()
        self.list.setMaximumWidth(250)
        self.list.setStyleSheet("QListWidget::item { padding: 7px 6px; }")
        self.options = QStackedWidget()
        self.options.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        for choice in self.choices:
            self.list.addItem(choice.title)
            self.options.addWidget(choice.options)
        self.verify_page = self._verify_page()
        self.list.addItem(_("Verifikasi dokumen"))
        self.options.addWidget(self.verify_page)
        self.list.currentRowChanged.connect(self._choose)

        self.make_button = QPushButton(_("Buat laporan"))
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        self.print_button = QPushButton(_("Cetak…"))
        self.print_button.clicked.connect(self._print)
        self.pdf_button = QPushButton(_("Simpan PDF…"))
        self.pdf_button.clicked.connect(self._save_pdf)
        self.xlsx_button = QPushButton(_("Ekspor XLSX…"))
        self.xlsx_button.clicked.connect(self._save_xlsx)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #4a5560;")
        actions = QHBoxLayout()
        for button in (self.make_button, self.print_button, self.pdf_button, self.xlsx_button):
            actions.addWidget(button)
        actions.addStretch()

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.list)
        self.preview = PdfPreview()
        right = QWidget()
        right_column = QVBoxLayout(right)
        self.right_column = right_column
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.options)
        right_column.addLayout(actions)
        right_column.addWidget(self.status)
        right_column.addWidget(self.preview, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Laporan")))
        hint = QLabel(_("Setiap laporan yang dibuat diberi nomor, sidik jari dan kode QR, dan "
                        "dicatat dalam register dokumen sehingga keasliannya dapat diperiksa."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #4a5560;")
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        self.list.setCurrentRow(0)
        self._set_ready(False)

    # -- the report choices -----------------------------------------------------------------

    def _choices(self) -> list[Choice]:
        monthly = QWidget()
        monthly_form = QFormLayout(monthly)
        monthly_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.month = QComboBox()
        self.month.setMinimumWidth(200)
        today = self.ctx.clock.today()
        first = today.replace(day=1)
        for back in range(24):
            year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
            self.month.addItem(f"{_(MONTHS[month])} {year}", (year, month + 1))
        self.month.setCurrentIndex(1 if today.day < 10 else 0)  # early in a month: last month
        monthly_form.addRow(_("Bulan"), self.month)
        self.monthly_panti = self._panti_combo(_("Semua panti"))
        if self.monthly_panti is not None:
            monthly_form.addRow(_("Panti"), self.monthly_panti)

        register = QWidget()
        register_form = QFormLayout(register)
        register_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.current_only = QCheckBox(_("Hanya penghuni saat ini"))
        register_form.addRow("", self.current_only)
        self.register_panti = self._panti_combo(None)
        if self.register_panti is not None:
            register_form.addRow(_("Panti"), self.register_panti)

        def build_monthly() -> Callable[[], ReportData]:
            year, month = self.month.currentData()
            panti = self.monthly_panti.currentData() if self.monthly_panti else None
            return lambda: monthly_report(self.ctx, year, month, panti)

        def build_register() -> Callable[[], ReportData]:
            panti = self.register_panti.currentData() if self.register_panti else None
            current = self.current_only.isChecked()
            return lambda: register_report(self.ctx, panti, current)

        spm = QWidget()
        spm_form = QFormLayout(spm)
        spm_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.quarter = QComboBox()
        self.quarter.setMinimumWidth(200)
        for quarter in quarters_offered(self.ctx):
            self.quarter.addItem(quarter.label, quarter)
        self.quarter.setCurrentIndex(1 if self.quarter.count() > 1 else 0)  # the last full one
        spm_form.addRow(_("Triwulan"), self.quarter)
        self.spm_panti = self._panti_combo(None)
        if self.spm_panti is not None:
            spm_form.addRow(_("Panti"), self.spm_panti)

        def build_spm() -> Callable[[], ReportData]:
            quarter = self.quarter.currentData()
            panti = self.spm_panti.currentData() if self.spm_panti else None
            return lambda: spm_report(self.ctx, quarter, panti)

        return [Choice(_("Laporan penerima manfaat"), self._profile_options(), self._build_profile),
                Choice(_("Laporan bulanan"), monthly, build_monthly),
                Choice(_("Laporan SPM"), spm, build_spm),
                Choice(_("Buku induk penerima manfaat"), register, build_register)]

    def _profile_options(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        search_row = QHBoxLayout()
        self.resident_search = QLineEdit()
        self.resident_search.setMinimumWidth(260)
        self.resident_search.setPlaceholderText(_("Nama, NIK atau No. Induk, lalu Enter"))
        self.resident_search.returnPressed.connect(self._find_residents)
        find = QPushButton(_("Cari"))
        find.clicked.connect(self._find_residents)
        search_row.addWidget(self.resident_search)
        search_row.addWidget(find)
        form.addRow(_("Penerima manfaat"), search_row)
        self.resident = QComboBox()
        self.resident.setMinimumWidth(360)
        self.resident.setPlaceholderText(_("— cari dulu —"))
        form.addRow("", self.resident)
        boxes = QGridLayout()
        self.section_boxes: dict[ProfileSection, QCheckBox] = {}
        for index, section in enumerate(ProfileSection):
            box = QCheckBox(_(SECTION_LABELS[section]))
            box.setChecked(True)
            self.section_boxes[section] = box
            boxes.addWidget(box, index // 3, index % 3)
        form.addRow(_("Bagian"), boxes)
        self.mask_numbers = QCheckBox(_("Samarkan NIK dan No. KK (salinan untuk pihak luar)"))
        form.addRow("", self.mask_numbers)
        return page

    def _find_residents(self) -> None:
        text = self.resident_search.text()

        def work() -> list[ResidentListRow]:
            ids = search_residents(self.ctx, text, Scope.RESIDENTS)[:50]
            return resident_list_rows(self.ctx, ids)

        QueryOp(self, work, self._show_residents).run()

    def _show_residents(self, rows: list[ResidentListRow]) -> None:
        self.resident.clear()
        for row in rows:
            if row.no_induk:
                self.resident.addItem(f"{row.name} — {row.no_induk} ({row.status_label})",
                                      row.person_id)
        if self.resident.count() == 0:
            self.resident.setPlaceholderText(_("Tidak ada penerima manfaat yang cocok"))
        else:
            self.resident.setCurrentIndex(0)

    def _build_profile(self) -> Callable[[], ReportData]:
        person_id = self.resident.currentData()
        if not person_id:
            raise ValidationError(_("Cari dan pilih penerima manfaat lebih dulu."))
        chosen = frozenset(s for s, box in self.section_boxes.items() if box.isChecked())
        if not chosen:
            raise ValidationError(_("Pilih sedikitnya satu bagian laporan."))
        options = ProfileOptions(chosen, self.mask_numbers.isChecked())
        return lambda: resident_profile(self.ctx, latest_stay_of(self.ctx, person_id), options)

    def _panti_combo(self, all_text: str | None) -> QComboBox | None:
        if self.ctx.installation.mode is Mode.PANTI:
            return None
        combo = QComboBox()
        if all_text:
            combo.addItem(all_text, None)
        for code, name in panti_list(self.ctx):
            combo.addItem(f"{code} — {name}", code)
        return combo

    def _choose(self, row: int) -> None:
        # A stacked widget is as tall as its tallest page; only the shown page may ask for room.
        for index in range(self.options.count()):
            self.options.widget(index).setSizePolicy(
                QSizePolicy.Policy.Preferred,
                QSizePolicy.Policy.Preferred if index == row else QSizePolicy.Policy.Ignored)
        self.options.setCurrentIndex(row)
        self.options.adjustSize()
        verifying = row == len(self.choices)
        self.options.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding
                                   if verifying else QSizePolicy.Policy.Maximum)
        self.right_column.setStretchFactor(self.options, 1 if verifying else 0)
        for button in (self.make_button, self.print_button, self.pdf_button, self.xlsx_button):
            button.setVisible(not verifying)
        self.preview.setVisible(not verifying)
        self.status.setVisible(not verifying)

    # -- making, printing, saving -------------------------------------------------------------

    def make(self) -> None:
        choice = self.choices[self.options.currentIndex()]
        try:
            build = choice.prepare()
        except ValidationError as error:
            show_error(self, error)
            return

        def work() -> tuple[ReportData, IssuedPdf]:
            data = build()
            return data, issue_report(self.ctx, data)

        self.make_button.setEnabled(False)
        MutationOp(self, work, self._show, label=_("Menyusun laporan…"),
                   on_failure=self._failed).run()

    def _failed(self, error: BaseException) -> None:
        self.make_button.setEnabled(True)
        show_error(self, error)

    def _show(self, result: tuple[ReportData, IssuedPdf]) -> None:
        self.data, self.issued = result
        self.make_button.setEnabled(True)
        self.preview.show_pdf(self.issued.pdf)
        self.status.setText(_("Dokumen {number} · sidik jari {fingerprint} · {pages} halaman")
                            .format(number=self.issued.number,
                                    fingerprint=self.issued.fingerprint,
                                    pages=self.issued.pages))
        self._set_ready(True)

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(ready)

    def _file_name(self, suffix: str) -> str:
        assert self.issued is not None and self.data is not None
        number = self.issued.number.replace("/", "-")
        return f"{self.data.title} {number}{suffix}"

    def _print(self) -> None:
        if self.issued is None or self.data is None:
            return
        if print_pdf(self.issued.pdf, self, self.data.title):
            number = self.issued.number
            QueryOp(self, lambda: record_handling(self.ctx, number, printed=True),
                    lambda _result: self.status.setText(_("Dikirim ke pencetak."))).run()

    def _save_pdf(self) -> None:
        if self.issued is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, _("Simpan PDF"),
                                                    self._file_name(".pdf"), "PDF (*.pdf)")
        if path and self._write(Path(path), self.issued.pdf):
            number = self.issued.number
            QueryOp(self, lambda: record_handling(self.ctx, number, printed=False, where=path),
                    lambda _result: None).run()

    def _save_xlsx(self) -> None:
        if self.data is None or self.issued is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, _("Ekspor XLSX"),
                                                    self._file_name(".xlsx"),
                                                    _("Buku kerja Excel (*.xlsx)"))
        if not path:
            return
        data, number = self.data, self.issued.number
        QueryOp(self, lambda: report_workbook(self.ctx, data, number),
                lambda content: self._write(Path(path), content)).run()

    def _write(self, path: Path, content: bytes) -> bool:
        try:
            path.write_bytes(content)
        except OSError as error:
            QMessageBox.warning(self, _("Gagal menyimpan"), _(
                "Berkas {path} tidak dapat ditulis: {error}").format(
                path=path, error=error.strerror or error))
            return False
        self.status.setText(_("Tersimpan: {path}").format(path=path))
        return True

    # -- verification -------------------------------------------------------------------------

    def _verify_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(QLabel(_("Periksa apakah sebuah berkas PDF atau kode QR pada kertas "
                                  "memang diterbitkan dari basis data ini.")))
        choose = QPushButton(_("Pilih berkas PDF…"))
        choose.clicked.connect(self._verify_file)
        file_row = QHBoxLayout()
        file_row.addWidget(choose)
        file_row.addStretch()
        row = QHBoxLayout()
        self.qr_text = QLineEdit()
        self.qr_text.setPlaceholderText(_("Tempel isi kode QR: PANTIDESK|nomor|sidik jari"))
        check_qr = QPushButton(_("Periksa kode QR"))
        check_qr.clicked.connect(self._verify_qr)
        self.qr_text.returnPressed.connect(self._verify_qr)
        row.addWidget(self.qr_text, 1)
        row.addWidget(check_qr)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        column.addLayout(file_row)
        column.addLayout(row)
        column.addWidget(self.verdict)
        column.addStretch()
        return page

    def _verify_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Pilih berkas PDF"), "",
                                                    "PDF (*.pdf)")
        if not path:
            return
        try:
            content = Path(path).read_bytes()
        except OSError as error:
            self._show_verdict(None, _("Berkas tidak dapat dibaca: {error}").format(
                error=error.strerror or error))
            return
        QueryOp(self, lambda: verify_file(self.ctx, content),
                lambda result: self._show_verdict(result)).run()

    def _verify_qr(self) -> None:
        payload = self.qr_text.text()
        QueryOp(self, lambda: verify_qr(self.ctx, payload),
                lambda result: self._show_verdict(result)).run()

    def _show_verdict(self, result: Verification | None, text: str = "") -> None:
        ok = result is not None and result.ok
        message = text or (result.message() if result else "")
        if result is not None and result.ok and result.person_name:
            message += " " + _("Penerima manfaat: {name}").format(name=result.person_name)
        colour = "#1e7a3c" if ok else "#b03a2e"
        self.verdict.setStyleSheet(f"font-size: 11pt; font-weight: 600; color: {colour};")
        self.verdict.setText(message)


def default_month(today: dt.date) -> tuple[int, int]:
    """The month a head most likely wants: last month during the first days of a month."""
    if today.day < 10:
        last = today.replace(day=1) - dt.timedelta(days=1)
        return last.year, last.month
    return today.year, today.month
