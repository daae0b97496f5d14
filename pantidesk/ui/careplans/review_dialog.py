"""A review of the current plan: progress and a note for every goal, a summary, and when the next
review is due (three months later unless changed)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pantidesk.domain.careplan_rules import default_next_review
from pantidesk.domain.enums import GoalProgress
from pantidesk.i18n import _, format_date
from pantidesk.services.careplan_reviews import GoalReviewInput, ReviewInput, record_review
from pantidesk.services.careplans import PlanView, StayCare
from pantidesk.services.context import AppContext
from pantidesk.services.person_rules import Problems
from pantidesk.ui.careplans.common import MUTED, muted, on_refusal
from pantidesk.ui.forms import DateEdit, EnumCombo, Form, TextArea
from pantidesk.ui.operations import MutationOp
from pantidesk.ui.widgets import FieldMessage, fit_to_screen


class GoalRow:
    """The widgets of one goal in the review."""

    def __init__(self, goal_id: str, previous: GoalProgress | None) -> None:
        self.goal_id = goal_id
        self.progress = EnumCombo(GoalProgress)
        if previous is not None:
            self.progress.setToolTip(_("Tinjauan sebelumnya: {progress}").format(
                progress=previous.label))
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("catatan perkembangan tujuan ini"))
        self.message = FieldMessage()


class ReviewDialog(QDialog):
    def __init__(self, ctx: AppContext, care: StayCare, plan: PlanView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan = plan
        self.saved_id: str | None = None
        self._due_edited = False
        self.setWindowTitle(_("Tinjauan rencana: {name}").format(name=care.person_name))
        fit_to_screen(self, 900, 720)

        self.form = Form()
        self.reviewed_on = self.form.add("reviewed_on", _("Tanggal tinjauan*"),
                                         DateEdit(_("Tanggal tinjauan")))
        self.reviewed_on.set_date(ctx.clock.today())
        self.reviewer = self.form.add("reviewer", _("Peninjau*"), QLineEdit())
        self.reviewer.setText(ctx.user.full_name)

        previous = {p.goal_id: p.progress for p in plan.reviews[0].progress} if plan.reviews \
            else {}
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        for column, title in enumerate((_("Tujuan"), _("Perkembangan*"), _("Catatan"))):
            header = QLabel(title)
            header.setStyleSheet("font-weight: 600;")
            grid.addWidget(header, 0, column)
        self.rows: list[GoalRow] = []
        # In the order of the plan tree: by ATENSI component, then as the plan lists them.
        for index, goal in enumerate(sorted(plan.goals, key=lambda g: g.atensi_code)):
            before = previous.get(goal.id)
            row = GoalRow(goal.id, before)
            text = QLabel(goal.description)
            text.setWordWrap(True)
            component = QLabel(" · ".join(part for part in (
                _("ATENSI {code}").format(code=goal.atensi_code), goal.template_code,
                _("sebelumnya: {progress}").format(progress=before.label) if before else "")
                if part))
            component.setStyleSheet(MUTED)
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(text)
            cell.addWidget(component)
            cell.addWidget(row.message)
            line = 1 + index
            grid.addLayout(cell, line, 0)
            grid.addWidget(row.progress, line, 1)
            grid.addWidget(row.note, line, 2)
            self.rows.append(row)
        grid.setRowStretch(len(plan.goals) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_box)
        self.goals_message = FieldMessage()

        self.after = Form()
        self.summary = self.after.add("summary", _("Ringkasan"), TextArea(
            _("kesimpulan tinjauan, perubahan yang perlu dibuat"), 3))
        self.next_due = self.after.add("next_review_due", _("Tinjauan berikutnya"),
                                       DateEdit(_("Tinjauan berikutnya")),
                                       _("Otomatis 3 bulan sesudah tanggal tinjauan; dapat "
                                         "diubah."))
        self._prefill_due()
        self.reviewed_on.textChanged.connect(lambda _text: self._prefill_due())
        self.next_due.textEdited.connect(lambda _text: setattr(self, "_due_edited", True))

        buttons = QDialogButtonBox()
        buttons.addButton(_("Simpan tinjauan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted(_("Rencana versi {version}, disepakati {date}. Nilai "
                                 "perkembangan setiap tujuan.").format(
            version=plan.version, date=format_date(plan.agreed_on))))
        layout.addWidget(self.form)
        layout.addWidget(self.goals_message)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.after)
        layout.addWidget(buttons)

    def _prefill_due(self) -> None:
        day = self.reviewed_on.date()
        if day is not None and not self._due_edited:
            self.next_due.set_date(default_next_review(day))

    def review_input(self) -> ReviewInput:
        return ReviewInput(
            self.reviewed_on.date(), self.reviewer.text(),
            tuple(GoalReviewInput(r.goal_id, r.progress.value(), r.note.text())
                  for r in self.rows),
            self.summary.toPlainText(), self.next_due.date())

    def show_problems(self, problems: Problems) -> bool:
        shown = self.form.show_problems(problems) | self.after.show_problems(problems)
        for row in self.rows:
            for key in (f"goals.{row.goal_id}.progress", f"goals.{row.goal_id}.note"):
                if key in problems.errors:
                    row.message.show_error(problems.errors[key])
                    shown = True
        if "goals" in problems.errors:
            self.goals_message.show_error(problems.errors["goals"])
            shown = True
        return shown

    def submit(self) -> None:
        self.form.clear_messages()
        self.after.clear_messages()
        self.goals_message.clear_message()
        for row in self.rows:
            row.message.clear_message()
        problems = Problems()
        self.form.show_date_errors(problems)
        self.after.show_date_errors(problems)
        if not problems.ok:
            self.show_problems(problems)
            return
        data = self.review_input()

        def done(review_id: str) -> None:
            self.saved_id = review_id
            self.accept()

        MutationOp(self, lambda: record_review(self.ctx, self.plan.id, data), done,
                   _("Menyimpan tinjauan…"),
                   on_failure=on_refusal(self, self.show_problems)).run()
