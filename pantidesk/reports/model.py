"""Frozen inputs every document shares. Services fill them; renderers only read them.

Official documents are in Bahasa Indonesia whatever the interface language: they are signed and
filed, and the province reads them all the same way.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kop:
    """Kop surat of the issuing office (PEMERINTAH PROVINSI LAMPUNG / DINAS SOSIAL / the UPTD)."""

    government: str  # "PEMERINTAH PROVINSI LAMPUNG"
    agency: str  # "DINAS SOSIAL"
    office: str  # "UPTD PSLU TRESNA WERDHA (NATAR)"
    address_lines: tuple[str, ...]  # address, then "Telp. … · Email …"
    logo: bytes | None = None  # PNG/JPEG of the province emblem or the panti's logo, if set


@dataclass(frozen=True)
class Signatory:
    """The signature block: place and date, the office held, name, rank and NIP."""

    place_and_date: str  # "Natar, 17 Agustus 2026"
    position: str  # "Kepala UPTD PSLU Tresna Werdha"
    name: str
    rank: str = ""
    nip: str = ""  # already formatted: "19750817 200003 2 001"


@dataclass(frozen=True)
class DocumentMeta:
    """What identifies an issued document: its number, title, and a short fingerprint of its
    content, all printed on every page and in the QR code."""

    number: str  # "0007/PM/TW/VIII/2026"
    title: str
    fingerprint: str  # "K7QF-2M9D"
    issued_by: str = ""

    @property
    def qr_payload(self) -> str:
        return f"PANTIDESK|{self.number}|{self.fingerprint}"


def format_nip(nip: str) -> str:
    """``197508172000032001`` → ``19750817 200003 2 001`` (birth date, TMT, sex, serial)."""
    if len(nip) != 18 or not nip.isdigit():
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
