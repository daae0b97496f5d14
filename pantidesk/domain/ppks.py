"""The 26 jenis PPKS (Pemerlu Pelayanan Kesejahteraan Sosial) and their provincial clusters.

Numbering and names follow Permensos 08/2012 as used by Kemensos (DOMAIN.md §1). A type maps to
the provincial in-panti clusters that may serve it; an empty tuple means the type is not served
by a provincial panti (kab/kota, balai or another standard). Regulations write "telantar", many
Dinsos sites "terlantar": lookups by name accept both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pantidesk.domain.enums import Cluster
from pantidesk.errors import NotFoundError
from pantidesk.i18n import N_, _

_A = (Cluster.ANAK,)


@dataclass(frozen=True)
class PpksType:
    """One jenis PPKS: number 1–26, canonical name, provincial clusters that serve it."""

    code: int
    name: str
    clusters: tuple[Cluster, ...]


PPKS_TYPES: tuple[PpksType, ...] = (
    PpksType(1, N_("Anak Balita Telantar"), _A),
    PpksType(2, N_("Anak Telantar"), _A),
    PpksType(3, N_("Anak yang Berhadapan dengan Hukum (ABH)"), ()),
    PpksType(4, N_("Anak Jalanan"), _A),
    # Decided by the primary need: a child with a disability may go to either cluster.
    PpksType(5, N_("Anak dengan Kedisabilitasan (ADK)"), (Cluster.ANAK, Cluster.DISABILITAS)),
    PpksType(6, N_("Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah"), _A),
    PpksType(7, N_("Anak yang Memerlukan Perlindungan Khusus (AMPK)"), _A),
    PpksType(8, N_("Lanjut Usia Telantar"), (Cluster.LANSIA,)),
    PpksType(9, N_("Penyandang Disabilitas"), (Cluster.DISABILITAS,)),
    PpksType(10, N_("Tuna Susila"), ()),
    PpksType(11, N_("Gelandangan"), (Cluster.GEPENG,)),
    PpksType(12, N_("Pengemis"), (Cluster.GEPENG,)),
    # Tuna sosial nationally, but in practice served together with gepeng at Mardi Guna.
    PpksType(13, N_("Pemulung"), (Cluster.GEPENG,)),
    PpksType(14, N_("Kelompok Minoritas"), ()),
    PpksType(15, N_("Bekas Warga Binaan Lembaga Pemasyarakatan (BWBLP)"), ()),
    PpksType(16, N_("Orang dengan HIV/AIDS (ODHA)"), ()),
    PpksType(17, N_("Korban Penyalahgunaan NAPZA"), ()),
    PpksType(18, N_("Korban Trafficking"), ()),
    PpksType(19, N_("Korban Tindak Kekerasan"), ()),
    PpksType(20, N_("Pekerja Migran Bermasalah Sosial (PMBS)"), ()),
    PpksType(21, N_("Korban Bencana Alam"), ()),
    PpksType(22, N_("Korban Bencana Sosial"), ()),
    PpksType(23, N_("Perempuan Rawan Sosial Ekonomi"), ()),
    PpksType(24, N_("Fakir Miskin"), ()),
    PpksType(25, N_("Keluarga Bermasalah Sosial Psikologis"), ()),
    PpksType(26, N_("Komunitas Adat Terpencil"), ()),
)

_BY_CODE = {p.code: p for p in PPKS_TYPES}
_ABBREVIATION = re.compile(r"\s*\(([^)]*)\)\s*$")


def _name_key(name: str) -> str:
    words = name.casefold().replace("terlantar", "telantar").split()
    return " ".join(words)


def _keys_of(ppks: PpksType) -> list[str]:
    keys = [_name_key(ppks.name)]
    abbreviation = _ABBREVIATION.search(ppks.name)
    if abbreviation:
        keys.append(_name_key(ppks.name[: abbreviation.start()]))
        keys.append(_name_key(abbreviation.group(1)))
    return keys


_BY_NAME = {key: p for p in PPKS_TYPES for key in _keys_of(p)}


def ppks_by_code(code: int) -> PpksType:
    """The PPKS type numbered ``code`` (1–26)."""
    found = _BY_CODE.get(code)
    if found is None:
        raise NotFoundError(_("Jenis PPKS nomor {code} tidak ada (1–26).").format(code=code))
    return found


def ppks_by_name(name: str) -> PpksType:
    """The PPKS type called ``name``: case-insensitive, "terlantar" or "telantar", with or
    without its abbreviation, or the abbreviation alone (ABH, ADK, ODHA…)."""
    found = _BY_NAME.get(_name_key(name))
    if found is None:
        raise NotFoundError(_("Jenis PPKS \"{name}\" tidak dikenal.").format(name=name.strip()))
    return found


def ppks_for_cluster(cluster: Cluster) -> tuple[PpksType, ...]:
    """The PPKS types a panti of ``cluster`` may serve, in list order."""
    return tuple(p for p in PPKS_TYPES if cluster in p.clusters)
