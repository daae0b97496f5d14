"""Seeding the reference tables from ``pantidesk.domain`` (idempotent).

New codes are inserted; names of existing PPKS/ATENSI/SPM/region rows follow the shipped catalogue;
a panti's editable data (capacity, letterhead) is never overwritten once it exists.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantidesk.db.models import AtensiComponentRow, Panti, PpksTypeRow, Region, SpmItemRow
from pantidesk.domain.atensi import ATENSI_COMPONENTS
from pantidesk.domain.panti import PANTI
from pantidesk.domain.ppks import PPKS_TYPES
from pantidesk.domain.regions import all_regions
from pantidesk.domain.spm import SPM_ITEMS


def seed_reference_data(session: Session) -> None:
    existing_panti = set(session.scalars(select(Panti.code)))
    for info in PANTI:
        if info.code not in existing_panti:
            session.add(
                Panti(code=info.code, name=info.name, cluster=info.cluster, capacity=info.capacity,
                      city=info.city)
            )
    _merge_all(session, [
        PpksTypeRow(code=p.code, name=p.name, clusters=",".join(c.value for c in p.clusters))
        for p in PPKS_TYPES
    ])
    _merge_all(session, [
        AtensiComponentRow(code=a.code, name=a.name, description=a.description)
        for a in ATENSI_COMPONENTS
    ])
    _merge_all(session, [
        SpmItemRow(code=s.code, name=s.name, atensi_code=s.atensi_code,
                   clusters=",".join(sorted(c.value for c in s.clusters)))
        for s in SPM_ITEMS
    ])
    known_regions = set(session.scalars(select(Region.code)))
    session.add_all(
        Region(code=r.code, name=r.name, level=r.level)
        for r in all_regions()
        if r.code not in known_regions
    )


def _merge_all(session: Session, rows: list[object]) -> None:
    for row in rows:
        session.merge(row)
