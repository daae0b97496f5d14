"""Residents away from the panti: cuti/izin with an expected return, kabur with a time-boxed search,
the actions taken while someone is missing, and the return.

An absence stays open until the return is recorded; the open absence is what shows a resident as
"Cuti / pulang sementara" or "Kabur" (one at a time per stay). Dates lie within the stay and never
in the future, and a return is never before the departure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from pantidesk.clock import WIB
from pantidesk.db.models import Absence, AbsenceFollowUp, Person, Stay
from pantidesk.domain.daily_rules import (
    FOLLOW_UP_MAX_DAYS,
    LEAVE_KINDS,
    default_follow_up_until,
)
from pantidesk.domain.enums import AbsenceKind, StayStatus
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import _, format_date, format_datetime
from pantidesk.services.attention import AttentionItem, Urgency
from pantidesk.services.context import AppContext
from pantidesk.services.daily_stays import (
    AREA,
    check_moment,
    check_text,
    discharge_of,
    load_stay,
    require_panti,
    wib_date,
)
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems


# --- inputs ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class LeaveInput:
    """Cuti (home leave) or izin keluar: when they leave, where to, and when they are back."""

    kind: AbsenceKind | None
    left_at: dt.datetime | None
    expected_return: dt.date | None
    destination: str = ""
    reason: str = ""


@dataclass(frozen=True)
class AbscondingInput:
    """Kabur: when the resident was found missing, what happened, how long the panti searches."""

    left_at: dt.datetime | None
    circumstances: str = ""
    possible_whereabouts: str = ""
    follow_up_until: dt.date | None = None  # default: seven days after leaving


@dataclass(frozen=True)
class FollowUpInput:
    """One action while someone is away: searched, family called, police told."""

    done_at: dt.datetime | None
    action: str
    result: str = ""
    # Agreed to keep searching: the new end of the follow-up period (kabur only).
    extend_until: dt.date | None = None


@dataclass(frozen=True)
class ReturnInput:
    returned_at: dt.datetime | None
    note: str = ""


def _open_absence(session: Session, stay_id: str) -> Absence | None:
    return session.scalar(select(Absence).where(
        Absence.stay_id == stay_id, Absence.returned_at.is_(None), Absence.deleted_at.is_(None)))


def _refuse_second_absence(session: Session, stay: Stay) -> None:
    current = _open_absence(session, stay.id)
    if current is not None:
        raise ConflictError(_("{name} masih tercatat {kind} sejak {date}. Catat kembalinya dulu.")
                            .format(name=stay.person.name, kind=current.kind.label.lower(),
                                    date=format_datetime(current.left_at.astimezone(WIB))))


def _check_after_last_return(problems: Problems, session: Session, stay: Stay,
                             left_at: dt.datetime | None) -> None:
    last = session.scalar(select(func.max(Absence.returned_at)).where(
        Absence.stay_id == stay.id, Absence.deleted_at.is_(None)))
    if left_at is not None and last is not None and left_at < last:
        problems.error("left_at", _("Waktu berangkat sebelum kembalinya dari kepergian "
                                    "sebelumnya ({date}).").format(
            date=format_datetime(last.astimezone(WIB))))


def start_leave(ctx: AppContext, stay_id: str, data: LeaveInput) -> str:
    """Record a resident leaving on cuti or izin; returns the absence id."""
    ctx.require(Permission.RECORD_CARE)
    require_panti(ctx)
    with ctx.unit_of_work() as session:
        stay = load_stay(session, ctx, stay_id)
        now = ctx.clock.now()
        problems = Problems()
        if data.kind not in LEAVE_KINDS:
            problems.error("kind", _("Pilih cuti atau izin keluar."))
        check_moment(problems, "left_at", data.left_at, stay, now, _("Waktu berangkat"))
        if data.expected_return is None:
            problems.error("expected_return", _("Isi tanggal rencana kembali."))
        elif data.left_at is not None and data.expected_return < wib_date(data.left_at):
            problems.error("expected_return", _("Tanggal rencana kembali sebelum tanggal "
                                                "berangkat."))
        destination = check_text(problems, "destination", data.destination,
                                 _("Isi tujuan (alamat keluarga atau tempat yang dituju)."))
        reason = check_text(problems, "reason", data.reason)
        _check_after_last_return(problems, session, stay, data.left_at)
        if not problems.ok:
            raise InvalidInput(problems)
        _refuse_second_absence(session, stay)
        assert data.kind is not None
        absence = Absence(stay_id=stay.id, kind=data.kind, left_at=data.left_at,
                          expected_return=data.expected_return, destination=destination,
                          reason=reason)
        session.add(absence)
        session.flush()
        return absence.id


def record_absconding(ctx: AppContext, stay_id: str, data: AbscondingInput) -> str:
    """Record a resident gone without permission; returns the absence id.

    A resident who does not come back from leave is recorded on the same absence: it becomes
    "kabur" from the moment given, and the follow-up period starts then."""
    ctx.require(Permission.RECORD_CARE)
    require_panti(ctx)
    with ctx.unit_of_work() as session:
        stay = load_stay(session, ctx, stay_id)
        now = ctx.clock.now()
        problems = Problems()
        check_moment(problems, "left_at", data.left_at, stay, now, _("Waktu diketahui kabur"))
        circumstances = check_text(problems, "circumstances", data.circumstances,
                                   _("Ceritakan bagaimana penghuni diketahui kabur."))
        whereabouts = check_text(problems, "possible_whereabouts", data.possible_whereabouts)
        current = _open_absence(session, stay.id)
        if current is None:
            _check_after_last_return(problems, session, stay, data.left_at)
        elif current.kind is AbsenceKind.ABSCONDED:
            raise ConflictError(_("{name} sudah tercatat kabur sejak {date}.").format(
                name=stay.person.name, date=format_datetime(current.left_at.astimezone(WIB))))
        elif data.left_at is not None and data.left_at < current.left_at:
            problems.error("left_at", _("Waktu diketahui kabur sebelum berangkat {kind} ({date})."
                                        ).format(kind=current.kind.label.lower(),
                                                 date=format_datetime(current.left_at.astimezone(WIB))))
        until = data.follow_up_until
        if data.left_at is not None and problems.ok:
            left_on = wib_date(data.left_at)
            until = until or default_follow_up_until(left_on)
            if until < left_on:
                problems.error("follow_up_until", _("Batas tindak lanjut sebelum tanggal kabur."))
            elif until > left_on + dt.timedelta(days=FOLLOW_UP_MAX_DAYS):
                problems.error("follow_up_until", _("Batas tindak lanjut paling lama {n} hari "
                                                    "setelah kabur.").format(n=FOLLOW_UP_MAX_DAYS))
        if not problems.ok:
            raise InvalidInput(problems)
        assert data.left_at is not None
        if current is not None:  # did not come back from leave
            was = current.kind.label.lower()
            current.kind = AbsenceKind.ABSCONDED
            current.follow_up_until = until
            current.reason = "\n".join(p for p in (current.reason, circumstances) if p)
            if whereabouts:
                current.destination = whereabouts
            session.add(AbsenceFollowUp(
                absence_id=current.id, done_at=data.left_at,
                action=_("Tidak kembali dari {kind} (rencana kembali {date}); dinyatakan kabur.")
                .format(kind=was, date=format_date(current.expected_return))))
            session.flush()
            return current.id
        absence = Absence(stay_id=stay.id, kind=AbsenceKind.ABSCONDED, left_at=data.left_at,
                          follow_up_until=until, destination=whereabouts, reason=circumstances)
        session.add(absence)
        session.flush()
        return absence.id


def _load_open(session: Session, ctx: AppContext, absence_id: str) -> tuple[Absence, Stay]:
    absence = session.get(Absence, absence_id)
    if absence is None or absence.deleted_at is not None:
        raise NotFoundError(_("Catatan cuti/kabur ini tidak ditemukan."))
    stay = load_stay(session, ctx, absence.stay_id)
    if absence.returned_at is not None:
        raise ConflictError(_("{name} sudah tercatat kembali pada {date}.").format(
            name=stay.person.name, date=format_datetime(absence.returned_at.astimezone(WIB))))
    return absence, stay


def add_follow_up(ctx: AppContext, absence_id: str, data: FollowUpInput) -> str:
    """Record an action taken while the resident is away; may extend a kabur follow-up period."""
    ctx.require(Permission.RECORD_CARE)
    require_panti(ctx)
    with ctx.unit_of_work() as session:
        absence, stay = _load_open(session, ctx, absence_id)
        problems = Problems()
        check_moment(problems, "done_at", data.done_at, stay, ctx.clock.now(),
                     _("Waktu tindakan"))
        if data.done_at is not None and data.done_at < absence.left_at:
            problems.error("done_at", _("Waktu tindakan sebelum penghuni pergi ({date}).").format(
                date=format_datetime(absence.left_at.astimezone(WIB))))
        action = check_text(problems, "action", data.action, _("Isi tindakan yang dilakukan."))
        result = check_text(problems, "result", data.result)
        if data.extend_until is not None:
            if absence.kind is not AbsenceKind.ABSCONDED:
                problems.error("extend_until", _("Batas tindak lanjut hanya untuk penghuni kabur."))
            elif absence.follow_up_until and data.extend_until <= absence.follow_up_until:
                problems.error("extend_until", _("Batas baru harus setelah batas sekarang ({date})."
                                                 ).format(date=format_date(absence.follow_up_until)))
            elif data.extend_until > wib_date(absence.left_at) + dt.timedelta(
                    days=FOLLOW_UP_MAX_DAYS):
                problems.error("extend_until", _("Batas tindak lanjut paling lama {n} hari "
                                                 "setelah kabur.").format(n=FOLLOW_UP_MAX_DAYS))
        if not problems.ok:
            raise InvalidInput(problems)
        follow_up = AbsenceFollowUp(absence_id=absence.id, done_at=data.done_at, action=action,
                                    result=result)
        session.add(follow_up)
        if data.extend_until is not None:
            absence.follow_up_until = data.extend_until
        session.flush()
        return follow_up.id


def record_return(ctx: AppContext, absence_id: str, data: ReturnInput) -> None:
    """The resident is back: the absence closes and the stay is "aktif" again."""
    ctx.require(Permission.RECORD_CARE)
    require_panti(ctx)
    with ctx.unit_of_work() as session:
        absence, stay = _load_open(session, ctx, absence_id)
        problems = Problems()
        check_moment(problems, "returned_at", data.returned_at, stay, ctx.clock.now(),
                     _("Waktu kembali"))
        if data.returned_at is not None and data.returned_at < absence.left_at:
            problems.error("returned_at", _("Waktu kembali sebelum waktu berangkat ({date}).")
                           .format(date=format_datetime(absence.left_at.astimezone(WIB))))
        note = check_text(problems, "note", data.note)
        if not problems.ok:
            raise InvalidInput(problems)
        absence.returned_at = data.returned_at
        absence.return_note = note


# --- reading ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class AbsenceRow:
    absence_id: str
    stay_id: str
    person_id: str
    name: str
    no_induk: str
    room: str
    kind: AbsenceKind
    left: str
    due: dt.date | None  # expected return (cuti/izin) or end of the follow-up period (kabur)
    due_text: str
    overdue: bool
    destination: str
    reason: str
    follow_ups: int
    returned: str  # empty while away

    @property
    def is_open(self) -> bool:
        return not self.returned


def _due_text(absence: Absence) -> str:
    if absence.kind is AbsenceKind.ABSCONDED:
        return _("Tindak lanjut s.d. {date}").format(date=format_date(absence.follow_up_until))
    return _("Kembali {date}").format(date=format_date(absence.expected_return))


def absence_rows(ctx: AppContext, returned_since: dt.date | None = None) -> list[AbsenceRow]:
    """Residents away now (oldest departure first); with ``returned_since`` also those back since
    that date."""
    ctx.require(Permission.VIEW_RESIDENTS)
    panti = require_panti(ctx)
    today = ctx.clock.today()
    counts = (select(AbsenceFollowUp.absence_id, func.count().label("n"))
              .where(AbsenceFollowUp.deleted_at.is_(None))
              .group_by(AbsenceFollowUp.absence_id).subquery())
    with ctx.reading() as session:
        query = (
            select(Absence, Stay, Person, counts.c.n)
            .join(Stay, Stay.id == Absence.stay_id).join(Person, Person.id == Stay.person_id)
            .outerjoin(counts, counts.c.absence_id == Absence.id)
            .where(Absence.deleted_at.is_(None), Stay.deleted_at.is_(None),
                   Stay.panti_code == panti)
        )
        if returned_since is None:
            query = query.where(Absence.returned_at.is_(None))
        else:
            since = dt.datetime.combine(returned_since, dt.time(), tzinfo=WIB)
            query = query.where((Absence.returned_at.is_(None)) | (Absence.returned_at >= since))
        rows = []
        for absence, stay, person, n in session.execute(query.order_by(Absence.left_at)):
            if absence.returned_at is None and discharge_of(stay) is not None:
                continue  # left the panti for good; the absence is history
            due = (absence.follow_up_until if absence.kind is AbsenceKind.ABSCONDED
                   else absence.expected_return)
            rows.append(AbsenceRow(
                absence_id=absence.id, stay_id=stay.id, person_id=person.id, name=person.name,
                no_induk=stay.no_induk, room=stay.room, kind=absence.kind,
                left=format_datetime(absence.left_at.astimezone(WIB)), due=due,
                due_text=_due_text(absence),
                overdue=absence.returned_at is None and due is not None and due < today,
                destination=absence.destination, reason=absence.reason, follow_ups=n or 0,
                returned=format_datetime(absence.returned_at.astimezone(WIB))
                if absence.returned_at else "",
            ))
    rows.sort(key=lambda r: not r.is_open)  # stable: away first, each by departure
    return rows


@dataclass(frozen=True)
class FollowUpRow:
    done_at: str
    action: str
    result: str
    by: str


def follow_up_rows(ctx: AppContext, absence_id: str) -> list[FollowUpRow]:
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        rows = session.scalars(select(AbsenceFollowUp).where(
            AbsenceFollowUp.absence_id == absence_id, AbsenceFollowUp.deleted_at.is_(None))
            .order_by(AbsenceFollowUp.done_at))
        return [FollowUpRow(format_datetime(f.done_at.astimezone(WIB)), f.action, f.result,
                            f.created_by) for f in rows]


def away_by_no_induk(session: Session, no_induks: list[str]) -> dict[str, StayStatus]:
    """Which of these stays are away now: "cuti" (leave or izin) or "kabur". One indexed probe per
    stay; for the resident list's page of rows."""
    if not no_induks:
        return {}
    rows = session.execute(
        select(Stay.no_induk, Absence.kind)
        .join(Absence, and_(Absence.stay_id == Stay.id, Absence.returned_at.is_(None),
                            Absence.deleted_at.is_(None)))
        .where(Stay.no_induk.in_(no_induks), Stay.deleted_at.is_(None))
    )
    return {no_induk: StayStatus.ABSCONDED if kind == AbsenceKind.ABSCONDED
            else StayStatus.ON_LEAVE for no_induk, kind in rows}


def attention_items(session: Session, panti_code: str, today: dt.date) -> list[AttentionItem]:
    """Beranda: residents late back from leave (or due today) and residents who ran away."""
    rows = session.execute(
        select(Absence, Stay, Person)
        .join(Stay, Stay.id == Absence.stay_id).join(Person, Person.id == Stay.person_id)
        .where(Absence.returned_at.is_(None), Absence.deleted_at.is_(None),
               Stay.deleted_at.is_(None), Stay.panti_code == panti_code)
    )
    items = []
    for absence, stay, person in rows:
        if discharge_of(stay) is not None:
            continue
        left = format_date(wib_date(absence.left_at))
        if absence.kind is AbsenceKind.ABSCONDED:
            until = absence.follow_up_until
            if until is not None and until < today:
                urgency = Urgency.OVERDUE
                text = _("Kabur sejak {left}; masa tindak lanjut berakhir {date}. Putuskan: "
                         "perpanjang pencarian atau terminasi dengan alasan melarikan diri.")
            else:
                urgency = Urgency.SOON
                text = _("Kabur sejak {left}; lanjutkan pencarian dan hubungi keluarga sampai "
                         "{date}.")
            items.append(AttentionItem("absconded", urgency, person.id, person.name,
                                       stay.no_induk, text.format(left=left,
                                                                  date=format_date(until)),
                                       until, AREA))
            continue
        due = absence.expected_return
        if due is None or due > today:
            continue
        if due < today:
            urgency = Urgency.OVERDUE
            text = _("Belum kembali dari {kind}; seharusnya kembali {date} (terlambat {n} hari). "
                     "Hubungi keluarga atau tujuan; bila tidak kembali, catat sebagai kabur.")
        else:
            urgency = Urgency.TODAY
            text = _("Dijadwalkan kembali dari {kind} hari ini ({date}).")
        items.append(AttentionItem(
            "leave_overdue", urgency, person.id, person.name, stay.no_induk,
            text.format(kind=absence.kind.label.lower(), date=format_date(due),
                        n=(today - due).days), due, AREA))
    return items
