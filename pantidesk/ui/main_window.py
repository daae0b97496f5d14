"""The main window: a navigation list of the areas that work today, and the current area.

Areas that later capabilities will build are not shown as dead buttons; they appear when they exist.
"""

from __future__ import annotations

import importlib
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
from pantidesk.ui.idle_lock import IdleWatcher, LockDialog
from pantidesk.ui.views.beranda import BerandaView
from pantidesk.ui.widgets import fit_to_screen

Area = tuple[str, Callable[[AppContext], QWidget]]


def _later(module: str, name: str) -> Callable[[AppContext], QWidget]:
    """A view made the first time its area is opened: its module (reportlab, PDFium, age …) is
    imported then, not while the PC waits for the main window."""
    def make(ctx: AppContext) -> QWidget:
        view: QWidget = getattr(importlib.import_module(module), name)(ctx)
        return view
    return make


def areas(ctx: AppContext) -> list[Area]:
    listed: list[Area] = [(_("Beranda"), BerandaView)]
    if ctx.installation.mode is Mode.PANTI:  # the province receives people only through bundles
        listed += [
            (_("Penerimaan & Asesmen"), _later("pantidesk.ui.views.intake", "IntakeView")),
            (_("Rencana Layanan"), _later("pantidesk.ui.careplans.view", "CarePlansView")),
            (_("Kehidupan Panti"), _later("pantidesk.ui.daily.view", "DailyLifeView")),
            (_("Layanan & SPM"), _later("pantidesk.ui.services_area.view", "ServicesView")),
        ]
    listed += [(_("Penghuni"), _later("pantidesk.ui.views.residents", "ResidentsView")),
               (_("Laporan"), _later("pantidesk.ui.reports.view", "ReportsView")),
               (_("Sinkronisasi"), _later("pantidesk.ui.sync.view", "SyncView")),
               (_("Pengaturan"), _later("pantidesk.ui.views.settings", "SettingsView"))]
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
        # Views are made when their area is first opened (Beranda at once): a start-up that
        # builds nine screens and imports their libraries keeps the PC waiting for nothing.
        self._factories: list[Callable[[AppContext], QWidget]] = []
        self.views: list[QWidget | None] = []
        self._visited: set[int] = set()
        for title, factory in areas(ctx):
            self.nav.addItem(QListWidgetItem(title))
            self._factories.append(factory)
            self.views.append(None)
            self.stack.addWidget(QWidget())
        self.view(0)
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

    def view(self, row: int) -> QWidget:
        """The view of area ``row``, made now if it was never opened."""
        existing = self.views[row]
        if existing is not None:
            return existing
        made = self._factories[row](self.ctx)
        if isinstance(made, BerandaView):
            made.open_area.connect(self._open_for_person)
        placeholder = self.stack.widget(row)
        self.stack.insertWidget(row, made)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.views[row] = made
        return made

    def _switch(self, row: int) -> None:
        # Each view loads itself when created; coming back to it shows fresh data.
        view = self.view(row)
        if row in self._visited:
            refresh = getattr(view, "refresh", None)
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
                return self.view(row)
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
