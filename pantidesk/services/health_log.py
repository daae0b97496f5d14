"""The health log of a resident: check-ups, illness cared for in the panti, referrals to a
puskesmas, hospital or RSJ, coming back, and death.

A death is kept as a health record only: terminasi (reason "meninggal dunia") is a separate act
of the panti with its own documents, so the service returns a hint and Beranda keeps reminding
until the discharge is recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantidesk.db.models import HealthEvent, Person, Stay
from pantidesk.domain.daily_rules import date_in_stay_error
from pantidesk.domain.enums import HealthEventKind
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError
from pantidesk.i18n import _, format_date
from pantidesk.services.attention import AttentionItem, Urgency
from pantidesk.services.context import AppContext
from pantidesk.services.daily_stays import (
    AREA,
    check_text,
    discharge_of,
    load_stay,
    require_panti,
)
from pantidesk.services.incidents import check_period
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems

REFERRALS = frozenset({HealthEventKind.REFERRED_PUSKESMAS, HealthEventKind.REFERRED_RS,
                       HealthEventKind.REFERRED_RSJ})
FACILITY_MAX = 200


@dataclass(frozen=True)
class HealthEventInput:
    kind: HealthEventKind | None
    occurred_on: dt.date | None
    description: str = ""
    facility: str = ""  # required for a referral
    recorded_by: str = ""  # empty: the user recording it


@dataclass(frozen=True)
class HealthRecorded:
    event_id: str
    hint: str  # what should follow (after a death: terminasi), or ''


def _death(session: Session, stay_id: str) -> HealthEvent | None:
    return session.scalar(select(HealthEvent).where(
        HealthEvent.stay_id == stay_id, HealthEvent.kind == HealthEventKind.DIED,
        HealthEvent.deleted_at.is_(None)))


def record_health_event(ctx: AppContext, stay_id: str, data: HealthEventInput) -> HealthRecorded:
    """Add an entry to a current resident's health log."""
    ctx.require(Permission.RECORD_CARE)
    require_panti(ctx)
    with ctx.unit_of_work() as session:
        stay = load_stay(session, ctx, stay_id)
        problems = Problems()
        if data.kind is None:
            problems.error("kind", _("Pilih jenis catatan kesehatan."))
        if data.occurred_on is None:
            problems.error("occurred_on", _("Isi tanggal."))
        else:
            error = date_in_stay_error(data.occurred_on, stay.admitted_on, None,
                                       ctx.clock.today(), _("Tanggal"))
            if error:
                problems.error("occurred_on", error)
        facility = data.facility.strip()
        if data.kind in REFERRALS and not facility:
            problems.error("facility", _("Isi nama fasilitas kesehatan tujuan rujukan."))
        elif len(facility) > FACILITY_MAX:
            problems.error("facility", _("Nama fasilitas kesehatan terlalu panjang."))
        description = check_text(problems, "description", data.description,
                                 _("Isi keterangan (keluhan, diagnosis atau hasil pemeriksaan)."))
        recorder = data.recorded_by.strip() or ctx.user.full_name
        death = _death(session, stay.id)
        if death is not None and problems.ok:
            assert data.occurred_on is not None
            if data.kind is HealthEventKind.DIED:
                raise ConflictError(_("{name} sudah tercatat meninggal dunia pada {date}.").format(
                    name=stay.person.name, date=format_date(death.occurred_on)))
            if data.occurred_on > death.occurred_on:
                problems.error("occurred_on", _("Tanggal setelah tanggal meninggal ({date}).")
                               .format(date=format_date(death.occurred_on)))
        if not problems.ok:
            raise InvalidInput(problems)
        assert data.kind is not None and data.occurred_on is not None
        event = HealthEvent(stay_id=stay.id, occurred_on=data.occurred_on, kind=data.kind,
                            facility=facility, description=description,
                            recorded_by=recorder[:FACILITY_MAX])
        session.add(event)
        session.flush()
        hint = ""
        if data.kind is HealthEventKind.DIED:
            hint = _("Catat terminasi {name} dengan alasan \"Meninggal dunia\" tanggal {date}, "
                     "beri tahu keluarga, dan siapkan surat keterangan kematian serta berita "
                     "acara pemulasaraan.").format(name=stay.person.name,
                                                    date=format_date(data.occurred_on))
        return HealthRecorded(event.id, hint)


@dataclass(frozen=True)
class HealthRow:
    event_id: str
    stay_id: str
    person_id: str
    name: str
    no_induk: str
    occurred_on: dt.date
    kind: HealthEventKind
    facility: str
    description: str
    recorded_by: str

    @property
    def date(self) -> str:
        return format_date(self.occurred_on)


def health_rows(ctx: AppContext, since: dt.date | None, until: dt.date | None,
                stay_id: str | None = None) -> list[HealthRow]:
    """The health log of the panti (or of one stay) between two dates, newest first."""
    ctx.require(Permission.VIEW_RESIDENTS)
    panti = require_panti(ctx)
    check_period(since, until)
    query = (select(HealthEvent, Stay, Person).join(Stay, Stay.id == HealthEvent.stay_id)
             .join(Person, Person.id == Stay.person_id)
             .where(HealthEvent.deleted_at.is_(None), Stay.panti_code == panti,
                    Stay.deleted_at.is_(None), HealthEvent.occurred_on >= since,
                    HealthEvent.occurred_on <= until))
    if stay_id is not None:
        query = query.where(HealthEvent.stay_id == stay_id)
    with ctx.reading() as session:
        return [HealthRow(e.id, s.id, p.id, p.name, s.no_induk, e.occurred_on, e.kind,
                          e.facility, e.description, e.recorded_by)
                for e, s, p in session.execute(
                    query.order_by(HealthEvent.occurred_on.desc(), HealthEvent.created_at.desc()))]


def attention_items(session: Session, panti_code: str, today: dt.date) -> list[AttentionItem]:
    """Beranda: residents recorded as deceased whose terminasi is not recorded yet."""
    rows = session.execute(
        select(HealthEvent, Stay, Person).join(Stay, Stay.id == HealthEvent.stay_id)
        .join(Person, Person.id == Stay.person_id)
        .where(HealthEvent.kind == HealthEventKind.DIED, HealthEvent.deleted_at.is_(None),
               Stay.panti_code == panti_code, Stay.deleted_at.is_(None)))
    return [AttentionItem(
        "death_not_discharged", Urgency.TODAY if event.occurred_on >= today else Urgency.OVERDUE,
        person.id, person.name, stay.no_induk,
        _("Meninggal dunia {date}; terminasi belum dicatat.").format(
            date=format_date(event.occurred_on)), event.occurred_on, AREA)
        for event, stay, person in rows if discharge_of(stay) is None]
