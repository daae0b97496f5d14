"""Incidents in the panti (fights, violence, accidents, theft, self-harm): what happened to whom,
who else was involved, what was done. Recorded for a current resident, at a moment within the stay.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from pantidesk.clock import WIB
from pantidesk.db.models import Incident, Person, Stay
from pantidesk.domain.enums import IncidentKind
from pantidesk.domain.roles import Permission
from pantidesk.errors import ValidationError
from pantidesk.i18n import _, format_datetime
from pantidesk.services.context import AppContext
from pantidesk.services.daily_stays import check_moment, check_text, load_stay, require_panti
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems

REPORTER_MAX = 200


@dataclass(frozen=True)
class IncidentInput:
    kind: IncidentKind | None
    occurred_at: dt.datetime | None
    description: str
    others_involved: str = ""
    action_taken: str = ""
    reported_by: str = ""  # empty: the user recording it


def record_incident(ctx: AppContext, stay_id: str, data: IncidentInput) -> str:
    """Record an incident involving a current resident; returns its id."""
    ctx.require(Permission.RECORD_CARE)
    require_panti(ctx)
    with ctx.unit_of_work() as session:
        stay = load_stay(session, ctx, stay_id)
        problems = Problems()
        if data.kind is None:
            problems.error("kind", _("Pilih jenis insiden."))
        check_moment(problems, "occurred_at", data.occurred_at, stay, ctx.clock.now(),
                     _("Waktu kejadian"))
        description = check_text(problems, "description", data.description,
                                 _("Ceritakan apa yang terjadi."))
        others = check_text(problems, "others_involved", data.others_involved)
        action = check_text(problems, "action_taken", data.action_taken)
        reporter = data.reported_by.strip() or ctx.user.full_name
        if len(reporter) > REPORTER_MAX:
            problems.error("reported_by", _("Nama pelapor terlalu panjang."))
        if not problems.ok:
            raise InvalidInput(problems)
        assert data.kind is not None and data.occurred_at is not None
        incident = Incident(stay_id=stay.id, occurred_at=data.occurred_at, kind=data.kind,
                            description=description, others_involved=others,
                            action_taken=action, reported_by=reporter)
        session.add(incident)
        session.flush()
        return incident.id


@dataclass(frozen=True)
class IncidentRow:
    incident_id: str
    stay_id: str
    person_id: str
    name: str
    no_induk: str
    occurred: str  # dd/mm/yyyy HH:MM WIB
    kind: IncidentKind
    description: str
    others_involved: str
    action_taken: str
    reported_by: str


def check_period(since: dt.date | None, until: dt.date | None) -> None:
    if since is None or until is None:
        raise ValidationError(_("Isi tanggal awal dan akhir."), field="since")
    if since > until:
        raise ValidationError(_("Tanggal awal setelah tanggal akhir."), field="since")


def incident_rows(ctx: AppContext, since: dt.date | None, until: dt.date | None,
                  stay_id: str | None = None) -> list[IncidentRow]:
    """Incidents of the panti (or of one stay) between two dates, newest first."""
    ctx.require(Permission.VIEW_RESIDENTS)
    panti = require_panti(ctx)
    check_period(since, until)
    assert since is not None and until is not None
    start = dt.datetime.combine(since, dt.time(), tzinfo=WIB)
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), tzinfo=WIB)
    query = (select(Incident, Stay, Person).join(Stay, Stay.id == Incident.stay_id)
             .join(Person, Person.id == Stay.person_id)
             .where(Incident.deleted_at.is_(None), Stay.panti_code == panti,
                    Stay.deleted_at.is_(None), Incident.occurred_at >= start,
                    Incident.occurred_at < end))
    if stay_id is not None:
        query = query.where(Incident.stay_id == stay_id)
    with ctx.reading() as session:
        return [IncidentRow(
            incident_id=i.id, stay_id=s.id, person_id=p.id, name=p.name, no_induk=s.no_induk,
            occurred=format_datetime(i.occurred_at.astimezone(WIB)), kind=i.kind,
            description=i.description, others_involved=i.others_involved,
            action_taken=i.action_taken, reported_by=i.reported_by)
            for i, s, p in session.execute(query.order_by(Incident.occurred_at.desc()))]
