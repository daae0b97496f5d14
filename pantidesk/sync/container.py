"""The plain ustar archive inside a bundle, written as a stream and read as a stream.

Writing yields the archive chunk by chunk (headers from ``tarfile`` itself, so ``tar x`` reads
it); reading is a push parser fed by the decryptor, which checks every header and hands member
bytes to a consumer as they arrive. Only regular files, in the order the consumer expects, with
sizes within limits; anything else is refused before it costs memory.
"""

from __future__ import annotations

import tarfile
from collections.abc import Iterable, Iterator
from typing import Protocol

from pantidesk.i18n import _
from pantidesk.sync.crypto import Sink
from pantidesk.sync.format import MAX_MEMBERS, refuse

BLOCK = tarfile.BLOCKSIZE
RECORD = tarfile.RECORDSIZE


def _header(name: str, size: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = 0
    info.mode = 0o600
    info.type = tarfile.REGTYPE
    return info.tobuf(format=tarfile.USTAR_FORMAT, encoding="utf-8", errors="strict")


def tar_stream(members: Iterable[tuple[str, int, Iterable[bytes]]]) -> Iterator[bytes]:
    """An archive of ``(name, size, chunks)`` members; the chunks must add up to ``size``."""
    written = 0
    for name, size, chunks in members:
        header = _header(name, size)
        yield header
        sent = 0
        for chunk in chunks:
            sent += len(chunk)
            yield chunk
        if sent != size:
            raise ValueError(f"member {name} is {sent} bytes, not {size}")
        padding = -size % BLOCK
        yield b"\0" * padding
        written += len(header) + size + padding
    end = 2 * BLOCK
    written += end
    yield b"\0" * (end + (-written % RECORD))


class MemberConsumer(Protocol):
    def begin(self, name: str, size: int) -> None: ...

    def data(self, chunk: bytes) -> None: ...

    def end(self) -> None: ...


class TarReader(Sink):
    """Parse an archive pushed in arbitrary pieces; refuse whatever is not a plain archive."""

    def __init__(self, consumer: MemberConsumer) -> None:
        self.consumer = consumer
        self._header = bytearray()
        self._remaining = 0  # member bytes still to come
        self._padding = 0
        self._members = 0
        self._zero_blocks = 0
        self._ended = False
        self._trailing = 0

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            if self._ended:
                if any(view):
                    raise refuse(_("ada data setelah akhir arsip."))
                self._trailing += len(view)
                if self._trailing > RECORD:
                    raise refuse(_("ada data setelah akhir arsip."))
                break
            if self._remaining:
                take = min(self._remaining, len(view))
                self.consumer.data(bytes(view[:take]))
                self._remaining -= take
                view = view[take:]
                if not self._remaining:
                    self.consumer.end()
                continue
            if self._padding:
                take = min(self._padding, len(view))
                if any(view[:take]):
                    raise refuse(_("arsip di dalam bundel rusak."))
                self._padding -= take
                view = view[take:]
                continue
            take = min(BLOCK - len(self._header), len(view))
            self._header += view[:take]
            view = view[take:]
            if len(self._header) == BLOCK:
                self._read_header(bytes(self._header))
                self._header.clear()
        return len(data)

    def _read_header(self, block: bytes) -> None:
        if not any(block):
            self._zero_blocks += 1
            self._ended = self._zero_blocks == 2
            return
        if self._zero_blocks:
            raise refuse(_("arsip di dalam bundel rusak."))
        try:
            info = tarfile.TarInfo.frombuf(block, "utf-8", "strict")
        except (tarfile.HeaderError, UnicodeDecodeError, ValueError):
            raise refuse(_("arsip di dalam bundel rusak (kepala anggota tidak sah).")) from None
        if info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE):
            raise refuse(_("arsip berisi anggota yang bukan berkas biasa."))
        self._members += 1
        if self._members > MAX_MEMBERS:
            raise refuse(_("arsip berisi terlalu banyak anggota."))
        self.consumer.begin(info.name, info.size)
        self._remaining = info.size
        self._padding = -info.size % BLOCK
        if not info.size:
            self.consumer.end()

    def finish(self) -> None:
        """After the last byte: the archive must have ended cleanly."""
        if not self._ended:
            raise refuse(_("arsip di dalam bundel terpotong."))
