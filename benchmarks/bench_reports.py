"""Report generation: freezing the data and drawing the PDF, with PDF sizes.

Usage: python -m benchmarks.bench_reports [1k] [100k]

Budgets (DESIGN.md §8): a resident report ≤ 300 ms; a monthly report ≤ 2 s. Each measurement is
the whole path the app takes when a head presses "Buat laporan": the service freezes the data, the
renderer draws it, the document is numbered and registered (one unit of work). The first run of
each kind is a warm-up (fonts, imports) and is reported separately.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable

from sqlalchemy import func, select

from benchmarks.data import PASSWORD, database, percentile
from pantidesk.clock import SystemClock
from pantidesk.db.models import Discharge, Panti, ServiceEvent, Stay
from pantidesk.reports.document import ReportData
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.installation import open_installation
from pantidesk.services.reports.issue import issue_report
from pantidesk.services.reports.monthly import monthly_report
from pantidesk.services.reports.register import register_report
from pantidesk.services.reports.resident_profile import resident_profile

RUNS = 7


def _measure(name: str, build: Callable[[], ReportData], ctx: AppContext) -> None:
    timings: list[float] = []
    size = pages = 0
    warm = 0.0
    for run in range(RUNS + 1):
        started = time.perf_counter()
        issued = issue_report(ctx, build())
        elapsed = (time.perf_counter() - started) * 1000
        if run == 0:
            warm = elapsed
            continue
        timings.append(elapsed)
        size, pages = len(issued.pdf), issued.pages
    print(f"| {name} | {warm:.0f} | {statistics.median(timings):.0f} / "
          f"{percentile(timings, 95):.0f} | {pages} | {size / 1024:.0f} KB |")


def _bench(size: str) -> None:
    ctx = open_installation(database(size), "admin", PASSWORD, SystemClock())
    today = ctx.clock.today()
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    with ctx.reading() as session:
        busiest = session.execute(
            select(Stay.panti_code, func.count()).where(
                Stay.deleted_at.is_(None),
                ~Stay.id.in_(select(Discharge.stay_id)))
            .group_by(Stay.panti_code).order_by(func.count().desc())).first()
        pantis = session.scalar(select(func.count()).select_from(Panti))
    print(f"\n## {size} ({ctx.installation.mode.value}; busiest panti {busiest}, "
          f"{pantis} panti)\n")
    print("| report | first run ms | p50 / p95 ms | pages | PDF size |")
    print("|---|---|---|---|---|")
    code = busiest[0] if busiest else None
    one = None if ctx.installation.mode is Mode.PANTI else code
    _measure("monthly, one panti", lambda: monthly_report(
        ctx, last_month.year, last_month.month, one), ctx)
    if ctx.installation.mode is Mode.PROVINCE:
        _measure("monthly, all seven panti", lambda: monthly_report(
            ctx, last_month.year, last_month.month, None), ctx)
    _measure("buku induk, current residents", lambda: register_report(
        ctx, one, current_only=True), ctx)
    with ctx.reading() as session:
        # The resident with the most recorded services: the biggest profile.
        stay_id = session.scalar(
            select(ServiceEvent.stay_id).group_by(ServiceEvent.stay_id)
            .order_by(func.count().desc()).limit(1)) or session.scalar(
            select(Stay.id).order_by(Stay.admitted_on.desc()).limit(1))
    _measure("resident profile, all sections", lambda: resident_profile(ctx, stay_id), ctx)
    ctx.close()


def main(sizes: list[str]) -> None:
    for size in sizes:
        _bench(size)


if __name__ == "__main__":
    main(sys.argv[1:] or ["1k"])
