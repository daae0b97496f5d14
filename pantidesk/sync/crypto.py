"""age encryption of bundles (through pyrage), streamed both ways, with hostile-file checks.

age gives confidentiality and integrity (a header MAC, and per 64 KiB chunk an AEAD tag with a
last-chunk flag, so truncation is detected), but not the sender's identity: anyone holding the
province's *public* key can make a valid file. The Ed25519 signature inside (see ``format``)
answers who made it.

Before pyrage sees a file its header is checked cheaply: the age v1 magic line and at most a few
recipient stanzas, since every stanza costs an X25519 operation. ``decrypt_io`` writes the chunks
it has already authenticated before it notices a later bad one, so streamed output is treated as
untrusted until the call returns (see ``importer``).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

import pyrage
from pyrage import x25519

from pantidesk.i18n import _
from pantidesk.sync.format import MAX_AGE_HEADER, MAX_AGE_STANZAS, refuse

AGE_MAGIC = b"age-encryption.org/v1\n"


def check_age_header(head: bytes) -> None:
    """Refuse a file that is not age v1, whose header is absurdly long or has too many stanzas,
    or that was encrypted with a passphrase instead of to the province's keys."""
    if not head.startswith(AGE_MAGIC):
        raise refuse(_("berkas ini bukan bundel PantiDesk (bukan format age v1)."))
    end = head.find(b"\n---", 0, MAX_AGE_HEADER)
    if end < 0:
        raise refuse(_("kepala berkas tidak wajar (terlalu panjang atau tidak berakhir)."))
    stanzas = [line for line in head[len(AGE_MAGIC):end + 1].split(b"\n")
               if line.startswith(b"-> ")]
    if len(stanzas) > MAX_AGE_STANZAS:
        raise refuse(_("kepala berkas tidak wajar ({n} penerima).").format(n=len(stanzas)))
    if any(line.startswith(b"-> scrypt ") for line in stanzas):
        raise refuse(_("berkas dienkripsi dengan kata sandi, bukan untuk kunci provinsi."))
    if not any(line.startswith(b"-> X25519 ") for line in stanzas):
        raise refuse(_("berkas tidak dienkripsi untuk kunci provinsi mana pun."))


class _ChunkReader(io.RawIOBase):
    """A readable file over an iterator of byte chunks (the tar stream being built)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks: Iterator[bytes] = iter(chunks)
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class HashingWriter:
    """Passes writes on to ``target`` while counting and hashing them."""

    def __init__(self, target: BinaryIO) -> None:
        self.target = target
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        self.size += len(data)
        self.target.write(data)
        return len(data)

    def flush(self) -> None:
        self.target.flush()


class HashingReader(io.RawIOBase):
    """Reads ``source`` while hashing what was read: the SHA-256 of the bundle file as opened,
    so two passes over a file can prove they read the same bytes."""

    def __init__(self, source: BinaryIO) -> None:
        self.source = source
        self.sha256 = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.source.read(len(buffer))
        self.sha256.update(data)
        self.size += len(data)
        buffer[:len(data)] = data
        return len(data)


def encrypt_stream(chunks: Iterable[bytes], out: BinaryIO, recipients: Sequence[str]) -> None:
    """Encrypt the plain stream to every recipient (binary age, never armored)."""
    keys = [x25519.Recipient.from_str(r) for r in recipients]
    pyrage.encrypt_io(_ChunkReader(chunks), out, keys)


class Sink:
    """Where decrypted bytes go; ``write`` may raise a refusal to stop decryption early."""

    def write(self, data: bytes) -> int:
        raise NotImplementedError

    def flush(self) -> None:
        return None


def decrypt_stream(source: BinaryIO, sink: Sink, identity: x25519.Identity) -> None:
    """Decrypt ``source`` into ``sink``; failures of age become one-line refusals. Exceptions
    raised by the sink (refusals, database errors) pass through unchanged."""
    try:
        pyrage.decrypt_io(source, sink, [identity])
    except pyrage.DecryptError as error:
        if "No matching keys" in str(error):
            raise refuse(_("tidak dapat dibuka dengan kunci provinsi ini (ditujukan ke kunci "
                           "lain, atau kepala berkas rusak).")) from None
        raise refuse(_("berkas rusak, terpotong atau diubah (dekripsi gagal).")) from None
    except OSError:
        raise refuse(_("berkas rusak, terpotong atau diubah (dekripsi gagal).")) from None
