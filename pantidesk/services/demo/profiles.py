"""How residents of each cluster differ: ages, PPKS types, intake sources, length of stay,
assessment outcomes and discharge reasons. Figures are plausible, not statistics."""

from __future__ import annotations

from dataclasses import dataclass

from pantidesk.domain.enums import AssessmentDecision, Cluster, DischargeReason, IntakeSource


@dataclass(frozen=True)
class ClusterProfile:
    age_at_intake: tuple[int, int]
    ppks: tuple[tuple[int, float], ...]
    sources: tuple[tuple[IntakeSource, float], ...]
    mean_stay_years: float
    decisions: tuple[tuple[AssessmentDecision, float], ...]  # outcome of an assessment
    discharge_reasons: tuple[tuple[DischargeReason, float], ...]
    no_nik_share: float  # share without a NIK (belum ada or identity unknown)
    female_share: float


PROFILES: dict[Cluster, ClusterProfile] = {
    Cluster.ANAK: ClusterProfile(
        age_at_intake=(6, 17),
        ppks=((2, 0.72), (4, 0.1), (6, 0.1), (7, 0.08)),
        sources=((IntakeSource.RUJUKAN_DINSOS, 0.5), (IntakeSource.DIANTAR_KELUARGA, 0.2),
                 (IntakeSource.DIANTAR_MASYARAKAT, 0.15), (IntakeSource.KEPOLISIAN, 0.1),
                 (IntakeSource.PINDAHAN_PANTI, 0.05)),
        mean_stay_years=2.5,
        decisions=((AssessmentDecision.ADMIT, 0.68), (AssessmentDecision.RETURN_TO_FAMILY, 0.2),
                   (AssessmentDecision.REFER, 0.08), (AssessmentDecision.NOT_ELIGIBLE, 0.04)),
        discharge_reasons=((DischargeReason.PROGRAM_SELESAI, 0.4),
                           (DischargeReason.REUNIFIKASI, 0.3),
                           (DischargeReason.BATAS_USIA, 0.1),
                           (DischargeReason.PENYALURAN, 0.1),
                           (DischargeReason.MELARIKAN_DIRI, 0.05),
                           (DischargeReason.RUJUKAN, 0.05)),
        no_nik_share=0.25,
        female_share=0.45,
    ),
    Cluster.LANSIA: ClusterProfile(
        age_at_intake=(60, 88),
        ppks=((8, 1.0),),
        sources=((IntakeSource.DIANTAR_KELUARGA, 0.3), (IntakeSource.RUJUKAN_DINSOS, 0.4),
                 (IntakeSource.KEPOLISIAN, 0.1), (IntakeSource.RUMAH_SAKIT, 0.1),
                 (IntakeSource.DATANG_SENDIRI, 0.1)),
        mean_stay_years=4.0,
        decisions=((AssessmentDecision.ADMIT, 0.7), (AssessmentDecision.RETURN_TO_FAMILY, 0.2),
                   (AssessmentDecision.REFER, 0.07), (AssessmentDecision.NOT_ELIGIBLE, 0.03)),
        discharge_reasons=((DischargeReason.MENINGGAL, 0.55), (DischargeReason.REUNIFIKASI, 0.25),
                           (DischargeReason.RUJUKAN, 0.1),
                           (DischargeReason.MENGUNDURKAN_DIRI, 0.1)),
        no_nik_share=0.15,
        female_share=0.55,
    ),
    Cluster.DISABILITAS: ClusterProfile(
        age_at_intake=(18, 55),
        ppks=((9, 1.0),),
        sources=((IntakeSource.RUJUKAN_DINSOS, 0.5), (IntakeSource.DIANTAR_KELUARGA, 0.25),
                 (IntakeSource.RUMAH_SAKIT, 0.1), (IntakeSource.DIANTAR_MASYARAKAT, 0.15)),
        mean_stay_years=3.0,
        decisions=((AssessmentDecision.ADMIT, 0.65), (AssessmentDecision.RETURN_TO_FAMILY, 0.2),
                   (AssessmentDecision.REFER, 0.1), (AssessmentDecision.NOT_ELIGIBLE, 0.05)),
        discharge_reasons=((DischargeReason.PROGRAM_SELESAI, 0.3),
                           (DischargeReason.REUNIFIKASI, 0.3),
                           (DischargeReason.PENYALURAN, 0.15), (DischargeReason.RUJUKAN, 0.15),
                           (DischargeReason.MENINGGAL, 0.1)),
        no_nik_share=0.2,
        female_share=0.45,
    ),
    Cluster.GEPENG: ClusterProfile(
        age_at_intake=(18, 65),
        ppks=((11, 0.5), (12, 0.4), (13, 0.1)),
        sources=((IntakeSource.RAZIA, 0.75), (IntakeSource.RUJUKAN_DINSOS, 0.15),
                 (IntakeSource.KEPOLISIAN, 0.05), (IntakeSource.DIANTAR_MASYARAKAT, 0.05)),
        mean_stay_years=0.4,
        decisions=((AssessmentDecision.ADMIT, 0.55), (AssessmentDecision.RETURN_TO_FAMILY, 0.35),
                   (AssessmentDecision.REFER, 0.07), (AssessmentDecision.NOT_ELIGIBLE, 0.03)),
        discharge_reasons=((DischargeReason.PEMULANGAN, 0.5),
                           (DischargeReason.PROGRAM_SELESAI, 0.25),
                           (DischargeReason.MELARIKAN_DIRI, 0.15),
                           (DischargeReason.PENYALURAN, 0.1)),
        no_nik_share=0.55,
        female_share=0.35,
    ),
}

ROOMS = {
    Cluster.ANAK: ("Wisma Melati", "Wisma Mawar", "Wisma Anggrek", "Wisma Kenanga"),
    Cluster.LANSIA: ("Wisma Cempaka", "Wisma Flamboyan", "Wisma Dahlia", "Wisma Teratai",
                     "Wisma Seruni"),
    Cluster.DISABILITAS: ("Wisma Harapan", "Wisma Mandiri", "Wisma Sejahtera"),
    Cluster.GEPENG: ("Asrama Putra", "Asrama Putri", "Asrama Keluarga"),
}
