"""Recording an incident and an entry of the health log."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit, QWidget

from pantidesk.domain.enums import HealthEventKind, IncidentKind
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.health_log import REFERRALS, HealthEventInput, record_health_event
from pantidesk.services.incidents import IncidentInput, record_incident
from pantidesk.services.rooms import Occupant
from pantidesk.ui.daily.widgets import MomentEdit, ResidentPicker, ServiceDialog
from pantidesk.ui.forms import DateEdit, EnumCombo, TextArea


class IncidentDialog(ServiceDialog):
    def __init__(self, ctx: AppContext, residents: Sequence[Occupant],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Catat insiden"), _(
            "Catat penghuni yang terlibat atau menjadi korban. Bila beberapa penghuni terlibat, "
            "sebutkan yang lain di \"Pihak lain\"."), parent)
        self.resident = self.form.add("resident", _("Penghuni*"), ResidentPicker(residents))
        self.kind = self.form.add("kind", _("Jenis insiden*"), EnumCombo(IncidentKind))
        self.occurred_at = self.form.add("occurred_at", _("Waktu kejadian*"),
                                         MomentEdit(_("Tanggal kejadian")))
        self.occurred_at.set_moment(ctx.clock.now())
        self.description = self.form.add("description", _("Kejadian*"), TextArea(
            _("apa yang terjadi, di mana"), lines=3))
        self.others = self.form.add("others_involved", _("Pihak lain"), QLineEdit())
        self.action = self.form.add("action_taken", _("Tindakan"), TextArea(lines=2))
        self.reporter = self.form.add("reported_by", _("Dilaporkan oleh"), QLineEdit())
        self.reporter.setText(ctx.user.full_name)
        self.finish_layout()

    def submit(self) -> None:
        if self.typed_errors():
            return
        stay_id = self.require_resident(self.resident)
        if stay_id is None:
            return
        data = IncidentInput(self.kind.value(), self.occurred_at.moment(),
                             self.description.text(), self.others.text(), self.action.text(),
                             self.reporter.text())
        self.submit_call(lambda: record_incident(self.ctx, stay_id, data), _("Menyimpan…"))


class HealthDialog(ServiceDialog):
    def __init__(self, ctx: AppContext, residents: Sequence[Occupant],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Catatan kesehatan"), "", parent)
        self.resident = self.form.add("resident", _("Penghuni*"), ResidentPicker(residents))
        self.kind = self.form.add("kind", _("Jenis*"), EnumCombo(HealthEventKind))
        self.occurred_on = self.form.add("occurred_on", _("Tanggal*"), DateEdit(_("Tanggal")))
        self.occurred_on.set_date(ctx.clock.today())
        self.facility = self.form.add("facility", _("Fasilitas kesehatan"), QLineEdit(),
                                      hint=_("Wajib untuk rujukan: puskesmas, rumah sakit atau "
                                             "RSJ tujuan."))
        self.facility.setPlaceholderText(_("mis. Puskesmas Natar, RSUD Dr. H. Abdul Moeloek"))
        self.description = self.form.add("description", _("Keterangan*"), TextArea(
            _("keluhan, diagnosis, obat atau hasil pemeriksaan"), lines=3))
        self.recorder = self.form.add("recorded_by", _("Dicatat oleh"), QLineEdit())
        self.recorder.setText(ctx.user.full_name)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.finish_layout()

    def _kind_changed(self) -> None:
        label = self.form.layout_.labelForField(self.facility.parentWidget())
        if label is not None:
            label.setText(_("Fasilitas kesehatan*") if self.kind.value() in REFERRALS
                          else _("Fasilitas kesehatan"))

    def submit(self) -> None:
        if self.typed_errors():
            return
        stay_id = self.require_resident(self.resident)
        if stay_id is None:
            return
        data = HealthEventInput(self.kind.value(), self.occurred_on.date(),
                                self.description.text(), self.facility.text(),
                                self.recorder.text())
        self.submit_call(lambda: record_health_event(self.ctx, stay_id, data), _("Menyimpan…"))
