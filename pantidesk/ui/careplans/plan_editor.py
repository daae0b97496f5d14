"""The plan editor: the first plan of a resident, or a draft being changed.

Goals are added from the catalogue of the resident's cluster (grouped by ATENSI component) or
written freely with a component chosen; each goal is a card with its interventions in a table.
Every error is shown under the field or the goal it belongs to; nothing is saved until the whole
plan is right.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.dates import parse_date
from pantidesk.domain.enums import InterventionStatus
from pantidesk.errors import ValidationError
from pantidesk.i18n import _, format_date
from pantidesk.services.careplan_catalogue import CatalogueEntry
from pantidesk.services.careplans import (
    GoalInput,
    InterventionInput,
    PlanInput,
    PlanView,
    StayCare,
    create_plan,
    plan_input_of,
    update_plan,
)
from pantidesk.services.context import AppContext
from pantidesk.services.person_rules import Problems
from pantidesk.ui.careplans.common import (
    AtensiChoice,
    atensi_choices,
    atensi_title,
    muted,
    on_refusal,
)
from pantidesk.ui.forms import DateEdit, EnumCombo, Form, TextArea
from pantidesk.ui.operations import MutationOp
from pantidesk.ui.widgets import FieldMessage, fit_to_screen

ACTIVITY, RESPONSIBLE, TARGET, STATUS = range(4)


class InterventionsTable(QTableWidget):
    """The interventions of one goal: activity, who is responsible, target date, status."""

    def __init__(self) -> None:
        super().__init__(0, 4)
        self.setHorizontalHeaderLabels([_("Kegiatan*"), _("Penanggung jawab"),
                                        _("Target (hh/bb/tttt)"), _("Status")])
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(ACTIVITY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RESPONSIBLE, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(RESPONSIBLE, 190)
        self.setColumnWidth(TARGET, 130)
        self.setColumnWidth(STATUS, 130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit()

    def add_row(self, item: InterventionInput | None = None) -> int:
        row = self.rowCount()
        self.insertRow(row)
        activity = QTableWidgetItem(item.activity if item else "")
        activity.setData(Qt.ItemDataRole.UserRole, item.id if item else None)
        self.setItem(row, ACTIVITY, activity)
        self.setItem(row, RESPONSIBLE, QTableWidgetItem(item.responsible if item else ""))
        self.setItem(row, TARGET, QTableWidgetItem(format_date(item.target_date) if item else ""))
        status = EnumCombo(InterventionStatus, optional=False)
        status.set_value(item.status if item else InterventionStatus.PLANNED)
        self.setCellWidget(row, STATUS, status)
        self._fit()
        return row

    def set_row(self, row: int, activity: str, responsible: str = "", target: str = "",
                status: InterventionStatus = InterventionStatus.PLANNED) -> None:
        """Fill a row as a person would type it."""
        for column, text in ((ACTIVITY, activity), (RESPONSIBLE, responsible), (TARGET, target)):
            cell = self.item(row, column)
            if cell is not None:
                cell.setText(text)
        self._status(row).set_value(status)

    def remove_selected(self) -> None:
        rows = self.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.currentRow()
        if 0 <= row < self.rowCount():
            self.removeRow(row)
            self._fit()

    def _status(self, row: int) -> EnumCombo:
        widget = self.cellWidget(row, STATUS)
        assert isinstance(widget, EnumCombo)
        return widget

    def _text(self, row: int, column: int) -> str:
        cell = self.item(row, column)
        return cell.text() if cell is not None else ""

    def values(self) -> tuple[tuple[InterventionInput, ...], list[str]]:
        """The rows as input, and the messages of dates that cannot be read."""
        items, errors = [], []
        for row in range(self.rowCount()):
            target_text = self._text(row, TARGET).strip()
            target = None
            if target_text:
                try:
                    target = parse_date(target_text, _("Target"))
                except ValidationError as exc:
                    errors.append(_("Baris {row}: {message}").format(row=row + 1,
                                                                    message=exc.message))
            cell = self.item(row, ACTIVITY)
            items.append(InterventionInput(
                self._text(row, ACTIVITY), self._text(row, RESPONSIBLE), target,
                self._status(row).value() or InterventionStatus.PLANNED,
                cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None))
        return tuple(items), errors

    def _fit(self) -> None:
        """As tall as its rows: the dialog scrolls, not each table."""
        rows = self.rowCount()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += (sum(self.rowHeight(r) for r in range(rows)) if rows
                   else self.verticalHeader().defaultSectionSize())
        self.setFixedHeight(height)


class GoalCard(QFrame):
    """One goal of the plan with its interventions."""

    remove_requested = Signal(object)

    def __init__(self, data: GoalInput, from_catalogue: bool) -> None:
        super().__init__()
        self.goal_id = data.id
        self.template_code = data.template_code
        self.setObjectName("goalCard")
        self.setStyleSheet("#goalCard { border: 1px solid #d6dbe1; border-radius: 6px; "
                           "background: #fbfcfd; }")
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600; color: #2f5d8a;")
        remove = QPushButton(_("Hapus tujuan"))
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        top.addWidget(remove)

        self.form = Form()
        self.form.layout_.setContentsMargins(0, 0, 0, 0)
        self.atensi = self.form.add("atensi_code", _("Komponen ATENSI*"),
                                    EnumCombo(atensi_choices()))
        if data.atensi_code is not None:
            self.atensi.set_value(AtensiChoice(data.atensi_code, ""))
        # A catalogue goal belongs to its component; only free goals choose one.
        self.atensi.setEnabled(not from_catalogue)
        self.description = self.form.add("description", _("Tujuan*"), TextArea("", 2))
        self.description.setPlainText(data.description)
        self.table = InterventionsTable()
        for item in data.interventions:
            self.table.add_row(item)
        if not data.interventions:
            self.table.add_row()
        add = QPushButton(_("Tambah intervensi"))
        add.clicked.connect(lambda: self.table.add_row())
        drop = QPushButton(_("Hapus intervensi"))
        drop.clicked.connect(self.table.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(drop)
        buttons.addStretch()
        self.interventions_message = FieldMessage()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.form)
        layout.addWidget(QLabel(_("Intervensi (kegiatan, penanggung jawab, target, status)")))
        layout.addWidget(self.table)
        layout.addWidget(self.interventions_message)
        layout.addLayout(buttons)

    def set_number(self, number: int) -> None:
        code = f" · {self.template_code}" if self.template_code else _(" · tujuan lain")
        self.title.setText(_("Tujuan {number}").format(number=number) + code)

    def atensi_code(self) -> int | None:
        choice = self.atensi.value()
        return choice.code if choice is not None else None

    def goal_input(self) -> tuple[GoalInput, list[str]]:
        items, errors = self.table.values()
        return GoalInput(self.atensi_code(), self.description.toPlainText(),
                         self.template_code, items, self.goal_id), errors

    def clear_messages(self) -> None:
        self.form.clear_messages()
        self.interventions_message.clear_message()

    def show_problems(self, problems: Problems, prefix: str) -> bool:
        shown = self.form.show_problems(problems, prefix)
        rows = []
        for name, text in problems.errors.items():
            if name.startswith(prefix + "interventions."):
                row = int(name[len(prefix + "interventions."):].split(".")[0])
                rows.append(_("Baris {row}: {message}").format(row=row + 1, message=text))
        if rows:
            self.interventions_message.show_error("\n".join(rows))
        return shown or bool(rows)


class PlanEditorDialog(QDialog):
    def __init__(self, ctx: AppContext, care: StayCare, catalogue: list[CatalogueEntry],
                 plan: PlanView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.care = care
        self.plan = plan
        self.catalogue = {entry.code: entry for entry in catalogue}
        self.saved_id: str | None = None
        self.cards: list[GoalCard] = []
        self.setWindowTitle(_("Rencana layanan: {name}").format(name=care.person_name) if plan
                            is None else _("Ubah rencana versi {version}: {name}").format(
            version=plan.version, name=care.person_name))
        fit_to_screen(self, 980, 760)

        self.form = Form()
        self.made_on = self.form.add("made_on", _("Tanggal disusun*"),
                                     DateEdit(_("Tanggal rencana")))
        self.made_by = self.form.add("made_by", _("Disusun oleh*"), QLineEdit())
        data = plan_input_of(plan) if plan else PlanInput(ctx.clock.today(), ctx.user.full_name)
        self.made_on.set_date(data.made_on)
        self.made_by.setText(data.made_by)

        self.picker = QComboBox()
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(40)
        self._fill_picker(catalogue)
        add_catalogue = QPushButton(_("Tambahkan dari katalog"))
        add_catalogue.clicked.connect(lambda: self.add_from_catalogue())
        add_free = QPushButton(_("Tujuan lain…"))
        add_free.setToolTip(_("Tulis tujuan sendiri dan pilih komponen ATENSI-nya."))
        add_free.clicked.connect(lambda: self.add_free_goal())
        picker_row = QHBoxLayout()
        picker_row.addWidget(QLabel(_("Katalog tujuan:")))
        picker_row.addWidget(self.picker, 1)
        picker_row.addWidget(add_catalogue)
        picker_row.addWidget(add_free)
        self.goals_message = FieldMessage()

        self.cards_box = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.cards_box)
        self.scroll = scroll
        for goal in data.goals:
            self._add_card(goal, bool(goal.template_code))

        buttons = QDialogButtonBox()
        buttons.addButton(_("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted(_("{no_induk} · masuk {date} · klaster {cluster}. Rencana "
                                 "disimpan sebagai draf sampai disepakati.").format(
            no_induk=care.no_induk, date=format_date(care.admitted_on),
            cluster=care.cluster.label.lower())))
        layout.addWidget(self.form)
        layout.addLayout(picker_row)
        layout.addWidget(self.goals_message)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    # --- goals ----------------------------------------------------------------------------------
    def _fill_picker(self, catalogue: list[CatalogueEntry]) -> None:
        model = self.picker.model()
        assert isinstance(model, QStandardItemModel)
        component = None
        for entry in catalogue:
            if entry.atensi_code != component:
                component = entry.atensi_code
                self.picker.addItem(atensi_title(component), None)
                header = model.item(self.picker.count() - 1)
                header.setEnabled(False)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                header.setForeground(QColor("#2f5d8a"))  # a heading, not a greyed-out choice
            self.picker.addItem(f"    {entry.code}  {entry.description}", entry.code)
        for index in range(self.picker.count()):
            if self.picker.itemData(index):
                self.picker.setCurrentIndex(index)
                break

    def select_catalogue_goal(self, code: str) -> None:
        index = self.picker.findData(code)
        if index >= 0:
            self.picker.setCurrentIndex(index)

    def add_from_catalogue(self, code: str | None = None) -> GoalCard | None:
        code = code or self.picker.currentData()
        entry = self.catalogue.get(code) if code else None
        if entry is None:
            return None
        for card in self.cards:
            if card.template_code == entry.code:
                self.goals_message.show_error(_("Tujuan {code} sudah ada dalam rencana.").format(
                    code=entry.code))
                self.scroll.ensureWidgetVisible(card)
                return card
        self.goals_message.clear_message()
        return self._add_card(GoalInput(entry.atensi_code, entry.description, entry.code), True)

    def add_free_goal(self) -> GoalCard:
        self.goals_message.clear_message()
        card = self._add_card(GoalInput(None, ""), False)
        card.atensi.setFocus()
        return card

    def _add_card(self, data: GoalInput, from_catalogue: bool) -> GoalCard:
        card = GoalCard(data, from_catalogue)
        card.remove_requested.connect(self._remove_card)
        position = len(self.cards)
        if data.atensi_code is not None:
            position = next((i for i, c in enumerate(self.cards)
                             if (c.atensi_code() or 99) > data.atensi_code), len(self.cards))
        self.cards.insert(position, card)
        self.cards_layout.insertWidget(position, card)
        self._renumber()
        self.scroll.ensureWidgetVisible(card)
        return card

    def _remove_card(self, card: GoalCard) -> None:
        self.cards.remove(card)
        self.cards_layout.removeWidget(card)
        card.deleteLater()
        self._renumber()

    def _renumber(self) -> None:
        for number, card in enumerate(self.cards, start=1):
            card.set_number(number)

    # --- saving ---------------------------------------------------------------------------------
    def plan_input(self) -> tuple[PlanInput, bool]:
        """The plan as entered, and whether the form itself found unreadable dates."""
        local = False
        if self.made_on.error():
            self.form.messages["made_on"].show_error(self.made_on.error())
            local = True
        goals = []
        for card in self.cards:
            goal, errors = card.goal_input()
            if errors:
                card.interventions_message.show_error("\n".join(errors))
                local = True
            goals.append(goal)
        return PlanInput(self.made_on.date(), self.made_by.text(), tuple(goals)), local

    def show_problems(self, problems: Problems) -> bool:
        shown = self.form.show_problems(problems)
        if "goals" in problems.errors:
            self.goals_message.show_error(problems.errors["goals"])
            shown = True
        first = None
        for index, card in enumerate(self.cards):
            if card.show_problems(problems, f"goals.{index}.") and first is None:
                first = card
        if first is not None:
            self.scroll.ensureWidgetVisible(first)
        return shown or first is not None

    def submit(self) -> None:
        self.form.clear_messages()
        self.goals_message.clear_message()
        for card in self.cards:
            card.clear_messages()
        data, local_errors = self.plan_input()
        if local_errors:
            return
        plan = self.plan

        def save() -> str:
            if plan is None:
                return create_plan(self.ctx, self.care.stay_id, data)
            update_plan(self.ctx, plan.id, data)
            return plan.id

        def done(plan_id: str) -> None:
            self.saved_id = plan_id
            self.accept()

        MutationOp(self, save, done, _("Menyimpan rencana…"),
                   on_failure=on_refusal(self, self.show_problems)).run()
