"""Reference data down: the province publishes a signed reference pack; a panti verifies it and
applies it in one transaction.

What the province owns, and what a panti keeps:

- **Panti rows**: the province owns each panti's official ``name``, ``cluster`` and ``capacity``
  (they come from the governor's regulation and the province's planning). For the *other* panti
  it also sends ``city`` and ``address`` (for letters and transfers), applied only when not empty.
  The panti's **own** letterhead (address, city, phone, email, head's name, rank and NIP, edited in
  Pengaturan) is never touched: the province does not hold it (the ``panti`` table does not travel).
- **PPKS types, ATENSI components, SPM items, regions**: inserted or updated by code. Nothing is
  ever deleted: these codes are referenced by stays, services, plans and persons' origin, and a
  pack from an older province program may simply not know a newer code.
- **Goal templates** the province added (origin ``PROV``): upserted by code, keeping the
  province's id; a code the panti already used for its own goal is left alone (reported).
- **Province keys**: a key in the pack and not yet known is trusted (the pack is signed by a key
  the panti already trusts, so a rotation reaches every panti); a role change is followed. A key
  *absent* from the pack is not revoked: a pack signed by a stolen key must not be able to shut out
  the real keys, and the offline backup key is not always listed. Revoking stays a deliberate
  ``keys revoke`` after a phone call; a key the panti revoked is never re-activated by a pack.

A pack is applied once: its number must be newer than the last applied. The same pack again is a
no-op ("already applied", not an error, like a receipt imported twice); an older pack, or another
pack with the same number, is refused. Every refusal changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantidesk import __version__
from pantidesk.clock import WIB
from pantidesk.db.models import (
    AtensiComponentRow,
    GoalTemplate,
    Panti,
    PpksTypeRow,
    ProvinceKey,
    Region,
    Setting,
    SpmItemRow,
    SyncState,
)
from pantidesk.db.uow import record_audit
from pantidesk.domain.installation import PROVINCE_ORIGIN, Mode
from pantidesk.domain.roles import Permission
from pantidesk.domain.sync import ProvinceKeyRole
from pantidesk.errors import ConflictError, ValidationError
from pantidesk.i18n import _, format_date
from pantidesk.services.context import AppContext
from pantidesk.services.reference_pack_apply import KindCounts, apply_contents
from pantidesk.sync.keys import KeyPair, PublicKey
from pantidesk.sync.reference_pack import (
    KINDS,
    MAX_PACK_SIZE,
    AtensiRef,
    GoalRef,
    KeyRef,
    PackContents,
    PackRefused,
    PantiRef,
    PpksRef,
    ReferencePack,
    RegionRef,
    SpmRef,
    check_pack,
    kind_label,
    pack_file_name,
    read_pack,
    refuse_pack,
    write_pack,
)

PUBLISHED_KEY = "reference_pack_published"  # sync_state at the province: the last pack written
APPLIED_KEY = "reference_pack_applied"  # sync_state at a panti: the last pack applied
ANNOUNCED_KEYS = "reference_pack_keys"  # setting at the province: the keys its packs announce

APPLIED, DRY_RUN, ALREADY_APPLIED = "applied", "dry_run", "already_applied"


@dataclass(frozen=True)
class PackImport:
    """What importing one pack did (or, in a dry run, would do)."""

    path: Path
    status: str  # APPLIED, DRY_RUN or ALREADY_APPLIED
    pack_id: str
    seq: int
    created_at: dt.datetime
    issuer: str  # fingerprint of the province key that signed it
    issuer_name: str
    counts: dict[str, KindCounts] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # one line each: what was left alone and why

    @property
    def changed(self) -> int:
        return sum(c.changed for c in self.counts.values())


@dataclass(frozen=True)
class PackRecord:
    """The last pack published (province) or applied (panti)."""

    seq: int
    pack_id: str
    file_name: str
    created_at: dt.datetime
    at: dt.datetime  # when it was published or applied


def _require(ctx: AppContext, mode: Mode) -> None:
    ctx.require(Permission.MANAGE_KEYS)
    if ctx.installation.mode is not mode:
        raise ValidationError(
            _("Paket referensi diterbitkan di instalasi provinsi, bukan di panti.")
            if mode is Mode.PROVINCE else
            _("Paket referensi diterapkan di instalasi panti, bukan di provinsi."))


def _record(session: Session, key: str) -> PackRecord | None:
    row = session.get(SyncState, key)
    if row is None:
        return None
    data = json.loads(row.value)
    return PackRecord(data["seq"], data["pack_id"], data["file"],
                      dt.datetime.fromisoformat(data["created_at"]),
                      dt.datetime.fromisoformat(data["at"]))


def _save_record(session: Session, key: str, pack: ReferencePack, file_name: str,
                 at: dt.datetime) -> None:
    value = json.dumps({"seq": pack.seq, "pack_id": pack.pack_id, "digest": pack.digest,
                        "file": file_name, "created_at": pack.created_at.isoformat(),
                        "at": at.isoformat()}, sort_keys=True)
    session.merge(SyncState(key=key, value=value))


def last_reference_pack(ctx: AppContext) -> PackRecord | None:
    """The last pack this province published, or this panti applied; None when there is none."""
    key = PUBLISHED_KEY if ctx.installation.mode is Mode.PROVINCE else APPLIED_KEY
    with ctx.reading() as session:
        return _record(session, key)


# --- province ----------------------------------------------------------------------------------

def publish_reference_pack(ctx: AppContext, key: KeyPair, out_dir: Path, *,
                           primary: PublicKey | None = None,
                           backup: PublicKey | None = None) -> Path:
    """Province: write ``REFERENSI_<date>_<seq>.pantidesk-ref.json`` into ``out_dir``, signed with
    ``key``. The pack announces the province's keys: ``primary``/``backup`` replace the announced
    key of that role (remembered for later packs); with none remembered, ``key`` is the primary."""
    _require(ctx, Mode.PROVINCE)
    if not out_dir.is_dir():
        raise ValidationError(_("Folder {path} tidak ada.").format(path=out_dir))
    if primary is not None and backup is not None and primary.fingerprint == backup.fingerprint:
        raise ValidationError(_("Kunci utama dan kunci cadangan provinsi harus berbeda."))
    now = ctx.clock.now()
    signer = key.public()
    written: Path | None = None
    try:
        with ctx.unit_of_work() as session:
            last = _record(session, PUBLISHED_KEY)
            seq = (last.seq if last else 0) + 1
            keys = _announced_keys(session, signer, primary, backup)
            pack = ReferencePack(str(uuid.uuid4()), seq, now, __version__, signer.fingerprint,
                                 signer.name, _collect(session, keys))
            try:
                check_pack(pack)
            except PackRefused as refusal:
                raise ValidationError(_("Data referensi provinsi belum dapat diterbitkan: "
                                        "{reason}").format(reason=refusal.reason)) from None
            target = out_dir / pack_file_name(now, seq)
            if target.exists():
                raise ConflictError(_("{path} sudah ada; PantiDesk tidak menimpa paket.").format(
                    path=target))
            counts = pack.contents.row_counts()
            record_audit(session, "publish_reference_pack", "reference_pack", pack.pack_id, _(
                "Paket referensi {name} diterbitkan ({panti} panti, {regions} wilayah, {goals} "
                "tujuan, {keys} kunci)").format(
                name=target.name, panti=counts["panti"], regions=counts["regions"],
                goals=counts["goal_templates"], keys=counts["province_keys"]))
            try:
                digest = write_pack(pack, key.sign, target)
            except OSError as error:
                raise ValidationError(_("Paket tidak dapat ditulis ke {path}: {error}").format(
                    path=target, error=error.strerror or error)) from error
            written = target
            _save_record(session, PUBLISHED_KEY, replace(pack, digest=digest), target.name, now)
    except BaseException:
        if written is not None:  # written, but its number was not recorded: not a valid pack
            written.unlink(missing_ok=True)
        raise
    return target


def _announced_keys(session: Session, signer: PublicKey, primary: PublicKey | None,
                    backup: PublicKey | None) -> tuple[KeyRef, ...]:
    setting = session.get(Setting, ANNOUNCED_KEYS)
    stored: dict[ProvinceKeyRole, PublicKey] = {}
    if setting is not None:
        for item in json.loads(setting.value):
            stored[ProvinceKeyRole(item["role"])] = PublicKey.from_stored(
                item["name"], item["age_recipient"], item["ed25519"])
    wanted = dict(stored)
    if primary is not None:
        wanted[ProvinceKeyRole.PRIMARY] = primary
    elif ProvinceKeyRole.PRIMARY not in wanted:
        wanted[ProvinceKeyRole.PRIMARY] = signer
    if backup is not None:
        wanted[ProvinceKeyRole.BACKUP] = backup
    if wanted != stored:
        value = json.dumps([{"role": role.value, "name": k.name, "age_recipient": k.age_recipient,
                             "ed25519": k.signing_key_b64} for role, k in sorted(wanted.items())])
        session.merge(Setting(key=ANNOUNCED_KEYS, value=value))
    return tuple(KeyRef(role, wanted[role]) for role in ProvinceKeyRole if role in wanted)


def _collect(session: Session, keys: tuple[KeyRef, ...]) -> PackContents:
    goals = session.scalars(select(GoalTemplate).where(GoalTemplate.origin == PROVINCE_ORIGIN)
                            .order_by(GoalTemplate.code))
    return PackContents(
        panti=tuple(PantiRef(p.code, p.name, p.cluster, p.capacity, p.city, p.address)
                    for p in session.scalars(select(Panti).order_by(Panti.code))),
        ppks_types=tuple(PpksRef(p.code, p.name, p.clusters) for p in session.scalars(
            select(PpksTypeRow).order_by(PpksTypeRow.code))),
        atensi_components=tuple(AtensiRef(a.code, a.name, a.description) for a in session.scalars(
            select(AtensiComponentRow).order_by(AtensiComponentRow.code))),
        spm_items=tuple(SpmRef(s.code, s.name, s.clusters, s.atensi_code) for s in session.scalars(
            select(SpmItemRow).order_by(SpmItemRow.code))),
        regions=tuple(RegionRef(code, name, level) for code, name, level in session.execute(
            select(Region.code, Region.name, Region.level).order_by(Region.code))),
        goal_templates=tuple(GoalRef(g.id, g.code, g.atensi_code, g.cluster, g.description,
                                     g.active and g.deleted_at is None) for g in goals),
        province_keys=keys,
    )


# --- panti -------------------------------------------------------------------------------------

def import_reference_pack(ctx: AppContext, path: Path, dry_run: bool = False) -> PackImport:
    """Panti: verify the pack (format, signature by a trusted province key, number, sizes) and
    apply it in one transaction; ``dry_run`` reports the same counts and saves nothing. A refusal
    raises ``PackRefused`` with a one-line reason and changes nothing."""
    _require(ctx, Mode.PANTI)
    own = ctx.installation.panti_code or ""
    data = _read(path)
    now = ctx.clock.now()
    with ctx.unit_of_work() as session:
        pack = read_pack(data, lambda fingerprint: _trusted(session, fingerprint))
        base = PackImport(path, APPLIED, pack.pack_id, pack.seq, pack.created_at, pack.issuer,
                          pack.issuer_name)
        if _already_applied(pack, session.get(SyncState, APPLIED_KEY)):
            return replace(base, status=ALREADY_APPLIED)
        counts, notes = apply_contents(session, pack.contents, own, ctx.user.username, now)
        if dry_run:
            session.rollback()
            return replace(base, status=DRY_RUN, counts=counts, notes=notes)
        _save_record(session, APPLIED_KEY, pack, path.name, now)
        changed = sum(c.changed for c in counts.values())
        record_audit(session, "import_reference_pack", "reference_pack", pack.pack_id, _(
            "Paket referensi {name} (nomor {seq}) diterapkan: {n} data baru atau berubah").format(
            name=path.name, seq=pack.seq, n=changed))
    return replace(base, counts=counts, notes=notes)


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_PACK_SIZE:
            raise refuse_pack(_("berkas terlalu besar untuk paket referensi."))
        return path.read_bytes()
    except OSError as error:
        raise ValidationError(_("Berkas {path} tidak dapat dibaca: {error}").format(
            path=path, error=error.strerror or error)) from error


def _trusted(session: Session, fingerprint: str) -> PublicKey:
    row = session.get(ProvinceKey, fingerprint)
    if row is None:
        raise refuse_pack(_("ditandatangani kunci {fingerprint} yang bukan kunci provinsi "
                            "terpercaya di panti ini.").format(fingerprint=fingerprint))
    if row.revoked_at is not None:
        raise refuse_pack(_("ditandatangani kunci provinsi {name} ({fingerprint}) yang sudah "
                            "dicabut di panti ini.").format(name=row.name,
                                                            fingerprint=fingerprint))
    return PublicKey.from_stored(row.name, row.age_recipient, row.signing_key)


def _already_applied(pack: ReferencePack, state: SyncState | None) -> bool:
    """True for the very pack applied last; refuses an older pack or another with its number."""
    if state is None:
        return False
    last = json.loads(state.value)
    if pack.seq > last["seq"]:
        return False
    if pack.seq == last["seq"]:
        if pack.pack_id == last["pack_id"] and pack.digest == last["digest"]:
            return True
        raise refuse_pack(_("paket nomor {seq} sudah diterapkan dengan isi lain; minta provinsi "
                            "menerbitkan paket baru.").format(seq=pack.seq))
    raise refuse_pack(_("paket lama: nomor {seq} (dibuat {date}), padahal paket nomor {last} "
                        "sudah diterapkan.").format(
        seq=pack.seq, date=format_date(pack.created_at.astimezone(WIB).date()), last=last["seq"]))


__all__ = ["ALREADY_APPLIED", "APPLIED", "DRY_RUN", "KINDS", "KindCounts", "PackImport",
           "PackRecord", "PackRefused", "import_reference_pack", "kind_label",
           "last_reference_pack", "publish_reference_pack"]
