"""Import residents from a spreadsheet: choose a file, read the trial report, then import.

The trial (dry run) runs as soon as a file is chosen and shows every row with what would happen
to it and why; "Impor" then imports the valid rows in one go and shows the final report with the
new No. Induk. The template and the export are file-save actions offered beside it on the
Penerimaan & Asesmen screen, each shown only to roles that may use them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.roles import Permission
from pantidesk.i18n import N_, _
from pantidesk.services.context import AppContext
from pantidesk.services.residents_io import (
    ExportResult,
    ImportReport,
    RowStatus,
    export_residents,
    import_residents,
    save_template,
)
from pantidesk.ui.errors import error_text
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.widgets import ERROR_STYLE, fit_to_screen, inform

SHEET_FILTER = "*.xlsx *.csv"
COLUMNS = (N_("Baris"), N_("Nama"), N_("Hasil"), N_("Keterangan"))
_STATUS_COLOURS = {RowStatus.IMPORT: "#1b6e2d", RowStatus.SKIP: "#5a6570",
                   RowStatus.REJECT: "#b00020"}


class ImportResidentsDialog(QDialog):
    """The import wizard: file → trial report → import → final report."""

    imported = Signal(object)  # the final ImportReport

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(_("Impor penghuni dari lembar kerja"))
        intro = QLabel(_(
            "Untuk penghuni yang sudah tinggal di panti dan tercatat di Excel. Pilih berkas .xlsx "
            "atau .csv (UTF-8) sesuai templat. Setiap baris diperiksa dulu tanpa menyimpan apa "
            "pun; tekan <b>Impor</b> untuk menyimpan baris yang benar sekaligus. Orang yang "
            "sudah tercatat dilewati, jadi berkas yang sama aman diimpor ulang."))
        intro.setWordWrap(True)

        self.choose_button = QPushButton(_("Pilih berkas…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button = QPushButton(_("Unduh templat…"))
        self.template_button.clicked.connect(lambda: save_template_as(self))
        self.file_label = QLabel(_("Belum ada berkas yang dipilih."))
        self.file_label.setStyleSheet("color: #4a5560;")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        chooser = QHBoxLayout()
        chooser.addWidget(self.choose_button)
        chooser.addWidget(self.file_label, 1)
        chooser.addWidget(self.template_button)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.import_button = QPushButton(_("Impor"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_rows)
        close = QPushButton(_("Tutup"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(chooser)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._set_report(None)
        fit_to_screen(self, 980, 620)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Pilih lembar kerja penghuni"), str(self.path.parent if self.path else ""),
            _("Lembar kerja ({patterns})").format(patterns=SHEET_FILTER))
        if path:
            self.check(Path(path))

    def check(self, path: Path) -> None:
        """Run the trial import of ``path`` and show its report."""
        self.path = path
        self.file_label.setText(str(path))
        self.summary.setStyleSheet("")
        self.summary.setText(_("Memeriksa {file}…").format(file=path.name))
        self.import_button.setEnabled(False)
        QueryOp(self, lambda: import_residents(self.ctx, path, dry_run=True), self._set_report,
                on_failure=self._refused).run()

    def import_rows(self) -> None:
        path = self.path
        if path is None or self.report is None or not self.report.dry_run:
            return
        self.import_button.setEnabled(False)

        def done(report: ImportReport) -> None:
            self._set_report(report)
            self.imported.emit(report)

        MutationOp(self, lambda: import_residents(self.ctx, path), done, _("Mengimpor…"),
                   on_failure=self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        self._set_report(None)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(error_text(exc) + "\n" + _("Tidak ada yang disimpan."))

    def _set_report(self, report: ImportReport | None) -> None:
        self.report = report
        rows = report.rows if report else ()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            status = QTableWidgetItem(row.status_label(report.dry_run) if report else "")
            status.setForeground(QColor(_STATUS_COLOURS[row.status]))
            reason = row.reason
            if row.status is RowStatus.IMPORT and row.no_induk:
                reason = "; ".join(p for p in (_("No. Induk {no}").format(no=row.no_induk),
                                               reason) if p)
            number = QTableWidgetItem(str(row.number))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for c, item in enumerate((number, QTableWidgetItem(row.name), status,
                                      QTableWidgetItem(reason))):
                item.setToolTip(reason)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        if report is None:
            self.summary.setText("")
            self.import_button.setText(_("Impor"))
            self.import_button.setEnabled(False)
            return
        self.summary.setStyleSheet("font-weight: 600;")
        if report.dry_run:
            self.summary.setText(report.summary())
            self.import_button.setText(_("Impor {n} baris").format(n=report.imported))
            self.import_button.setEnabled(report.imported > 0)
        else:
            self.summary.setText(_("Selesai. {summary}").format(summary=report.summary()))
            self.import_button.setText(_("Impor"))
            self.import_button.setEnabled(False)


def save_template_as(parent: QWidget) -> None:
    """Ask where to save the import template, then write it."""
    path = _save_path(parent, _("Simpan templat impor"), "templat-penghuni.xlsx",
                      [(_("Buku kerja Excel"), ".xlsx")])
    if path is None:
        return
    QueryOp(parent, lambda: save_template(path), lambda saved: inform(
        parent, _("Templat tersimpan"),
        _("Templat ditulis ke {path}. Lembar \"Petunjuk\" menjelaskan setiap kolom.").format(
            path=saved))).run()


def export_residents_as(ctx: AppContext, parent: QWidget) -> None:
    """Ask which residents and where, then export them (audited)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Ekspor penghuni"))
    box.setText(_("Berkas ekspor berisi data pribadi penghuni (NIK, alamat, tanggal lahir). "
                  "Simpan dan kirim dengan aman; ekspor ini dicatat di log audit.\n\n"
                  "Penghuni mana yang diekspor?"))
    active = box.addButton(_("Penghuni aktif"), QMessageBox.ButtonRole.AcceptRole)
    everyone = box.addButton(_("Termasuk yang sudah keluar"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() not in (active, everyone):
        return
    include_discharged = box.clickedButton() is everyone
    today = ctx.clock.today().isoformat()
    name = f"penghuni-{ctx.installation.panti_code or 'provinsi'}-{today}.xlsx"
    path = _save_path(parent, _("Ekspor penghuni ke"), name,
                      [(_("Buku kerja Excel"), ".xlsx"), (_("CSV UTF-8"), ".csv")])
    if path is None:
        return

    def done(result: ExportResult) -> None:
        inform(parent, _("Ekspor selesai"), _("{count} baris penghuni ditulis ke {path}.").format(
            count=result.rows, path=result.path))

    MutationOp(parent, lambda: export_residents(ctx, path, include_discharged=include_discharged),
               done, _("Mengekspor…")).run()


def _save_path(parent: QWidget, title: str, name: str,
               kinds: list[tuple[str, str]]) -> Path | None:
    """A file name from a save dialog, with the suffix of the chosen kind added when missing."""
    filters = [f"{label} (*{suffix})" for label, suffix in kinds]
    chosen, selected = QFileDialog.getSaveFileName(parent, title, str(Path.home() / name),
                                                   ";;".join(filters))
    if not chosen:
        return None
    path = Path(chosen)
    suffixes = [suffix for _label, suffix in kinds]
    if path.suffix.lower() not in suffixes:
        suffix = suffixes[filters.index(selected)] if selected in filters else suffixes[0]
        path = path.with_name(path.name + suffix)
    return path


def spreadsheet_buttons(ctx: AppContext, parent: QWidget,
                        on_imported: Callable[[], None]) -> list[QPushButton]:
    """The "Impor penghuni…", "Unduh templat…" and "Ekspor penghuni…" buttons this user may use."""
    buttons = []
    if ctx.may(Permission.IMPORT_RESIDENTS):
        importing = QPushButton(_("Impor penghuni…"))
        importing.setToolTip(_("Impor penghuni yang sudah tinggal di panti dari lembar kerja "
                               "Excel atau CSV"))

        def open_import() -> None:
            dialog = ImportResidentsDialog(ctx, parent)
            dialog.imported.connect(lambda _report: on_imported())
            dialog.exec()

        importing.clicked.connect(open_import)
        template = QPushButton(_("Unduh templat…"))
        template.setToolTip(_("Simpan templat lembar kerja untuk impor penghuni"))
        template.clicked.connect(lambda: save_template_as(parent))
        buttons += [importing, template]
    if ctx.may(Permission.EXPORT_RESIDENTS):
        exporting = QPushButton(_("Ekspor penghuni…"))
        exporting.clicked.connect(lambda: export_residents_as(ctx, parent))
        buttons.append(exporting)
    return buttons
