"""The Sinkronisasi screens, driven offscreen: a panti exports through the dialog, the province
drops the bundle, checks it (dry run) and imports it, the receipt comes back and the panti's banner
says confirmed; a tampered bundle is refused and changes nothing; keys are registered after the
fingerprint is confirmed, and revoked; the province's Beranda shows each panti's last bundle.

Key files cost seconds of scrypt, so the two used here are written once per session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox

from pantidesk.clock import FixedClock
from pantidesk.preferences import preferences_file, remembered_path
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.installation import SetupRequest, create_installation, open_installation
from pantidesk.services.sync import export_bundle
from pantidesk.services.sync_keys import trust_panti_key, trust_province_key
from pantidesk.sync.keys import KeyPair, write_key_pair
from pantidesk.ui.main_window import areas
from pantidesk.ui.sync import keys_group
from pantidesk.ui.sync.dialogs import ExportDialog, ExportDoneDialog, UnlockKeyDialog
from pantidesk.ui.sync.key_dialogs import NewKeyPairDialog, TrustKeyDialog
from pantidesk.ui.sync.view import SyncView
from pantidesk.ui.views.beranda import BerandaView
from tests.conftest import ADMIN, FAST_KDF, NOW, PASSWORD, copy_database, letterhead
from tests.sync.helpers import database_digest

PASSPHRASE = "frasa-sandi-layar-uji"


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    directory = tmp_path_factory.mktemp("ui-sync-keys")
    tw, province = KeyPair.generate("TW-2026", NOW), KeyPair.generate("PROV-UTAMA-2026", NOW)
    tw_key, tw_pub = write_key_pair(tw, directory, PASSPHRASE)
    province_key, province_pub = write_key_pair(province, directory, PASSPHRASE)
    return SimpleNamespace(tw=tw, province=province, tw_key=tw_key, tw_pub=tw_pub,
                           province_key=province_key, province_pub=province_pub)


@pytest.fixture(scope="session")
def empty_province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ui-sync-province") / "provinsi.db"
    request = SetupRequest(Mode.PROVINCE, None, letterhead(), ADMIN, "Admin Provinsi", PASSWORD)
    create_installation(path, request, FixedClock(NOW), FAST_KDF)
    return path


@pytest.fixture
def panti(demo_ctx: AppContext, keys: SimpleNamespace) -> AppContext:
    trust_province_key(demo_ctx, keys.province.public())
    return demo_ctx


@pytest.fixture
def province(empty_province: Path, tmp_path: Path, clock: FixedClock,  # type: ignore[no-untyped-def]
             keys: SimpleNamespace):
    context = open_installation(copy_database(empty_province, tmp_path / "provinsi.db"), ADMIN,
                                PASSWORD, clock)
    trust_panti_key(context, "TW", keys.tw.public())
    yield context
    context.close()


def folder(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.mkdir(exist_ok=True)
    return path


def answer(qtbot, monkeypatch, cls: type[QDialog], fill: Callable[[Any], None]) -> list[Any]:  # type: ignore[no-untyped-def]
    """Replace ``cls.exec``: fill the dialog, press its main button, wait for the background work;
    returns the dialogs that were asked."""
    asked: list[Any] = []

    def fake_exec(self: Any) -> int:
        asked.append(self)
        fill(self)
        self.ok.click()
        qtbot.waitUntil(lambda: self.result() == QDialog.DialogCode.Accepted
                        or self.ok.isEnabled(), timeout=30000)
        return self.result()

    monkeypatch.setattr(cls, "exec", fake_exec)
    return asked


def messages(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    return shown


_views: list[SyncView] = []  # a panel lives only as long as its view


def panti_panel(qtbot, ctx: AppContext):  # type: ignore[no-untyped-def]
    view = SyncView(ctx)
    qtbot.addWidget(view)
    _views.append(view)
    qtbot.waitUntil(lambda: view.panel.overview is not None, timeout=20000)
    return view.panel


def province_panel(qtbot, ctx: AppContext):  # type: ignore[no-untyped-def]
    view = SyncView(ctx)
    qtbot.addWidget(view)
    _views.append(view)
    qtbot.waitUntil(lambda: bool(view.panel.panti_rows), timeout=20000)
    return view.panel


@pytest.fixture(autouse=True)
def _forget_views():  # type: ignore[no-untyped-def]
    yield
    _views.clear()


def drop(panel, paths: list[Path]) -> bool:  # type: ignore[no-untyped-def]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.dragEnterEvent(enter)
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(event)
    return enter.isAccepted()


def run_batch(qtbot, panel, dry_run: bool) -> None:  # type: ignore[no-untyped-def]
    finished: list[bool] = []
    panel.batch_done.connect(lambda: finished.append(True))
    panel.run(dry_run=dry_run)
    qtbot.waitUntil(lambda: bool(finished), timeout=30000)


def cells(table, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(row, c).text() if table.item(row, c) else ""
            for c in range(table.columnCount())]


def test_sinkronisasi_is_an_area_in_both_modes(ctx, province_ctx) -> None:  # type: ignore[no-untyped-def]
    for context in (ctx, province_ctx):
        titles = [title for title, _factory in areas(context)]
        assert titles.index("Sinkronisasi") == titles.index("Laporan") + 1


def test_panti_exports_a_bundle_through_the_dialog(qtbot, panti, keys, tmp_path,
                                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel = panti_panel(qtbot, panti)
    assert "belum pernah" in panel.banner.text()
    assert panel.export_button.isEnabled()
    out = folder(tmp_path, "kirim")

    def wrong_then_right(dialog: ExportDialog) -> None:
        dialog.key_file.set_path(keys.tw_key)
        dialog.folder.set_path(out)
        dialog.full.setChecked(True)
        dialog.passphrase.setText("bukan-frasa-sandinya")

    asked = answer(qtbot, monkeypatch, ExportDialog, wrong_then_right)
    done: list[ExportDoneDialog] = []
    monkeypatch.setattr(ExportDoneDialog, "exec", lambda self: done.append(self) or 0)
    panel.export()
    assert "Frasa sandi salah" in asked[0].message.text() and not done  # the dialog stays open
    assert not list(out.iterdir())

    asked[0].passphrase.setText(PASSPHRASE)
    asked[0].submit()
    qtbot.waitUntil(lambda: asked[0].exported is not None, timeout=30000)
    assert asked[0].passphrase.text() == ""  # gone as soon as the key was opened
    result = asked[0].exported
    assert result.path == out / "TW_000001.pantidesk.age" and result.path.exists()
    assert result.kind.value == "snapshot"

    answer(qtbot, monkeypatch, ExportDialog, lambda d: (d.passphrase.setText(PASSPHRASE)))
    panel.export()  # the key file and folder are remembered; only the passphrase is asked
    qtbot.waitUntil(lambda: len(done) == 1, timeout=30000)
    assert done[0].result_.path.name == "TW_000002.pantidesk.age"
    assert remembered_path("sync_panti_key_file") == keys.tw_key
    assert PASSPHRASE not in preferences_file().read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: panel.history.rowCount() == 2, timeout=20000)
    newest = cells(panel.history, 0)
    assert newest[1] == "TW_000002.pantidesk.age" and newest[-1] == "menunggu tanda terima"
    assert "bundel menunggu tanda terima" in panel.pending.text()


def test_province_checks_imports_and_the_panti_takes_the_receipt(
        qtbot, panti, province, keys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bundle = export_bundle(panti, keys.tw, folder(tmp_path, "kirim")).path
    receipts = folder(tmp_path, "tanda-terima")
    panel = province_panel(qtbot, province)
    unlocks = answer(qtbot, monkeypatch, UnlockKeyDialog, lambda d: (
        d.key_file.set_path(keys.province_key), d.passphrase.setText(PASSPHRASE)))
    assert drop(panel, [bundle])
    assert cells(panel.table, 0)[:4] == ["TW_000001.pantidesk.age", "", "", "belum diperiksa"]
    panel.receipt_dir.set_path(receipts)

    before = database_digest(province)
    run_batch(qtbot, panel, dry_run=True)
    row = cells(panel.table, 0)
    assert row[1:4] == ["TW", "1", "uji coba: dapat diimpor"] and row[4] not in ("", "0")
    assert row[7] == "lengkap" and "Belum ada yang disimpan" in panel.summary.text()
    assert database_digest(province) == before and not list(receipts.iterdir())
    assert panel.results_view.detail_table.rowCount() > 0  # per record type

    run_batch(qtbot, panel, dry_run=False)
    assert len(unlocks) == 1  # one passphrase for the whole batch
    row = cells(panel.table, 0)
    assert row[3] == "diimpor" and row[7] == "lengkap"
    receipt = receipts / "TW_000001.pantidesk-receipt.json"
    assert receipt.exists() and row[8] == f"Tanda terima: {receipt.name}"
    assert panel.key is None  # forgotten once the batch is imported
    qtbot.waitUntil(lambda: cells(panel.panti_table, 6)[4] == "1", timeout=20000)
    assert cells(panel.panti_table, 6)[:4] == ["TW", cells(panel.panti_table, 6)[1],
                                              "17/08/2026 10:00", "0"]

    view = panti_panel(qtbot, panti)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(receipt), ""))
    shown = messages(monkeypatch)
    view.import_receipt()
    qtbot.waitUntil(lambda: view.last_receipt is not None and bool(shown), timeout=20000)
    assert "tidak akan dikirim ulang" in shown[0]
    qtbot.waitUntil(lambda: "hari ini (17/08/2026)" in view.banner.text(), timeout=20000)
    assert cells(view.history, 0)[-1] == "dikonfirmasi provinsi 17/08/2026"

    clock = panti.clock
    assert isinstance(clock, FixedClock)
    for days, words, colour in ((12, "12 hari lalu (17/08/2026)", "#e7f4ea"),
                                (20, "32 hari lalu", "#fff4d6"), (30, "62 hari lalu", "#fbe4e1")):
        clock.advance(dt.timedelta(days=days))
        view.overview = None
        view.refresh()
        qtbot.waitUntil(lambda: view.overview is not None, timeout=20000)
        assert words in view.banner.text() and colour in view.banner.styleSheet()


def test_a_tampered_bundle_is_refused_and_changes_nothing(
        qtbot, panti, province, keys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    good = export_bundle(panti, keys.tw, folder(tmp_path, "kirim")).path
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = folder(tmp_path, "masuk") / good.name
    tampered.write_bytes(bytes(data))
    panel = province_panel(qtbot, province)
    panel.key = keys.province  # unlocked earlier in this batch
    panel.add_files([tampered])
    before = database_digest(province)
    run_batch(qtbot, panel, dry_run=False)
    row = cells(panel.table, 0)
    assert row[3] == "ditolak" and row[8].startswith("Bundel ditolak:")
    assert "Tidak ada yang berubah" in panel.results_view.detail_note.text()
    assert "1 ditolak" in panel.summary.text()
    assert database_digest(province) == before
    assert not list(tampered.parent.glob("*.json"))


def test_keys_are_registered_after_the_fingerprint_is_confirmed_and_revoked(
        qtbot, province, keys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    new_key = KeyPair.generate("RI-2026", NOW).public()
    pub = tmp_path / "RI-2026.pub"
    pub.write_text(new_key.to_text(), encoding="ascii")
    panel = province_panel(qtbot, province)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pub), ""))
    messages(monkeypatch)

    def confirm_fingerprint(dialog: TrustKeyDialog) -> None:
        assert dialog.fingerprint.text() == new_key.fingerprint
        assert dialog.panti is not None and dialog.panti.currentData() == "RI"  # from the name
        assert not dialog.ok.isEnabled()  # not before the person says it matches
        dialog.matches.setChecked(True)

    asked = answer(qtbot, monkeypatch, TrustKeyDialog, confirm_fingerprint)
    panel.keys.register()
    qtbot.waitUntil(lambda: len(panel.keys.keys) == 2, timeout=20000)
    assert asked[0].registered is not None and asked[0].registered.owner == "RI"
    row = [k.fingerprint for k in panel.keys.keys].index(new_key.fingerprint)
    assert cells(panel.keys.table, row)[2:] == [new_key.fingerprint, "17/08/2026", "aktif"]

    monkeypatch.setattr(keys_group, "confirm", lambda *a: True)
    panel.keys.table.selectRow(row)
    panel.keys.revoke()
    qtbot.waitUntil(lambda: any(k.revoked for k in panel.keys.keys), timeout=20000)
    assert [k.name for k in panel.keys.keys if k.revoked] == ["RI-2026"]


def test_panti_registers_the_province_backup_key(qtbot, demo_ctx, keys, tmp_path,
                                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = SyncView(demo_ctx)
    qtbot.addWidget(view)
    panel = view.panel
    qtbot.waitUntil(lambda: panel.overview is not None, timeout=20000)
    assert not panel.export_button.isEnabled()  # no province key yet
    assert "Daftarkan dulu kunci provinsi" in panel.pending.text()
    backup = KeyPair.generate("PROV-CADANGAN-2026", NOW).public()
    pub = tmp_path / "PROV-CADANGAN-2026.pub"
    pub.write_text(backup.to_text(), encoding="ascii")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pub), ""))
    messages(monkeypatch)
    asked = answer(qtbot, monkeypatch, TrustKeyDialog, lambda d: d.matches.setChecked(True))
    panel.keys.register()
    qtbot.waitUntil(lambda: len(panel.keys.keys) == 1, timeout=20000)
    assert asked[0].backup.isChecked()  # guessed from the name
    assert cells(panel.keys.table, 0)[:2] == ["PROV-CADANGAN-2026", "kunci cadangan"]
    qtbot.waitUntil(panel.export_button.isEnabled, timeout=20000)


def test_new_key_pair_dialog(qtbot, ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = NewKeyPairDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "TW-2026"
    dialog.folder.set_path(tmp_path)
    dialog.passphrase.setText("cukup-panjang-1")
    dialog.repeat.setText("cukup-panjang-2")
    dialog.submit()
    assert dialog.message.text() == "Ulangan frasa sandi tidak sama."
    dialog.passphrase.setText("pendek")
    dialog.repeat.setText("pendek")
    dialog.submit()
    assert "minimal 10 karakter" in dialog.message.text()
    dialog.passphrase.setText("cukup-panjang-1")
    dialog.repeat.setText("cukup-panjang-1")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.files is not None, timeout=30000)
    assert (tmp_path / "TW-2026.key").exists() and (tmp_path / "TW-2026.pub").exists()
    assert dialog.passphrase.text() == "" and dialog.form_page.isHidden()
    shown = [label.text() for label in dialog.result_page.findChildren(QLabel)]
    assert dialog.files.fingerprint in shown


def test_a_petugas_sees_the_confirmation_but_cannot_export(qtbot, petugas_ctx) -> None:  # type: ignore[no-untyped-def]
    view = SyncView(petugas_ctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: "belum pernah" in view.panel.banner.text(), timeout=20000)
    assert not hasattr(view.panel, "export_button")


def test_province_beranda_lists_every_panti_with_its_last_bundle(
        qtbot, panti, province, keys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pantidesk.services.sync_province import import_bundle

    bundle = export_bundle(panti, keys.tw, folder(tmp_path, "kirim")).path
    import_bundle(province, bundle, keys.province)
    view = BerandaView(province)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: hasattr(view, "panti_box"), timeout=20000)
    table = view.panti_box.table
    rows = {cells(table, r)[0].split(" — ")[0]: cells(table, r) for r in range(table.rowCount())}
    assert len(rows) == 7
    tw = rows["TW"]
    assert tw[1] == "Lanjut usia telantar" and tw[2] == "85" and int(tw[3]) > 0
    assert tw[4].endswith("%") and tw[7:] == ["17/08/2026", "0"]
    assert rows["RI"][7] == "belum pernah"
    late = province.clock
    assert isinstance(late, FixedClock)
    late.advance(dt.timedelta(days=50))
    del view.panti_box
    view.refresh()
    qtbot.waitUntil(lambda: hasattr(view, "panti_box"), timeout=20000)
    table = view.panti_box.table
    row = next(r for r in range(table.rowCount()) if cells(table, r)[0].startswith("TW"))
    assert table.item(row, 8).text() == "50"
    assert table.item(row, 8).foreground().color().name() == "#b03a2e"
