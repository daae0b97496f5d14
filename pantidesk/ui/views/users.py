"""Pengguna (in Pengaturan, for the administrator): add users with a role, set a forgotten
password, deactivate and reactivate accounts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pantidesk.clock import WIB
from pantidesk.domain.installation import Mode
from pantidesk.errors import ValidationError
from pantidesk.i18n import N_, _, format_datetime
from pantidesk.services.accounts_rules import (
    check_full_name,
    check_password,
    check_username,
    roles_for_mode,
)
from pantidesk.services.context import AppContext
from pantidesk.services.users import (
    UserInfo,
    create_user,
    deactivate_user,
    list_users,
    reactivate_user,
    set_password,
)
from pantidesk.ui.errors import show_error
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.widgets import ValidatedLineEdit, confirm, inform, rule_message


class _FormDialog(QDialog):
    """A small form with Simpan/Batal that runs ``submit`` in the background."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        buttons = QDialogButtonBox()
        self.save = buttons.addButton(_("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def fields(self) -> list[ValidatedLineEdit]:
        raise NotImplementedError

    def operation(self):  # type: ignore[no-untyped-def]
        raise NotImplementedError

    def field_for(self, name: str | None) -> ValidatedLineEdit | None:
        return None

    def _submit(self) -> None:
        if not all([f.validate() for f in self.fields()]):  # noqa: C419 - every field shows its message
            return
        self.save.setEnabled(False)
        MutationOp(self, self.operation(), lambda _r: self.accept(),
                   on_failure=self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        target = self.field_for(getattr(exc, "field", None))
        if target is not None and isinstance(exc, ValidationError):
            target.show_error(exc.message)
        else:
            show_error(self, exc)


class NewUserDialog(_FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Tambah pengguna"), parent)
        self.ctx = ctx
        self.username = ValidatedLineEdit(_("mis. budi"), lambda v: rule_message(check_username, v))
        self.full_name = ValidatedLineEdit("", lambda v: rule_message(check_full_name, v))
        self.role = QComboBox()
        for role in roles_for_mode(ctx.installation.mode is Mode.PROVINCE):
            self.role.addItem(role.label, role)
        self.password = ValidatedLineEdit(_("minimal 8 karakter"),
                                          lambda v: rule_message(check_password, v), password=True)
        self.confirm = ValidatedLineEdit("", lambda v: "" if v == self.password.text()
                                         else _("Ulangan kata sandi tidak sama."), password=True)
        self.form.addRow(_("Nama pengguna*"), self.username)
        self.form.addRow(_("Nama lengkap*"), self.full_name)
        self.form.addRow(_("Peran*"), self.role)
        self.form.addRow(_("Kata sandi*"), self.password)
        self.form.addRow(_("Ulangi kata sandi*"), self.confirm)

    def fields(self) -> list[ValidatedLineEdit]:
        return [self.username, self.full_name, self.password, self.confirm]

    def field_for(self, name: str | None) -> ValidatedLineEdit | None:
        return {"username": self.username, "full_name": self.full_name,
                "password": self.password}.get(name or "")

    def operation(self):  # type: ignore[no-untyped-def]
        args = (self.username.text(), self.full_name.text(), self.role.currentData(),
                self.password.text())
        return lambda: create_user(self.ctx, *args)


class PasswordDialog(_FormDialog):
    """A new password for a user: a reset, or the password of a reactivated account."""

    def __init__(self, ctx: AppContext, user: UserInfo, parent: QWidget | None = None) -> None:
        title = _("Kata sandi baru untuk {name}") if user.active else _("Aktifkan kembali {name}")
        super().__init__(title.format(name=user.username), parent)
        self.ctx = ctx
        self.user = user
        self.password = ValidatedLineEdit(_("minimal 8 karakter"),
                                          lambda v: rule_message(check_password, v), password=True)
        self.confirm = ValidatedLineEdit("", lambda v: "" if v == self.password.text()
                                         else _("Ulangan kata sandi tidak sama."), password=True)
        self.form.addRow(_("Kata sandi baru*"), self.password)
        self.form.addRow(_("Ulangi kata sandi*"), self.confirm)

    def fields(self) -> list[ValidatedLineEdit]:
        return [self.password, self.confirm]

    def field_for(self, name: str | None) -> ValidatedLineEdit | None:
        return self.password if name == "password" else None

    def operation(self):  # type: ignore[no-untyped-def]
        password, username = self.password.text(), self.user.username
        if self.user.active:
            return lambda: set_password(self.ctx, username, password)
        return lambda: reactivate_user(self.ctx, username, password)


class UsersPanel(QGroupBox):
    HEADERS = (N_("Nama pengguna"), N_("Nama lengkap"), N_("Peran"), N_("Status"),
               N_("Terakhir masuk"))

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Pengguna"), parent)
        self.ctx = ctx
        self.users: list[UserInfo] = []
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([_(h) for h in self.HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the full name
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(150)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(_("Tambah pengguna…"))
        self.password_button = QPushButton(_("Atur kata sandi…"))
        self.toggle_button = QPushButton(_("Nonaktifkan"))
        self.add_button.clicked.connect(self._add)
        self.password_button.clicked.connect(self._password)
        self.toggle_button.clicked.connect(self._toggle)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        QueryOp(self, lambda: list_users(self.ctx), self._show).run()

    def _show(self, users: list[UserInfo]) -> None:
        self.users = users
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            values = (user.username, user.full_name, user.role.label,
                      _("Aktif") if user.active else _("Nonaktif"),
                      format_datetime(user.last_login_at.astimezone(WIB))
                      if user.last_login_at else _("Belum pernah"))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self._update_buttons()

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        self.password_button.setEnabled(user is not None and user.active)
        self.toggle_button.setEnabled(user is not None and user.username != self.ctx.user.username)
        self.toggle_button.setText(_("Aktifkan kembali…") if user is not None and not user.active
                                   else _("Nonaktifkan"))

    def _add(self) -> None:
        if NewUserDialog(self.ctx, self).exec():
            self.refresh()

    def _password(self) -> None:
        user = self.selected()
        if user is not None and PasswordDialog(self.ctx, user, self).exec():
            inform(self, _("Pengguna"), _("Kata sandi baru untuk {name} disimpan.")
                                    .format(name=user.username))

    def _toggle(self) -> None:
        user = self.selected()
        if user is None:
            return
        if not user.active:
            if PasswordDialog(self.ctx, user, self).exec():
                self.refresh()
            return
        if confirm(self, _("Nonaktifkan pengguna"),
                   _("Nonaktifkan {name}? Kata sandinya tidak akan dapat membuka PantiDesk lagi.")
                   .format(name=user.username), _("Nonaktifkan")):
            MutationOp(self, lambda: deactivate_user(self.ctx, user.username),
                       lambda _r: self.refresh()).run()

