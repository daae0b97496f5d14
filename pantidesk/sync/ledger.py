"""Where a bundle stands against what the province already imported from its panti.

Bundles are cumulative: each carries every change since the last one the province confirmed, so a
lost bundle is covered by the next and only continuity of the *change* sequence matters. The
latest bundle imported again is a duplicate: nothing to apply, its receipt is issued again. An
older bundle is refused (its content is already covered), as is a delta that starts after the
last change the province holds (a gap: the panti should send a snapshot).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pantidesk.domain.sync import BundleKind
from pantidesk.i18n import _
from pantidesk.sync.format import Manifest, refuse


@dataclass(frozen=True)
class LedgerEntry:
    bundle_id: str
    seq: int
    change_to: int
    file_sha256: str


@dataclass(frozen=True)
class PantiLedger:
    """What the province holds from one panti: its latest bundle and the newest change applied."""

    latest: LedgerEntry | None
    last_change: int
    same_bundle: LedgerEntry | None  # the ledger entry with this bundle's id, if any


class Decision(StrEnum):
    APPLY = "apply"
    DUPLICATE = "duplicate"


def decide(manifest: Manifest, ledger: PantiLedger) -> Decision:
    latest, same = ledger.latest, ledger.same_bundle
    if same is not None:
        if latest is not None and same.bundle_id == latest.bundle_id:
            return Decision.DUPLICATE
        raise refuse(_("bundel lama diputar ulang: bundel nomor {seq} dari panti {panti} sudah "
                       "diimpor dan sudah digantikan bundel nomor {latest}.").format(
            seq=manifest.seq, panti=manifest.panti, latest=latest.seq if latest else "-"))
    if latest is not None and manifest.seq <= latest.seq:
        raise refuse(_("bundel lama: nomor {seq} dari panti {panti}, padahal bundel nomor "
                       "{latest} sudah diimpor (isinya sudah tercakup).").format(
            seq=manifest.seq, panti=manifest.panti, latest=latest.seq))
    if manifest.kind is BundleKind.DELTA and manifest.change_from > ledger.last_change + 1:
        raise refuse(_("ada perubahan yang belum diterima provinsi (bundel ini mulai dari "
                       "perubahan {start}, provinsi baru sampai {have}). Minta panti {panti} "
                       "mengirim snapshot lengkap (bundle export --full).").format(
            start=manifest.change_from, have=ledger.last_change, panti=manifest.panti))
    return Decision.APPLY
