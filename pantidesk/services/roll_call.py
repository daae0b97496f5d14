"""The daily roll call (apel): one per panti per day, a mark for every resident living there that
day. Residents away with an open absence come pre-marked (cuti, izin; kabur is "tidak hadir" with
its reason already on record). Someone marked "tidak hadir" with no absence on record is put on
Beranda the same day, so a runaway is noticed while the search still has a chance.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from pantidesk.clock import WIB
from pantidesk.db.models import Absence, Discharge, Person, RollCall, RollCallEntry, Stay
from pantidesk.domain.daily_rules import PRESENCE_OF_ABSENCE, TEXT_MAX
from pantidesk.domain.enums import AbsenceKind, Presence
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError, NotFoundError, ValidationError
from pantidesk.i18n import _, format_date
from pantidesk.services.attention import AttentionItem, Urgency
from pantidesk.services.context import AppContext
from pantidesk.services.daily_stays import AREA, discharge_of, require_panti
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems
from pantidesk.services.rooms import room_sort_key

# Residents named one by one in a refusal; the rest are counted.
NAMES_SHOWN = 5
# Beranda looks at the latest roll call of the last few days (a weekend may pass without one).
ATTENTION_DAYS = 3


@dataclass(frozen=True)
class RollCallLine:
    stay_id: str
    no_induk: str
    name: str
    room: str
    preset: Presence | None  # from an open absence that day
    away_note: str  # "Cuti s.d. 20/08/2026", "Kabur sejak 14/08/2026"
    mark: Presence | None  # saved mark, when the day's roll call exists
    note: str


@dataclass(frozen=True)
class RollCallTaken:
    roll_call_id: str
    taken_by: str
    taken_at: str  # "pukul 07:15", or "pada 18/08/2026 08:00" when saved on a later day


@dataclass(frozen=True)
class RollCallSheet:
    day: dt.date
    lines: tuple[RollCallLine, ...]
    existing: RollCallTaken | None  # the day's roll call is already saved: edit it


@dataclass(frozen=True)
class RollCallSaved:
    roll_call_id: str
    counts: tuple[tuple[Presence, int], ...]
    # Marked "tidak hadir" with no absence on record: record kabur if they are not found.
    unexplained: tuple[str, ...]
    # Marked present while an absence is open: record their return.
    back_but_away: tuple[str, ...]


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=WIB)


def _stays_on(session: Session, panti: str, day: dt.date) -> list[tuple[Stay, Person, bool]]:
    """Stays living in the panti on ``day``: (stay, person, required). A stay discharged that
    very day may be marked but need not be."""
    rows = session.execute(
        select(Stay, Person, Discharge.discharged_on)
        .join(Person, Person.id == Stay.person_id)
        .outerjoin(Discharge, and_(Discharge.stay_id == Stay.id, Discharge.deleted_at.is_(None)))
        .where(Stay.panti_code == panti, Stay.deleted_at.is_(None), Stay.admitted_on <= day,
               or_(Discharge.id.is_(None), Discharge.discharged_on >= day))
    )
    found = [(stay, person, ended is None or ended > day) for stay, person, ended in rows]
    found.sort(key=lambda r: (not r[0].room, room_sort_key(r[0].room), r[1].name.casefold()))
    return found


def _absences_on(session: Session, stay_ids: list[str], day: dt.date) -> dict[str, Absence]:
    """The absence each stay was away on during ``day`` (left that day or before, back after)."""
    next_day = _day_start(day + dt.timedelta(days=1))
    rows = session.scalars(select(Absence).where(
        Absence.stay_id.in_(stay_ids), Absence.deleted_at.is_(None), Absence.left_at < next_day,
        or_(Absence.returned_at.is_(None), Absence.returned_at >= next_day)))
    return {a.stay_id: a for a in sorted(rows, key=lambda a: a.left_at)}


def _away_note(absence: Absence) -> str:
    left = format_date(absence.left_at.astimezone(WIB).date())
    if absence.kind is AbsenceKind.ABSCONDED:
        return _("Kabur sejak {date}").format(date=left)
    return _("{kind} s.d. {date}").format(kind=absence.kind.label,
                                          date=format_date(absence.expected_return))


def _find(session: Session, panti: str, day: dt.date) -> RollCall | None:
    return session.scalar(select(RollCall).where(RollCall.panti_code == panti,
                                                 RollCall.held_on == day,
                                                 RollCall.deleted_at.is_(None)))


def _taken(roll_call: RollCall) -> RollCallTaken:
    at = roll_call.created_at.astimezone(WIB)
    if at.date() == roll_call.held_on:
        when = _("pukul {time} WIB").format(time=at.strftime("%H:%M"))
    else:
        when = _("pada {date} pukul {time} WIB").format(date=format_date(at.date()),
                                                          time=at.strftime("%H:%M"))
    return RollCallTaken(roll_call.id, roll_call.taken_by or roll_call.created_by, when)


def _check_day(ctx: AppContext, day: dt.date | None) -> dt.date:
    if day is None:
        raise ValidationError(_("Isi tanggal apel."), field="day")
    if day > ctx.clock.today():
        raise ValidationError(_("Tanggal apel belum terjadi (setelah hari ini)."), field="day")
    return day


def start_roll_call(ctx: AppContext, day: dt.date | None) -> RollCallSheet:
    """The residents to mark on ``day``, pre-marked from their absences; with the saved marks
    when the day's roll call exists (then it is edited, not taken twice)."""
    ctx.require(Permission.VIEW_RESIDENTS)
    panti = require_panti(ctx)
    day = _check_day(ctx, day)
    with ctx.reading() as session:
        stays = _stays_on(session, panti, day)
        absences = _absences_on(session, [s.id for s, _p, _r in stays], day)
        existing = _find(session, panti, day)
        saved = {e.stay_id: e for e in existing.entries if e.deleted_at is None} if existing \
            else {}
        lines = []
        for stay, person, required in stays:
            entry = saved.get(stay.id)
            if not required and entry is None:
                continue
            absence = absences.get(stay.id)
            lines.append(RollCallLine(
                stay_id=stay.id, no_induk=stay.no_induk, name=person.name, room=stay.room,
                preset=PRESENCE_OF_ABSENCE[absence.kind] if absence else None,
                away_note=_away_note(absence) if absence else "",
                mark=entry.presence if entry else None, note=entry.note if entry else ""))
        return RollCallSheet(day, tuple(lines), _taken(existing) if existing else None)


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    if len(names) > NAMES_SHOWN:
        shown += " " + _("dan {n} lainnya").format(n=len(names) - NAMES_SHOWN)
    return shown


def _check_marks(session: Session, panti: str, day: dt.date, marks: Mapping[str, Presence],
                 notes: Mapping[str, str], already: set[str]) -> list[tuple[Stay, Person]]:
    stays = _stays_on(session, panti, day)
    allowed = {stay.id for stay, _p, _r in stays}
    unknown = [stay_id for stay_id in marks if stay_id not in allowed]
    if unknown:
        raise ValidationError(_("{n} tanda kehadiran untuk orang yang tidak tinggal di panti pada "
                                "{date}. Muat ulang daftar apel.").format(
            n=len(unknown), date=format_date(day)), field="marks")
    missing = [person.name for stay, person, required in stays
               if required and stay.id not in marks and stay.id not in already]
    problems = Problems()
    if missing:
        problems.error("marks", _("Belum ditandai: {names}.").format(names=_names(missing)))
    if any(not isinstance(p, Presence) for p in marks.values()):
        problems.error("marks", _("Tanda kehadiran tidak dikenal."))
    if any(len(text) > TEXT_MAX for text in notes.values()):
        problems.error("notes", _("Keterangan terlalu panjang."))
    if not problems.ok:
        raise InvalidInput(problems)
    return [(stay, person) for stay, person, _r in stays]


def _saved(session: Session, roll_call: RollCall, day: dt.date,
           stays: list[tuple[Stay, Person]]) -> RollCallSaved:
    session.flush()
    entries = {e.stay_id: e.presence for e in roll_call.entries if e.deleted_at is None}
    counts = Counter(entries.values())
    absences = _absences_on(session, list(entries), day)
    names = {stay.id: person.name for stay, person in stays}
    unexplained = tuple(names[s] for s, p in entries.items()
                        if p is Presence.ABSENT and s not in absences and s in names)
    back = tuple(names[s] for s, p in entries.items()
                 if p is Presence.PRESENT and s in absences and s in names)
    return RollCallSaved(roll_call.id, tuple((p, counts.get(p, 0)) for p in Presence),
                         unexplained, back)


def save_roll_call(ctx: AppContext, day: dt.date | None, marks: Mapping[str, Presence],
                   notes: Mapping[str, str] | None = None) -> RollCallSaved:
    """Save the day's roll call; every resident living in the panti that day needs a mark."""
    ctx.require(Permission.RECORD_CARE)
    panti = require_panti(ctx)
    day = _check_day(ctx, day)
    notes = notes or {}
    with ctx.unit_of_work() as session:
        existing = _find(session, panti, day)
        if existing is not None:
            taken = _taken(existing)
            raise ConflictError(_("Apel tanggal {date} sudah dicatat oleh {who} {at}. Buka "
                                  "apel tersebut untuk mengubahnya.").format(
                date=format_date(day), who=taken.taken_by, at=taken.taken_at))
        stays = _check_marks(session, panti, day, marks, notes, set())
        if not stays:
            raise ConflictError(_("Tidak ada penghuni yang tinggal di panti pada {date}.").format(
                date=format_date(day)))
        roll_call = RollCall(panti_code=panti, held_on=day, taken_by=ctx.user.full_name)
        session.add(roll_call)
        for stay_id, presence in marks.items():
            roll_call.entries.append(RollCallEntry(stay_id=stay_id, presence=presence,
                                                   note=notes.get(stay_id, "").strip()))
        return _saved(session, roll_call, day, stays)


def update_roll_call(ctx: AppContext, day: dt.date | None, marks: Mapping[str, Presence],
                     notes: Mapping[str, str] | None = None) -> RollCallSaved:
    """Correct the saved roll call of ``day``: changed marks are updated (and audited), residents
    missing from it are added."""
    ctx.require(Permission.RECORD_CARE)
    panti = require_panti(ctx)
    day = _check_day(ctx, day)
    notes = notes or {}
    with ctx.unit_of_work() as session:
        roll_call = _find(session, panti, day)
        if roll_call is None:
            raise NotFoundError(_("Belum ada apel tanggal {date}.").format(date=format_date(day)))
        entries = {e.stay_id: e for e in roll_call.entries if e.deleted_at is None}
        stays = _check_marks(session, panti, day, marks, notes, set(entries))
        for stay_id, presence in marks.items():
            note = notes.get(stay_id, "").strip()
            entry = entries.get(stay_id)
            if entry is None:
                roll_call.entries.append(RollCallEntry(stay_id=stay_id, presence=presence,
                                                       note=note))
                continue
            if entry.presence is not presence:
                entry.presence = presence
            if stay_id in notes and entry.note != note:
                entry.note = note
        return _saved(session, roll_call, day, stays)


def attention_items(session: Session, panti_code: str, today: dt.date) -> list[AttentionItem]:
    """Beranda: residents marked "tidak hadir" at the latest roll call with no absence on record."""
    roll_call = session.scalar(
        select(RollCall).where(RollCall.panti_code == panti_code, RollCall.deleted_at.is_(None),
                               RollCall.held_on <= today,
                               RollCall.held_on > today - dt.timedelta(days=ATTENTION_DAYS))
        .order_by(RollCall.held_on.desc()).limit(1))
    if roll_call is None:
        return []
    absent = [e.stay_id for e in roll_call.entries
              if e.deleted_at is None and e.presence is Presence.ABSENT]
    if not absent:
        return []
    since = _day_start(roll_call.held_on)
    explained = set(session.scalars(select(Absence.stay_id).where(
        Absence.stay_id.in_(absent), Absence.deleted_at.is_(None),
        or_(Absence.returned_at.is_(None), Absence.returned_at >= since))))
    items = []
    for stay_id in absent:
        stay = session.get(Stay, stay_id)
        if stay_id in explained or stay is None or discharge_of(stay) is not None:
            continue
        items.append(AttentionItem(
            "absent_unexplained", Urgency.TODAY, stay.person_id, stay.person.name, stay.no_induk,
            _("Tidak hadir pada apel {date} tanpa catatan cuti atau izin. Bila tidak ditemukan, "
              "catat sebagai kabur.").format(date=format_date(roll_call.held_on)),
            roll_call.held_on, AREA))
    return items
