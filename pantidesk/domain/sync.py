"""Words of sync between a panti and the province: kinds of bundle, the states of a sent bundle,
the roles of a province key, and the names of record types as people read them in summaries."""

from __future__ import annotations

from enum import StrEnum

from pantidesk.i18n import N_, _


class BundleKind(StrEnum):
    """A delta carries what changed since the province's last receipt; a snapshot carries all."""

    DELTA = "delta"
    SNAPSHOT = "snapshot"

    @property
    def label(self) -> str:
        return _(N_("bundel perubahan") if self is BundleKind.DELTA else N_("snapshot lengkap"))


class SentBundleStatus(StrEnum):
    """Where a bundle sent by a panti stands."""

    SENT = "terkirim"  # waiting for the province's receipt
    CONFIRMED = "dikonfirmasi"  # its receipt was imported
    COVERED = "tercakup"  # never confirmed itself, but a later confirmed bundle carried its content

    @property
    def label(self) -> str:
        return _(_SENT_LABELS[self])


_SENT_LABELS = {
    SentBundleStatus.SENT: N_("menunggu tanda terima"),
    SentBundleStatus.CONFIRMED: N_("dikonfirmasi provinsi"),
    SentBundleStatus.COVERED: N_("tercakup bundel berikutnya"),
}


class ProvinceKeyRole(StrEnum):
    """The province encrypts nothing itself: panti encrypt to its primary key (on the import PC)
    and its backup key (kept offline), so losing the import PC loses no data."""

    PRIMARY = "utama"
    BACKUP = "cadangan"

    @property
    def label(self) -> str:
        return _(N_("kunci utama") if self is ProvinceKeyRole.PRIMARY else N_("kunci cadangan"))


# Record types (synced tables) as named in import summaries.
RECORD_LABELS = {
    "person": N_("Orang"),
    "family_contact": N_("Kontak keluarga"),
    "duplicate_review": N_("Pemeriksaan kemiripan"),
    "intake": N_("Penerimaan"),
    "assessment": N_("Asesmen"),
    "stay": N_("Masa tinggal"),
    "discharge": N_("Terminasi"),
    "care_plan": N_("Rencana intervensi"),
    "care_goal": N_("Tujuan rencana"),
    "intervention": N_("Intervensi"),
    "plan_review": N_("Tinjauan rencana"),
    "goal_review": N_("Kemajuan tujuan"),
    "progress_note": N_("Catatan perkembangan"),
    "progress_note_correction": N_("Koreksi catatan"),
    "goal_template": N_("Katalog tujuan"),
    "room": N_("Kamar/wisma"),
    "roll_call": N_("Apel"),
    "roll_call_entry": N_("Kehadiran apel"),
    "absence": N_("Cuti/kabur"),
    "absence_follow_up": N_("Tindak lanjut kabur"),
    "incident": N_("Kejadian"),
    "health_event": N_("Catatan kesehatan"),
    "distribution": N_("Distribusi"),
    "service_event": N_("Layanan"),
    "document_request": N_("Fasilitasi dokumen"),
    "issued_document": N_("Dokumen terbit"),
    "audit_log": N_("Log audit"),
    "attachment": N_("Lampiran"),
}


def record_label(table: str) -> str:
    """The Indonesian name of a record type; the table name itself when it has none."""
    label = RECORD_LABELS.get(table)
    return _(label) if label else table
