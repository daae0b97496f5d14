"""The goal catalogue window (Pengaturan → Kelola katalog…): every goal the plan editor can offer,
filtered by cluster and ATENSI component; goals added by the province or the panti can be added
and retired (and brought back). Shipped goals are listed but cannot be changed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.enums import Cluster
from pantidesk.domain.goal_catalogue import normalize_code
from pantidesk.i18n import _
from pantidesk.services.careplan_catalogue import (
    GoalCatalogue,
    GoalTemplateInput,
    ListedGoal,
    add_goal_template,
    full_catalogue,
    set_goal_template_active,
)
from pantidesk.services.context import AppContext
from pantidesk.services.person_rules import Problems
from pantidesk.ui.careplans.common import atensi_choices, atensi_title, muted, on_refusal
from pantidesk.ui.careplans.models import CatalogueModel, clusters_text
from pantidesk.ui.forms import EnumCombo, Form, TextArea
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.widgets import fit_to_screen

COLUMN_WIDTHS = {0: 84, 1: 190, 2: 140, 4: 76, 5: 52}  # the description column stretches


class CatalogueDialog(QDialog):
    """The catalogue as a table with its filters, and the buttons that change added goals."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.catalogue: GoalCatalogue | None = None
        self.setWindowTitle(_("Katalog tujuan rencana intervensi"))
        intro = muted(_("Tujuan bawaan PantiDesk tidak dapat diubah. Tujuan tambahan dapat "
                        "dinonaktifkan: tujuan itu tidak ditawarkan lagi saat menyusun rencana, "
                        "tetapi rencana yang sudah memakainya tetap utuh."))

        self.cluster_filter = EnumCombo(Cluster, empty_text=_("Semua klaster"))
        self.atensi_filter = EnumCombo(atensi_choices(), empty_text=_("Semua komponen"))
        self.cluster_filter.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.atensi_filter.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.count = muted()
        self.count.setWordWrap(False)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("Klaster")))
        filters.addWidget(self.cluster_filter)
        filters.addSpacing(12)
        filters.addWidget(QLabel(_("Komponen ATENSI")))
        filters.addWidget(self.atensi_filter)
        filters.addStretch()
        filters.addWidget(self.count)

        self.model = CatalogueModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(3 * self.detail.fontMetrics().lineSpacing())
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.add_button = QPushButton(_("Tambah tujuan…"))
        self.add_button.clicked.connect(self.add_goal)
        self.toggle_button = QPushButton(_("Nonaktifkan"))
        self.toggle_button.clicked.connect(self.toggle_active)
        close = QDialogButtonBox()
        close.addButton(_("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch()
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        fit_to_screen(self, 1060, 640)
        self._selected()
        self.reload()

    # --- listing --------------------------------------------------------------------------------
    def reload(self, select_code: str | None = None) -> None:
        def show(catalogue: GoalCatalogue) -> None:
            self.catalogue = catalogue
            self._show_rows(select_code)

        QueryOp(self, lambda: full_catalogue(self.ctx), show).run()

    def _show_rows(self, select_code: str | None = None) -> None:
        if self.catalogue is None:
            return
        current = select_code or self._current_code()
        cluster = self.cluster_filter.value()
        atensi = self.atensi_filter.value()
        goals = [goal for goal in self.catalogue.goals
                 if (cluster is None or cluster in goal.clusters)
                 and (atensi is None or goal.atensi_code == atensi.code)]
        self.model.set_rows(goals)
        added = sum(1 for goal in goals if goal.added)
        self.count.setText(_("{shown} tujuan ({added} tambahan)").format(shown=len(goals),
                                                                         added=added))
        row = self.model.row_of(current) if current else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._selected()

    def selected_goal(self) -> ListedGoal | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _current_code(self) -> str | None:
        goal = self.selected_goal()
        return goal.code if goal is not None else None

    def _selected(self) -> None:
        goal = self.selected_goal()
        self.toggle_button.setEnabled(goal is not None and goal.added)
        self.toggle_button.setText(_("Aktifkan") if goal is not None and not goal.active
                                   else _("Nonaktifkan"))
        if goal is None:
            self.detail.setText(_("Pilih tujuan untuk melihat uraian lengkapnya."))
            return
        origin = _("Tujuan tambahan") if goal.added else \
            _("Tujuan bawaan PantiDesk (tidak dapat diubah)")
        state = "" if goal.active else " · " + _("nonaktif")
        self.detail.setText(f"<b>{goal.code}</b> · {atensi_title(goal.atensi_code)} · "
                            f"{clusters_text(goal)}<br>{html.escape(goal.description)}<br>"
                            f"<span style='color:#4a5560'>{origin}{state}</span>")

    # --- changes --------------------------------------------------------------------------------
    def add_goal(self) -> None:
        home = self.catalogue.home_cluster if self.catalogue is not None else None
        dialog = GoalTemplateDialog(self.ctx, home, self)
        if dialog.exec() and dialog.added_code is not None:
            # Show the new goal even if the filters would hide it.
            self.cluster_filter.set_value(None)
            self.atensi_filter.set_value(None)
            self.reload(dialog.added_code)

    def toggle_active(self) -> None:
        goal = self.selected_goal()
        if goal is None or not goal.added:
            return
        MutationOp(self, lambda: set_goal_template_active(self.ctx, goal.code, not goal.active),
                   lambda _result: self.reload(goal.code)).run()


class GoalTemplateDialog(QDialog):
    """A new goal: code, ATENSI component, cluster (or every cluster) and its wording; the
    service's refusals show under their fields."""

    def __init__(self, ctx: AppContext, home_cluster: Cluster | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.added_code: str | None = None
        self.setWindowTitle(_("Tambah tujuan ke katalog"))
        self.code = QLineEdit()
        self.code.setMaximumWidth(200)
        self.atensi = EnumCombo(atensi_choices())
        self.cluster = EnumCombo(Cluster, empty_text=_("Semua klaster"))
        self.cluster.set_value(home_cluster)
        self.description = TextArea(_("mis. Mampu merawat tanaman obat keluarga di kebun panti"), 3)
        self.form = Form()
        self.form.add("code", _("Kode*"), self.code, _(
            "Huruf, angka, titik dan tanda hubung, mis. TW-L2-01. Kode tidak dapat diubah "
            "atau dipakai ulang."))
        self.form.add("atensi_code", _("Komponen ATENSI*"), self.atensi)
        self.form.add("cluster", _("Klaster"), self.cluster)
        self.form.add("description", _("Uraian tujuan*"), self.description)
        buttons = QDialogButtonBox()
        buttons.addButton(_("Tambahkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(600, self.sizeHint().height())

    def data(self) -> GoalTemplateInput:
        atensi = self.atensi.value()
        return GoalTemplateInput(self.code.text(), atensi.code if atensi is not None else None,
                                 self.description.text(), self.cluster.value())

    def submit(self) -> None:
        self.form.clear_messages()
        data = self.data()

        def done(_template_id: str) -> None:
            self.added_code = normalize_code(data.code)
            self.accept()

        MutationOp(self, lambda: add_goal_template(self.ctx, data), done,
                   _("Menyimpan tujuan…"), on_failure=on_refusal(self, self._show_problems)).run()

    def _show_problems(self, problems: Problems) -> bool:
        shown = self.form.show_problems(problems)
        # Grow so that the messages fit: the minimum height Qt works out for a dialog misses part
        # of the wrapped message lines, and they would overlap the fields.
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        return shown
