"""The catalogue of care goals (tujuan rencana intervensi) that ships with PantiDesk.

Goals are grouped by the seven ATENSI components (DOMAIN.md §2.2) and say which clusters they suit,
so the plan editor offers a lansia resident lansia goals. A code reads ``<cluster><component>-<nn>``
(``L1-01``: lansia, component 1, first goal; ``U`` for goals that suit every cluster). Codes are
stored on the goals of a plan and travel to the province, so a released code never changes meaning;
the province or a panti adds its own goals as ``goal_template`` rows (their codes may not reuse one
of these). The wording is our judgement of common practice in Indonesian panti, not a regulation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pantidesk.domain.enums import Cluster
from pantidesk.i18n import N_

CODE_PATTERN = re.compile(r"[A-Z0-9][A-Z0-9.\-]{1,39}")
_A = frozenset({Cluster.ANAK})
_L = frozenset({Cluster.LANSIA})
_D = frozenset({Cluster.DISABILITAS})
_G = frozenset({Cluster.GEPENG})
_ALL = frozenset(Cluster)


@dataclass(frozen=True)
class CatalogueGoal:
    """One shipped goal: stable code, ATENSI component (1–7), clusters it suits, and its
    ``N_()``-marked description (translate where it is shown)."""

    code: str
    atensi_code: int
    clusters: frozenset[Cluster]
    description: str

    def suits(self, cluster: Cluster | None) -> bool:
        return cluster is None or cluster in self.clusters


SHIPPED_GOALS: tuple[CatalogueGoal, ...] = (
    # --- every cluster ---------------------------------------------------------------------------
    CatalogueGoal("U1-01", 1, _ALL, N_(
        "Kebutuhan makan, pakaian dan tempat tinggal yang layak terpenuhi selama di panti")),
    CatalogueGoal("U4-01", 4, _ALL, N_(
        "Rutin mengikuti bimbingan mental spiritual sesuai agama dan kepercayaannya")),
    # --- anak (anak telantar, remaja putus sekolah) ----------------------------------------------
    CatalogueGoal("A1-01", 1, _A, N_("Memiliki akta kelahiran dan KIA")),
    CatalogueGoal("A1-02", 1, _A, N_(
        "Status gizi dan tumbuh kembang sesuai usia, dipantau setiap bulan")),
    CatalogueGoal("A1-03", 1, _A, N_(
        "Terdaftar sebagai peserta JKN dan mendapat pemeriksaan kesehatan rutin")),
    CatalogueGoal("A2-01", 2, _A, N_(
        "Mendapat pengasuhan yang hangat dan konsisten dari pengasuh tetap")),
    CatalogueGoal("A2-02", 2, _A, N_("Mampu merawat diri dan menjaga kebersihan sesuai usia")),
    CatalogueGoal("A3-01", 3, _A, N_(
        "Keluarga atau kerabat ditemukan dan kemampuannya mengasuh dinilai")),
    CatalogueGoal("A3-02", 3, _A, N_("Kembali diasuh keluarga atau keluarga pengganti")),
    CatalogueGoal("A4-01", 4, _A, N_(
        "Mampu mengelola emosi dan menjalin pertemanan yang sehat")),
    CatalogueGoal("A4-02", 4, _A, N_(
        "Pulih dari trauma kekerasan atau penelantaran dengan pendampingan psikososial")),
    CatalogueGoal("A5-01", 5, _A, N_(
        "Menguasai keterampilan kerja sesuai minat dan bakat (perbengkelan, menjahit, tata "
        "boga)")),
    CatalogueGoal("A6-01", 6, _A, N_("Menerima Program Indonesia Pintar (PIP/KIP)")),
    CatalogueGoal("A7-01", 7, _A, N_("Bersekolah sesuai jenjang")),
    CatalogueGoal("A7-02", 7, _A, N_(
        "Kembali bersekolah atau mengikuti pendidikan kesetaraan (Paket A/B/C)")),
    # --- lanjut usia -----------------------------------------------------------------------------
    CatalogueGoal("L1-01", 1, _L, N_("Kebutuhan gizi harian terpenuhi sesuai kondisi kesehatan")),
    CatalogueGoal("L1-02", 1, _L, N_("Memiliki KTP-el dan terdaftar sebagai peserta JKN")),
    CatalogueGoal("L1-03", 1, _L, N_(
        "Penyakit kronis (hipertensi, diabetes, asam urat) terkendali dengan pemeriksaan rutin")),
    CatalogueGoal("L2-01", 2, _L, N_(
        "Mampu melakukan aktivitas sehari-hari secara mandiri sesuai kemampuan")),
    CatalogueGoal("L2-02", 2, _L, N_(
        "Mendapat bantuan perawatan harian (mandi, makan, berpindah) sesuai tingkat "
        "ketergantungan")),
    CatalogueGoal("L3-01", 3, _L, N_("Hubungan dengan keluarga terjalin kembali")),
    CatalogueGoal("L3-02", 3, _L, N_("Keluarga bersedia merawat dan lanjut usia kembali ke keluarga")),
    CatalogueGoal("L4-01", 4, _L, N_("Kondisi psikososial stabil, tidak menarik diri")),
    CatalogueGoal("L4-02", 4, _L, N_(
        "Daya ingat dan fungsi kognitif terjaga melalui kegiatan stimulasi")),
    CatalogueGoal("L4-03", 4, _L, N_(
        "Kebugaran fisik terjaga melalui senam lansia dan fisioterapi")),
    CatalogueGoal("L5-01", 5, _L, N_(
        "Mengisi waktu dengan kegiatan produktif sesuai minat (kerajinan, berkebun)")),
    CatalogueGoal("L7-01", 7, _L, N_(
        "Memiliki alat bantu yang sesuai (tongkat, kursi roda, kacamata, alat bantu dengar)")),
    CatalogueGoal("L7-02", 7, _L, N_(
        "Mendapat akses layanan kesehatan lanjutan (puskesmas, rumah sakit) saat dibutuhkan")),
    # --- penyandang disabilitas ------------------------------------------------------------------
    CatalogueGoal("D1-01", 1, _D, N_("Memiliki NIK, Kartu Keluarga dan kartu JKN")),
    CatalogueGoal("D1-02", 1, _D, N_("Kebutuhan gizi dan kesehatan dasar terpenuhi")),
    CatalogueGoal("D2-01", 2, _D, N_(
        "Mampu merawat diri (makan, mandi, berpakaian) dengan bantuan seminimal mungkin")),
    CatalogueGoal("D3-01", 3, _D, N_(
        "Keluarga memahami kondisi disabilitas dan mampu mendampingi")),
    CatalogueGoal("D3-02", 3, _D, N_(
        "Kembali ke keluarga atau masyarakat dengan dukungan yang memadai")),
    CatalogueGoal("D4-01", 4, _D, N_(
        "Mengikuti terapi fisik, okupasi atau wicara secara teratur sesuai kebutuhan")),
    CatalogueGoal("D4-02", 4, _D, N_(
        "Mampu berkomunikasi dan berinteraksi sosial dengan lingkungan")),
    CatalogueGoal("D5-01", 5, _D, N_(
        "Menguasai keterampilan kerja sesuai ragam disabilitas (menjahit, pijat, kerajinan)")),
    CatalogueGoal("D6-01", 6, _D, N_("Menerima bantuan stimulan usaha setelah pelatihan")),
    CatalogueGoal("D7-01", 7, _D, N_("Memiliki dan mampu menggunakan alat bantu yang sesuai")),
    CatalogueGoal("D7-02", 7, _D, N_(
        "Mendapat akses pendidikan inklusif atau SLB sesuai kebutuhan")),
    # --- gelandangan dan pengemis ----------------------------------------------------------------
    CatalogueGoal("G1-01", 1, _G, N_("Memiliki dokumen kependudukan (NIK, KK, KTP-el)")),
    CatalogueGoal("G1-02", 1, _G, N_("Kondisi kesehatan dan gizi pulih")),
    CatalogueGoal("G2-01", 2, _G, N_("Menjalankan pola hidup bersih dan teratur di asrama")),
    CatalogueGoal("G3-01", 3, _G, N_("Keluarga atau daerah asal berhasil ditelusuri")),
    CatalogueGoal("G3-02", 3, _G, N_("Kembali ke daerah asal")),
    CatalogueGoal("G4-01", 4, _G, N_(
        "Memiliki motivasi untuk tidak kembali menggelandang atau mengemis")),
    CatalogueGoal("G5-01", 5, _G, N_("Memiliki keterampilan kerja dasar")),
    CatalogueGoal("G5-02", 5, _G, N_("Mampu menyusun rencana usaha sederhana")),
    CatalogueGoal("G5-03", 5, _G, N_("Tersalurkan ke pekerjaan atau membuka usaha mandiri")),
    CatalogueGoal("G6-01", 6, _G, N_("Menerima bantuan stimulan usaha ekonomi produktif")),
)

_BY_CODE = {goal.code: goal for goal in SHIPPED_GOALS}


def shipped_goal(code: str) -> CatalogueGoal | None:
    """The shipped goal with ``code``, or None."""
    return _BY_CODE.get(code.strip().upper())


def shipped_goals_for(cluster: Cluster | None) -> tuple[CatalogueGoal, ...]:
    """The shipped goals suiting ``cluster`` (all of them for None), by component then code."""
    return tuple(sorted((g for g in SHIPPED_GOALS if g.suits(cluster)),
                        key=lambda g: (g.atensi_code, g.code)))


def normalize_code(code: str) -> str:
    """A goal code as stored: upper case, no surrounding spaces."""
    return code.strip().upper()


def is_valid_code(code: str) -> bool:
    """2–40 characters of letters, digits, dots and dashes, starting with a letter or digit."""
    return CODE_PATTERN.fullmatch(normalize_code(code)) is not None
