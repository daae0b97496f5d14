"""Reading a bundle at the province, in two streaming passes over the encrypted file.

Pass 1 (``verify_bundle``) touches no database row: it checks the age header, decrypts, reads
the manifest, checks its version, the signature against the registered key of its panti and that
it was addressed to this province key, then hashes every other member against the manifest. Pass 2
(``apply_bundle``) decrypts again and applies the rows inside the caller's transaction; it proves
it read the very same file (SHA-256 of the ciphertext) before the caller may commit. Decrypted
data never touches the disk, and memory stays bounded whatever the bundle's size.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, cast

import zstandard
from sqlalchemy import Connection

from pantidesk.clock import WIB
from pantidesk.i18n import _, format_date
from pantidesk.sync.apply import ApplyResult, LineSplitter, RowApplier
from pantidesk.sync.container import MemberConsumer, TarReader
from pantidesk.sync.crypto import HashingReader, check_age_header, decrypt_stream
from pantidesk.sync.format import (
    ATTACHMENT_PREFIX,
    CHANGES,
    MANIFEST,
    MAX_AGE_HEADER,
    MAX_BUNDLE_SIZE,
    MAX_MANIFEST_SIZE,
    SIGNATURE,
    SIGNATURE_SIZE,
    ZSTD_MAX_WINDOW,
    Manifest,
    parse_manifest,
    refuse,
)
from pantidesk.sync.keys import KeyPair, PublicKey, fingerprint_of


@dataclass(frozen=True)
class RegisteredKey:
    panti_code: str
    key: PublicKey
    revoked_at: dt.datetime | None


KeyLookup = Callable[[str], RegisteredKey | None]


@dataclass(frozen=True)
class VerifiedBundle:
    path: Path
    manifest: Manifest
    manifest_bytes: bytes
    file_sha256: str
    size: int


def _open(path: Path) -> BinaryIO:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the caller's with-block
    except OSError as error:
        raise refuse(_("berkas {path} tidak dapat dibaca: {error}").format(
            path=path.name, error=error.strerror or error)) from error
    size = path.stat().st_size
    if size == 0:
        handle.close()
        raise refuse(_("berkas kosong."))
    if size > MAX_BUNDLE_SIZE:
        handle.close()
        raise refuse(_("berkas terlalu besar untuk sebuah bundel."))
    head = handle.read(MAX_AGE_HEADER + 64)
    try:
        check_age_header(head)
    except BaseException:
        handle.close()
        raise
    handle.seek(0)
    return handle


class _Verifier:
    """Pass 1 consumer: manifest, signature, then every member hashed against the manifest."""

    def __init__(self, check_signature: Callable[[Manifest, bytes, bytes], None],
                 panti_codes: frozenset[str]) -> None:
        self.check_signature = check_signature
        self.panti_codes = panti_codes
        self.manifest: Manifest | None = None
        self.manifest_bytes = b""
        self.signed = False
        self.seen: set[str] = set()
        self._name = ""
        self._buffer = bytearray()
        self._hash = hashlib.sha256()

    def begin(self, name: str, size: int) -> None:
        self._name = name
        self._buffer.clear()
        self._hash = hashlib.sha256()
        if self.manifest is None:
            if name != MANIFEST or size > MAX_MANIFEST_SIZE:
                raise refuse(_("berkas ini bukan bundel PantiDesk (manifes tidak ada di depan)."))
        elif not self.signed:
            if name != SIGNATURE or size != SIGNATURE_SIZE:
                raise refuse(_("tanda tangan manifes tidak ada."))
        else:
            info = self.manifest.files.get(name)
            if info is None or name in self.seen:
                raise refuse(_("bundel berisi anggota yang tidak disebut manifes ({name}).")
                             .format(name=name[:80]))
            if size != info.size:
                raise refuse(_("isi bundel tidak cocok dengan manifes yang ditandatangani "
                               "({name}).").format(name=name[:80]))
            self.seen.add(name)

    def data(self, chunk: bytes) -> None:
        if self.signed:
            self._hash.update(chunk)
        else:
            self._buffer += chunk

    def end(self) -> None:
        if self.manifest is None:
            self.manifest_bytes = bytes(self._buffer)
            self.manifest = parse_manifest(self.manifest_bytes, self.panti_codes)
        elif not self.signed:
            self.check_signature(self.manifest, self.manifest_bytes, bytes(self._buffer))
            self.signed = True
        elif self._hash.hexdigest() != self.manifest.files[self._name].sha256:
            raise refuse(_("isi bundel tidak cocok dengan manifes yang ditandatangani ({name})."
                           ).format(name=self._name[:80]))

    def finish(self) -> Manifest:
        if self.manifest is None or not self.signed or self.seen != set(self.manifest.files):
            raise refuse(_("bundel tidak lengkap: ada anggota yang hilang."))
        return self.manifest


def _read(path: Path, identity: KeyPair, consumer: MemberConsumer) -> HashingReader:
    with _open(path) as handle:
        reader = HashingReader(handle)
        tar = TarReader(consumer)
        decrypt_stream(reader, tar, identity.age_identity())  # type: ignore[arg-type]
        tar.finish()
    return reader


def verify_bundle(path: Path, identity: KeyPair, lookup: KeyLookup,
                  panti_codes: frozenset[str]) -> VerifiedBundle:
    """Pass 1. ``lookup`` finds a registered panti key by fingerprint."""
    own_recipient = identity.public().age_recipient

    def check(manifest: Manifest, raw: bytes, signature: bytes) -> None:
        fingerprint = manifest.signer.fingerprint
        registered = lookup(fingerprint)
        if registered is None or registered.panti_code != manifest.panti:
            raise refuse(_("ditandatangani kunci {fingerprint} yang tidak terdaftar untuk panti "
                           "{panti}.").format(fingerprint=fingerprint, panti=manifest.panti))
        if not registered.key.verify(signature, raw):
            raise refuse(_("tanda tangan tidak sah (berkas diubah atau bukan dari panti "
                           "{panti}).").format(panti=manifest.panti))
        if registered.revoked_at is not None:
            raise refuse(_("kunci panti {panti} ({fingerprint}) sudah dicabut pada {date}.").format(
                panti=manifest.panti, fingerprint=fingerprint,
                date=format_date(registered.revoked_at.astimezone(WIB).date())))
        if own_recipient not in manifest.recipients:
            raise refuse(_("bundel ini tidak ditujukan ke kunci provinsi ini (penerima di "
                           "manifes berbeda)."))

    verifier = _Verifier(check, panti_codes)
    reader = _read(path, identity, verifier)
    manifest = verifier.finish()
    return VerifiedBundle(path, manifest, verifier.manifest_bytes, reader.sha256.hexdigest(),
                          reader.size)


@dataclass(frozen=True)
class Inspection:
    verified: VerifiedBundle
    signer_fingerprint_ok: bool  # the embedded signer key matches the fingerprint it claims


def inspect_bundle(path: Path, identity: KeyPair, panti_codes: frozenset[str]) -> Inspection:
    """Open a bundle without a database: the signature is checked against the key the manifest
    names (to be compared with the register), and every member against the manifest."""
    fingerprint_ok = [False]

    def check(manifest: Manifest, raw: bytes, signature: bytes) -> None:
        signer = manifest.signer
        try:
            key = PublicKey.from_stored(manifest.panti, signer.age_recipient, signer.signing_key)
        except ValueError:
            raise refuse(_("kunci penanda tangan di manifes rusak.")) from None
        fingerprint_ok[0] = fingerprint_of(key.age_recipient, key.signing_key) == \
            signer.fingerprint
        if not key.verify(signature, raw):
            raise refuse(_("tanda tangan tidak sah (berkas diubah atau bukan dari panti "
                           "{panti}).").format(panti=manifest.panti))

    verifier = _Verifier(check, panti_codes)
    reader = _read(path, identity, verifier)
    manifest = verifier.finish()
    verified = VerifiedBundle(path, manifest, verifier.manifest_bytes,
                              reader.sha256.hexdigest(), reader.size)
    return Inspection(verified, fingerprint_ok[0])


class _Applier:
    """Pass 2 consumer: attachments and rows into the database, the manifest compared again."""

    def __init__(self, verified: VerifiedBundle, rows: RowApplier) -> None:
        self.verified = verified
        self.rows = rows
        self._name = ""
        self._buffer = bytearray()
        self._hash = hashlib.sha256()
        self._splitter: LineSplitter | None = None
        self._decompressor: zstandard.ZstdDecompressionWriter | None = None

    def begin(self, name: str, size: int) -> None:
        manifest = self.verified.manifest
        expected = {MANIFEST: len(self.verified.manifest_bytes), SIGNATURE: SIGNATURE_SIZE}
        info = manifest.files.get(name)
        if size != expected.get(name, info.size if info else -1):
            raise refuse(_("berkas berubah selama impor."))
        self._name = name
        self._buffer.clear()
        self._hash = hashlib.sha256()
        if name == CHANGES:
            assert info is not None and info.raw_size is not None
            self._splitter = LineSplitter(self.rows, info.raw_size)
            self._decompressor = zstandard.ZstdDecompressor(
                max_window_size=ZSTD_MAX_WINDOW).stream_writer(
                cast(IO[bytes], self._splitter), write_size=65536, closefd=False)

    def data(self, chunk: bytes) -> None:
        self._hash.update(chunk)
        if self._decompressor is not None:
            try:
                self._decompressor.write(chunk)
            except zstandard.ZstdError:
                raise refuse(_("data perubahan rusak (zstd).")) from None
        elif self._name != SIGNATURE:
            self._buffer += chunk

    def end(self) -> None:
        name = self._name
        if name == MANIFEST:
            if bytes(self._buffer) != self.verified.manifest_bytes:
                raise refuse(_("berkas berubah selama impor."))
            return
        if name == SIGNATURE:
            return
        info = self.verified.manifest.files[name]
        if self._hash.hexdigest() != info.sha256:
            raise refuse(_("berkas berubah selama impor."))
        if name == CHANGES:
            assert self._decompressor is not None and self._splitter is not None
            self._decompressor.flush()  # type: ignore[no-untyped-call]
            self._splitter.finish()
            self._decompressor = None
        elif name.startswith(ATTACHMENT_PREFIX):
            self.rows.attachment(info.sha256, info.media_type or "", bytes(self._buffer))


def apply_bundle(conn: Connection, verified: VerifiedBundle, identity: KeyPair,
                 now: dt.datetime) -> ApplyResult:
    """Pass 2, inside the caller's transaction (which must roll back if this raises)."""
    manifest = verified.manifest
    rows = RowApplier(conn, manifest.panti, now)
    reader = _read(verified.path, identity, _Applier(verified, rows))
    rows.check_counts(manifest.row_counts)
    if reader.sha256.hexdigest() != verified.file_sha256:
        raise refuse(_("berkas berubah selama impor."))
    return rows.result
