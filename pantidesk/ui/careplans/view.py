"""Rencana Layanan: the residents with where their care plan stands, and the selected resident's
plan (goals by ATENSI component with their interventions), its reviews and progress notes.

Earlier versions of a plan are chosen in the version box and shown read-only. The buttons follow
the plan's state (no plan → create; draft → edit, agree; agreed → revise, review) and are there
only for roles that record care; the services refuse anyone else anyway.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pantidesk.clock import WIB
from pantidesk.domain.enums import InterventionStatus
from pantidesk.domain.roles import Permission
from pantidesk.i18n import _, format_date
from pantidesk.services.careplan_catalogue import CatalogueEntry, catalogue_for_stay
from pantidesk.services.careplan_reviews import CareRow, care_worklist
from pantidesk.services.careplans import PlanView, StayCare, set_intervention_status, stay_care
from pantidesk.services.context import AppContext
from pantidesk.ui.careplans.common import atensi_title, muted
from pantidesk.ui.careplans.models import OVERDUE, CareListModel
from pantidesk.ui.careplans.notes_panel import NotesPanel
from pantidesk.ui.careplans.plan_dialogs import AgreementDialog, RevisionDialog
from pantidesk.ui.careplans.plan_editor import PlanEditorDialog
from pantidesk.ui.careplans.review_dialog import ReviewDialog
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.widgets import heading

SEARCH_DELAY_MS = 250
INTERVENTION_ROLE = Qt.ItemDataRole.UserRole


class PlanTree(QTreeWidget):
    """Goals grouped under their ATENSI component, interventions under each goal."""

    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(4)
        self.setHeaderLabels([_("Tujuan / intervensi"), _("Penanggung jawab"), _("Target"),
                              _("Status")])
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 170), (2, 85), (3, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)

    def show_plan(self, plan: PlanView) -> None:
        self.clear()
        latest = {p.goal_id: p.progress for p in plan.reviews[0].progress} if plan.reviews \
            else {}
        components: dict[int, QTreeWidgetItem] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        for goal in sorted(plan.goals, key=lambda g: g.atensi_code):
            parent = components.get(goal.atensi_code)
            if parent is None:
                parent = QTreeWidgetItem(self, [atensi_title(goal.atensi_code)])
                parent.setFirstColumnSpanned(True)
                parent.setFont(0, bold)
                parent.setForeground(0, Qt.GlobalColor.darkBlue)
                components[goal.atensi_code] = parent
            progress = latest.get(goal.id)
            # A goal row spans the tree: its text is long and it has no person or date of its own.
            text = (_("[{progress}] ").format(progress=progress.label) if progress else "") \
                + goal.description
            item = QTreeWidgetItem(parent, [text])
            item.setFirstColumnSpanned(True)
            item.setToolTip(0, goal.description + (f"\n{goal.template_code}"
                                                   if goal.template_code else "")
                            + ("\n" + _("Perkembangan pada tinjauan terakhir: {progress}").format(
                                progress=progress.label) if progress else ""))
            for intervention in goal.interventions:
                child = QTreeWidgetItem(item, [
                    "• " + intervention.activity, intervention.responsible,
                    format_date(intervention.target_date), intervention.status.label])
                child.setData(0, INTERVENTION_ROLE, intervention.id)
                child.setToolTip(0, intervention.activity)
        self.expandAll()

    def selected_intervention(self) -> str | None:
        item = self.currentItem()
        return item.data(0, INTERVENTION_ROLE) if item is not None else None


class ReviewTree(QTreeWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(3)
        self.setHeaderLabels([_("Tinjauan / tujuan"), _("Perkembangan"), _("Catatan")])
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(1, 120)
        self.setColumnWidth(2, 260)

    def show_plan(self, plan: PlanView) -> None:
        self.clear()
        for index, review in enumerate(plan.reviews):
            title = _("{date} · {reviewer} · berikutnya {due}").format(
                date=format_date(review.reviewed_on), reviewer=review.reviewer,
                due=format_date(review.next_review_due))
            top = QTreeWidgetItem(self, [title])
            top.setFirstColumnSpanned(True)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            if review.summary:
                summary = QTreeWidgetItem(top, [_("Ringkasan: {text}").format(
                    text=review.summary)])
                summary.setFirstColumnSpanned(True)
            for progress in review.progress:
                QTreeWidgetItem(top, [progress.description, progress.progress.label,
                                      progress.note])
            top.setExpanded(index == 0)


class CarePlansView(QWidget):
    loaded = Signal()  # the selected resident's plan is on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.care: StayCare | None = None
        self.may_record = ctx.may(Permission.RECORD_CARE)
        self._serial = 0
        self._pending_person: str | None = None  # to select when the list arrives

        # --- left: the residents --------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Cari nama atau No. Induk…"))
        self.search.setClearButtonEnabled(True)
        self.model = CareListModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 88)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.count = muted()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload_list)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)

        # --- right: the selected resident's plan ----------------------------------------------
        self.title = heading("", 13)
        self.subtitle = muted()
        self.version = QComboBox()
        self.version.currentIndexChanged.connect(lambda _i: self._show_version())
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.reason = muted()
        version_row = QHBoxLayout()
        self.version_label = QLabel(_("Versi:"))
        version_row.addWidget(self.version_label)
        version_row.addWidget(self.version)
        version_row.addWidget(self.state, 1)

        self.create_button = QPushButton(_("Buat rencana…"))
        self.create_button.clicked.connect(self.create_plan)
        self.edit_button = QPushButton(_("Ubah…"))
        self.edit_button.clicked.connect(self.edit_plan)
        self.agree_button = QPushButton(_("Sepakati…"))
        self.agree_button.clicked.connect(self.agree)
        self.revise_button = QPushButton(_("Revisi…"))
        self.revise_button.clicked.connect(self.revise)
        self.review_button = QPushButton(_("Tinjau…"))
        self.review_button.clicked.connect(self.review)
        self.status_button = QPushButton(_("Status intervensi"))
        self.status_button.setToolTip(_("Ubah status intervensi yang dipilih pada rencana "
                                        "yang berlaku."))
        menu = QMenu(self.status_button)
        for status in InterventionStatus:
            menu.addAction(status.label, lambda s=status: self.set_status(s))
        self.status_button.setMenu(menu)
        actions = QHBoxLayout()
        self.action_buttons = (self.create_button, self.edit_button, self.agree_button,
                               self.revise_button, self.review_button, self.status_button)
        for button in self.action_buttons:
            actions.addWidget(button)
            button.setVisible(self.may_record)
        actions.addStretch()

        self.plan_tree = PlanTree()
        self.plan_tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.no_plan = muted()
        self.no_plan.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.no_plan.setContentsMargins(8, 8, 8, 8)
        self.plan_stack = QStackedWidget()
        self.plan_stack.addWidget(self.no_plan)
        self.plan_stack.addWidget(self.plan_tree)
        self.review_tree = ReviewTree()
        self.notes = NotesPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.plan_stack, _("Rencana intervensi"))
        self.tabs.addTab(self.review_tree, _("Tinjauan"))
        self.tabs.addTab(self.notes, _("Catatan perkembangan"))

        self.detail = QWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.subtitle)
        detail_layout.addLayout(version_row)
        detail_layout.addWidget(self.reason)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(self.tabs, 1)
        self.placeholder = muted(_("Pilih penghuni di daftar untuk melihat rencana layanan, "
                                   "tinjauan dan catatan perkembangannya."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.detail)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([430, 650])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Rencana Layanan")))
        layout.addWidget(muted(_("Rencana intervensi per komponen ATENSI, disepakati bersama "
                                 "penerima manfaat atau walinya dan ditinjau setiap 3 bulan.")))
        layout.addWidget(splitter, 1)
        self._update_buttons()
        self.reload_list()

    # --- list -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Fresh list, and fresh plan and notes of the selected resident."""
        self.reload_list()
        if self.care is not None:
            viewed = self.viewed_plan()
            # An earlier version stays on screen; the current one follows any new version.
            keep = viewed.version if viewed is not None and not viewed.current else None
            self.load_detail(self.care.stay_id, keep)
            self.notes.refresh()

    def reload_list(self) -> None:
        text = self.search.text()
        QueryOp(self, lambda: care_worklist(self.ctx, text), self._show_rows).run()

    def _show_rows(self, rows: list[CareRow]) -> None:
        current = self.care.stay_id if self.care else None
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.urgency is not None and r.next_review_due is not None
                      and r.next_review_due < self.ctx.clock.today())
        missing = sum(1 for r in rows if r.version == 0)
        self.count.setText(_("{n} penghuni · {overdue} tinjauan terlambat · {missing} belum "
                             "punya rencana").format(n=len(rows), overdue=overdue,
                                                     missing=missing))
        row = next((i for i, r in enumerate(rows) if r.stay_id == current), None)
        if self._pending_person is not None:
            row = next((i for i, r in enumerate(rows) if r.person_id == self._pending_person),
                       row)
            self._pending_person = None
        if row is not None:
            self.table.selectRow(row)
        elif current is None or not rows:
            self.table.clearSelection()

    def show_person(self, person_id: str) -> None:
        """Select a resident (from a Beranda item, say); if the list is still loading, as soon as
        it arrives."""
        for row, care_row in enumerate(self.model.rows()):
            if care_row.person_id == person_id:
                self.table.selectRow(row)
                return
        self._pending_person = person_id

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is None:
            self.care = None
            self.right.setCurrentWidget(self.placeholder)
            self.notes.show_stay(None, False)
            return
        if self.care is None or self.care.stay_id != row.stay_id:
            self.load_detail(row.stay_id)

    # --- detail ---------------------------------------------------------------------------------
    def load_detail(self, stay_id: str, version: int | None = None) -> None:
        self._serial += 1
        serial = self._serial

        def show(care: StayCare) -> None:
            if serial == self._serial:
                self._show_care(care, version)

        QueryOp(self, lambda: stay_care(self.ctx, stay_id), show).run()

    def _show_care(self, care: StayCare, version: int | None) -> None:
        changed_stay = self.care is None or self.care.stay_id != care.stay_id
        self.care = care
        self.right.setCurrentWidget(self.detail)
        self.title.setText(care.person_name)
        self.subtitle.setText(_("{no_induk} · masuk {date} · {cluster}").format(
            no_induk=care.no_induk, date=format_date(care.admitted_on),
            cluster=care.cluster.label))
        self.version.blockSignals(True)
        self.version.clear()
        for plan in reversed(care.plans):
            label = _("Versi {version}").format(version=plan.version)
            if plan.current:
                label += _(" (berlaku)") if plan.agreed else _(" (draf)")
            else:
                label += _(" (diganti {date})").format(
                    date=format_date(plan.superseded_at.astimezone(WIB).date())
                    if plan.superseded_at else "")
            self.version.addItem(label, plan.version)
        if version is not None and self.version.findData(version) >= 0:
            self.version.setCurrentIndex(self.version.findData(version))
        self.version.blockSignals(False)
        self.version.setEnabled(len(care.plans) > 1)
        self.version.setVisible(bool(care.plans))
        self.version_label.setVisible(bool(care.plans))
        if changed_stay:
            self.notes.show_stay(care.stay_id, care.open and self.may_record)
        self._show_version()
        self.loaded.emit()

    def viewed_plan(self) -> PlanView | None:
        if self.care is None or not self.care.plans:
            return None
        number = self.version.currentData()
        return next((p for p in self.care.plans if p.version == number), self.care.current)

    def _show_version(self) -> None:
        care, plan = self.care, self.viewed_plan()
        if care is None:
            return
        if plan is None:
            self.state.setText(_("Belum ada rencana."))
            self.reason.hide()
            self.no_plan.setText(_("Belum ada rencana layanan untuk {name}. Buat rencana dengan "
                                   "tujuan dari katalog klaster {cluster}, lalu sepakati bersama "
                                   "penerima manfaat atau walinya.").format(
                name=care.person_name, cluster=care.cluster.label.lower()))
            self.plan_stack.setCurrentWidget(self.no_plan)
            self.review_tree.clear()
        else:
            self.state.setText(self._state_text(plan))
            self.reason.setText(_("Alasan revisi: {reason}").format(reason=plan.revision_reason))
            self.reason.setVisible(bool(plan.revision_reason))
            self.plan_tree.show_plan(plan)
            self.plan_stack.setCurrentWidget(self.plan_tree)
            self.review_tree.show_plan(plan)
        self.tabs.setTabText(1, _("Tinjauan ({n})").format(n=len(plan.reviews) if plan else 0))
        self._update_buttons()

    def _state_text(self, plan: PlanView) -> str:
        parts = [_("Disusun {date} oleh {who}").format(date=format_date(plan.made_on),
                                                      who=plan.made_by)]
        if not plan.current:
            parts.insert(0, "<i>" + _("Versi lama, hanya dibaca") + "</i>")
        if not plan.agreed:
            parts.append(_("<b>draf</b>, belum disepakati"))
        else:
            parts.append(_("disepakati {date} oleh {who}: {name}").format(
                date=format_date(plan.agreed_on),
                who=plan.agreed_by.label.lower() if plan.agreed_by else "",
                name=plan.agreed_name))
        if plan.current and plan.agreed and plan.next_review_due is not None:
            if plan.next_review_due < self.ctx.clock.today():
                parts.append(f"<span style='color:{OVERDUE.name()}'><b>" + _(
                    "tinjauan terlambat sejak {date}").format(
                    date=format_date(plan.next_review_due)) + "</b></span>")
            else:
                parts.append(_("tinjauan berikutnya {date}").format(
                    date=format_date(plan.next_review_due)))
        return " · ".join(parts)

    def _update_buttons(self) -> None:
        care, plan = self.care, self.viewed_plan()
        open_stay = care is not None and care.open
        current = plan is not None and plan.current and open_stay
        self.create_button.setEnabled(open_stay and care is not None and not care.plans)
        self.edit_button.setEnabled(current and plan is not None and not plan.agreed)
        self.agree_button.setEnabled(current and plan is not None and not plan.agreed)
        self.revise_button.setEnabled(current and plan is not None and plan.agreed)
        self.review_button.setEnabled(current and plan is not None and plan.agreed)
        self.status_button.setEnabled(current and self.plan_tree.selected_intervention()
                                      is not None)

    # --- actions --------------------------------------------------------------------------------
    def _after_change(self, version: int | None = None) -> None:
        if self.care is not None:
            self.load_detail(self.care.stay_id, version)
        self.reload_list()

    def create_plan(self) -> None:
        self._open_editor(None)

    def edit_plan(self) -> None:
        plan = self.viewed_plan()
        if plan is not None and plan.current and not plan.agreed:
            self._open_editor(plan)

    def _open_editor(self, plan: PlanView | None) -> None:
        care = self.care
        if care is None:
            return

        def open_dialog(catalogue: list[CatalogueEntry]) -> None:
            dialog = PlanEditorDialog(self.ctx, care, catalogue, plan, self)
            if dialog.exec() and dialog.saved_id:
                self._after_change()

        QueryOp(self, lambda: catalogue_for_stay(self.ctx, care.stay_id), open_dialog).run()

    def agree(self) -> None:
        plan = self.viewed_plan()
        if self.care is not None and plan is not None:
            dialog = AgreementDialog(self.ctx, self.care, plan, self)
            if dialog.exec() and dialog.agreed:
                self._after_change()

    def revise(self) -> None:
        plan = self.viewed_plan()
        if self.care is not None and plan is not None:
            dialog = RevisionDialog(self.ctx, self.care, plan, self)
            if dialog.exec() and dialog.revised_id:
                self._after_change()

    def review(self) -> None:
        plan = self.viewed_plan()
        if self.care is not None and plan is not None:
            dialog = ReviewDialog(self.ctx, self.care, plan, self)
            if dialog.exec() and dialog.saved_id:
                self.tabs.setCurrentIndex(1)
                self._after_change()

    def set_status(self, status: InterventionStatus) -> None:
        intervention_id = self.plan_tree.selected_intervention()
        if intervention_id is None:
            return
        MutationOp(self, lambda: set_intervention_status(self.ctx, intervention_id, status),
                   lambda _r: self._after_change(), _("Menyimpan status…")).run()
