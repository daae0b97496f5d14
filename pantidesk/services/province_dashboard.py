"""The province's Beranda table: for every panti its cluster, capacity, current residents,
admissions and discharges this month, and the last bundle received with its age, all from the
consolidated database (the panti's figures are as fresh as their last bundle)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from pantidesk.clock import WIB
from pantidesk.db.models import BundleLedger, Discharge, Panti, Stay
from pantidesk.domain.enums import Cluster
from pantidesk.domain.installation import Mode
from pantidesk.domain.roles import Permission
from pantidesk.errors import ValidationError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.dashboard import active_by_panti
from pantidesk.services.sync_views import Freshness, bundle_freshness, days_since


@dataclass(frozen=True)
class PantiFigures:
    code: str
    name: str
    cluster: Cluster
    capacity: int
    active: int
    admitted_this_month: int
    discharged_this_month: int
    last_bundle_seq: int | None
    last_bundle_at: dt.datetime | None  # when the province imported it, in WIB
    bundle_age_days: int | None
    bundle_freshness: Freshness
    complete: bool | None  # the province's copy matched the panti's state digest

    @property
    def percent(self) -> int:
        return round(100 * self.active / self.capacity) if self.capacity else 0


def _per_panti(session: Session, query: Select[str, int]) -> dict[str, int]:
    return {code: count for code, count in session.execute(query)}


def province_overview(ctx: AppContext) -> tuple[PantiFigures, ...]:
    """One row per panti, ordered by code."""
    ctx.require(Permission.VIEW_RESIDENTS)
    if ctx.installation.mode is not Mode.PROVINCE:
        raise ValidationError(_("Ringkasan semua panti hanya ada di instalasi provinsi."))
    month_start = ctx.clock.today().replace(day=1)
    with ctx.reading() as session:
        active = active_by_panti(session, None)
        admitted = _per_panti(session, select(Stay.panti_code, func.count())
                              .where(Stay.deleted_at.is_(None), Stay.admitted_on >= month_start)
                              .group_by(Stay.panti_code))
        discharged = _per_panti(session, select(Stay.panti_code, func.count())
                                .select_from(Discharge).join(Stay, Stay.id == Discharge.stay_id)
                                .where(Stay.deleted_at.is_(None), Discharge.deleted_at.is_(None),
                                       Discharge.discharged_on >= month_start)
                                .group_by(Stay.panti_code))
        latest_seq = (select(BundleLedger.panti_code, func.max(BundleLedger.seq).label("seq"))
                      .group_by(BundleLedger.panti_code).subquery())
        latest = {row.panti_code: row for row in session.scalars(
            select(BundleLedger).join(latest_seq, (BundleLedger.panti_code
                                                   == latest_seq.c.panti_code)
                                      & (BundleLedger.seq == latest_seq.c.seq)))}
        result = []
        for panti in session.scalars(select(Panti).order_by(Panti.code)):
            bundle = latest.get(panti.code)
            at = bundle.imported_at.astimezone(WIB) if bundle else None
            days = None if at is None else days_since(ctx, at)
            result.append(PantiFigures(
                panti.code, panti.name, panti.cluster, panti.capacity, active.get(panti.code, 0),
                admitted.get(panti.code, 0), discharged.get(panti.code, 0),
                bundle.seq if bundle else None, at, days, bundle_freshness(days),
                bundle.state_match if bundle else None))
    return tuple(result)
