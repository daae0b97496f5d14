"""The reference pack dialogs driven offscreen: a panti picks a pack (a stand-in file dialog),
reads the dry run, applies it; a refused pack is explained; the province publishes one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLineEdit
from sqlalchemy import select

from pantidesk.db.models import Panti
from pantidesk.services.context import AppContext
from pantidesk.services.reference_packs import (
    APPLIED,
    DRY_RUN,
    last_reference_pack,
    publish_reference_pack,
)
from pantidesk.sync.keys import KeyPair
from pantidesk.ui import reference_pack as dialogs
from tests.sync.conftest import KEY_PASSPHRASE
from tests.sync.helpers import database_digest


def _capacity(ctx: AppContext, code: str) -> int:
    with ctx.reading() as session:
        return int(session.scalar(select(Panti.capacity).where(Panti.code == code)) or 0)


def _rows(dialog: dialogs.ImportPackDialog) -> dict[str, list[str]]:
    table = dialog.table
    return {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 5)]
            for r in range(table.rowCount())}


def test_choose_check_and_apply(qtbot, tw: AppContext, prov: AppContext,  # type: ignore[no-untyped-def]
                                province_key: KeyPair, out_dir: Path, monkeypatch) -> None:
    with prov.unit_of_work() as session:
        row = session.get(Panti, "TW")
        assert row is not None
        row.capacity = 99
    pack = publish_reference_pack(prov, province_key, out_dir)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(pack), ""))
    before = database_digest(tw)

    dialog = dialogs.import_pack_dialog(tw, None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    assert dialog.outcome.status == DRY_RUN
    assert "Uji coba: 1 data akan baru atau berubah" in dialog.summary.text()
    assert _rows(dialog)["Panti"] == ["0", "1", "6", "0"]
    assert dialog.apply_button.isEnabled() and dialog.apply_button.text() == "Terapkan"
    assert database_digest(tw) == before and _capacity(tw, "TW") == 85

    with qtbot.waitSignal(dialog.applied, timeout=10000) as signal:
        dialog.apply_button.click()
    assert signal.args[0].status == APPLIED
    assert "Selesai: 1 data baru atau berubah" in dialog.summary.text()
    assert not dialog.apply_button.isEnabled()
    assert _capacity(tw, "TW") == 99
    record = last_reference_pack(tw)
    assert record is not None and record.seq == 1

    # Chosen again: already applied, nothing offered.
    dialog.choose_button.click()
    qtbot.waitUntil(lambda: "sudah diterapkan" in dialog.summary.text(), timeout=10000)
    assert not dialog.apply_button.isEnabled()


def test_a_refused_pack_is_explained(qtbot, tw: AppContext, tmp_path: Path,  # type: ignore[no-untyped-def]
                                     monkeypatch) -> None:
    broken = tmp_path / "REFERENSI_20260817_0001.pantidesk-ref.json"
    broken.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(broken), ""))
    dialog = dialogs.import_pack_dialog(tw, None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Tidak ada yang disimpan" in dialog.summary.text(), timeout=10000)
    assert "Paket referensi ditolak: berkas ini bukan paket referensi PantiDesk." \
        in dialog.summary.text()
    assert not dialog.apply_button.isEnabled() and dialog.table.rowCount() == 0


def test_cancelled_file_dialog_opens_nothing(qtbot, tw: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))
    assert dialogs.import_pack_dialog(tw, None) is None


def test_publish_dialog(qtbot, prov: AppContext, province_key_file: Path,  # type: ignore[no-untyped-def]
                        out_dir: Path) -> None:
    dialog = dialogs.publish_pack_dialog(prov, None)
    qtbot.addWidget(dialog)
    assert dialog.passphrase.echoMode() is QLineEdit.EchoMode.Password
    dialog.key_edit.setText(str(province_key_file))
    dialog.folder_edit.setText(str(out_dir))
    dialog.publish_button.click()
    assert "frasa sandi" in dialog.message.text()  # nothing typed yet

    dialog.passphrase.setText("frasa-sandi-salah")
    dialog.publish_button.click()
    assert dialog.passphrase.text() == ""
    qtbot.waitUntil(lambda: "salah" in dialog.message.text(), timeout=30000)
    assert not list(out_dir.iterdir())

    dialog.passphrase.setText(KEY_PASSPHRASE)
    with qtbot.waitSignal(dialog.published, timeout=30000) as signal:
        dialog.publish_button.click()
    assert dialog.passphrase.text() == ""
    path = signal.args[0]
    assert path.name == "REFERENSI_20260817_0001.pantidesk-ref.json" and path.exists()
    assert path.name in dialog.message.text()


def test_the_sync_screens_offer_the_reference_pack_to_key_managers(qtbot, prov) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    from pantidesk.ui.sync.view import SyncView

    view = SyncView(prov)
    qtbot.addWidget(view)
    buttons = [b.text() for b in view.findChildren(QPushButton)]
    assert "Terbitkan paket referensi…" in buttons
