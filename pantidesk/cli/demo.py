"""``pantidesk demo``: a new database filled with realistic, generated (fictitious) data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pantidesk.cli.common import read_password
from pantidesk.clock import SystemClock
from pantidesk.domain.panti import PANTI_CODES
from pantidesk.i18n import _
from pantidesk.services.demo import DemoOptions, create_demo_installation


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data baru"))
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--panti", choices=PANTI_CODES, default="TW",
                       help=_("panti yang disimulasikan (bawaan: TW)"))
    where.add_argument("--province", action="store_true",
                       help=_("basis data provinsi dengan data ketujuh panti"))
    parser.add_argument("--residents", type=int, default=None,
                        help=_("jumlah penghuni aktif per panti (bawaan: ±85%% daya tampung)"))
    parser.add_argument("--years", type=int, default=5, help=_("lama riwayat dalam tahun"))
    parser.add_argument("--persons", type=int, default=None,
                        help=_("target jumlah orang seluruhnya (untuk uji kinerja)"))
    parser.add_argument("--seed", type=int, default=1, help=_("benih acak (hasil sama tiap kali)"))
    parser.add_argument("--admin", default="admin", help=_("nama pengguna administrator"))


def run(args: argparse.Namespace) -> int:
    options = DemoOptions(
        panti_codes=tuple(PANTI_CODES) if args.province else (args.panti,),
        province=args.province, residents=args.residents, years=args.years,
        persons=args.persons, seed=args.seed,
    )
    password = read_password(confirm=True)

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    interactive = sys.stderr.isatty()
    result = create_demo_installation(args.db, options, args.admin, password, SystemClock(),
                                      progress=progress if interactive else None)
    if interactive:
        print(file=sys.stderr)
    print(_("Basis data demo dibuat: {path}").format(path=result.db_path))
    print(_("{persons} orang, {stays} masa tinggal ({active} aktif), {assessments} asesmen.").format(
        persons=result.persons, stays=result.stays, active=result.active,
        assessments=result.assessments))
    print(_("Masuk sebagai {user}.").format(user=args.admin))
    return 0
