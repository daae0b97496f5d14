"""``pantidesk bundle export|import|inspect|status``: sync bundles between panti and province.

Exit codes: 0 done; 1 when a bundle (any of them, on import) is refused or the operation is
refused, with one Indonesian line per refusal; 2 usage errors. A refused bundle changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pantidesk.cli.common import open_as_user, read_secret
from pantidesk.cli.parser import Parser
from pantidesk.clock import WIB
from pantidesk.domain.installation import Mode
from pantidesk.domain.sync import record_label
from pantidesk.i18n import _, format_datetime
from pantidesk.services.context import AppContext
from pantidesk.services.sync import export_bundle, panti_sync_status
from pantidesk.services.sync_keys import load_key_pair
from pantidesk.services.sync_province import (
    DRY_RUN,
    DUPLICATE,
    BundleImport,
    import_bundles,
    inspect_bundle_file,
    province_sync_status,
)
from pantidesk.sync.keys import KeyPair


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", title=_("tindakan"), metavar="TINDAKAN",
                                    parser_class=Parser, required=True)
    export = actions.add_parser(
        "export", help=_("panti: buat bundel untuk provinsi"),
        description=_("Buat bundel <PANTI>_<nomor>.pantidesk.age berisi semua perubahan sejak "
                      "tanda terima terakhir dari provinsi (atau semuanya dengan --full), "
                      "ditandatangani kunci panti dan dienkripsi untuk kunci provinsi."))
    _database(export)
    _key(export, _("kunci panti (NAMA.key)"))
    export.add_argument("--out", type=Path, required=True, metavar="FOLDER",
                        help=_("folder tujuan"))
    export.add_argument("--full", action="store_true",
                        help=_("snapshot lengkap: semua catatan panti ini"))

    imports = actions.add_parser(
        "import", help=_("provinsi: impor bundel dari panti"),
        description=_("Periksa dan impor bundel: format, tanda tangan kunci panti yang terdaftar, "
                      "penerima, urutan, dan isi. Setiap bundel diterapkan dalam satu transaksi "
                      "dan tanda terima bertanda tangan ditulis untuk panti."))
    _database(imports)
    _key(imports, _("kunci provinsi (NAMA.key)"))
    imports.add_argument("bundles", type=Path, nargs="+", metavar="BUNDEL",
                         help=_("berkas .pantidesk.age"))
    imports.add_argument("--dry-run", action="store_true",
                         help=_("uji coba: tampilkan apa yang akan berubah tanpa menyimpan"))
    imports.add_argument("--receipts", type=Path, default=None, metavar="FOLDER",
                         help=_("folder tanda terima (bawaan: folder bundelnya)"))

    inspect = actions.add_parser(
        "inspect", help=_("tampilkan manifes sebuah bundel"),
        description=_("Buka bundel dengan kunci provinsi, periksa tanda tangan dan isinya, lalu "
                      "tampilkan manifesnya. Tidak memerlukan basis data."))
    _debug(inspect)
    _key(inspect, _("kunci provinsi (NAMA.key)"))
    inspect.add_argument("bundle", type=Path, metavar="BUNDEL", help=_("berkas .pantidesk.age"))

    status = actions.add_parser(
        "status", help=_("riwayat bundel dan status konfirmasi"),
        description=_("Panti: bundel yang dikirim dan tanda terimanya. Provinsi: bundel terakhir "
                      "dari setiap panti dan apakah salinannya lengkap."))
    _database(status)


def _debug(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help=_("tampilkan jejak kesalahan lengkap"))


def _database(parser: argparse.ArgumentParser) -> None:
    _debug(parser)
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data"))
    parser.add_argument("--user", default=None, help=_("bertindak sebagai pengguna ini"))


def _key(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--key", type=Path, required=True, metavar="KUNCI.key", help=help_text)


def _load_key(path: Path) -> KeyPair:
    return load_key_pair(path, read_secret("PANTIDESK_PASSPHRASE", _("Frasa sandi kunci: ")))


def run(args: argparse.Namespace) -> int:
    if args.action == "inspect":
        return _inspect(args)
    key = _load_key(args.key) if args.action in ("export", "import") else None
    ctx = open_as_user(args.db, args.user)
    try:
        if args.action == "export":
            assert key is not None
            result = export_bundle(ctx, key, args.out, full=args.full)
            print(_("Bundel ditulis: {path} ({kind}; log perubahan {start}–{end}; {rows} "
                    "catatan; {attachments} lampiran; {size} KB).").format(
                path=result.path, kind=result.kind.label, start=result.change_from,
                end=result.change_to, rows=result.rows, attachments=result.attachments,
                size=max(1, round(result.size / 1024))))
            print(_("Dienkripsi untuk kunci provinsi: {keys}").format(
                keys=", ".join(result.recipients)))
            return 0
        if args.action == "import":
            assert key is not None
            results = import_bundles(ctx, args.bundles, key, dry_run=args.dry_run,
                                     receipt_dir=args.receipts)
            for item in results:
                _print_import(item)
            return 0 if all(item.ok and not item.receipt_error for item in results) else 1
        _print_status(ctx)
        return 0
    finally:
        ctx.close()


def _print_import(item: BundleImport) -> None:
    if not item.ok:
        print(f"{item.file.name}: {item.reason}", file=sys.stderr)
        return
    verdict = {DUPLICATE: _("sudah pernah diimpor; tidak ada yang berubah"),
               DRY_RUN: _("uji coba, tidak ada yang disimpan")}.get(item.status, _("diimpor"))
    print(_("{file}: {verdict} (panti {panti}, bundel {seq}, {kind}, log perubahan "
            "{start}–{end})")
          .format(file=item.file.name, verdict=verdict, panti=item.panti, seq=item.seq,
                  kind=item.kind.label if item.kind else "", start=item.change_from,
                  end=item.change_to))
    for table, counts in item.counts.items():
        extra = ""
        if counts.unchanged:
            extra += _(", {n} tidak berubah").format(n=counts.unchanged)
        if counts.skipped:
            extra += _(", {n} dilewati (bukan milik panti ini)").format(n=counts.skipped)
        print(_("  {label}: {new} baru, {updated} diperbarui, {deleted} dihapus{extra}").format(
            label=record_label(table), new=counts.new, updated=counts.updated,
            deleted=counts.deleted, extra=extra))
    if item.unknown_rows:
        print(_("  {n} catatan jenis baru diabaikan (perbarui PantiDesk provinsi).").format(
            n=item.unknown_rows))
    if item.state_match:
        print(_("  Salinan provinsi untuk panti {panti} lengkap (sidik keadaan cocok).").format(
            panti=item.panti))
    else:
        print(_("  Salinan provinsi untuk panti {panti} BELUM lengkap (sidik keadaan berbeda); "
                "minta panti mengirim snapshot (--full).").format(panti=item.panti))
    if item.receipt:
        print(_("  Tanda terima: {path}").format(path=item.receipt))
    if item.receipt_error:
        print(f"{item.file.name}: {item.receipt_error}", file=sys.stderr)


def _print_status(ctx: AppContext) -> None:
    if ctx.installation.mode is Mode.PROVINCE:
        for panti in province_sync_status(ctx):
            if panti.last_seq is None:
                print(_("{code}: belum ada bundel ({keys} kunci aktif)").format(
                    code=panti.panti_code, keys=panti.active_keys))
                continue
            state = _("lengkap") if panti.complete else _("belum lengkap")
            when = format_datetime(panti.last_imported_at.astimezone(WIB)) \
                if panti.last_imported_at else ""
            print(_("{code}: bundel {seq} diimpor {when} WIB, perubahan sampai {change}, salinan "
                    "{state} ({keys} kunci aktif)").format(
                code=panti.panti_code, seq=panti.last_seq, when=when, change=panti.last_change,
                state=state, keys=panti.active_keys))
        return
    status = panti_sync_status(ctx)
    if status.since_confirmed is None:
        print(_("Provinsi belum pernah mengonfirmasi bundel dari panti ini."))
    else:
        print(_("Konfirmasi terakhir dari provinsi: {days} hari yang lalu ({when} WIB).").format(
            days=status.since_confirmed.days,
            when=format_datetime(status.last_confirmed_at.astimezone(WIB))
            if status.last_confirmed_at else ""))
    print(_("Perubahan dikonfirmasi sampai nomor {seq}; {pending} perubahan belum "
            "dikonfirmasi.").format(seq=status.acked_change_seq, pending=status.pending_changes))
    for bundle in status.bundles:
        print(f"  {bundle.file_name}  {format_datetime(bundle.created_at.astimezone(WIB))}  "
              f"{bundle.kind.label:<16}  {bundle.rows:>7}  {bundle.status.label}")


def _inspect(args: argparse.Namespace) -> int:
    key = _load_key(args.key)
    inspection = inspect_bundle_file(args.bundle, key)
    print(inspection.manifest_text)
    print(_("Berkas: {size} bita, SHA-256 {sha}").format(size=inspection.size,
                                                       sha=inspection.file_sha256))
    print(_("Tanda tangan sah oleh kunci {fingerprint}; cocokkan dengan kunci terdaftar panti "
            "{panti}.").format(fingerprint=inspection.signer, panti=inspection.panti))
    if not inspection.signer_fingerprint_ok:
        print(_("Peringatan: sidik jari di manifes tidak cocok dengan kunci penanda tangannya."))
        return 1
    return 0
