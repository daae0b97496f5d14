"""The seven direct-service components of ATENSI (Asistensi Rehabilitasi Sosial).

ATENSI is defined in Permensos 7/2021 (amended by 7/2022; Permensos 15/2025 keeps the definition);
Kemensos groups its activities into these seven components (DOMAIN.md §2.2). Care plans set goals
per component and every service event is tagged with one.
"""

from __future__ import annotations

from dataclasses import dataclass

from pantidesk.errors import NotFoundError
from pantidesk.i18n import N_, _


@dataclass(frozen=True)
class AtensiComponent:
    """One ATENSI component: number 1–7, name and what it covers."""

    code: int
    name: str
    description: str


ATENSI_COMPONENTS: tuple[AtensiComponent, ...] = (
    AtensiComponent(
        1, N_("Dukungan pemenuhan kebutuhan hidup layak"),
        N_("Permakanan, sandang, tempat tinggal, dokumen kependudukan dan akses layanan "
           "kesehatan."),
    ),
    AtensiComponent(
        2, N_("Perawatan sosial dan/atau pengasuhan anak"),
        N_("Perawatan sehari-hari, pengasuhan dan pendampingan, termasuk pemulasaraan."),
    ),
    AtensiComponent(
        3, N_("Dukungan keluarga"),
        N_("Penelusuran keluarga, penguatan dan konseling keluarga, reunifikasi dan "
           "pemulangan."),
    ),
    AtensiComponent(
        4, N_("Terapi"),
        N_("Terapi fisik, psikososial dan mental spiritual."),
    ),
    AtensiComponent(
        5, N_("Pelatihan vokasional dan/atau pembinaan kewirausahaan"),
        N_("Pelatihan keterampilan kerja, praktik belajar kerja dan pembinaan usaha."),
    ),
    AtensiComponent(
        6, N_("Bantuan sosial dan asistensi sosial"),
        N_("Bantuan stimulan, bantuan usaha dan pendampingan sosial."),
    ),
    AtensiComponent(
        7, N_("Dukungan aksesibilitas"),
        N_("Alat bantu dan akses ke layanan pendidikan, kesehatan dan fasilitas umum."),
    ),
)

_BY_CODE = {a.code: a for a in ATENSI_COMPONENTS}


def atensi_by_code(code: int) -> AtensiComponent:
    """The ATENSI component numbered ``code`` (1–7)."""
    found = _BY_CODE.get(code)
    if found is None:
        raise NotFoundError(_("Komponen ATENSI nomor {code} tidak ada (1–7).").format(code=code))
    return found
