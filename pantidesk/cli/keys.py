"""``pantidesk keys new|show|trust|revoke|list``: sync key pairs and the register of trusted keys.

Passphrases come from ``PANTIDESK_PASSPHRASE`` or a hidden prompt, never from an argument.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pantidesk.cli.common import open_as_user, read_secret
from pantidesk.cli.parser import Parser
from pantidesk.clock import SystemClock
from pantidesk.i18n import _
from pantidesk.services.sync_keys import (
    create_key_pair,
    list_keys,
    load_public_key,
    revoke_key,
    trust_panti_key,
    trust_province_key,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", title=_("tindakan"), metavar="TINDAKAN",
                                    parser_class=Parser, required=True)
    new = actions.add_parser(
        "new", help=_("buat pasangan kunci baru (NAMA.key terenkripsi dan NAMA.pub)"),
        description=_("Buat pasangan kunci: NAMA.key (kunci rahasia, dienkripsi dengan frasa "
                      "sandi dari PANTIDESK_PASSPHRASE atau prompt) dan NAMA.pub (kunci publik "
                      "dengan sidik jari untuk dibacakan lewat telepon)."))
    _debug(new)
    new.add_argument("--out", type=Path, required=True, metavar="FOLDER",
                     help=_("folder tujuan"))
    new.add_argument("--name", required=True, metavar="NAMA",
                     help=_("nama kunci, misalnya TW-2026 atau PROV-UTAMA"))

    show = actions.add_parser("show", help=_("tampilkan sidik jari sebuah kunci publik"),
                              description=_("Tampilkan nama dan sidik jari kunci publik."))
    _debug(show)
    show.add_argument("pub", type=Path, metavar="KUNCI.pub", help=_("berkas kunci publik"))

    trust = actions.add_parser(
        "trust", help=_("daftarkan kunci publik (provinsi: kunci panti; panti: kunci provinsi)"),
        description=_("Daftarkan kunci publik setelah sidik jarinya dicocokkan lewat telepon. "
                      "Di provinsi: kunci sebuah panti (--panti KODE). Di panti: kunci utama "
                      "atau cadangan provinsi (--province)."))
    _database(trust)
    owner = trust.add_mutually_exclusive_group(required=True)
    owner.add_argument("--panti", metavar="KODE", help=_("kode panti pemilik kunci"))
    owner.add_argument("--province", action="store_true", help=_("kunci milik provinsi"))
    trust.add_argument("--backup", action="store_true",
                       help=_("kunci cadangan provinsi (disimpan luring)"))
    trust.add_argument("--fingerprint", metavar="SIDIK",
                       help=_("sidik jari yang dibacakan; kunci ditolak bila berbeda"))
    trust.add_argument("--replace", action="store_true",
                       help=_("cabut kunci lama dengan peran yang sama (rotasi)"))
    trust.add_argument("pub", type=Path, metavar="KUNCI.pub", help=_("berkas kunci publik"))

    revoke = actions.add_parser("revoke", help=_("cabut kunci terdaftar"),
                                description=_("Cabut kunci terdaftar; bundel atau tanda terima "
                                              "bertanda tangan kunci itu ditolak sejak itu."))
    _database(revoke)
    revoke.add_argument("fingerprint", metavar="SIDIK", help=_("sidik jari kunci"))

    listing = actions.add_parser("list", help=_("daftar kunci terdaftar"),
                                 description=_("Daftar kunci terdaftar beserta statusnya."))
    _database(listing)


def _debug(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help=_("tampilkan jejak kesalahan lengkap"))


def _database(parser: argparse.ArgumentParser) -> None:
    _debug(parser)
    parser.add_argument("--db", type=Path, required=True, help=_("berkas basis data"))
    parser.add_argument("--user", default=None, help=_("bertindak sebagai pengguna ini"))


def run(args: argparse.Namespace) -> int:
    if args.action == "new":
        passphrase = read_secret("PANTIDESK_PASSPHRASE", _("Frasa sandi kunci: "), confirm=True)
        files = create_key_pair(args.out, args.name, passphrase, SystemClock())
        print(_("Kunci rahasia: {path} (simpan baik-baik; jangan dikirim)").format(
            path=files.key_path))
        print(_("Kunci publik: {path}").format(path=files.pub_path))
        print(_("Sidik jari: {fingerprint}").format(fingerprint=files.fingerprint))
        return 0
    if args.action == "show":
        shown = load_public_key(args.pub)
        print(_("Nama: {name}").format(name=shown.name))
        print(_("Sidik jari: {fingerprint}").format(fingerprint=shown.fingerprint))
        print(_("Penerima age: {recipient}").format(recipient=shown.age_recipient))
        return 0
    key = load_public_key(args.pub) if args.action == "trust" else None
    ctx = open_as_user(args.db, args.user)
    try:
        if args.action == "trust":
            assert key is not None
            if args.province:
                info = trust_province_key(ctx, key, backup=args.backup,
                                          expected_fingerprint=args.fingerprint,
                                          replace=args.replace)
            else:
                info = trust_panti_key(ctx, args.panti.upper(), key,
                                       expected_fingerprint=args.fingerprint,
                                       replace=args.replace)
            print(_("Kunci {name} ({role}, {owner}) didaftarkan. Sidik jari: {fingerprint}")
                  .format(name=info.name, role=info.role, owner=info.owner,
                          fingerprint=info.fingerprint))
        elif args.action == "revoke":
            info = revoke_key(ctx, args.fingerprint)
            print(_("Kunci {name} ({fingerprint}) dicabut.").format(
                name=info.name, fingerprint=info.fingerprint))
        else:
            keys = list_keys(ctx)
            for item in keys:
                state = _("dicabut") if item.revoked else _("aktif")
                print(f"{item.fingerprint}  {item.owner:<4}  {item.role:<15}  {item.name:<20}  "
                      f"{item.valid_from}  {state}")
            if not keys:
                print(_("Belum ada kunci terdaftar."))
    finally:
        ctx.close()
    return 0
