"""The main window: a navigation list of the areas that work today, and the current area.

Areas that later capabilities will build are not shown as dead buttons; they appear when they exist.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pantidesk import __version__
from pantidesk.i18n import _
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.letterhead import get_letterhead
from pantidesk.ui.careplans.view import CarePlansView
from pantidesk.ui.daily.view import DailyLifeView
from pantidesk.ui.idle_lock import IdleWatcher, LockDialog
from pantidesk.ui.reports.view import ReportsView
from pantidesk.ui.services_area.view import ServicesView
from pantidesk.ui.sync.view import SyncView
from pantidesk.ui.views.beranda import BerandaView
from pantidesk.ui.views.intake import IntakeView
from pantidesk.ui.views.residents import ResidentsView
from pantidesk.ui.views.settings import SettingsView
from pantidesk.ui.widgets import fit_to_screen

Area = tuple[str, Callable[[AppContext], QWidget]]


def areas(ctx: AppContext) -> list[Area]:
    listed: list[Area] = [(_("Beranda"), BerandaView)]
    if ctx.installation.mode is Mode.PANTI:  # the province receives people only through bundles
        listed.append((_("Penerimaan & Asesmen"), IntakeView))
        listed.append((_("Rencana Layanan"), CarePlansView))
        listed.append((_("Kehidupan Panti"), DailyLifeView))
        listed.append((_("Layanan & SPM"), ServicesView))
    listed += [(_("Penghuni"), ResidentsView), (_("Laporan"), ReportsView),
               (_("Sinkronisasi"), SyncView), (_("Pengaturan"), SettingsView)]
    return listed


class MainWindow(QMainWindow):
    logout_requested = Signal()

    def __init__(self, ctx: AppContext, is_demo: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        office = get_letterhead(ctx).name
        self.setWindowTitle(_("PantiDesk — {office}").format(office=office))
        fit_to_screen(self, 1200, 760)

        self.nav = QListWidget()
        self.nav.setFixedWidth(210)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; border: none; background: #eef2f6; }"
            "QListWidget::item { padding: 10px 12px; }"
            "QListWidget::item:selected { background: #2f5d8a; color: white; }")
        self.stack = QStackedWidget()
        self.views: list[QWidget] = []
        self._visited: set[int] = set()
        for title, factory in areas(ctx):
            self.nav.addItem(QListWidgetItem(title))
            view = factory(ctx)
            if isinstance(view, BerandaView):
                view.open_area.connect(self._open_for_person)
            self.views.append(view)
            self.stack.addWidget(view)
        self.nav.currentRowChanged.connect(self._switch)
        self.nav.setCurrentRow(0)

        header = QHBoxLayout()
        place = QLabel(f"<b>{office}</b>" + (
            "" if ctx.installation.mode is Mode.PANTI else f" · {ctx.installation.mode.label}"))
        who = QLabel(_("{name} ({role})").format(name=ctx.user.full_name, role=ctx.user.role.label))
        who.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(place)
        header.addStretch()
        header.addWidget(who)

        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        if is_demo:
            banner = QLabel(_("DATA DEMO — semua orang di basis data ini fiktif. Jangan memasukkan "
                              "data penghuni sungguhan di sini."))
            banner.setStyleSheet("background: #fff4d6; color: #6b4e00; padding: 6px;"
                                 "font-weight: 600;")
            outer.addWidget(banner)
        outer.addLayout(header)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        menu = self.menuBar().addMenu(_("&Berkas"))
        logout = QAction(_("Keluar akun"), self)
        logout.triggered.connect(self._logout)
        quit_action = QAction(_("Tutup aplikasi"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(logout)
        menu.addAction(quit_action)
        self.idle = IdleWatcher(parent=self)
        self.idle.idle.connect(self.lock)
        self.statusBar().showMessage(
            _("PantiDesk {version} · {path}").format(version=__version__, path=ctx.db_path))

    def _switch(self, row: int) -> None:
        # Each view loads itself when created; coming back to it shows fresh data.
        if row in self._visited:
            refresh = getattr(self.views[row], "refresh", None)
            if refresh is not None:
                refresh()
        self._visited.add(row)
        self.stack.setCurrentIndex(row)

    def _open_for_person(self, area: str, person_id: str) -> None:
        view = self.show_area(_(area))
        show_person = getattr(view, "show_person", None)
        if show_person is not None and person_id:
            show_person(person_id)

    def show_area(self, title: str) -> QWidget:
        for row, (name, _factory) in enumerate(areas(self.ctx)):
            if name == title:
                self.nav.setCurrentRow(row)
                return self.views[row]
        raise KeyError(title)

    def lock(self) -> None:
        """Hide everything personal and ask for the password again."""
        central = self.centralWidget()
        central.hide()
        dialog = LockDialog(self.ctx, self)
        unlocked = dialog.exec()
        if dialog.logged_out or not unlocked:
            self._logout()
            return
        central.show()
        self.idle.resume()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.idle.stop()
        super().closeEvent(event)

    def _logout(self) -> None:
        self.logout_requested.emit()
        self.close()
