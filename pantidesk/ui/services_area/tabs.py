"""Three tabs of the Layanan & SPM area: one resident's services, distributions with their
receipt lists, and document requests (the checklist tab is in ``checklist_tab``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.roles import Permission
from pantidesk.domain.spm import SpmItem
from pantidesk.i18n import N_, _, format_date
from pantidesk.services.context import AppContext
from pantidesk.services.documents import DocumentRow, document_requests, status_text
from pantidesk.services.issued_documents import IssuedPdf
from pantidesk.services.service_delivery import (
    DistributionRow,
    ResidentChoice,
    ServiceRow,
    print_receipt_list,
    recent_distributions,
    stay_services,
)
from pantidesk.ui.models.rows import RowsModel
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.services_area.dialogs import (
    DocumentRequestDialog,
    DocumentStatusDialog,
    ServiceDialog,
)
from pantidesk.ui.services_area.distribution_dialog import DistributionDialog
from pantidesk.ui.services_area.models import ChecklistModel
from pantidesk.ui.widgets import confirm, inform

MUTED = "color: #4a5560;"


def table_view(model: QSortFilterProxyModel | RowsModel | ChecklistModel,
               stretch: int | None = None, widths: dict[int, int] | None = None) -> QTableView:
    """A read-only table: columns fit their content, except ``stretch`` (takes the slack) and
    ``widths`` (set widths the person may drag), so long texts do not push columns away."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column, width in (widths or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(MUTED)
    label.setWordWrap(True)
    return label


def selected_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else None


class ServicesTab(QWidget):
    """Pick a resident; see what they received and when; record a service."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: tuple[SpmItem, ...] = ()
        self.residents = RowsModel((
            (N_("Nama"), lambda r: r.name, lambda r: f"{r.name} · {r.room}"),
            (N_("No. Induk"), lambda r: r.no_induk)))
        self.filter = QSortFilterProxyModel()
        self.filter.setSourceModel(self.residents)
        self.filter.setFilterKeyColumn(-1)
        self.filter.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Cari penerima manfaat…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter.setFilterFixedString)
        self.resident_list = table_view(self.filter, stretch=0)
        self.resident_list.selectionModel().selectionChanged.connect(
            lambda *_a: self.load_services())

        self.services = RowsModel((
            (N_("Tanggal"), lambda r: r.date),
            (N_("Butir SPM"), lambda r: r.spm_name,
             lambda r: _("{item}\nKomponen ATENSI {atensi}").format(item=r.spm_name,
                                                                    atensi=r.atensi)),
            (N_("Uraian"), lambda r: r.description), (N_("Jumlah"), lambda r: r.quantity),
            (N_("Diberikan oleh"), lambda r: r.given_by,
             lambda r: _("Diberikan oleh {giver}, diterima oleh {receiver}").format(
                 giver=r.given_by, receiver=r.received_by))))
        self.service_table = table_view(self.services, stretch=2,
                                        widths={1: 170, 3: 90, 4: 150})
        self.title = QLabel(_("Pilih penerima manfaat di sebelah kiri."))
        self.title.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.record_button = QPushButton(_("Catat layanan…"))
        self.record_button.clicked.connect(self.record)
        self.record_button.setVisible(ctx.may(Permission.RECORD_CARE))
        self.empty = muted()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.resident_list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.record_button)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.service_table, 1)
        right_layout.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 7)
        splitter.setSizes([310, 790])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update()

    def set_data(self, residents: Sequence[ResidentChoice], items: Sequence[SpmItem]) -> None:
        current = self.current()
        self.items = tuple(items)
        self.residents.set_rows(residents)
        if current is not None:
            self.select(current.stay_id)
        self._update()

    def current(self) -> ResidentChoice | None:
        row = selected_row(self.resident_list)
        if row is None:
            return None
        resident: ResidentChoice | None = self.residents.row_at(
            self.filter.mapToSource(self.filter.index(row, 0)).row())
        return resident

    def select(self, stay_id: str) -> bool:
        self.search.clear()
        for row, resident in enumerate(self.residents.rows()):
            if resident.stay_id == stay_id:
                index = self.filter.mapFromSource(self.residents.index(row, 0))
                self.resident_list.selectRow(index.row())
                self.resident_list.scrollTo(index)
                return True
        return False

    def _update(self) -> None:
        resident = self.current()
        self.record_button.setEnabled(resident is not None and bool(self.items))
        if resident is None:
            self.title.setText(_("Pilih penerima manfaat di sebelah kiri."))
            self.services.set_rows([])
            self.empty.setText("")

    def load_services(self) -> None:
        self._update()
        resident = self.current()
        if resident is None:
            return
        self.title.setText(_("{name} · {no_induk} · {room}").format(
            name=resident.name, no_induk=resident.no_induk, room=resident.room or _("tanpa kamar")))
        stay_id = resident.stay_id
        QueryOp(self, lambda: stay_services(self.ctx, stay_id),
                lambda rows: self._show_services(stay_id, rows)).run()

    def _show_services(self, stay_id: str, rows: list[ServiceRow]) -> None:
        resident = self.current()
        if resident is None or resident.stay_id != stay_id:
            return  # another resident was picked meanwhile
        self.services.set_rows(rows)
        self.empty.setText("" if rows else _("Belum ada layanan yang dicatat untuk penerima "
                                             "manfaat ini."))

    def record(self) -> None:
        resident = self.current()
        if resident is None:
            return
        dialog = ServiceDialog(self.ctx, resident, self.items, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.load_services()
            self.changed.emit()


class DistributionsTab(QWidget):
    """Distributions, newest first; a new one for many residents; its receipt list as PDF."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: tuple[SpmItem, ...] = ()
        self.residents: tuple[ResidentChoice, ...] = ()
        self.model = RowsModel((
            (N_("Tanggal"), lambda r: r.date), (N_("Butir SPM"), lambda r: r.spm_name),
            (N_("Uraian"), lambda r: r.description), (N_("Jumlah per orang"), lambda r: r.quantity),
            (N_("Penerima"), lambda r: str(r.recipients)),
            (N_("Diserahkan oleh"), lambda r: r.given_by)))
        self.table = table_view(self.model, stretch=2, widths={1: 220, 5: 220})
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        self.table.doubleClicked.connect(lambda _i: self.print_selected())
        self.new_button = QPushButton(_("Distribusi massal…"))
        self.new_button.clicked.connect(self.new_distribution)
        self.new_button.setVisible(ctx.may(Permission.RECORD_CARE))
        self.print_button = QPushButton(_("Cetak daftar tanda terima…"))
        self.print_button.clicked.connect(self.print_selected)
        self.empty = muted()
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.print_button)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(muted(_("Permakanan, sandang, perlengkapan mandi dan barang lain yang "
                                 "dibagikan kepada banyak penerima manfaat sekaligus. Setiap "
                                 "distribusi punya daftar tanda terima untuk ditandatangani.")))
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._update()

    def set_data(self, residents: Sequence[ResidentChoice], items: Sequence[SpmItem]) -> None:
        self.residents, self.items = tuple(residents), tuple(items)
        self._update()

    def refresh(self) -> None:
        QueryOp(self, lambda: recent_distributions(self.ctx), self._show).run()

    def _show(self, rows: list[DistributionRow]) -> None:
        self.model.set_rows(rows)
        self.empty.setText("" if rows else _("Belum ada distribusi. Catat dengan \"Distribusi "
                                             "massal…\"."))
        self._update()

    def selected(self) -> DistributionRow | None:
        row = selected_row(self.table)
        found: DistributionRow | None = self.model.row_at(row) if row is not None else None
        return found

    def _update(self) -> None:
        self.print_button.setEnabled(self.selected() is not None)
        self.new_button.setEnabled(bool(self.residents) and bool(self.items))

    def new_distribution(self) -> None:
        dialog = DistributionDialog(self.ctx, self.residents, self.items, self)
        if not (dialog.exec() and dialog.distributed is not None):
            return
        self.refresh()
        self.changed.emit()
        if confirm(self, _("Distribusi tersimpan"),
                   _("Distribusi untuk {n} penerima manfaat tersimpan. Cetak daftar tanda terima "
                     "untuk ditandatangani sekarang?").format(n=dialog.distributed.recipients),
                   _("Cetak daftar tanda terima")):
            self.print_receipt(dialog.distributed.distribution_id)

    def print_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.print_receipt(row.distribution_id, row.delivered_on.isoformat())

    def print_receipt(self, distribution_id: str, day: str = "",
                      on_saved: Callable[[Path], None] | None = None) -> None:
        """Ask where to save, then issue the PDF (numbered, registered, audited) and write it."""
        name = f"daftar-tanda-terima-{day or self.ctx.clock.today().isoformat()}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Simpan daftar tanda terima"), str(Path.home() / name), _("PDF (*.pdf)"))
        if not path:
            return
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")

        def saved(issued: IssuedPdf) -> None:
            target.write_bytes(issued.pdf)
            if on_saved is not None:
                on_saved(target)
            inform(self, _("Daftar tanda terima"),
                   _("Daftar tanda terima nomor {number} ({pages} halaman) disimpan di {path}.")
                   .format(number=issued.number, pages=issued.pages, path=target))

        MutationOp(self, lambda: print_receipt_list(self.ctx, distribution_id), saved,
                   _("Membuat daftar tanda terima…")).run()


class DocumentsTab(QWidget):
    """Document requests: open ones oldest first; apply for one; move one on."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.residents: tuple[ResidentChoice, ...] = ()
        self.model = RowsModel((
            (N_("Nama"), lambda r: r.name), (N_("No. Induk"), lambda r: r.no_induk),
            (N_("Dokumen"), lambda r: r.document.label), (N_("Kantor"), lambda r: r.office),
            (N_("Diajukan"), lambda r: format_date(r.submitted_on)),
            (N_("Hari"), lambda r: "" if r.days_open is None else str(r.days_open),
             lambda r: _("Hari sejak diajukan; lebih dari 90 hari: terlambat")),
            (N_("Status"), lambda r: status_text(r, with_days=False) + (
                " · " + _("sudah keluar") if r.resident_left and r.is_open else ""),
             lambda r: "\n".join(p for p in (status_text(r), r.notes) if p))))
        self.table = table_view(self.model, stretch=6, widths={0: 170, 2: 170, 3: 230})
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        self.table.doubleClicked.connect(lambda _i: self.update_status())
        may_record = ctx.may(Permission.RECORD_CARE)
        self.new_button = QPushButton(_("Ajukan dokumen…"))
        self.new_button.clicked.connect(self.new_request)
        self.new_button.setVisible(may_record)
        self.status_button = QPushButton(_("Perbarui status…"))
        self.status_button.clicked.connect(self.update_status)
        self.status_button.setVisible(may_record)
        self.show_closed = QCheckBox(_("Tampilkan juga yang sudah terbit atau ditolak"))
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        self.empty = muted()
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.status_button)
        actions.addStretch()
        actions.addWidget(self.show_closed)
        layout = QVBoxLayout(self)
        layout.addWidget(muted(_("Fasilitasi NIK, KK, akta kelahiran, KIA dan dokumen lain dari "
                                 "diajukan sampai terbit. Pengajuan yang lebih dari 30 hari "
                                 "belum terbit muncul di Beranda.")))
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._update()

    def set_residents(self, residents: Sequence[ResidentChoice]) -> None:
        self.residents = tuple(residents)
        self._update()

    def refresh(self) -> None:
        include_closed = self.show_closed.isChecked()
        QueryOp(self, lambda: document_requests(self.ctx, include_closed), self._show).run()

    def _show(self, rows: list[DocumentRow]) -> None:
        self.model.set_rows(rows)
        self.empty.setText("" if rows else _("Tidak ada pengajuan dokumen yang masih berjalan."))
        self._update()

    def selected(self) -> DocumentRow | None:
        row = selected_row(self.table)
        found: DocumentRow | None = self.model.row_at(row) if row is not None else None
        return found

    def _update(self) -> None:
        row = self.selected()
        self.new_button.setEnabled(bool(self.residents))
        self.status_button.setEnabled(row is not None and bool(row.next_statuses))

    def new_request(self, selected: ResidentChoice | None = None) -> None:
        dialog = DocumentRequestDialog(self.ctx, self.residents, selected or None, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.refresh()
            self.changed.emit()

    def update_status(self) -> None:
        row = self.selected()
        if row is None or not row.next_statuses or not self.ctx.may(Permission.RECORD_CARE):
            return
        dialog = DocumentStatusDialog(self.ctx, row, self)
        if dialog.exec() and dialog.saved:
            self.refresh()
            self.changed.emit()
