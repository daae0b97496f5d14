"""Resident search latency (p50/p95) and opening a resident, on 1,000 and 100,000 persons.

Usage: python -m benchmarks.bench_search [1k] [100k]

Each query is what the Penghuni screen does: ``search_residents`` (ordered ids) plus the first
page of display rows (``resident_list_rows`` for 100 ids). Queries are drawn from the data itself:
name prefixes of 3–6 letters, two-word names, NIK prefixes, No. Induk prefixes, and the empty
search (the default list).
"""

from __future__ import annotations

import random
import sys
import time

from sqlalchemy import select

from benchmarks.data import PASSWORD, database, percentile
from pantidesk.clock import SystemClock
from pantidesk.db.models import Person, Stay
from pantidesk.services.installation import open_installation
from pantidesk.services.resident_summary import resident_summary
from pantidesk.services.residents import Scope, resident_list_rows, search_residents

QUERIES_PER_KIND = 60


def _queries(ctx, rng: random.Random) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    with ctx.reading() as session:
        names = list(session.scalars(select(Person.name).limit(5000)))
        niks = list(session.scalars(select(Person.nik).where(Person.nik.is_not(None)).limit(5000)))
        inducks = list(session.scalars(select(Stay.no_induk).limit(5000)))
    return {
        "name prefix": [rng.choice(names).split()[0][: rng.randint(3, 6)]
                        for _ in range(QUERIES_PER_KIND)],
        "two words": [" ".join(w[:4] for w in rng.choice([n for n in names if " " in n]).split()[:2])
                      for _ in range(QUERIES_PER_KIND)],
        "NIK prefix": [rng.choice(niks)[: rng.randint(8, 16)] for _ in range(QUERIES_PER_KIND)],
        "No. Induk": [rng.choice(inducks)[: rng.randint(7, 14)] for _ in range(QUERIES_PER_KIND)],
        "empty (default list)": [""] * 20,
    }


def run(size: str) -> None:
    ctx = open_installation(database(size), "admin", PASSWORD, SystemClock())
    rng = random.Random(5)
    print(f"\n## {size}: search over {ctx.db_path.name}")
    print("| query kind | scope | results (median) | p50 ms | p95 ms |")
    print("|---|---|---|---|---|")
    all_times: list[float] = []
    for kind, queries in _queries(ctx, rng).items():
        for scope in (Scope.EVERYONE, Scope.ACTIVE):
            times, counts = [], []
            for query in queries:
                started = time.perf_counter()
                ids = search_residents(ctx, query, scope)
                resident_list_rows(ctx, ids[:100])
                times.append((time.perf_counter() - started) * 1000)
                counts.append(len(ids))
            all_times.extend(times)
            print(f"| {kind} | {scope.value} | {sorted(counts)[len(counts) // 2]} | "
                  f"{percentile(times, 50):.1f} | {percentile(times, 95):.1f} |")
    print(f"| **all** | | | **{percentile(all_times, 50):.1f}** | "
          f"**{percentile(all_times, 95):.1f}** |")
    ids = search_residents(ctx, "", Scope.EVERYONE)
    open_times = []
    for person_id in rng.sample(ids, 50):
        started = time.perf_counter()
        resident_summary(ctx, person_id)
        open_times.append((time.perf_counter() - started) * 1000)
    print(f"\nOpening a resident (summary, audited): p50 {percentile(open_times, 50):.1f} ms, "
          f"p95 {percentile(open_times, 95):.1f} ms")
    ctx.close()


if __name__ == "__main__":
    for size in sys.argv[1:] or ["1k", "100k"]:
        run(size)
