"""Benchmark databases, built once with ``pantidesk demo`` and kept in ``benchmarks/data/``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PASSWORD = "benchmark-only-1"
SIZES = {
    "1k": ["--panti", "TW", "--persons", "1000", "--years", "10"],
    "100k": ["--province", "--persons", "100000", "--years", "10"],
}


def database(size: str) -> Path:
    """Path of the benchmark database of ``size``, building it first if needed."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"{size}.db"
    if not path.exists():
        started = time.perf_counter()
        env = {**os.environ, "PANTIDESK_PASSWORD": PASSWORD}
        subprocess.run([sys.executable, "-m", "pantidesk", "demo", "--db", str(path), "--seed", "3",
                        *SIZES[size]], check=True, env=env, stdin=subprocess.DEVNULL)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]
