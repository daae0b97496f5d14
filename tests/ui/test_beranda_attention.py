"""Beranda lists what needs attention, overdue first, and opens the area that acts on an item."""

from __future__ import annotations

import datetime as dt

from pantidesk.services import attention
from pantidesk.services.attention import AttentionItem, Urgency
from pantidesk.services.dashboard import beranda
from pantidesk.ui.main_window import MainWindow


def _item(kind: str, urgency: Urgency, name: str, due: dt.date, area: str) -> AttentionItem:
    return AttentionItem(kind, urgency, "p-" + name, name, "TW-2026-0001-X", f"{kind} {name}",
                         due, area)


def _fake_provider(session, panti_code, today):  # type: ignore[no-untyped-def]
    return [_item("soon", Urgency.SOON, "Budi", today + dt.timedelta(days=3), "Penghuni"),
            _item("late", Urgency.OVERDUE, "Siti", today - dt.timedelta(days=9),
                  "Penerimaan & Asesmen"),
            _item("late", Urgency.OVERDUE, "Ahmad", today - dt.timedelta(days=2), "Penghuni")]


def test_items_are_gathered_overdue_first(ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(attention, "providers", lambda: (_fake_provider,))
    names = [item.person_name for item in beranda(ctx).attention]
    assert names == ["Siti", "Ahmad", "Budi"]


def test_double_click_opens_the_area(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(attention, "providers", lambda: (_fake_provider,))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    home = window.views[0]
    qtbot.waitUntil(lambda: hasattr(home, "attention"), timeout=10000)
    table = home.attention
    assert table.rowCount() == 3
    assert table.item(0, 0).text() == "Terlambat" and "Siti" in table.item(0, 1).text()
    table.doubleClicked.emit(table.model().index(0, 1))
    assert window.stack.currentIndex() == 1  # Penerimaan & Asesmen


def test_nothing_due_says_so(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    home = window.views[0]
    qtbot.waitUntil(lambda: home.findChildren(type(home.title)) != [], timeout=10000)
    qtbot.waitUntil(lambda: any("Tidak ada yang terlambat" in label.text()
                                for label in home.findChildren(type(home.title))), timeout=10000)


def test_a_review_due_opens_the_care_plan_of_that_resident(qtbot, demo_ctx) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    home = window.views[0]
    qtbot.waitUntil(lambda: hasattr(home, "attention"), timeout=20000)
    table = home.attention
    row = next(i for i, item in enumerate(table.items) if item.kind == "review_due")
    wanted = table.items[row].person_id
    table.doubleClicked.emit(table.model().index(row, 1))
    plans = window.stack.currentWidget()
    assert window.nav.currentItem().text() == "Rencana Layanan"
    qtbot.waitUntil(lambda: plans.care is not None and plans.care.person_id == wanted,
                    timeout=20000)
