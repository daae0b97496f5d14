"""Sync bundles: a month's bundle of a 150-resident panti, and province import of snapshots.

Usage: python -m benchmarks.bench_sync [small|medium|large]

Budgets (DESIGN.md §8): a month's bundle for a 150-resident panti ≤ 1 MB without attachments; a
province import of snapshots at ≥ 1/3 of the raw SQLite insert rate measured in the same run;
memory ≤ 300 MB.

What is measured, on real SQLCipher databases:

1. A TW panti with 150 residents and ``years`` of demo history (``pantidesk demo``, seed 3, kept
   in ``benchmarks/data/``). Its full snapshot is exported and imported into a fresh province
   database; the province's receipt is taken in.
2. A month of work is simulated on top, as the app would record it: daily roll calls, services,
   weekly progress notes, health checks, plan reviews, incidents, absences, edits of residents'
   identity, and one audit row per record (as the unit of work writes). The next bundle carries
   exactly that month: its size and export time are the first budget.
3. The snapshot's rows are inserted again, raw (``executemany`` of the same values into the same
   schema, one transaction, no checks), into another fresh province database: the import rate is
   compared with that rate. Peak memory: the process's peak RSS, and tracemalloc's peak of Python
   allocations during a second import.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pyrage
import zstandard
from sqlalchemy import insert, text

from benchmarks.data import DATA, PASSWORD
from pantidesk.clock import SystemClock
from pantidesk.db.base import Base, new_id
from pantidesk.db.keyring import keyring_path
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.installation import SetupRequest, create_installation, open_installation
from pantidesk.services.letterhead import Letterhead
from pantidesk.services.sync import export_bundle, import_receipt
from pantidesk.services.sync_keys import trust_panti_key, trust_province_key
from pantidesk.services.sync_province import import_bundle
from pantidesk.sync.keys import KeyPair
from pantidesk.sync.tables import quote, synced_table_order

SIZES = {"small": 2, "medium": 5, "large": 10}  # years of history of the 150-resident panti
WORDS = ["penerima", "manfaat", "mengikuti", "kegiatan", "bimbingan", "sosial", "dengan", "baik", "hari", "ini", "tampak", "sehat", "makan", "habis", "tidur", "cukup", "mengeluh", "pusing", "tekanan", "darah", "diperiksa", "petugas", "mengikuti", "senam", "pagi", "membantu", "teman", "sekamar", "berdoa", "bersama", "keluarga", "menelepon", "menanyakan", "kabar", "belum", "bisa", "berjalan", "tanpa", "tongkat", "latihan", "keterampilan", "menjahit", "membuat", "kerajinan", "anyaman", "rotan", "suasana", "hati", "membaik", "masih", "sering", "murung", "diajak", "berbicara", "konselor", "rencana", "kunjungan", "rumah", "minggu", "depan", "obat", "diminum", "sesuai", "jadwal", "kontrol", "ke", "puskesmas", "hasil", "laboratorium", "normal", "perlu", "pendampingan", "mandi", "berpakaian", "sendiri", "ikut", "pengajian", "sore", "menonton", "televisi", "di", "aula", "berkebun", "di", "halaman", "belakang"]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _panti_database(years: int) -> Path:
    DATA.mkdir(exist_ok=True)
    path = DATA / f"sync-tw-{years}y.db"
    if not path.exists():
        started = time.perf_counter()
        env = {**os.environ, "PANTIDESK_PASSWORD": PASSWORD}
        subprocess.run([sys.executable, "-m", "pantidesk", "demo", "--db", str(path), "--panti",
                        "TW", "--residents", "150", "--years", str(years), "--seed", "3"],
                       check=True, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def _copy(source: Path, target: Path) -> Path:
    shutil.copy2(source, target)
    shutil.copy2(keyring_path(source), keyring_path(target))
    return target


def _province(path: Path, tw_key: KeyPair) -> AppContext:
    letterhead = Letterhead("", "Jl. Basuki Rahmat 72", "Bandar Lampung", "", "", "Kepala",
                            "197003121995031002", "")
    create_installation(path, SetupRequest(Mode.PROVINCE, None, letterhead, "admin", "Admin",
                                           PASSWORD), SystemClock())
    ctx = open_installation(path, "admin", PASSWORD, SystemClock())
    trust_panti_key(ctx, "TW", tw_key.public())
    return ctx


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _simulate_month(ctx: AppContext, rng: random.Random) -> int:
    """Record a month of work on the panti's active residents; returns the records written."""
    tables = Base.metadata.tables
    now = ctx.clock.now()
    start = ctx.clock.today() + dt.timedelta(days=1)
    stamp = {"origin": "TW", "rev": 1, "created_at": now, "created_by": "petugas",
             "updated_at": now, "updated_by": "petugas", "deleted_at": None}
    rows: dict[str, list[dict[str, Any]]] = {}

    def add(table: str, **values: Any) -> str:
        row = {**stamp, "id": new_id(), **values}
        rows.setdefault(table, []).append(row)
        return str(row["id"])

    with ctx.engine.begin() as conn:
        stays = [r[0] for r in conn.execute(text(
            "SELECT s.id FROM stay s LEFT JOIN discharge d ON d.stay_id = s.id "
            "WHERE d.id IS NULL AND s.deleted_at IS NULL AND s.panti_code = 'TW'"))]
        spm = [tuple(r) for r in conn.execute(text("SELECT code, atensi_code FROM spm_item"))]
        plans = [r[0] for r in conn.execute(text(
            "SELECT id FROM care_plan WHERE superseded_at IS NULL LIMIT 60"))]
        goals = {p: [r[0] for r in conn.execute(text(
            "SELECT id FROM care_goal WHERE plan_id = :p"), {"p": p})] for p in plans}
        persons = [r[0] for r in conn.execute(text(
            "SELECT person_id FROM stay WHERE id IN (SELECT value FROM json_each(:ids))"),
            {"ids": json.dumps(stays)})]
        for day in range(30):
            when = start + dt.timedelta(days=day)
            call = add("roll_call", panti_code="TW", held_on=when, taken_by="Petugas Piket")
            for stay in stays:
                add("roll_call_entry", roll_call_id=call, stay_id=stay,
                    presence=rng.choices(["hadir", "sakit", "izin"], [95, 3, 2])[0], note="")
        for stay in stays:
            for _ in range(20):
                code, atensi = rng.choice(spm)
                add("service_event", stay_id=stay,
                    delivered_on=start + dt.timedelta(days=rng.randrange(30)), spm_code=code,
                    atensi_code=atensi, description=_sentence(rng, 5), quantity="1",
                    given_by="Petugas", received_by="Penerima", distribution_id=None)
            for week in range(4):
                add("progress_note", stay_id=stay, written_on=start + dt.timedelta(days=7 * week),
                    author="Pekerja Sosial", text=_sentence(rng, 45))
            add("health_event", stay_id=stay, occurred_on=start + dt.timedelta(days=3),
                kind="pemeriksaan", facility="Klinik panti", description=_sentence(rng, 12),
                recorded_by="Perawat")
        for plan in plans:
            review = add("plan_review", plan_id=plan, reviewed_on=start + dt.timedelta(days=14),
                         reviewer="Pekerja Sosial", summary=_sentence(rng, 20),
                         next_review_due=start + dt.timedelta(days=104))
            for goal in goals[plan]:
                add("goal_review", review_id=review, goal_id=goal, progress="berproses",
                    note=_sentence(rng, 8))
        for _ in range(5):
            add("incident", stay_id=rng.choice(stays),
                occurred_at=now + dt.timedelta(days=rng.randrange(30)), kind="perkelahian",
                description=_sentence(rng, 25), others_involved="", action_taken=_sentence(rng, 10),
                reported_by="Petugas")
        written = 0
        for table in ("roll_call", "roll_call_entry", "service_event", "progress_note",
                      "health_event", "plan_review", "goal_review", "incident"):
            batch = rows.get(table, [])
            audits = [{"id": new_id(), "origin": "TW", "rev": 1, "at": now, "username": "petugas",
                       "action": "create", "entity": table, "entity_id": row["id"], "summary": "",
                       "diff": json.dumps({k: str(v) for k, v in row.items()
                                           if k not in stamp and k != "id" and v not in ("", None)},
                                          ensure_ascii=False, sort_keys=True)} for row in batch]
            conn.execute(insert(tables[table]), batch)
            conn.execute(insert(tables["audit_log"]), audits)
            written += 2 * len(batch)
        for person in rng.sample(persons, min(85, len(persons))):  # identity edits
            conn.execute(text("UPDATE person SET address = :a, rev = rev + 1 WHERE id = :id"),
                         {"a": _sentence(rng, 6), "id": person})
            conn.execute(insert(tables["audit_log"]), [{
                "id": new_id(), "origin": "TW", "rev": 1, "at": now, "username": "petugas",
                "action": "update", "entity": "person", "entity_id": person, "summary": "",
                "diff": "{}"}])
            written += 2
    return written


def _bundle_rows(path: Path, key: KeyPair) -> list[tuple[str, dict[str, Any]]]:
    plain = pyrage.decrypt(path.read_bytes(), [key.age_identity()])
    with tarfile.open(fileobj=io.BytesIO(plain)) as archive:
        member = archive.extractfile("changes.jsonl.zst")
        assert member is not None
        raw = zstandard.ZstdDecompressor().stream_reader(member).read()
    return [(r["t"], r["r"]) for r in map(json.loads, raw.splitlines())]


def _raw_insert(ctx: AppContext, rows: list[tuple[str, dict[str, Any]]]) -> float:
    """Seconds to insert ``rows`` with plain executemany: the baseline rate."""
    columns = {t.name: t.columns for t in synced_table_order()}
    by_table: dict[str, list[tuple[Any, ...]]] = {}
    for table, row in rows:
        by_table.setdefault(table, []).append(tuple(row.get(c) for c in columns[table]))
    started = time.perf_counter()
    with ctx.engine.begin() as conn:
        for table, names in columns.items():  # parents first, like the importer
            values = by_table.get(table, [])
            for i in range(0, len(values), 1000):
                conn.exec_driver_sql(
                    f"INSERT INTO {quote(table)} ({','.join(quote(c) for c in names)}) "
                    f"VALUES ({','.join('?' * len(names))})", values[i:i + 1000])
    return time.perf_counter() - started


def _bench(size: str) -> None:
    years = SIZES[size]
    source = _panti_database(years)
    tw_key = KeyPair.generate("TW-BENCH", SystemClock().now())
    province_key = KeyPair.generate("PROV-BENCH", SystemClock().now())
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        out = tmp / "kirim"
        out.mkdir()
        tw = open_installation(_copy(source, tmp / "tw.db"), "admin", PASSWORD, SystemClock())
        trust_province_key(tw, province_key.public())
        prov = _province(tmp / "prov.db", tw_key)

        started = time.perf_counter()
        snapshot = export_bundle(tw, tw_key, out, full=True)
        export_s = time.perf_counter() - started
        started = time.perf_counter()
        imported = import_bundle(prov, snapshot.path, province_key)
        import_s = time.perf_counter() - started
        assert imported.state_match and imported.receipt is not None
        rss_after_import = _rss_mb()
        import_receipt(tw, imported.receipt)

        raw_ctx = _province(tmp / "raw.db", tw_key)
        rows = _bundle_rows(snapshot.path, province_key)
        raw_s = _raw_insert(raw_ctx, rows)
        raw_ctx.close()

        traced = _province(tmp / "traced.db", tw_key)
        tracemalloc.start()
        import_bundle(traced, snapshot.path, province_key)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        traced.close()

        written = _simulate_month(tw, random.Random(3))
        started = time.perf_counter()
        month = export_bundle(tw, tw_key, out)
        month_export_s = time.perf_counter() - started
        started = time.perf_counter()
        month_import = import_bundle(prov, month.path, province_key)
        month_import_s = time.perf_counter() - started
        assert month_import.state_match
        tw.close()
        prov.close()

    n = snapshot.rows
    print(f"\n## {size}: TW, 150 residents, {years} years of history\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| month simulated | {written:,} records written, bundle carries {month.rows:,} |")
    print(f"| **month's bundle size** | **{month.size / 1024:,.0f} KB** "
          f"(budget 1,024 KB: {month.size / 1024 / 1024:.2f} of it) |")
    print(f"| month's bundle export | {month_export_s * 1000:,.0f} ms |")
    print(f"| month's bundle import at the province | {month_import_s * 1000:,.0f} ms |")
    print(f"| snapshot | {n:,} records, {snapshot.size / 1024 / 1024:,.2f} MB, export "
          f"{export_s:.2f} s |")
    print(f"| snapshot import (verify, apply, digest, ledger, receipt) | {import_s:.2f} s = "
          f"{n / import_s:,.0f} records/s |")
    print(f"| raw executemany of the same rows | {raw_s:.2f} s = {n / raw_s:,.0f} rows/s |")
    print(f"| **import rate / raw rate** | **{raw_s / import_s:.2f}** (budget ≥ 0.33) |")
    print(f"| peak RSS after the import | {rss_after_import:,.0f} MB (whole process) |")
    print(f"| tracemalloc peak during an import | {traced_peak / 1024 / 1024:,.1f} MB |")


if __name__ == "__main__":
    for name in sys.argv[1:] or ["small"]:
        _bench(name)
