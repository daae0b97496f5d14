"""Recording cuti/izin, kabur, an action taken while someone is away, and the return."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from pantidesk.domain.daily_rules import FOLLOW_UP_DAYS, LEAVE_KINDS
from pantidesk.domain.enums import AbsenceKind, StayStatus
from pantidesk.i18n import _
from pantidesk.services.absences import (
    AbscondingInput,
    AbsenceRow,
    FollowUpInput,
    FollowUpRow,
    LeaveInput,
    ReturnInput,
    add_follow_up,
    record_absconding,
    record_return,
    start_leave,
)
from pantidesk.services.context import AppContext
from pantidesk.services.rooms import Occupant
from pantidesk.ui.daily.widgets import MomentEdit, ResidentPicker, ServiceDialog
from pantidesk.ui.forms import DateEdit, EnumCombo, TextArea


class LeaveDialog(ServiceDialog):
    def __init__(self, ctx: AppContext, residents: Sequence[Occupant],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Catat cuti / izin keluar"), _(
            "Penghuni yang pergi dengan izin panti. Bila belum kembali pada tanggal rencana, "
            "Beranda mengingatkan."), parent)
        self.resident = self.form.add("resident", _("Penghuni*"), ResidentPicker(
            [r for r in residents if r.away is None]))
        self.kind = self.form.add("kind", _("Jenis*"), EnumCombo(
            [k for k in AbsenceKind if k in LEAVE_KINDS], optional=False))
        self.left_at = self.form.add("left_at", _("Berangkat*"), MomentEdit(_("Tanggal berangkat")))
        self.left_at.set_moment(ctx.clock.now())
        self.expected = self.form.add("expected_return", _("Rencana kembali*"),
                                      DateEdit(_("Tanggal rencana kembali")))
        self.destination = self.form.add("destination", _("Tujuan*"), QLineEdit())
        self.destination.setPlaceholderText(_("alamat keluarga atau tempat yang dituju"))
        self.reason = self.form.add("reason", _("Keperluan"), TextArea(lines=2))
        self.finish_layout()

    def submit(self) -> None:
        if self.typed_errors():
            return
        stay_id = self.require_resident(self.resident)
        if stay_id is None:
            return
        data = LeaveInput(self.kind.value(), self.left_at.moment(), self.expected.date(),
                          self.destination.text(), self.reason.text())
        self.submit_call(lambda: start_leave(self.ctx, stay_id, data), _("Menyimpan…"))


class AbscondDialog(ServiceDialog):
    def __init__(self, ctx: AppContext, residents: Sequence[Occupant],
                 parent: QWidget | None = None, stay_id: str | None = None) -> None:
        super().__init__(ctx, _("Catat penghuni kabur"), _(
            "Catat sejak kapan penghuni tidak ada. Panti mencari dan menghubungi keluarga "
            "sampai batas tindak lanjut ({n} hari bila tidak diubah), lalu memutuskan "
            "terminasi.").format(n=FOLLOW_UP_DAYS), parent)
        self.resident = self.form.add("resident", _("Penghuni*"), ResidentPicker(
            [r for r in residents if r.away is not StayStatus.ABSCONDED]))
        if stay_id:
            self.resident.select_stay(stay_id)
        self.left_at = self.form.add("left_at", _("Diketahui kabur*"),
                                     MomentEdit(_("Tanggal diketahui kabur")))
        self.left_at.set_moment(ctx.clock.now())
        self.circumstances = self.form.add("circumstances", _("Kejadian*"), TextArea(
            _("mis. tidak ada di kamar saat apel pagi; tas pakaian ikut hilang"), lines=3))
        self.whereabouts = self.form.add("possible_whereabouts", _("Kemungkinan tujuan"),
                                         QLineEdit())
        self.until = self.form.add("follow_up_until", _("Batas tindak lanjut"),
                                   DateEdit(_("Batas tindak lanjut")),
                                   hint=_("Kosongkan untuk {n} hari setelah kabur.").format(
                                       n=FOLLOW_UP_DAYS))
        self.finish_layout()

    def submit(self) -> None:
        if self.typed_errors():
            return
        stay_id = self.require_resident(self.resident)
        if stay_id is None:
            return
        data = AbscondingInput(self.left_at.moment(), self.circumstances.text(),
                               self.whereabouts.text(), self.until.date())
        self.submit_call(lambda: record_absconding(self.ctx, stay_id, data), _("Menyimpan…"))


class FollowUpDialog(ServiceDialog):
    """What was done so far, and one more action."""

    def __init__(self, ctx: AppContext, absence: AbsenceRow, history: Sequence[FollowUpRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Tindak lanjut — {name}").format(name=absence.name), _(
            "{kind} sejak {left}. {due}.").format(kind=absence.kind.label, left=absence.left,
                                                   due=absence.due_text), parent)
        done = "\n".join(f"{f.done_at} — {f.action}" + (f": {f.result}" if f.result else "")
                         for f in history)
        self.history = self.form.add("history", _("Sudah dilakukan"), QLabel(
            done or _("Belum ada tindakan yang dicatat.")))
        self.history.setWordWrap(True)
        self.done_at = self.form.add("done_at", _("Waktu*"), MomentEdit(_("Tanggal tindakan")))
        self.done_at.set_moment(ctx.clock.now())
        self.action = self.form.add("action", _("Tindakan*"), TextArea(
            _("mis. menghubungi keluarga, mencari di terminal, melapor ke Polsek"), lines=2))
        self.outcome = self.form.add("result", _("Hasil"), TextArea(lines=2))
        self.extend = None
        if absence.kind is AbsenceKind.ABSCONDED:
            self.extend = self.form.add("extend_until", _("Perpanjang sampai"),
                                        DateEdit(_("Batas tindak lanjut baru")),
                                        hint=_("Isi bila pencarian diteruskan melewati batas."))
        self.absence = absence
        self.finish_layout()

    def submit(self) -> None:
        if self.typed_errors():
            return
        data = FollowUpInput(self.done_at.moment(), self.action.text(), self.outcome.text(),
                             self.extend.date() if self.extend is not None else None)
        absence_id = self.absence.absence_id
        self.submit_call(lambda: add_follow_up(self.ctx, absence_id, data), _("Menyimpan…"))


class ReturnDialog(ServiceDialog):
    def __init__(self, ctx: AppContext, absence: AbsenceRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Catat kembali — {name}").format(name=absence.name), _(
            "{kind} sejak {left}.").format(kind=absence.kind.label, left=absence.left), parent)
        self.absence = absence
        self.returned_at = self.form.add("returned_at", _("Kembali*"),
                                         MomentEdit(_("Tanggal kembali")))
        self.returned_at.set_moment(ctx.clock.now())
        self.note = self.form.add("note", _("Keterangan"), TextArea(
            _("mis. diantar keluarga, kondisi sehat"), lines=2))
        self.finish_layout(500)

    def submit(self) -> None:
        if self.typed_errors():
            return
        data = ReturnInput(self.returned_at.moment(), self.note.text())
        absence_id = self.absence.absence_id
        self.submit_call(lambda: record_return(self.ctx, absence_id, data), _("Menyimpan…"))
