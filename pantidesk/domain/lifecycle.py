"""Where a person stands in the case lifecycle (DESIGN.md §4), derived from data, never typed.

A person with an open stay is a resident (aktif); a stay with a discharge is finished (keluar); a
person never admitted is described by their latest assessment decision, or is still a candidate
(calon penerima manfaat) while no decision exists.
"""

from __future__ import annotations

from pantidesk.domain.enums import AssessmentDecision, LabelledEnum, set_labels
from pantidesk.i18n import N_


class CaseStatus(LabelledEnum):
    CALON = "calon"
    AKTIF = "aktif"
    KELUAR = "keluar"
    KEMBALI_KE_KELUARGA = "kembali_ke_keluarga"
    DIRUJUK = "dirujuk"
    TIDAK_MEMENUHI_SYARAT = "tidak_memenuhi_syarat"


set_labels(CaseStatus, {
    CaseStatus.CALON: N_("Calon (asesmen)"),
    CaseStatus.AKTIF: N_("Aktif"),
    CaseStatus.KELUAR: N_("Keluar"),
    CaseStatus.KEMBALI_KE_KELUARGA: N_("Kembali ke keluarga"),
    CaseStatus.DIRUJUK: N_("Dirujuk"),
    CaseStatus.TIDAK_MEMENUHI_SYARAT: N_("Tidak memenuhi syarat"),
})

_BY_DECISION = {
    AssessmentDecision.RETURN_TO_FAMILY: CaseStatus.KEMBALI_KE_KELUARGA,
    AssessmentDecision.REFER: CaseStatus.DIRUJUK,
    AssessmentDecision.NOT_ELIGIBLE: CaseStatus.TIDAK_MEMENUHI_SYARAT,
}


def case_status(
    has_stay: bool, stay_discharged: bool, latest_decision: AssessmentDecision | None
) -> CaseStatus:
    """Status from the latest stay, else from the latest assessment decision."""
    if has_stay:
        return CaseStatus.KELUAR if stay_discharged else CaseStatus.AKTIF
    if latest_decision is None or latest_decision is AssessmentDecision.ADMIT:
        # Admitted on paper but no stay yet: still waiting for the SK penetapan.
        return CaseStatus.CALON
    return _BY_DECISION[latest_decision]
