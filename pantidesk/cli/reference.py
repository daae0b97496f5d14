"""``pantidesk reference publish|import``: reference data down from the province to the panti.

The province publishes a signed pack (``REFERENSI_<tanggal>_<nomor>.pantidesk-ref.json``); a panti
checks it against the province keys it trusts and applies it. Exit 0 published, applied, tried
(``--dry-run``) or already applied; 1 refused (one line, nothing changed); 2 usage errors. The key
passphrase comes from ``PANTIDESK_PASSPHRASE`` or a hidden prompt, never from an argument.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pantidesk.cli.common import open_as_user, read_secret
from pantidesk.cli.parser import Parser
from pantidesk.clock import WIB
from pantidesk.i18n import _, format_datetime
from pantidesk.services.reference_packs import (
    ALREADY_APPLIED,
    DRY_RUN,
    KINDS,
    PackImport,
    import_reference_pack,
    kind_label,
    publish_reference_pack,
)
from pantidesk.services.sync_keys import load_key_pair, load_public_key


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", title=_("tindakan"), metavar="TINDAKAN",
                                    parser_class=Parser, required=True)
    publish = actions.add_parser(
        "publish", help=_("provinsi: terbitkan paket data referensi bertanda tangan"),
        description=_("Tulis paket referensi berisi daftar panti dan kapasitasnya, jenis PPKS, "
                      "komponen ATENSI, butir SPM, kode wilayah, tujuan tambahan provinsi, dan "
                      "kunci publik provinsi, ditandatangani kunci provinsi."))
    _database(publish)
    publish.add_argument("--key", type=Path, required=True, metavar="KUNCI.key",
                         help=_("kunci provinsi penanda tangan (NAMA.key)"))
    publish.add_argument("--out", type=Path, required=True, metavar="FOLDER",
                         help=_("folder tujuan"))
    publish.add_argument("--primary", type=Path, default=None, metavar="KUNCI.pub",
                         help=_("umumkan kunci ini sebagai kunci utama provinsi (rotasi; diingat "
                                "untuk paket berikutnya)"))
    publish.add_argument("--backup", type=Path, default=None, metavar="KUNCI.pub",
                         help=_("umumkan kunci ini sebagai kunci cadangan provinsi (diingat "
                                "untuk paket berikutnya)"))

    imports = actions.add_parser(
        "import", help=_("panti: periksa dan terapkan paket referensi dari provinsi"),
        description=_("Periksa format, tanda tangan kunci provinsi yang dipercaya dan belum "
                      "dicabut, serta nomor paket; lalu terapkan semuanya dalam satu transaksi. "
                      "Kop surat panti ini tidak diubah."))
    _database(imports)
    imports.add_argument("pack", type=Path, metavar="PAKET",
                         help=_("berkas .pantidesk-ref.json"))
    imports.add_argument("--dry-run", action="store_true",
                         help=_("uji coba: tampilkan apa yang akan berubah tanpa menyimpan"))


def _database(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help=_("tampilkan jejak kesalahan lengkap"))
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data"))
    parser.add_argument("--user", default=None, help=_("bertindak sebagai pengguna ini"))


def run(args: argparse.Namespace) -> int:
    if args.action == "publish":
        primary = load_public_key(args.primary) if args.primary else None
        backup = load_public_key(args.backup) if args.backup else None
        key = load_key_pair(args.key, read_secret("PANTIDESK_PASSPHRASE",
                                                  _("Frasa sandi kunci: ")))
        ctx = open_as_user(args.db, args.user)
        try:
            path = publish_reference_pack(ctx, key, args.out, primary=primary, backup=backup)
        finally:
            ctx.close()
        print(_("Paket referensi ditulis: {path} ({size} KB), ditandatangani kunci {fingerprint}.")
              .format(path=path, size=max(1, round(path.stat().st_size / 1024)),
                      fingerprint=key.public().fingerprint))
        return 0
    ctx = open_as_user(args.db, args.user)
    try:
        result = import_reference_pack(ctx, args.pack, dry_run=args.dry_run)
    finally:
        ctx.close()
    _print_import(result)
    return 0


def _print_import(result: PackImport) -> None:
    when = format_datetime(result.created_at.astimezone(WIB))
    if result.status == ALREADY_APPLIED:
        print(_("{file}: paket nomor {seq} sudah diterapkan; tidak ada yang berubah.").format(
            file=result.path.name, seq=result.seq))
        return
    verdict = _("uji coba, tidak ada yang disimpan") if result.status == DRY_RUN \
        else _("diterapkan")
    print(_("{file}: {verdict} (paket nomor {seq}, dibuat {when} WIB, ditandatangani kunci "
            "{name} {fingerprint})").format(file=result.path.name, verdict=verdict,
                                            seq=result.seq, when=when, name=result.issuer_name,
                                            fingerprint=result.issuer))
    for kind in KINDS:
        counts = result.counts[kind]
        extra = _(", {n} dilewati").format(n=counts.skipped) if counts.skipped else ""
        print(_("  {label}: {new} baru, {updated} diperbarui, {unchanged} tetap{extra}").format(
            label=kind_label(kind), new=counts.new, updated=counts.updated,
            unchanged=counts.unchanged, extra=extra))
    for note in result.notes:
        print("  " + note)
