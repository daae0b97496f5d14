"""The register of trusted public keys on the Sinkronisasi screen: at a panti the province's
primary and backup keys, at the province each panti's keys; register one after its fingerprint was
read aloud, revoke one, or make a new key pair."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from pantidesk.domain.roles import Permission
from pantidesk.i18n import _
from pantidesk.preferences import remember_path, remembered_path
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.sync_keys import KeyInfo, load_public_key, revoke_key
from pantidesk.services.sync_views import PUB_SUFFIX, PublicKey
from pantidesk.ui.errors import show_error
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.sync.common import GREEN, GREY, cell, hint, read_only_table
from pantidesk.ui.sync.key_dialogs import NewKeyPairDialog, TrustKeyDialog
from pantidesk.ui.widgets import confirm, inform


class KeysGroup(QGroupBox):
    """The register of trusted keys with register / revoke / new key pair."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.province = ctx.installation.mode is Mode.PROVINCE
        super().__init__(_("Kunci panti") if self.province else _("Kunci provinsi"), parent)
        self.ctx = ctx
        self.keys: list[KeyInfo] = []
        headers = ([_("Panti"), _("Nama kunci")] if self.province
                   else [_("Nama kunci"), _("Peran")])
        self.table = read_only_table(headers + [_("Sidik jari"), _("Terdaftar"), _("Status")],
                                     stretch=1 if self.province else 0)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.register_button = QPushButton(_("Daftarkan kunci panti…") if self.province
                                           else _("Daftarkan kunci provinsi…"))
        self.register_button.clicked.connect(self.register)
        self.revoke_button = QPushButton(_("Cabut"))
        self.revoke_button.clicked.connect(self.revoke)
        self.revoke_button.setEnabled(False)
        self.new_button = QPushButton(_("Buat pasangan kunci…"))
        self.new_button.clicked.connect(self.new_key_pair)
        for button in (self.register_button, self.revoke_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.new_button)
        if ctx.may(Permission.MANAGE_KEYS):
            column.addLayout(row)
        else:
            column.addWidget(hint(_("Kunci didaftarkan dan dicabut oleh admin.")))

    def set_keys(self, keys: Sequence[KeyInfo]) -> None:
        self.keys = sorted(keys, key=lambda k: (k.revoked, k.owner, k.role))
        self.table.setRowCount(len(self.keys))
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        for row, key in enumerate(self.keys):
            colour = GREY if key.revoked else None
            first = [key.owner, key.name] if self.province else [key.name, key.role]
            status = cell(_("dicabut") if key.revoked else _("aktif"),
                          GREY if key.revoked else GREEN)
            fingerprint = cell(key.fingerprint, colour)
            fingerprint.setFont(mono)
            cells = [cell(text, colour) for text in first] + [
                fingerprint, cell(key.valid_from, colour), status]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self._selection_changed()

    def selected(self) -> KeyInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.keys[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        key = self.selected()
        self.revoke_button.setEnabled(key is not None and not key.revoked)

    def register(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Pilih kunci publik"), str(remembered_path("sync_pub_folder") or ""),
            _("Kunci publik PantiDesk (*{suffix});;Semua berkas (*)").format(suffix=PUB_SUFFIX))
        if not path:
            return
        remember_path("sync_pub_folder", Path(path).parent)
        QueryOp(self, lambda: load_public_key(Path(path)), self._confirm_key).run()

    def _confirm_key(self, key: PublicKey) -> None:
        dialog = TrustKeyDialog(self.ctx, key, self)
        if dialog.exec() and dialog.registered is not None:
            info = dialog.registered
            inform(self, _("Kunci didaftarkan"), _(
                "Kunci {name} ({role}, {owner}) didaftarkan.\nSidik jari: {fingerprint}").format(
                name=info.name, role=info.role, owner=info.owner, fingerprint=info.fingerprint))
            self.changed.emit()

    def revoke(self) -> None:
        key = self.selected()
        if key is None or key.revoked:
            return
        effect = (_("Bundel yang ditandatangani kunci ini ditolak sejak sekarang.")
                  if self.province else
                  _("Bundel berikutnya tidak lagi dienkripsi untuk kunci ini, dan tanda terima "
                    "yang ditandatangani kunci ini ditolak."))
        if not confirm(self, _("Cabut kunci"), _(
                "Cabut kunci {name} ({fingerprint})?\n{effect}\nPencabutan tidak dapat "
                "dibatalkan; kunci yang sama tidak dapat didaftarkan lagi.").format(
                name=key.name, fingerprint=key.fingerprint, effect=effect), _("Cabut kunci")):
            return
        fingerprint = key.fingerprint
        MutationOp(self, lambda: revoke_key(self.ctx, fingerprint),
                   lambda _info: self.changed.emit(), on_failure=self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.changed.emit()

    def new_key_pair(self) -> None:
        NewKeyPairDialog(self.ctx, self).exec()

