"""Kemendagri region codes (kode wilayah) for NIK and No. KK checks and the origin of a person.

``assets/regions.csv`` holds every province, all kab/kota of Lampung and all kecamatan of Lampung,
in dotted form ("18", "18.71", "18.71.01"), from Kepmendagri No. 300.2.2-2138 Tahun 2025. A row
marked ``complete`` has all its children listed: only then is an unknown child code worth a
warning, since lists of other provinces are not shipped. Codes are read once, on first use.

NIKs and KK numbers keep the code of first registration, so numbers issued before a regency was
split carry codes that no longer exist: those are warnings, never errors.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pantidesk.i18n import _

LAMPUNG = "18"

PROVINCE = 1
REGENCY = 2
DISTRICT = 3


@dataclass(frozen=True)
class Region:
    """A province (level 1), kab/kota (level 2) or kecamatan (level 3); ``complete`` is true when
    all its children are in the catalogue."""

    code: str
    name: str
    level: int
    complete: bool = False


@dataclass(frozen=True)
class _Catalogue:
    by_code: dict[str, Region]
    children: dict[str, tuple[Region, ...]]


@cache
def _catalogue() -> _Catalogue:
    text = resources.files("pantidesk.assets").joinpath("regions.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    by_code: dict[str, Region] = {}
    children: defaultdict[str, list[Region]] = defaultdict(list)
    for row in rows:
        code = row["code"].strip()
        region = Region(code, row["name"].strip(), code.count(".") + 1,
                        row["complete"].strip() == "1")
        by_code[code] = region
        if region.level > PROVINCE:
            children[code.rsplit(".", 1)[0]].append(region)
    return _Catalogue(by_code, {parent: tuple(kids) for parent, kids in children.items()})


def dotted(code: str) -> str:
    """``"187101"`` → ``"18.71.01"``; dotted codes are returned unchanged."""
    code = code.strip()
    if "." in code or not code.isdigit():
        return code
    return ".".join(code[i:i + 2] for i in range(0, len(code), 2))


def all_regions() -> tuple[Region, ...]:
    """Every region of the catalogue in code order, so a parent always precedes its children."""
    return tuple(_catalogue().by_code.values())


def region_by_code(code: str) -> Region | None:
    """The region with this code (dotted or plain digits), or None when not in the catalogue."""
    return _catalogue().by_code.get(dotted(code))


def province_of(code: str) -> Region | None:
    """The province a region code belongs to ("18.71.01" → Lampung)."""
    return region_by_code(dotted(code)[:2])


def regencies_of(province_code: str) -> tuple[Region, ...]:
    """The kab/kota of a province that the catalogue knows (all of them only if complete)."""
    return _catalogue().children.get(dotted(province_code), ())


def districts_of(regency_code: str) -> tuple[Region, ...]:
    """The kecamatan of a kab/kota that the catalogue knows."""
    return _catalogue().children.get(dotted(regency_code), ())


def districts_in(province_code: str) -> tuple[Region, ...]:
    """Every known kecamatan of a province, e.g. real Lampung codes for demo NIKs."""
    return tuple(d for r in regencies_of(province_code) for d in districts_of(r.code))


def area_warnings(area6: str, document: str) -> tuple[str, ...]:
    """Warnings about the 6-digit area code of a NIK or No. KK (``document`` names which).

    Unknown province: always worth saying. Unknown kab/kota or kecamatan: only where the parent's
    list is complete, and phrased as possibly an old code from before a regency split.
    """
    province, regency, district = area6[:2], dotted(area6[:4]), dotted(area6[:6])
    known_province = region_by_code(province)
    if known_province is None:
        return (_("Kode provinsi {code} pada {document} tidak dikenal.").format(
            code=province, document=document),)
    known_regency = region_by_code(regency)
    if known_regency is None:
        if not known_province.complete:
            return ()
        return (_("Kode kabupaten/kota {code} pada {document} tidak ada di Provinsi {name} "
                  "(mungkin kode lama sebelum pemekaran wilayah).").format(
            code=regency, document=document, name=known_province.name),)
    if region_by_code(district) is None and known_regency.complete:
        return (_("Kode kecamatan {code} pada {document} tidak ada di {name} "
                  "(mungkin kode lama sebelum pemekaran wilayah).").format(
            code=district, document=document, name=known_regency.name),)
    return ()
