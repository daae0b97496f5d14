"""The rules an admission decision is checked against (DOMAIN.md §0.3, §1, §4.4).

Assessment first: a person whose family is found, able and safe goes home. Then the cluster: the
PPKS type must be one this panti's cluster serves, and the age must fit it (anak < 18, lansia ≥ 60,
gelandangan/pengemis adults; PSBR Raden Intan takes youths of 13–18). Then room: a full panti
admits only with a reason. Breaking a rule is allowed, with a reason the worker writes; the rules
only make sure nobody breaks one without noticing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pantidesk.domain.dates import age_on
from pantidesk.domain.enums import Cluster
from pantidesk.domain.ppks import ppks_by_code
from pantidesk.i18n import _

# (youngest, oldest) age in completed years at assessment; None = no bound.
CLUSTER_AGES: dict[Cluster, tuple[int | None, int | None]] = {
    Cluster.ANAK: (None, 17),
    Cluster.LANSIA: (60, None),
    Cluster.DISABILITAS: (None, None),
    Cluster.GEPENG: (18, None),
}
# Panti whose own programme narrows the cluster's band (PSBR: remaja putus sekolah, DOMAIN.md §4.4).
PANTI_AGES: dict[str, tuple[int | None, int | None]] = {"RI": (13, 18)}


@dataclass(frozen=True)
class AdmissionFacts:
    panti_code: str
    cluster: Cluster
    capacity: int
    occupied: int
    ppks_code: int | None
    birth_date: dt.date | None
    birth_date_estimated: bool
    assessed_on: dt.date
    family_found: bool | None
    family_can_care: bool | None
    family_safe: bool | None
    has_disability: bool


def admission_exceptions(facts: AdmissionFacts) -> list[str]:
    """Each rule an admission would break, as a sentence; empty when it breaks none."""
    broken: list[str] = []
    if facts.family_found and facts.family_can_care and facts.family_safe:
        broken.append(_("Keluarga ditemukan, mampu dan aman merawat: menurut asesmen, orang ini "
                        "kembali ke keluarga."))
    if facts.ppks_code is not None:
        ppks = ppks_by_code(facts.ppks_code)
        if facts.cluster not in ppks.clusters:
            broken.append(_("Jenis PPKS \"{ppks}\" tidak dilayani klaster {cluster}.").format(
                ppks=_(ppks.name), cluster=facts.cluster.label))
    if facts.birth_date is not None:
        age = age_on(facts.birth_date, facts.assessed_on)
        youngest, oldest = PANTI_AGES.get(facts.panti_code, CLUSTER_AGES[facts.cluster])
        estimated = _(" (perkiraan)") if facts.birth_date_estimated else ""
        if youngest is not None and age < youngest:
            broken.append(_("Usia {age} tahun{estimated} di bawah batas {limit} tahun untuk "
                            "panti ini.").format(age=age, estimated=estimated, limit=youngest))
        if oldest is not None and age > oldest:
            broken.append(_("Usia {age} tahun{estimated} di atas batas {limit} tahun untuk "
                            "panti ini.").format(age=age, estimated=estimated, limit=oldest))
    if facts.cluster is Cluster.DISABILITAS and not facts.has_disability:
        broken.append(_("Ragam disabilitas belum dicatat pada data orang ini."))
    if facts.occupied >= facts.capacity:
        broken.append(_("Panti penuh: {occupied} penghuni dari kapasitas {capacity}.").format(
            occupied=facts.occupied, capacity=facts.capacity))
    return broken
