"""The main window on a demo panti: Beranda figures, searching residents, opening a summary."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from pantidesk.services.residents import resident_list_rows
from pantidesk.ui.main_window import MainWindow
from pantidesk.ui.models.resident_table import ResidentTableModel
from pantidesk.ui.views.resident_summary import ResidentSummaryDialog
from pantidesk.ui.views.residents import ResidentsView


def test_navigation_shows_only_working_areas(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_ctx, is_demo=True)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:2] == ["Beranda", "Penerimaan & Asesmen"]
    assert titles[-4:] == ["Penghuni", "Laporan", "Sinkronisasi", "Pengaturan"]
    beranda = window.views[0]
    qtbot.waitUntil(lambda: any("dari daya tampung 85" in label.text()
                                for label in beranda.findChildren(QLabel)), timeout=10000)


def test_search_and_open_summary(qtbot, demo_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = ResidentsView(demo_ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 40, timeout=10000)
    first = view.model.row_for(0)
    surname = first.name.split()[-1]
    qtbot.keyClicks(view.search, surname)
    qtbot.waitUntil(lambda: 0 < view.model.rowCount() < 40 or
                    view.model.row_for(0).name == first.name, timeout=10000)
    assert any(surname in (view.model.row_for(r).name) for r in range(view.model.rowCount()))
    opened = []
    monkeypatch.setattr(ResidentSummaryDialog, "exec", lambda self: opened.append(self.summary))
    view.open_resident(0)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert opened[0].name == view.model.row_for(0).name


def test_resident_table_model_passes_modeltester(qtmodeltester, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    from pantidesk.services.residents import Scope, search_residents

    model = ResidentTableModel(lambda ids: resident_list_rows(demo_ctx, ids))
    model.set_ids(search_residents(demo_ctx, "", Scope.EVERYONE))
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Nama"


def test_model_survives_a_failing_fetch(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    def broken(_ids):  # type: ignore[no-untyped-def]
        raise RuntimeError("database gone")

    model = ResidentTableModel(broken)
    model.set_ids(["a", "b"])
    assert model.data(model.index(0, 1)) == ""
    qtmodeltester.check(model)
