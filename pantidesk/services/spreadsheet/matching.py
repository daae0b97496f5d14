"""Which rows of a sheet are already on record, and which would create a duplicate.

A row is the person already on record when its No. Induk, its NIK, or its normalised name with
the same birth date matches. Then: living in this panti now → skipped ("sudah ada"); living in
another panti → rejected; not living in any panti → imported as a new stay of that same person.
A row that only resembles someone (a similar name, a close birth date) is rejected and names that
person, so a worker compares them through the intake form, where the answer is recorded. Rows of
the same file are compared with each other the same way. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pantidesk.db.models import Discharge, Person, Stay
from pantidesk.db.queries.stays import open_stay
from pantidesk.domain.names import name_tokens, normalize_name
from pantidesk.domain.registration import normalize_no_induk
from pantidesk.errors import ValidationError
from pantidesk.i18n import _, format_date
from pantidesk.services.duplicates import (
    SIMILAR_NAME,
    PersonBrief,
    births_close,
    find_duplicates_in,
    name_similarity,
)
from pantidesk.services.spreadsheet.report import RowIssue, RowOutcome, RowStatus
from pantidesk.services.spreadsheet.values import ResidentRow


@dataclass(frozen=True)
class Planned:
    """A row to import: a new person (``person_id`` None) or a new stay of one on record."""

    row: ResidentRow
    person_id: str | None
    note: str = ""


def plan_rows(session: Session, rows: list[ResidentRow | RowOutcome],
              panti_code: str) -> list[Planned | RowOutcome]:
    """The plan for every row, in file order."""
    in_file = _SeenInFile()
    plan: list[Planned | RowOutcome] = []
    for row in rows:
        if isinstance(row, RowOutcome):
            plan.append(row)
            continue
        step = _match_on_record(session, row, panti_code)
        if isinstance(step, Planned):
            step = in_file.check(step)
        plan.append(step)
    return plan


def _reject(row: ResidentRow, column: str, message: str) -> RowOutcome:
    return RowOutcome(row.number, row.person.name, RowStatus.REJECT, (RowIssue(column, message),),
                      row.warnings)


def _where(brief: PersonBrief) -> str:
    return ", ".join(part for part in (brief.birth, brief.where) if part)


def _match_on_record(session: Session, row: ResidentRow, panti_code: str
                     ) -> Planned | RowOutcome:
    person = row.person
    if row.no_induk_in_file:
        found = _by_no_induk(session, row.no_induk_in_file)
        if found is not None:
            return _known_stay(row, found)
    if person.nik:
        same_nik = session.scalar(select(Person).where(Person.nik == person.nik,
                                                       Person.deleted_at.is_(None)))
        if same_nik is not None:
            if name_similarity(person.name, same_nik.name) < SIMILAR_NAME:
                return _reject(row, "nik", _("NIK ini sudah tercatat atas nama {name}; periksa "
                                             "NIK dan nama.").format(name=same_nik.name))
            return _on_record(session, row, same_nik, panti_code)

    exact = [p for p in session.scalars(select(Person).where(
        Person.name_sort == normalize_name(person.name), Person.birth_date == person.birth_date,
        Person.deleted_at.is_(None))) if not (p.nik and person.nik and p.nik != person.nik)]
    if len(exact) > 1:
        here = [p for p in exact if (s := open_stay(session, p.id)) and s.panti_code == panti_code]
        if len(here) != 1:
            return _reject(row, "nama", _("Ada {count} orang tercatat dengan nama dan tanggal "
                                          "lahir ini; catat lewat Penerimaan baru agar dapat "
                                          "dipilih.").format(count=len(exact)))
        exact = here
    if exact:
        return _on_record(session, row, exact[0], panti_code)

    check = find_duplicates_in(session, name=person.name, nik=person.nik,
                               birth_date=person.birth_date)
    if check.similar:
        brief = check.similar[0]
        return _reject(row, "nama", _(
            "Mirip dengan {name} ({where}) yang sudah tercatat. Periksa apakah orang yang sama; "
            "catat baris ini lewat Penerimaan baru agar kemiripannya diperiksa dan dicatat.").format(
            name=brief.name, where=_where(brief)))
    return Planned(row, None)


def _by_no_induk(session: Session, raw: str) -> Stay | None:
    try:
        number = normalize_no_induk(raw)
    except ValidationError:
        return None  # an old register's own numbering: not ours, a new number is issued
    return session.scalar(select(Stay).where(Stay.no_induk == number, Stay.deleted_at.is_(None)))


def _known_stay(row: ResidentRow, stay: Stay) -> RowOutcome:
    """The row names a stay of ours by its No. Induk: the same person, or a mistake."""
    person = stay.person
    same = (row.person.nik and row.person.nik == person.nik) or \
        name_similarity(row.person.name, person.name) >= SIMILAR_NAME
    if not same:
        return _reject(row, "no_induk", _("No. Induk {no} tercatat atas nama {name}.").format(
            no=stay.no_induk, name=person.name))
    return RowOutcome(row.number, row.person.name, RowStatus.SKIP,
                      (RowIssue("", _("sudah ada ({no_induk})").format(no_induk=stay.no_induk)),),
                      no_induk=stay.no_induk)


def _on_record(session: Session, row: ResidentRow, person: Person, panti_code: str
               ) -> Planned | RowOutcome:
    stay = open_stay(session, person.id)
    if stay is not None and stay.panti_code == panti_code:
        return RowOutcome(row.number, row.person.name, RowStatus.SKIP, (RowIssue("", _(
            "sudah ada ({no_induk})").format(no_induk=stay.no_induk)),), no_induk=stay.no_induk)
    if stay is not None:
        return _reject(row, "", _("{name} masih tercatat sebagai penghuni aktif panti {code} "
                                  "({no_induk}).").format(name=person.name, code=stay.panti_code,
                                                          no_induk=stay.no_induk))
    left = session.scalar(select(func.max(Discharge.discharged_on)).join(
        Stay, Stay.id == Discharge.stay_id).where(
        Stay.person_id == person.id, Stay.deleted_at.is_(None), Discharge.deleted_at.is_(None)))
    if left is not None and row.admitted_on <= left:
        return _reject(row, "tanggal_masuk", _(
            "{name} tercatat sudah keluar dari panti pada {left}; tanggal masuk {date} bukan "
            "kedatangan baru.").format(name=person.name, left=format_date(left),
                                       date=format_date(row.admitted_on)))
    return Planned(row, person.id, _("sudah tercatat sebagai {name}, tidak tinggal di panti: "
                                     "mendapat masa tinggal baru; data identitasnya tidak "
                                     "diubah.").format(name=person.name))


class _SeenInFile:
    """Rows already planned for import, to refuse a second row of the same person."""

    def __init__(self) -> None:
        self.by_person: dict[str, int] = {}
        self.by_nik: dict[str, int] = {}
        self.by_name_birth: dict[tuple[str, object], int] = {}
        self.by_token: dict[str, list[ResidentRow]] = {}

    def check(self, planned: Planned) -> Planned | RowOutcome:
        row, person = planned.row, planned.row.person
        key = (normalize_name(person.name), person.birth_date)
        earlier = None
        if planned.person_id is not None and planned.person_id in self.by_person:
            earlier = self.by_person[planned.person_id]
        elif person.nik and person.nik in self.by_nik:
            earlier = self.by_nik[person.nik]
        elif key in self.by_name_birth:
            earlier = self.by_name_birth[key]
        if earlier is not None:
            return _reject(row, "", _("orang yang sama dengan baris {n} di berkas ini.").format(
                n=earlier))
        similar = self._similar(row)
        if similar is not None:
            return _reject(row, "nama", _(
                "mirip dengan baris {n} ({name}) di berkas ini. Bila orang yang sama, hapus salah "
                "satu; bila berbeda, catat orang ini lewat Penerimaan baru.").format(
                n=similar.number, name=similar.person.name))
        if planned.person_id is not None:
            self.by_person[planned.person_id] = row.number
        if person.nik:
            self.by_nik[person.nik] = row.number
        self.by_name_birth[key] = row.number
        for token in name_tokens(person.name):
            self.by_token.setdefault(token, []).append(row)
        return planned

    def _similar(self, row: ResidentRow) -> ResidentRow | None:
        person = row.person
        seen: set[int] = set()
        for token in name_tokens(person.name):
            for other in self.by_token.get(token, ()):
                if other.number in seen:
                    continue
                seen.add(other.number)
                if person.nik and other.person.nik and person.nik != other.person.nik:
                    continue  # two different NIKs: two people
                if births_close(person.birth_date, other.person.birth_date, False) and \
                        name_similarity(person.name, other.person.name) >= SIMILAR_NAME:
                    return other
        return None
