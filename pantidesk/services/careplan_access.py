"""Access to the case record of a stay (care plans, reviews, progress notes): loading it, the days
on which its events can lie, and whether this panti may still write it (in a panti, the stay of
this panti, not discharged; for plans, only the current version).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy.orm import Session

from pantidesk.db.base import SyncMixin
from pantidesk.db.models import CarePlan, Stay
from pantidesk.domain.careplan_rules import StayWindow
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import _, format_date
from pantidesk.services.context import AppContext, Mode

R = TypeVar("R", bound=SyncMixin)


def live(rows: Iterable[R]) -> list[R]:
    """Rows without a tombstone."""
    return [row for row in rows if row.deleted_at is None]


def load_stay(session: Session, stay_id: str) -> Stay:
    stay = session.get(Stay, stay_id)
    if stay is None or stay.deleted_at is not None:
        raise NotFoundError(_("Data tinggal penghuni ini tidak ada lagi."))
    return stay


def discharged_on(stay: Stay) -> dt.date | None:
    """The discharge date of the stay, None while the resident lives in the panti."""
    discharge = stay.discharge
    return discharge.discharged_on if discharge is not None and discharge.deleted_at is None \
        else None


def window_of(ctx: AppContext, stay: Stay) -> StayWindow:
    return StayWindow(stay.admitted_on, discharged_on(stay), ctx.clock.today())


def stay_for_change(ctx: AppContext, session: Session, stay_id: str) -> Stay:
    """The stay, if this panti may still write its case record: in this panti, not discharged."""
    if ctx.installation.mode is not Mode.PANTI:
        raise ConflictError(_("Rencana layanan dan catatan dicatat di panti, bukan di kantor "
                              "provinsi."))
    stay = load_stay(session, stay_id)
    if stay.panti_code != ctx.installation.panti_code:
        raise ConflictError(_("Penghuni ini tercatat di panti lain."))
    left = discharged_on(stay)
    if left is not None:
        raise ConflictError(_("{name} sudah keluar dari panti ({date}); catatan kasusnya tidak "
                              "dapat ditambah atau diubah lagi.").format(
            name=stay.person.name, date=format_date(left)))
    return stay


def current_plan_for_change(ctx: AppContext, session: Session, plan_id: str,
                            superseded_message: str | None = None) -> CarePlan:
    plan = session.get(CarePlan, plan_id)
    if plan is None or plan.deleted_at is not None:
        raise NotFoundError(_("Rencana layanan ini tidak ada lagi."))
    stay_for_change(ctx, session, plan.stay_id)
    if plan.superseded_at is not None:
        raise ConflictError(superseded_message or _(
            "Rencana versi {version} sudah diganti oleh versi yang lebih baru dan hanya dapat "
            "dibaca.").format(version=plan.version))
    return plan
