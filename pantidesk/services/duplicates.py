"""Is this person already on record? Checked while registering, before anything is saved.

Two kinds of match (issue: intake): the same NIK is certain, and the worker is sent to the existing
person; a similar name with the same or a close birth date is a candidate the worker looks at and
either opens or dismisses as a different person (the dismissal is recorded). Similar means the
phonetic keys of ``domain.names`` are close: that is what makes "Moh. Djoko Santoso" find
"Muhammad Joko Santosa" and "Siti Aminah" find "Siti Aminah binti Ahmad".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from difflib import SequenceMatcher

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from pantidesk.db.models import Person, PersonSearchToken
from pantidesk.db.queries.stays import open_stay
from pantidesk.domain.names import name_key, name_tokens
from pantidesk.domain.nik import normalize_digits
from pantidesk.domain.roles import Permission
from pantidesk.i18n import format_date
from pantidesk.services.context import AppContext

MAX_CANDIDATES = 10
# Birth dates this far apart may still be one person: estimated dates are often a year off.
CLOSE_BIRTH = dt.timedelta(days=400)
SIMILAR_NAME = 0.8
# Names written in many ways share at least one normalised word; a word this common on its own
# ("muhammad", "siti") is not enough to list someone, the birth date filter narrows it first.
_TOKEN_CANDIDATES = 500


@dataclass(frozen=True)
class PersonBrief:
    """Enough to recognise a person in a list of candidates."""

    person_id: str
    name: str
    nik: str
    birth: str
    address: str
    where: str  # current panti and No. Induk, or "" when not living in a panti now
    similarity: float


@dataclass(frozen=True)
class DuplicateCheck:
    same_nik: PersonBrief | None
    similar: tuple[PersonBrief, ...]

    @property
    def clean(self) -> bool:
        return self.same_nik is None and not self.similar


def name_similarity(a: str, b: str) -> float:
    """0–1: how alike two names sound. Equal keys give 1; one name containing all the words of
    the other ("Siti Aminah" in "Siti Aminah binti Ahmad") gives at least 0.9."""
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b:
        return 0.0
    if key_a == key_b:
        return 1.0
    if key_a.replace(" ", "") == key_b.replace(" ", ""):
        return 0.95  # "Nur Aini" and "Nuraini"
    words_a, words_b = set(key_a.split()), set(key_b.split())
    contained = 0.9 if (words_a <= words_b or words_b <= words_a) and min(
        len(words_a), len(words_b)) >= 2 else 0.0
    return max(contained, SequenceMatcher(None, key_a, key_b).ratio())


def births_close(a: dt.date | None, b: dt.date | None, estimated: bool) -> bool:
    """Whether two birth dates may belong to one person (also used by the spreadsheet import)."""
    if a is None or b is None:
        return True  # unknown: the name alone must then be very close
    if a == b:
        return True
    if estimated:
        return abs(a - b) <= CLOSE_BIRTH
    # A month apart, or the same day and month in another year: a typo more often than a twin.
    return abs(a - b) <= dt.timedelta(days=31) or (a.month, a.day) == (b.month, b.day)


def find_duplicates_in(
    session: Session,
    *,
    name: str,
    nik: str = "",
    birth_date: dt.date | None = None,
    birth_date_estimated: bool = False,
    exclude_person_id: str | None = None,
) -> DuplicateCheck:
    """The check itself, inside an open session (the import calls it once per row)."""
    nik = normalize_digits(nik)
    same_nik = None
    if len(nik) == 16:
        found = session.scalar(select(Person).where(
            Person.nik == nik, Person.deleted_at.is_(None),
            Person.id != (exclude_person_id or "")))
        if found is not None:
            same_nik = _brief(session, found, 1.0)

    tokens = name_tokens(name)
    conditions = [Person.name_key == name_key(name)]
    if tokens:
        by_token = select(PersonSearchToken.person_id).where(PersonSearchToken.token.in_(tokens))
        near_birth: ColumnElement[bool] = Person.birth_date.is_(None)
        if birth_date is not None:
            near_birth = or_(near_birth, Person.birth_date_estimated.is_(True), and_(
                Person.birth_date >= birth_date - CLOSE_BIRTH,
                Person.birth_date <= birth_date + CLOSE_BIRTH))
        conditions.append(and_(Person.id.in_(by_token), near_birth))
    query = (select(Person).where(or_(*conditions), Person.deleted_at.is_(None))
             .limit(_TOKEN_CANDIDATES))
    similar = []
    for person in session.scalars(query):
        if person.id == exclude_person_id or (same_nik and person.id == same_nik.person_id):
            continue
        if person.nik and nik and len(nik) == 16 and person.nik != nik:
            continue  # two different valid NIKs: two people, however alike the names
        score = name_similarity(name, person.name)
        estimated = birth_date_estimated or person.birth_date_estimated
        unknown_birth = birth_date is None or person.birth_date is None
        if score >= (0.95 if unknown_birth else SIMILAR_NAME) and births_close(
                birth_date, person.birth_date, estimated):
            similar.append(_brief(session, person, score))
    similar.sort(key=lambda b: (-b.similarity, b.name))
    return DuplicateCheck(same_nik, tuple(similar[:MAX_CANDIDATES]))


def find_duplicates(
    ctx: AppContext,
    *,
    name: str,
    nik: str = "",
    birth_date: dt.date | None = None,
    birth_date_estimated: bool = False,
    exclude_person_id: str | None = None,
) -> DuplicateCheck:
    """Persons already on record that may be the one being registered."""
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        return find_duplicates_in(session, name=name, nik=nik, birth_date=birth_date,
                                  birth_date_estimated=birth_date_estimated,
                                  exclude_person_id=exclude_person_id)


def _brief(session: Session, person: Person, similarity: float) -> PersonBrief:
    stay = open_stay(session, person.id)
    birth = ""
    if person.birth_date:
        birth = format_date(person.birth_date) + (" (±)" if person.birth_date_estimated else "")
    return PersonBrief(
        person_id=person.id, name=person.name, nik=person.nik or "",
        birth=(person.birth_place + ", " if person.birth_place else "") + birth,
        address=person.address, where=f"{stay.panti_code} · {stay.no_induk}" if stay else "",
        similarity=similarity,
    )
