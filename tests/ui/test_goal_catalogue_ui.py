"""The goal catalogue window (Pengaturan → Kelola katalog…): filter the goals, add one through the
form with its inline errors, see it listed, retire it and bring it back; shipped goals cannot be
changed; the model passes qtmodeltester; the province may extend the catalogue too."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from pantidesk.domain.enums import Cluster
from pantidesk.domain.goal_catalogue import SHIPPED_GOALS
from pantidesk.services.careplan_catalogue import (
    GoalTemplateInput,
    add_goal_template,
    full_catalogue,
    goal_catalogue,
)
from pantidesk.ui.careplans.catalogue_dialog import CatalogueDialog, GoalTemplateDialog
from pantidesk.ui.careplans.models import CatalogueModel
from pantidesk.ui.views.settings import SettingsView

WAIT = 10000


def open_dialog(qtbot, ctx) -> CatalogueDialog:  # type: ignore[no-untyped-def]
    dialog = CatalogueDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=WAIT)
    return dialog


def codes(dialog: CatalogueDialog) -> list[str]:
    return [goal.code for goal in dialog.model.rows()]


def test_add_list_and_retire_a_goal(qtbot, kepala_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    dialog = open_dialog(qtbot, kepala_ctx)
    assert len(codes(dialog)) == len(SHIPPED_GOALS)
    dialog.cluster_filter.set_value(Cluster.LANSIA)
    assert "L1-01" in codes(dialog) and "A1-01" not in codes(dialog) and "U1-01" in codes(dialog)
    dialog.atensi_filter.setCurrentIndex(3)  # "3. Dukungan keluarga"
    assert codes(dialog) == ["L3-01", "L3-02"]
    dialog.table.selectRow(0)
    assert not dialog.toggle_button.isEnabled()  # shipped goals cannot be changed
    assert "tidak dapat diubah" in dialog.detail.text()

    form = GoalTemplateDialog(kepala_ctx, Cluster.LANSIA, dialog)
    qtbot.addWidget(form)
    assert form.cluster.value() is Cluster.LANSIA  # the panti's own cluster by default
    form.code.setText("l1-01")
    form.submit()
    qtbot.waitUntil(lambda: form.form.messages["atensi_code"].text() != "", timeout=WAIT)
    assert "Pilih komponen ATENSI" in form.form.messages["atensi_code"].text()
    assert "Tuliskan tujuannya" in form.form.messages["description"].text()
    form.atensi.setCurrentIndex(2)  # "2. Perawatan sosial …"
    form.description.setPlainText("Mampu merawat tanaman obat keluarga di kebun panti")
    form.submit()
    qtbot.waitUntil(lambda: "sudah dipakai" in form.form.messages["code"].text(), timeout=WAIT)
    form.reject()

    def fill_in(self: GoalTemplateDialog) -> int:  # the person types, then presses "Tambahkan"
        self.code.setText("tw-l2-01")
        self.atensi.setCurrentIndex(2)
        self.description.setPlainText("Mampu merawat tanaman obat keluarga di kebun panti")
        with qtbot.waitSignal(self.accepted, timeout=WAIT):
            self.submit()
        return 1

    monkeypatch.setattr(GoalTemplateDialog, "exec", fill_in)
    dialog.add_button.click()
    # The filters are cleared so that the new goal shows, selected.
    qtbot.waitUntil(lambda: "TW-L2-01" in codes(dialog), timeout=WAIT)
    assert dialog.cluster_filter.value() is None and dialog.atensi_filter.value() is None
    qtbot.waitUntil(lambda: dialog.selected_goal() is not None, timeout=WAIT)
    goal = dialog.selected_goal()
    assert goal is not None and goal.code == "TW-L2-01" and goal.added and goal.active
    row = dialog.model.row_of("TW-L2-01")
    cells = [dialog.model.index(row, c).data() for c in range(dialog.model.columnCount())]
    assert cells == ["TW-L2-01", "2. Perawatan sosial dan/atau pengasuhan anak",
                     "Lanjut usia telantar", "Mampu merawat tanaman obat keluarga di kebun panti",
                     "tambahan", "Ya"]
    assert dialog.toggle_button.isEnabled() and dialog.toggle_button.text() == "Nonaktifkan"

    dialog.toggle_active()
    qtbot.waitUntil(lambda: dialog.toggle_button.text() == "Aktifkan", timeout=WAIT)
    assert dialog.model.index(dialog.model.row_of("TW-L2-01"), 5).data() == "Tidak"
    assert "TW-L2-01" not in {e.code for e in goal_catalogue(kepala_ctx, Cluster.LANSIA)}
    dialog.toggle_active()
    qtbot.waitUntil(lambda: dialog.toggle_button.text() == "Nonaktifkan", timeout=WAIT)
    assert "TW-L2-01" in {e.code for e in goal_catalogue(kepala_ctx, Cluster.LANSIA)}


def test_settings_opens_the_catalogue_for_editors_only(qtbot, ctx, petugas_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[CatalogueDialog] = []

    def exec_(self: CatalogueDialog) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(CatalogueDialog, "exec", exec_)
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    view.manage_catalogue.click()
    assert len(opened) == 1 and opened[0].windowTitle() == "Katalog tujuan rencana intervensi"
    petugas_view = SettingsView(petugas_ctx)
    qtbot.addWidget(petugas_view)
    assert not hasattr(petugas_view, "manage_catalogue")


def test_province_extends_the_catalogue(qtbot, province_ctx) -> None:  # type: ignore[no-untyped-def]
    view = SettingsView(province_ctx)
    qtbot.addWidget(view)
    assert not view.manage_catalogue.isHidden()
    add_goal_template(province_ctx, GoalTemplateInput("PROV-6", 6, "Menerima bantuan provinsi"))
    catalogue = full_catalogue(province_ctx)
    assert catalogue.home_cluster is None
    dialog = open_dialog(qtbot, province_ctx)
    row = dialog.model.row_of("PROV-6")
    assert row >= 0 and dialog.model.index(row, 2).data() == "Semua klaster"
    form = GoalTemplateDialog(province_ctx, catalogue.home_cluster, dialog)
    qtbot.addWidget(form)
    assert form.cluster.value() is None and form.cluster.currentText() == "Semua klaster"


def test_catalogue_model_passes_modeltester(qtmodeltester, ctx) -> None:  # type: ignore[no-untyped-def]
    add_goal_template(ctx, GoalTemplateInput("TW-9", 4, "Tujuan <panti> & lainnya"))
    model = CatalogueModel()
    model.set_rows(list(full_catalogue(ctx).goals))
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
