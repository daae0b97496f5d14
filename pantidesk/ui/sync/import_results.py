"""The province's batch of bundles as a table (one row per file: panti, number, verdict, new /
updated / deleted, whether the copy of that panti is complete, the receipt or the refusal) and,
for the chosen row, the counts per record type."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QTableWidgetItem, QVBoxLayout

from pantidesk.i18n import _
from pantidesk.services.sync_province import DRY_RUN, DUPLICATE, IMPORTED, REFUSED, BundleImport
from pantidesk.services.sync_views import import_summary, import_totals
from pantidesk.ui.sync.common import GREEN, GREY, MUTED_STYLE, RED, cell, number, read_only_table

BLUE = "#2f5d8a"
_VERDICT_COLOUR = {IMPORTED: GREEN, DUPLICATE: GREY, DRY_RUN: BLUE, REFUSED: RED}


def verdict_text(status: str) -> str:
    return {IMPORTED: _("diimpor"), DUPLICATE: _("sudah pernah"),
            DRY_RUN: _("uji coba: dapat diimpor"), REFUSED: _("ditolak")}[status]


def row_cells(path: Path, result: BundleImport | None) -> list[QTableWidgetItem]:
    name = cell(path.name, tooltip=str(path))
    if result is None:
        return [name, cell(""), cell(""), cell(_("belum diperiksa"), GREY)] + \
            [cell("") for _i in range(5)]
    new, updated, deleted = import_totals(result)
    if result.state_match is None:
        state = cell("")
    elif result.state_match:
        state = cell(_("lengkap"), GREEN)
    else:
        state = cell(_("belum lengkap"), RED, _("Sidik keadaan berbeda: minta panti mengirim "
                                                "snapshot lengkap (--full)."))
    if result.status == REFUSED:
        note = cell(result.reason, RED, result.reason)
    elif result.receipt_error:
        note = cell(result.receipt_error, RED, result.receipt_error)
    elif result.receipt is not None:
        note = cell(_("Tanda terima: {file}").format(file=result.receipt.name),
                    tooltip=str(result.receipt))
    elif result.status == DRY_RUN:
        note = cell(_("belum disimpan"), GREY)
    elif result.status == DUPLICATE:
        note = cell(_("tidak ada yang berubah"), GREY)
    else:
        note = cell("")
    counted = result.status != REFUSED
    return [name, cell(result.panti), cell(result.seq or "", number=True),
            cell(verdict_text(result.status), _VERDICT_COLOUR[result.status], bold=True),
            cell(number(new) if counted else "", number=True),
            cell(number(updated) if counted else "", number=True),
            cell(number(deleted) if counted else "", number=True), state, note]


def detail_text(result: BundleImport) -> str:
    if result.status == REFUSED:
        return _("{reason} Tidak ada yang berubah di basis data provinsi.").format(
            reason=result.reason)
    parts = [_("Panti {panti}, bundel nomor {seq} ({kind}), perubahan {start}–{end}.").format(
        panti=result.panti, seq=result.seq, kind=result.kind.label if result.kind else "",
        start=number(result.change_from), end=number(result.change_to))]
    if result.status == DUPLICATE:
        parts.append(_("Bundel ini sudah pernah diimpor; tidak ada yang berubah."))
    if result.state_match:
        parts.append(_("Salinan provinsi untuk panti {panti} lengkap: sidik keadaan cocok "
                       "dengan yang ditandatangani panti.").format(panti=result.panti))
    elif result.state_match is False:
        parts.append(_("Salinan provinsi untuk panti {panti} BELUM lengkap (sidik keadaan "
                       "berbeda): minta panti mengirim snapshot lengkap.").format(
            panti=result.panti))
    if result.unknown_rows:
        parts.append(_("{n} catatan jenis baru diabaikan: perbarui PantiDesk provinsi.")
                     .format(n=number(result.unknown_rows)))
    return " ".join(parts)


class ImportResults(QSplitter):
    """The files of the batch above, the chosen file's counts per record type below."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.files: list[Path] = []
        self.results: Mapping[Path, BundleImport] = {}
        self.table = read_only_table([_("Berkas"), _("Panti"), _("No."), _("Hasil"), _("Baru"),
                                      _("Diperbarui"), _("Dihapus"), _("Salinan panti"),
                                      _("Keterangan")], stretch=8)
        self.table.setWordWrap(True)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.detail = QGroupBox(_("Rincian per jenis catatan"))
        column = QVBoxLayout(self.detail)
        self.detail_note = QLabel()
        self.detail_note.setWordWrap(True)
        self.detail_note.setStyleSheet(MUTED_STYLE)
        self.detail_table = read_only_table([_("Jenis catatan"), _("Baru"), _("Diperbarui"),
                                             _("Dihapus"), _("Tidak berubah"), _("Dilewati")],
                                            stretch=0)
        column.addWidget(self.detail_note)
        column.addWidget(self.detail_table, 1)
        column.addStretch()  # takes the room only while the table is hidden (a refusal)
        self.addWidget(self.table)
        self.addWidget(self.detail)
        # A batch is a handful of files; the counts per record type need the room.
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        self.setSizes([200, 300])
        self.setChildrenCollapsible(False)

    def show_files(self, files: Sequence[Path], results: Mapping[Path, BundleImport]) -> None:
        self.files, self.results = list(files), results
        self.table.setRowCount(len(self.files))
        for row, path in enumerate(self.files):
            for column, item in enumerate(row_cells(path, results.get(path))):
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._show_detail()

    def _show_detail(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        path = self.files[rows[0].row()] if rows and rows[0].row() < len(self.files) else None
        result = self.results.get(path) if path else None
        self.detail_table.setRowCount(0)
        self.detail_table.setVisible(result is not None and result.status != REFUSED)
        if result is None:
            self.detail.setTitle(_("Rincian per jenis catatan"))
            self.detail_note.setText(_("Pilih sebuah bundel yang sudah diperiksa untuk melihat "
                                       "rinciannya."))
            return
        self.detail.setTitle(_("Rincian {file}").format(file=result.file.name))
        self.detail_note.setText(detail_text(result))
        summary = import_summary(result)
        self.detail_table.setRowCount(len(summary))
        for row, counts in enumerate(summary):
            cells = [cell(counts.label)] + [
                cell(number(n), number=True) for n in (counts.new, counts.updated, counts.deleted,
                                                      counts.unchanged, counts.skipped)]
            for column, item in enumerate(cells):
                self.detail_table.setItem(row, column, item)
