"""Time from process start to a usable main window (DESIGN.md §8 budget: 1.5 s).

Usage: python -m benchmarks.bench_startup [1k] [100k]

Each run is a fresh process (offscreen Qt). Reported: spawn → log-in dialog on screen, and password
submitted → main window with Beranda's figures (unlocking the key ring with argon2id, opening and
checking the database, loading the dashboard). Their sum is the start-up a person waits through,
apart from typing the password.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from benchmarks.data import PASSWORD, database, percentile

RUNS = 7


def one_run(db: str) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    spawned = time.time()
    out = subprocess.run([sys.executable, "-m", "benchmarks.startup_probe", db, PASSWORD],
                         capture_output=True, text=True, env=env, check=True).stdout
    marks = dict(line.split() for line in out.splitlines() if line.count(" ") == 1)
    to_login = float(marks["login_shown"]) - spawned
    to_main = float(marks["main_ready"]) - float(marks["submitted"])
    return to_login * 1000, to_main * 1000


def run(size: str) -> None:
    db = str(database(size))
    one_run(db)  # warm the OS file cache, as on a PC that has started the app before
    logins, mains = zip(*(one_run(db) for _ in range(RUNS)))
    totals = [a + b for a, b in zip(logins, mains)]
    print(f"| {size} | {percentile(list(logins), 50):.0f} | {percentile(list(mains), 50):.0f} | "
          f"{percentile(totals, 50):.0f} | {max(totals):.0f} |")


if __name__ == "__main__":
    print("| database | spawn → log-in dialog (ms, p50) | log-in → main window (ms, p50) | "
          "total p50 | total max |")
    print("|---|---|---|---|---|")
    for size in sys.argv[1:] or ["1k", "100k"]:
        run(size)
