"""Catatan perkembangan: dated case notes written during a stay.

The author may edit a note plainly for 24 hours after writing it. After that, or for anyone else,
a note is only corrected with a reason, and the text it had before is kept with the correction, so
the case file shows what was written and when it changed. Notes are never deleted here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantidesk.db.models import ProgressNote, ProgressNoteCorrection
from pantidesk.domain.careplan_rules import note_plainly_editable
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import _
from pantidesk.services.careplan_access import live, load_stay, stay_for_change, window_of
from pantidesk.services.context import AppContext
from pantidesk.services.intake import InvalidInput
from pantidesk.services.person_rules import Problems

TEXT_MAX = 10_000
REASON_MAX = 1000


@dataclass(frozen=True)
class NoteInput:
    written_on: dt.date | None
    text: str


@dataclass(frozen=True)
class CorrectionView:
    corrected_at: dt.datetime
    corrected_by: str
    previous_text: str
    reason: str


@dataclass(frozen=True)
class NoteView:
    id: str
    written_on: dt.date
    author: str
    text: str
    created_at: dt.datetime
    plainly_editable: bool  # by the current user, now, without a reason
    corrections: tuple[CorrectionView, ...]  # oldest first


def list_notes(ctx: AppContext, stay_id: str) -> list[NoteView]:
    """The stay's notes, newest first."""
    ctx.require(Permission.VIEW_RESIDENTS)
    now = ctx.clock.now()
    with ctx.reading() as session:
        load_stay(session, stay_id)
        notes = session.scalars(select(ProgressNote).where(
            ProgressNote.stay_id == stay_id, ProgressNote.deleted_at.is_(None)
        ).order_by(ProgressNote.written_on.desc(), ProgressNote.created_at.desc())).all()
        return [NoteView(
            n.id, n.written_on, n.author, n.text, n.created_at,
            note_plainly_editable(n.created_at, n.created_by, now, ctx.user.username),
            tuple(CorrectionView(c.created_at, c.created_by, c.previous_text, c.reason)
                  for c in live(n.corrections)))
            for n in notes]


def add_note(ctx: AppContext, stay_id: str, data: NoteInput) -> str:
    """Write a note for an open stay, signed by the current user; returns its id."""
    ctx.require(Permission.RECORD_CARE)
    with ctx.unit_of_work() as session:
        stay = stay_for_change(ctx, session, stay_id)
        _check(ctx, session, stay_id, data)
        note = ProgressNote(stay_id=stay.id, written_on=data.written_on,
                            author=ctx.user.full_name, text=data.text.strip())
        session.add(note)
        session.flush()
        return note.id


def edit_note(ctx: AppContext, note_id: str, data: NoteInput) -> None:
    """Its author changes a note within 24 hours of writing it (no reason needed)."""
    ctx.require(Permission.RECORD_CARE)
    with ctx.unit_of_work() as session:
        note = _note_for_change(ctx, session, note_id)
        if not note_plainly_editable(note.created_at, note.created_by, ctx.clock.now(),
                                     ctx.user.username):
            raise ConflictError(_("Catatan ini hanya dapat dikoreksi dengan alasan: sudah lewat "
                                  "24 jam sejak ditulis, atau ditulis oleh pengguna lain."))
        _check(ctx, session, note.stay_id, data)
        note.written_on = data.written_on  # type: ignore[assignment]  # checked
        note.text = data.text.strip()


def correct_note(ctx: AppContext, note_id: str, new_text: str, reason: str) -> None:
    """Correct a note with a reason; the text it had is kept with the correction."""
    ctx.require(Permission.RECORD_CARE)
    with ctx.unit_of_work() as session:
        note = _note_for_change(ctx, session, note_id)
        problems = Problems()
        text = new_text.strip()
        if not text:
            problems.error("text", _("Isi catatannya."))
        elif len(text) > TEXT_MAX:
            problems.error("text", _("Catatan terlalu panjang (paling banyak 10.000 huruf)."))
        elif text == note.text:
            problems.error("text", _("Teks koreksi sama dengan catatan sekarang."))
        reason = reason.strip()
        if not reason:
            problems.error("reason", _("Tulis alasan koreksi."))
        elif len(reason) > REASON_MAX:
            problems.error("reason", _("Alasan terlalu panjang."))
        if not problems.ok:
            raise InvalidInput(problems)
        session.add(ProgressNoteCorrection(note_id=note.id, previous_text=note.text,
                                           reason=reason))
        note.text = text


def _note_for_change(ctx: AppContext, session: Session, note_id: str) -> ProgressNote:
    note = session.get(ProgressNote, note_id)
    if note is None or note.deleted_at is not None:
        raise NotFoundError(_("Catatan ini tidak ada lagi."))
    stay_for_change(ctx, session, note.stay_id)
    return note


def _check(ctx: AppContext, session: Session, stay_id: str, data: NoteInput) -> None:
    problems = Problems()
    problem = window_of(ctx, load_stay(session, stay_id)).problem(data.written_on,
                                                                  _("Tanggal catatan"))
    if problem:
        problems.error("written_on", problem)
    text = data.text.strip()
    if not text:
        problems.error("text", _("Isi catatannya."))
    elif len(text) > TEXT_MAX:
        problems.error("text", _("Catatan terlalu panjang (paling banyak 10.000 huruf)."))
    if not problems.ok:
        raise InvalidInput(problems)
