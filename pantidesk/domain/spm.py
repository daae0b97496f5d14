"""Service items of the SPM (Standar Pelayanan Minimal) bidang sosial for provincial panti.

One item per row of DOMAIN.md §3.2 (Permensos 9/2018, partly from memory there): which clusters
must receive it, and the ATENSI component it belongs to, so that every service event can be
counted both for SPM achievement and for the care plan. The ATENSI mapping is our judgement.
"""

from __future__ import annotations

from dataclasses import dataclass

from pantidesk.domain.enums import Cluster
from pantidesk.errors import NotFoundError
from pantidesk.i18n import N_, _

_ALL = frozenset(Cluster)
_NOT_GEPENG = frozenset({Cluster.ANAK, Cluster.LANSIA, Cluster.DISABILITAS})
_LANSIA_DISABILITAS = frozenset({Cluster.LANSIA, Cluster.DISABILITAS})
_ANAK = frozenset({Cluster.ANAK})
_GEPENG = frozenset({Cluster.GEPENG})


@dataclass(frozen=True)
class SpmItem:
    """One SPM service item: stable code, name, clusters it applies to, ATENSI component."""

    code: str
    name: str
    clusters: frozenset[Cluster]
    atensi_code: int


SPM_ITEMS: tuple[SpmItem, ...] = (
    SpmItem("pengasuhan", N_("Pengasuhan"), _ANAK, 2),
    SpmItem("permakanan", N_("Permakanan"), _ALL, 1),
    SpmItem("sandang", N_("Sandang"), _ALL, 1),
    SpmItem("asrama", N_("Asrama yang mudah diakses"), _ALL, 1),
    SpmItem("alat_bantu", N_("Alat bantu"), _LANSIA_DISABILITAS, 7),
    SpmItem("perbekalan_kesehatan", N_("Perbekalan kesehatan di dalam panti"), _ALL, 1),
    SpmItem("bimbingan", N_("Bimbingan fisik, mental spiritual dan sosial"), _ALL, 4),
    SpmItem("keterampilan_hidup",
            N_("Bimbingan keterampilan/aktivitas hidup sehari-hari"), _ALL, 2),
    SpmItem("dokumen_kependudukan", N_("Dokumen kependudukan"), _ALL, 1),
    SpmItem("akses_pendidikan_kesehatan",
            N_("Akses layanan pendidikan dan kesehatan dasar"), _ALL, 7),
    SpmItem("penelusuran_keluarga", N_("Penelusuran keluarga"), _NOT_GEPENG, 3),
    SpmItem("reunifikasi", N_("Reunifikasi keluarga"), _NOT_GEPENG, 3),
    SpmItem("keluarga_pengganti", N_("Akses pengasuhan keluarga pengganti"), _ANAK, 2),
    SpmItem("pemulasaraan", N_("Pemulasaraan"), _LANSIA_DISABILITAS, 2),
    SpmItem("keterampilan_usaha", N_("Bimbingan keterampilan dasar (usaha)"), _GEPENG, 5),
    SpmItem("pemulangan", N_("Pemulangan ke daerah asal"), _GEPENG, 3),
)

_BY_CODE = {s.code: s for s in SPM_ITEMS}


def spm_items_for(cluster: Cluster) -> tuple[SpmItem, ...]:
    """The SPM items a resident of ``cluster`` must receive, in table order."""
    return tuple(s for s in SPM_ITEMS if cluster in s.clusters)


def spm_by_code(code: str) -> SpmItem:
    """The SPM item with this code."""
    found = _BY_CODE.get(code)
    if found is None:
        raise NotFoundError(_("Butir SPM \"{code}\" tidak dikenal.").format(code=code))
    return found
