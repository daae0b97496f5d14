"""The import dialog driven offscreen: choose a file (through a stand-in file dialog), read the trial
report, import, and see the residents appear; the buttons only for roles that may use them."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox

from pantidesk.services.residents import Scope, resident_list_rows, search_residents
from pantidesk.ui.dialogs import import_residents as dialog_module
from pantidesk.ui.dialogs.import_residents import ImportResidentsDialog
from pantidesk.ui.views.intake import IntakeView
from tests.spreadsheets import budi, resident, sukarni, write_xlsx


def table_rows(dialog: ImportResidentsDialog) -> list[list[str]]:
    return [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
            for r in range(dialog.table.rowCount())]


def test_choose_check_and_import(qtbot, ctx, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sheet = write_xlsx(tmp_path / "penghuni.xlsx",
                       [resident(), budi(tanggal_lahir="31/02/1945"), sukarni()])
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(sheet), ""))
    dialog = ImportResidentsDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()

    dialog.choose_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.dry_run
    rows = table_rows(dialog)
    assert [r[:3] for r in rows] == [["2", "Siti Aminah", "akan diimpor"],
                                    ["3", "Budi Santoso", "ditolak"],
                                    ["4", "Sukarni", "akan diimpor"]]
    assert rows[1][3].startswith("tanggal_lahir: ") and "31/02/1945" in rows[1][3]
    assert "2 akan diimpor" in dialog.summary.text()
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Impor 2 baris"
    assert search_residents(ctx, "", Scope.ACTIVE) == []  # the trial saved nothing

    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    assert not dialog.report.dry_run and not dialog.import_button.isEnabled()
    rows = table_rows(dialog)
    assert rows[0][2] == "diimpor" and "No. Induk TW-2024-0001-" in rows[0][3]
    assert "Selesai" in dialog.summary.text()
    names = [r.name for r in resident_list_rows(ctx, search_residents(ctx, "", Scope.ACTIVE))]
    assert names == ["Siti Aminah", "Sukarni"]


def test_a_refused_file_is_explained_in_the_dialog(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"bukan excel")
    dialog = ImportResidentsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.check(broken)
    qtbot.waitUntil(lambda: "disimpan" in dialog.summary.text(), timeout=10000)
    assert "rusak.xlsx" in dialog.summary.text()
    assert "Tidak ada yang disimpan" in dialog.summary.text()
    assert dialog.table.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_view_buttons_follow_the_role(qtbot, ctx, petugas_ctx, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    admin_view = IntakeView(ctx)
    qtbot.addWidget(admin_view)
    labels = [b.text() for b in admin_view.spreadsheet_buttons]
    assert labels == ["Impor penghuni…", "Unduh templat…", "Ekspor penghuni…"]
    petugas_view = IntakeView(petugas_ctx)
    qtbot.addWidget(petugas_view)
    assert petugas_view.spreadsheet_buttons == []

    target = tmp_path / "templat"  # no suffix typed: the chosen kind adds it
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "Buku kerja Excel (*.xlsx)"))
    dialog_module.save_template_as(admin_view)
    saved = tmp_path / "templat.xlsx"
    qtbot.waitUntil(saved.exists, timeout=10000)
    assert load_workbook(saved).sheetnames == ["Penghuni", "Petunjuk"]


def test_export_from_the_view(qtbot, ctx, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pantidesk.services.residents_io import import_residents

    import_residents(ctx, write_xlsx(tmp_path / "p.xlsx", [resident(), budi()]))
    view = IntakeView(ctx)
    qtbot.addWidget(view)
    target = tmp_path / "ekspor.csv"
    chosen = []

    def answer(box: QMessageBox) -> int:
        chosen.append(box.text())
        for button in box.buttons():
            if button.text() == "Penghuni aktif":
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "CSV UTF-8 (*.csv)"))
    view.spreadsheet_buttons[2].click()
    qtbot.waitUntil(lambda: len(chosen) == 2, timeout=10000)  # the question, then "selesai"
    assert "data pribadi" in chosen[0] and "2 baris" in chosen[1]
    text = target.read_text(encoding="utf-8-sig")
    assert "Siti Aminah" in text and "Budi Santoso" in text
