"""Closed value sets of the domain, each member with an Indonesian label for people.

Values are lowercase snake strings (``Sex`` keeps the Adminduk letters L/P): they are stored in the
database and travel in sync bundles, so they never change once released. Labels are declared with
``N_()`` and translated when read through ``.label``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from pantidesk.i18n import N_, _

E = TypeVar("E", bound="LabelledEnum")


class LabelledEnum(StrEnum):
    """A ``StrEnum`` whose members carry a translated label (``member.label``)."""

    @property
    def label(self) -> str:
        return _(self.source_label)

    @property
    def source_label(self) -> str:
        """The untranslated Indonesian label: what files written for other programs carry."""
        # Labels live in a class attribute set after the class exists: Enum reserves _sunder_
        # names inside the class body. A missing label shows the stored value rather than fail
        # inside a view; tests check that every member has one.
        labels: Mapping[str, str] = vars(type(self)).get("_labels", {})
        return labels.get(self.value, self.value)


def set_labels(enum_cls: type[E], labels: Mapping[E, str]) -> None:
    """Attach the ``N_()``-marked labels of every member of ``enum_cls``."""
    missing = [member.name for member in enum_cls if member not in labels]
    if missing:
        raise ValueError(f"{enum_cls.__name__}: no label for {', '.join(missing)}")
    setattr(enum_cls, "_labels", {m.value: text for m, text in labels.items()})  # noqa: B010


class Cluster(LabelledEnum):
    """The four provincial in-panti service clusters of PP 2/2018 Pasal 10."""

    ANAK = "anak"
    LANSIA = "lansia"
    DISABILITAS = "disabilitas"
    GEPENG = "gepeng"


set_labels(Cluster, {
    Cluster.ANAK: N_("Anak telantar"),
    Cluster.LANSIA: N_("Lanjut usia telantar"),
    Cluster.DISABILITAS: N_("Penyandang disabilitas telantar"),
    Cluster.GEPENG: N_("Gelandangan dan pengemis"),
})


class Sex(LabelledEnum):
    """Jenis kelamin as written on the KTP and KK."""

    L = "L"
    P = "P"


set_labels(Sex, {Sex.L: N_("Laki-laki"), Sex.P: N_("Perempuan")})


class NikState(LabelledEnum):
    """Whether a person has a NIK; many gepeng and abandoned people have none."""

    PUNYA = "punya"
    BELUM_ADA = "belum_ada"
    TIDAK_DIKETAHUI = "tidak_diketahui"


set_labels(NikState, {
    NikState.PUNYA: N_("Punya NIK"),
    NikState.BELUM_ADA: N_("NIK belum ada / diusulkan"),
    NikState.TIDAK_DIKETAHUI: N_("Identitas tidak diketahui"),
})


class Religion(LabelledEnum):
    """Agama, the Adminduk value set."""

    ISLAM = "islam"
    KRISTEN = "kristen"
    KATOLIK = "katolik"
    HINDU = "hindu"
    BUDDHA = "buddha"
    KHONGHUCU = "khonghucu"
    KEPERCAYAAN = "kepercayaan"


set_labels(Religion, {
    Religion.ISLAM: N_("Islam"),
    Religion.KRISTEN: N_("Kristen"),
    Religion.KATOLIK: N_("Katolik"),
    Religion.HINDU: N_("Hindu"),
    Religion.BUDDHA: N_("Buddha"),
    Religion.KHONGHUCU: N_("Khonghucu"),
    Religion.KEPERCAYAAN: N_("Kepercayaan terhadap Tuhan YME"),
})


class Education(LabelledEnum):
    """Pendidikan terakhir, the ten Dukcapil levels printed on the KK."""

    TIDAK_SEKOLAH = "tidak_sekolah"
    BELUM_TAMAT_SD = "belum_tamat_sd"
    TAMAT_SD = "tamat_sd"
    SLTP = "sltp"
    SLTA = "slta"
    D1_D2 = "d1_d2"
    D3 = "d3"
    D4_S1 = "d4_s1"
    S2 = "s2"
    S3 = "s3"


set_labels(Education, {
    Education.TIDAK_SEKOLAH: N_("Tidak/belum sekolah"),
    Education.BELUM_TAMAT_SD: N_("Belum tamat SD/sederajat"),
    Education.TAMAT_SD: N_("Tamat SD/sederajat"),
    Education.SLTP: N_("SLTP/sederajat"),
    Education.SLTA: N_("SLTA/sederajat"),
    Education.D1_D2: N_("Diploma I/II"),
    Education.D3: N_("Akademi/Diploma III/Sarjana muda"),
    Education.D4_S1: N_("Diploma IV/Strata I"),
    Education.S2: N_("Strata II"),
    Education.S3: N_("Strata III"),
})


class MaritalStatus(LabelledEnum):
    """Status perkawinan as on the KK (kawin split into tercatat / belum tercatat)."""

    BELUM_KAWIN = "belum_kawin"
    KAWIN_TERCATAT = "kawin_tercatat"
    KAWIN_BELUM_TERCATAT = "kawin_belum_tercatat"
    CERAI_HIDUP = "cerai_hidup"
    CERAI_MATI = "cerai_mati"


set_labels(MaritalStatus, {
    MaritalStatus.BELUM_KAWIN: N_("Belum kawin"),
    MaritalStatus.KAWIN_TERCATAT: N_("Kawin tercatat"),
    MaritalStatus.KAWIN_BELUM_TERCATAT: N_("Kawin belum tercatat"),
    MaritalStatus.CERAI_HIDUP: N_("Cerai hidup"),
    MaritalStatus.CERAI_MATI: N_("Cerai mati"),
})


class IntakeSource(LabelledEnum):
    """How a person reached the panti (DOMAIN.md §4.5)."""

    RAZIA = "razia"
    RUJUKAN_DINSOS = "rujukan_dinsos"
    KEPOLISIAN = "kepolisian"
    RUMAH_SAKIT = "rumah_sakit"
    DIANTAR_KELUARGA = "diantar_keluarga"
    DIANTAR_MASYARAKAT = "diantar_masyarakat"
    DATANG_SENDIRI = "datang_sendiri"
    PINDAHAN_PANTI = "pindahan_panti"


set_labels(IntakeSource, {
    IntakeSource.RAZIA: N_("Razia/penjaringan Satpol PP atau Dinsos kab/kota"),
    IntakeSource.RUJUKAN_DINSOS: N_("Rujukan Dinsos kab/kota"),
    IntakeSource.KEPOLISIAN: N_("Kepolisian"),
    IntakeSource.RUMAH_SAKIT: N_("Rumah sakit"),
    IntakeSource.DIANTAR_KELUARGA: N_("Diantar keluarga"),
    IntakeSource.DIANTAR_MASYARAKAT: N_("Diantar masyarakat"),
    IntakeSource.DATANG_SENDIRI: N_("Datang sendiri"),
    IntakeSource.PINDAHAN_PANTI: N_("Pindahan dari panti lain"),
})


class IntakeDocument(LabelledEnum):
    """Documents a person or the referring party brings at intake (DOMAIN.md §4.5)."""

    SURAT_PENGANTAR = "surat_pengantar"
    BERITA_ACARA = "berita_acara"
    KTP = "ktp"
    KK = "kk"
    AKTA_LAHIR = "akta_lahir"
    KARTU_JKN = "kartu_jkn"
    SURAT_SEHAT = "surat_sehat"
    IJAZAH = "ijazah"
    SKTM = "sktm"


set_labels(IntakeDocument, {
    IntakeDocument.SURAT_PENGANTAR: N_("Surat pengantar instansi pengirim"),
    IntakeDocument.BERITA_ACARA: N_("Berita acara penyerahan"),
    IntakeDocument.KTP: N_("KTP (atau fotokopi)"),
    IntakeDocument.KK: N_("Kartu Keluarga"),
    IntakeDocument.AKTA_LAHIR: N_("Akta kelahiran"),
    IntakeDocument.KARTU_JKN: N_("Kartu JKN/BPJS/KIS"),
    IntakeDocument.SURAT_SEHAT: N_("Surat keterangan sehat"),
    IntakeDocument.IJAZAH: N_("Ijazah/rapor"),
    IntakeDocument.SKTM: N_("SKTM"),
})


class AdlLevel(LabelledEnum):
    """Dependency in activities of daily living (Indeks Barthel bands), for lansia and disabilitas."""

    MANDIRI = "mandiri"
    RINGAN = "ringan"
    SEDANG = "sedang"
    BERAT = "berat"
    TOTAL = "total"


set_labels(AdlLevel, {
    AdlLevel.MANDIRI: N_("Mandiri"),
    AdlLevel.RINGAN: N_("Ketergantungan ringan"),
    AdlLevel.SEDANG: N_("Ketergantungan sedang"),
    AdlLevel.BERAT: N_("Ketergantungan berat"),
    AdlLevel.TOTAL: N_("Ketergantungan total"),
})


class AssessmentDecision(LabelledEnum):
    """Outcome of an assessment: admission is a decision, not a form field."""

    ADMIT = "diterima"
    RETURN_TO_FAMILY = "kembali_ke_keluarga"
    REFER = "dirujuk"
    NOT_ELIGIBLE = "tidak_memenuhi_syarat"


set_labels(AssessmentDecision, {
    AssessmentDecision.ADMIT: N_("Diterima di panti"),
    AssessmentDecision.RETURN_TO_FAMILY: N_("Kembali ke keluarga"),
    AssessmentDecision.REFER: N_("Dirujuk ke lembaga lain"),
    AssessmentDecision.NOT_ELIGIBLE: N_("Tidak memenuhi syarat"),
})


class DischargeReason(LabelledEnum):
    """Alasan terminasi (DOMAIN.md §4.6)."""

    PROGRAM_SELESAI = "program_selesai"
    REUNIFIKASI = "reunifikasi"
    PEMULANGAN = "pemulangan"
    KELUARGA_PENGGANTI = "keluarga_pengganti"
    RUJUKAN = "rujukan"
    MENINGGAL = "meninggal"
    PENYALURAN = "penyaluran"
    BATAS_USIA = "batas_usia"
    MENIKAH = "menikah"
    MENGUNDURKAN_DIRI = "mengundurkan_diri"
    MELARIKAN_DIRI = "melarikan_diri"
    DIKELUARKAN = "dikeluarkan"
    PINDAH_PANTI = "pindah_panti"


set_labels(DischargeReason, {
    DischargeReason.PROGRAM_SELESAI: N_("Program selesai / tujuan tercapai"),
    DischargeReason.REUNIFIKASI: N_("Reunifikasi keluarga"),
    DischargeReason.PEMULANGAN: N_("Pemulangan ke daerah asal"),
    DischargeReason.KELUARGA_PENGGANTI: N_("Pengasuhan keluarga pengganti / pengangkatan anak"),
    DischargeReason.RUJUKAN: N_("Rujukan ke lembaga lain"),
    DischargeReason.MENINGGAL: N_("Meninggal dunia"),
    DischargeReason.PENYALURAN: N_("Penyaluran kerja / usaha mandiri"),
    DischargeReason.BATAS_USIA: N_("Mencapai batas usia"),
    DischargeReason.MENIKAH: N_("Menikah"),
    DischargeReason.MENGUNDURKAN_DIRI: N_("Mengundurkan diri / diminta keluarga"),
    DischargeReason.MELARIKAN_DIRI: N_("Melarikan diri"),
    DischargeReason.DIKELUARKAN: N_("Dikeluarkan (pelanggaran tata tertib)"),
    DischargeReason.PINDAH_PANTI: N_("Pindah panti"),
})


class StayStatus(LabelledEnum):
    """Where a resident's stay stands today."""

    ACTIVE = "aktif"
    ON_LEAVE = "cuti"
    ABSCONDED = "kabur"
    DISCHARGED = "keluar"


set_labels(StayStatus, {
    StayStatus.ACTIVE: N_("Aktif"),
    StayStatus.ON_LEAVE: N_("Cuti / pulang sementara"),
    StayStatus.ABSCONDED: N_("Kabur"),
    StayStatus.DISCHARGED: N_("Keluar"),
})


class DisabilityType(LabelledEnum):
    """Ragam disabilitas (UU 8/2016), with ganda for more than one."""

    FISIK = "fisik"
    INTELEKTUAL = "intelektual"
    MENTAL = "mental"
    SENSORIK = "sensorik"
    GANDA = "ganda"


set_labels(DisabilityType, {
    DisabilityType.FISIK: N_("Disabilitas fisik"),
    DisabilityType.INTELEKTUAL: N_("Disabilitas intelektual"),
    DisabilityType.MENTAL: N_("Disabilitas mental"),
    DisabilityType.SENSORIK: N_("Disabilitas sensorik"),
    DisabilityType.GANDA: N_("Disabilitas ganda/multi"),
})


class DisabilityDegree(LabelledEnum):
    """Derajat disabilitas."""

    RINGAN = "ringan"
    SEDANG = "sedang"
    BERAT = "berat"


set_labels(DisabilityDegree, {
    DisabilityDegree.RINGAN: N_("Ringan"),
    DisabilityDegree.SEDANG: N_("Sedang"),
    DisabilityDegree.BERAT: N_("Berat"),
})


class JknSegment(LabelledEnum):
    """Segmen kepesertaan JKN/BPJS Kesehatan (who pays the premium)."""

    PBI_APBN = "pbi_apbn"
    PBPU_PEMDA = "pbpu_pemda"
    MANDIRI = "mandiri"
    TIDAK_ADA = "tidak_ada"


set_labels(JknSegment, {
    JknSegment.PBI_APBN: N_("PBI-JK (APBN)"),
    JknSegment.PBPU_PEMDA: N_("PBPU/BP Pemda (APBD)"),
    JknSegment.MANDIRI: N_("Mandiri (bayar sendiri)"),
    JknSegment.TIDAK_ADA: N_("Tidak punya JKN"),
})


class DtsenStatus(LabelledEnum):
    """Whether the person is in the Data Tunggal Sosial dan Ekonomi Nasional (Inpres 4/2025)."""

    TERDAFTAR = "terdaftar"
    TIDAK_TERDAFTAR = "tidak_terdaftar"
    TIDAK_DIKETAHUI = "tidak_diketahui"


set_labels(DtsenStatus, {
    DtsenStatus.TERDAFTAR: N_("Terdaftar di DTSEN"),
    DtsenStatus.TIDAK_TERDAFTAR: N_("Tidak terdaftar di DTSEN"),
    DtsenStatus.TIDAK_DIKETAHUI: N_("Belum diketahui"),
})


# --- Care plans, services and daily life (issue 4) ---------------------------------------------


class InterventionStatus(LabelledEnum):
    """Where one planned intervention of a care goal stands."""

    PLANNED = "rencana"
    RUNNING = "berjalan"
    DONE = "selesai"
    CANCELLED = "batal"


set_labels(InterventionStatus, {
    InterventionStatus.PLANNED: N_("Direncanakan"),
    InterventionStatus.RUNNING: N_("Berjalan"),
    InterventionStatus.DONE: N_("Selesai"),
    InterventionStatus.CANCELLED: N_("Dibatalkan"),
})


class GoalProgress(LabelledEnum):
    """Progress of one care goal as judged at a review."""

    NOT_STARTED = "belum_mulai"
    IN_PROGRESS = "berproses"
    ACHIEVED = "tercapai"
    NOT_ACHIEVED = "tidak_tercapai"


set_labels(GoalProgress, {
    GoalProgress.NOT_STARTED: N_("Belum dimulai"),
    GoalProgress.IN_PROGRESS: N_("Berproses"),
    GoalProgress.ACHIEVED: N_("Tercapai"),
    GoalProgress.NOT_ACHIEVED: N_("Tidak tercapai"),
})


class AgreedBy(LabelledEnum):
    """Who agreed the care plan with the panti (rencana intervensi disepakati bersama)."""

    RESIDENT = "penerima_manfaat"
    GUARDIAN = "wali"
    FAMILY = "keluarga"


set_labels(AgreedBy, {
    AgreedBy.RESIDENT: N_("Penerima manfaat"),
    AgreedBy.GUARDIAN: N_("Wali"),
    AgreedBy.FAMILY: N_("Keluarga"),
})


class CivilDocument(LabelledEnum):
    """Adminduk and related documents a panti helps residents obtain (fasilitasi dokumen)."""

    NIK = "nik"
    KTP = "ktp"
    KK = "kk"
    AKTA_LAHIR = "akta_lahir"
    KIA = "kia"
    SURAT_NIKAH = "surat_nikah"
    KARTU_JKN = "kartu_jkn"


set_labels(CivilDocument, {
    CivilDocument.NIK: N_("NIK (perekaman/penerbitan)"),
    CivilDocument.KTP: N_("KTP-el"),
    CivilDocument.KK: N_("Kartu Keluarga"),
    CivilDocument.AKTA_LAHIR: N_("Akta kelahiran"),
    CivilDocument.KIA: N_("Kartu Identitas Anak (KIA)"),
    CivilDocument.SURAT_NIKAH: N_("Surat/akta nikah"),
    CivilDocument.KARTU_JKN: N_("Kartu JKN/KIS"),
})


class DocumentStatus(LabelledEnum):
    """A document request from submission to issue; "terbit" and "ditolak" close it."""

    SUBMITTED = "diajukan"
    IN_PROCESS = "diproses"
    ISSUED = "terbit"
    REFUSED = "ditolak"


set_labels(DocumentStatus, {
    DocumentStatus.SUBMITTED: N_("Diajukan"),
    DocumentStatus.IN_PROCESS: N_("Diproses"),
    DocumentStatus.ISSUED: N_("Terbit"),
    DocumentStatus.REFUSED: N_("Ditolak"),
})


class Presence(LabelledEnum):
    """One resident's mark at the daily roll call (apel)."""

    PRESENT = "hadir"
    SICK = "sakit"
    PERMITTED = "izin"
    ON_LEAVE = "cuti"
    ABSENT = "tidak_hadir"


set_labels(Presence, {
    Presence.PRESENT: N_("Hadir"),
    Presence.SICK: N_("Sakit"),
    Presence.PERMITTED: N_("Izin"),
    Presence.ON_LEAVE: N_("Cuti"),
    Presence.ABSENT: N_("Tidak hadir"),
})


class AbsenceKind(LabelledEnum):
    """Why a resident is away from the panti: leave with permission, or absconded."""

    LEAVE = "cuti"
    PERMISSION = "izin"
    ABSCONDED = "kabur"


set_labels(AbsenceKind, {
    AbsenceKind.LEAVE: N_("Cuti (pulang sementara)"),
    AbsenceKind.PERMISSION: N_("Izin keluar"),
    AbsenceKind.ABSCONDED: N_("Kabur / melarikan diri"),
})


class IncidentKind(LabelledEnum):
    FIGHT = "perkelahian"
    VIOLENCE = "kekerasan"
    ACCIDENT = "kecelakaan"
    THEFT = "pencurian"
    SELF_HARM = "menyakiti_diri"
    OTHER = "lainnya"


set_labels(IncidentKind, {
    IncidentKind.FIGHT: N_("Perkelahian"),
    IncidentKind.VIOLENCE: N_("Kekerasan/perundungan"),
    IncidentKind.ACCIDENT: N_("Kecelakaan/jatuh"),
    IncidentKind.THEFT: N_("Pencurian/kehilangan"),
    IncidentKind.SELF_HARM: N_("Menyakiti diri"),
    IncidentKind.OTHER: N_("Lainnya"),
})


class HealthEventKind(LabelledEnum):
    """Entries of the health log, from a check-up to a death."""

    CHECKUP = "pemeriksaan"
    SICK = "sakit"
    REFERRED_PUSKESMAS = "rujuk_puskesmas"
    REFERRED_RS = "rujuk_rs"
    REFERRED_RSJ = "rujuk_rsj"
    RETURNED = "kembali"
    DIED = "meninggal"


set_labels(HealthEventKind, {
    HealthEventKind.CHECKUP: N_("Pemeriksaan kesehatan"),
    HealthEventKind.SICK: N_("Sakit (dirawat di panti)"),
    HealthEventKind.REFERRED_PUSKESMAS: N_("Dirujuk ke puskesmas"),
    HealthEventKind.REFERRED_RS: N_("Dirujuk ke rumah sakit"),
    HealthEventKind.REFERRED_RSJ: N_("Dirujuk ke RSJ"),
    HealthEventKind.RETURNED: N_("Kembali dari perawatan"),
    HealthEventKind.DIED: N_("Meninggal dunia"),
})
