"""Applying the contents of a verified reference pack at a panti, inside the caller's transaction.

The rules of what the province owns are in ``services/reference_packs.py``. Each kind is compared
with what is stored, so the summary says per kind how many rows are new, updated, unchanged or left
alone. The plain reference tables (PPKS, ATENSI, SPM, regions: thousands of rows) are written with
bulk statements; panti rows, goal templates and keys go through the ORM so the audit log records
them field by field. Nothing is deleted and nothing here commits.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from pantidesk.db.base import Base
from pantidesk.db.models import (
    AtensiComponentRow,
    GoalTemplate,
    Panti,
    PantiKey,
    PpksTypeRow,
    ProvinceKey,
    Region,
    SpmItemRow,
)
from pantidesk.db.uow import record_audit
from pantidesk.domain.goal_catalogue import shipped_goal
from pantidesk.domain.installation import PROVINCE_ORIGIN
from pantidesk.i18n import _
from pantidesk.services.sync_keys import MAX_PROVINCE_KEYS
from pantidesk.sync.reference_pack import (
    KINDS,
    GoalRef,
    KeyRef,
    PackContents,
    PantiRef,
    refuse_pack,
)


@dataclass
class KindCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # in the pack but left alone here (the notes say why)

    @property
    def changed(self) -> int:
        return self.new + self.updated


def apply_contents(session: Session, contents: PackContents, own_panti: str, username: str,
                   now: dt.datetime) -> tuple[dict[str, KindCounts], tuple[str, ...]]:
    """Upsert every kind (parents first: ATENSI before goals); returns counts and notes."""
    counts = {kind: KindCounts() for kind in KINDS}
    notes: list[str] = []
    _apply_panti(session, contents.panti, own_panti, counts["panti"])
    _apply_plain(session, PpksTypeRow, ("name", "clusters"), contents.ppks_types,
                 counts["ppks_types"])
    _apply_plain(session, AtensiComponentRow, ("name", "description"),
                 contents.atensi_components, counts["atensi_components"])
    _apply_plain(session, SpmItemRow, ("name", "clusters", "atensi_code"), contents.spm_items,
                 counts["spm_items"])
    _apply_plain(session, Region, ("name", "level"), contents.regions, counts["regions"])
    _apply_goals(session, contents.goal_templates, counts["goal_templates"], notes)
    _apply_keys(session, contents.province_keys, username, now, counts["province_keys"], notes)
    session.flush()
    return counts, tuple(notes)


def _assign(row: object, values: dict[str, Any]) -> bool:
    """Set the values that differ; True when any did."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _apply_panti(session: Session, refs: Sequence[PantiRef], own: str,
                 counts: KindCounts) -> None:
    stored = {p.code: p for p in session.scalars(select(Panti))}
    for ref in refs:
        row = stored.get(ref.code)
        if row is None:
            session.add(Panti(code=ref.code, name=ref.name, cluster=ref.cluster,
                              capacity=ref.capacity, city=ref.city, address=ref.address))
            counts.new += 1
            continue
        wanted: dict[str, Any] = {"name": ref.name, "cluster": ref.cluster,
                                  "capacity": ref.capacity}
        if ref.code != own:  # this panti's own letterhead is its own business
            wanted.update({k: v for k, v in (("city", ref.city), ("address", ref.address)) if v})
        if _assign(row, wanted):
            counts.updated += 1
        else:
            counts.unchanged += 1


def _apply_plain(session: Session, model: type[Base], columns: tuple[str, ...],
                 refs: Sequence[Any], counts: KindCounts) -> None:
    """Insert or update rows keyed by ``code`` with two bulk statements."""
    stored = {row[0]: tuple(row[1:]) for row in session.execute(
        select(model.code, *(getattr(model, c) for c in columns)))}  # type: ignore[attr-defined]
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for ref in refs:
        values = {c: getattr(ref, c) for c in ("code", *columns)}
        old = stored.get(ref.code)
        if old is None:
            new.append(values)
        elif old != tuple(values[c] for c in columns):
            changed.append(values)
    if new:
        session.execute(insert(model), new)
    if changed:
        session.execute(update(model), changed)
    counts.new += len(new)
    counts.updated += len(changed)
    counts.unchanged += len(refs) - len(new) - len(changed)


def _apply_goals(session: Session, refs: Sequence[GoalRef], counts: KindCounts,
                 notes: list[str]) -> None:
    atensi = set(session.scalars(select(AtensiComponentRow.code)))
    stored = {g.code: g for g in session.scalars(select(GoalTemplate))}
    for ref in refs:
        if ref.atensi_code not in atensi:
            raise refuse_pack(_("tujuan {code} merujuk komponen ATENSI {n} yang tidak ada.")
                              .format(code=ref.code, n=ref.atensi_code))
        row = stored.get(ref.code)
        if shipped_goal(ref.code) is not None or (row is not None
                                                   and row.origin != PROVINCE_ORIGIN):
            counts.skipped += 1
            notes.append(_("Tujuan {code} dari provinsi tidak diterapkan: kodenya sudah dipakai "
                           "tujuan lain di panti ini.").format(code=ref.code))
            continue
        if row is None:
            if session.get(GoalTemplate, ref.id) is not None:
                counts.skipped += 1
                notes.append(_("Tujuan {code} dari provinsi tidak diterapkan: nomor catatannya "
                               "sudah dipakai.").format(code=ref.code))
                continue
            session.add(GoalTemplate(id=ref.id, origin=PROVINCE_ORIGIN, code=ref.code,
                                     atensi_code=ref.atensi_code, cluster=ref.cluster,
                                     description=ref.description, active=ref.active))
            counts.new += 1
        elif _assign(row, {"atensi_code": ref.atensi_code, "cluster": ref.cluster,
                           "description": ref.description, "active": ref.active,
                           "deleted_at": None}):
            counts.updated += 1
        else:
            counts.unchanged += 1


def _apply_keys(session: Session, refs: Sequence[KeyRef], username: str, now: dt.datetime,
                counts: KindCounts, notes: list[str]) -> None:
    stored = {k.fingerprint: k for k in session.scalars(select(ProvinceKey))}
    listed = {ref.key.fingerprint for ref in refs}
    for ref in refs:
        key, fingerprint = ref.key, ref.key.fingerprint
        row = stored.get(fingerprint)
        if row is None and session.get(PantiKey, fingerprint) is not None:
            counts.skipped += 1
            continue
        if row is None:
            session.add(ProvinceKey(
                fingerprint=fingerprint, name=key.name, role=ref.role,
                age_recipient=key.age_recipient,
                signing_key=base64.b64encode(key.signing_key).decode("ascii"), valid_from=now,
                registered_by=username))
            record_audit(session, "trust_key", "province_key", fingerprint, _(
                "Kunci provinsi didaftarkan dari paket referensi ({role}): {name}").format(
                role=ref.role.label, name=key.name))
            counts.new += 1
        elif row.revoked_at is not None:
            counts.skipped += 1
            notes.append(_("Kunci provinsi {name} ({fingerprint}) sudah dicabut di panti ini dan "
                           "tidak dipercaya lagi.").format(name=row.name, fingerprint=fingerprint))
        elif row.role is not ref.role:
            record_audit(session, "update_key", "province_key", fingerprint, _(
                "Peran kunci provinsi {name} menjadi {role} (paket referensi)").format(
                name=row.name, role=ref.role.label))
            row.role = ref.role
            counts.updated += 1
        else:
            counts.unchanged += 1
    session.flush()
    active = list(session.scalars(select(ProvinceKey).where(ProvinceKey.revoked_at.is_(None))))
    if len(active) > MAX_PROVINCE_KEYS:
        raise refuse_pack(_("panti ini akan memercayai {n} kunci provinsi aktif (paling banyak "
                            "{max}); cabut kunci lama lebih dulu (pantidesk keys revoke).").format(
            n=len(active), max=MAX_PROVINCE_KEYS))
    for row in active:
        if row.fingerprint not in listed:
            notes.append(_("Kunci provinsi {name} ({fingerprint}) tidak ada di paket ini tetapi "
                           "tetap dipercaya; cabut bila provinsi sudah menggantinya.").format(
                name=row.name, fingerprint=row.fingerprint))
