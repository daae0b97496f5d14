"""``pantidesk init``: create a new encrypted database for a panti or the province office."""

from __future__ import annotations

import argparse
from pathlib import Path

from pantidesk.cli.common import read_password
from pantidesk.clock import SystemClock
from pantidesk.domain.panti import PANTI_CODES
from pantidesk.i18n import _
from pantidesk.services.context import Mode
from pantidesk.services.installation import SetupRequest, create_installation
from pantidesk.services.letterhead import Letterhead


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data baru"))
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--panti", choices=PANTI_CODES, help=_("kode panti instalasi ini"))
    where.add_argument("--province", action="store_true", help=_("instalasi kantor provinsi"))
    parser.add_argument("--admin", required=True, help=_("nama pengguna administrator"))
    parser.add_argument("--admin-name", default=None, help=_("nama lengkap administrator"))
    parser.add_argument("--address", default=None, help=_("alamat kantor untuk kop surat"))
    parser.add_argument("--city", default=None, help=_("kota tempat surat ditandatangani"))
    parser.add_argument("--phone", default="", help=_("telepon kantor"))
    parser.add_argument("--email", default="", help=_("email kantor"))
    parser.add_argument("--head-name", default=None, help=_("nama kepala UPTD / kepala dinas"))
    parser.add_argument("--head-nip", default=None, help=_("NIP kepala (18 angka)"))
    parser.add_argument("--head-rank", default="", help=_("pangkat/golongan kepala"))


def run(args: argparse.Namespace) -> int:
    mode = Mode.PROVINCE if args.province else Mode.PANTI
    letterhead = None
    if any(v for v in (args.address, args.head_name, args.head_nip)):
        letterhead = Letterhead(
            name="", address=args.address or "", city=args.city or "", phone=args.phone,
            email=args.email, head_name=args.head_name or "", head_nip=args.head_nip or "",
            head_rank=args.head_rank,
        )
    request = SetupRequest(
        mode=mode, panti_code=args.panti, letterhead=letterhead, admin_username=args.admin,
        admin_full_name=args.admin_name or args.admin, admin_password=read_password(confirm=True),
    )
    result = create_installation(args.db, request, SystemClock())
    print(_("Basis data dibuat: {path}").format(path=result.db_path))
    print(_("Administrator: {user}").format(user=result.admin_username))
    print(_("Kode pemulihan (catat dan simpan di tempat aman; hanya ditampilkan sekali):"))
    print("    " + result.recovery_code)
    if letterhead is None:
        print(_("Kop surat belum diisi: lengkapi di Pengaturan sebelum mencetak laporan."))
    return 0
