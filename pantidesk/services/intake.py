"""Registering a person at the door: the arrival, the identity, family contacts and a photo.

The service, not the form, decides: it re-runs every rule and the duplicate check inside the same
transaction that writes, so a second window or the CLI cannot slip a duplicate past it. Warnings
(an odd but possible NIK) need ``confirmed=True``; similar persons must each be answered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantidesk.db.models import Attachment, DuplicateReview, FamilyContact, Intake, Panti, Person
from pantidesk.db.queries.stays import open_stay
from pantidesk.domain.roles import Permission
from pantidesk.errors import ConflictError, NotFoundError, PantiDeskError, ValidationError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.duplicates import DuplicateCheck, find_duplicates_in
from pantidesk.services.person_rules import (
    FamilyInput,
    IntakeInput,
    PersonInput,
    Problems,
    check_family,
    check_intake,
    check_person,
    encode_documents,
)

PHOTO_MAX_BYTES = 2_000_000
JPEG_MAGIC = b"\xff\xd8\xff"


class InvalidInput(ValidationError):
    """The form has errors; ``problems.errors`` says which field and why."""

    def __init__(self, problems: Problems) -> None:
        first = next(iter(problems.errors.values()))
        super().__init__(first, field=next(iter(problems.errors)))
        self.problems = problems


class NeedsConfirmation(PantiDeskError):
    """Only warnings remain; the person confirms them and submits again with ``confirmed``."""

    def __init__(self, warnings: list[str]) -> None:
        super().__init__(_("Periksa peringatan berikut sebelum menyimpan:") + "\n• "
                         + "\n• ".join(warnings))
        self.warnings = warnings


class PossibleDuplicate(ConflictError):
    """The person may already be on record; the form shows the candidates."""

    def __init__(self, check: DuplicateCheck) -> None:
        if check.same_nik is not None:
            message = _("NIK ini sudah tercatat atas nama {name}. Buka data orang tersebut; "
                        "orang yang kembali mendapat kedatangan baru pada data yang sama.").format(
                name=check.same_nik.name)
        else:
            message = _("Ada {count} orang tercatat yang mirip. Periksa apakah salah satunya "
                        "orang yang sama.").format(count=len(check.similar))
        super().__init__(message)
        self.check = check


@dataclass(frozen=True)
class Registration:
    """Everything the intake form submits."""

    person: PersonInput
    intake: IntakeInput
    family: tuple[FamilyInput, ...] = ()
    photo_jpeg: bytes | None = None
    # The existing person this arrival belongs to (a person who comes back), or None for new.
    existing_person_id: str | None = None
    # Candidates the worker looked at and answered "this is a different person".
    dismissed_candidates: frozenset[str] = frozenset()
    dismissal_note: str = ""
    confirmed: bool = False


@dataclass(frozen=True)
class Registered:
    person_id: str
    intake_id: str


def validate_registration(ctx: AppContext, registration: Registration) -> Problems:
    """Field errors and warnings, for the form to show inline before submitting."""
    return _checked(ctx, registration)[1]


def _checked(ctx: AppContext, registration: Registration) -> tuple[Registration, Problems]:
    today = ctx.clock.today()
    person, problems = check_person(registration.person, today)
    intake, intake_problems = check_intake(registration.intake, ctx.clock.now(), person.birth_date)
    problems.merge(intake_problems, "intake.")
    family = []
    for index, contact in enumerate(registration.family):
        cleaned, contact_problems = check_family(contact)
        problems.merge(contact_problems, f"family.{index}.")
        family.append(cleaned)
    if registration.photo_jpeg is not None:
        if not registration.photo_jpeg.startswith(JPEG_MAGIC):
            problems.error("photo", _("Foto harus berupa JPEG."))
        elif len(registration.photo_jpeg) > PHOTO_MAX_BYTES:
            problems.error("photo", _("Foto terlalu besar (lebih dari 2 MB)."))
    return replace(registration, person=person, intake=intake, family=tuple(family)), problems


def register_intake(ctx: AppContext, registration: Registration) -> Registered:
    """Record an arrival; a new person, or a new arrival of a person already on record."""
    ctx.require(Permission.EDIT_RESIDENTS)
    if ctx.installation.mode is not Mode.PANTI:
        raise ConflictError(_("Penerimaan dicatat di panti, bukan di kantor provinsi."))
    registration, problems = _checked(ctx, registration)
    if not problems.ok:
        raise InvalidInput(problems)
    if problems.warnings and not registration.confirmed:
        raise NeedsConfirmation(problems.warnings)
    data = registration.person
    with ctx.unit_of_work() as session:
        check = find_duplicates_in(
            session, name=data.name, nik=data.nik, birth_date=data.birth_date,
            birth_date_estimated=data.birth_date_estimated,
            exclude_person_id=registration.existing_person_id)
        unanswered = [c for c in check.similar
                      if c.person_id not in registration.dismissed_candidates]
        if check.same_nik is not None or unanswered:
            raise PossibleDuplicate(replace(check, similar=tuple(unanswered)))
        person = _person_for(session, registration)
        _apply_person(person, data)
        if registration.photo_jpeg is not None:
            person.photo_sha256 = _store_photo(session, ctx, registration.photo_jpeg)
        session.add(person)
        session.flush()
        for contact in registration.family:
            session.add(FamilyContact(person_id=person.id, **vars(contact)))
        for candidate in check.similar:  # all answered: record each "different person"
            session.add(DuplicateReview(person_id=person.id, candidate_id=candidate.person_id,
                                        same_person=False, note=registration.dismissal_note))
        intake = _new_intake(ctx, person.id, registration.intake)
        session.add(intake)
        session.flush()
        return Registered(person.id, intake.id)


def _person_for(session: Session, registration: Registration) -> Person:
    if registration.existing_person_id is None:
        return Person()
    person = session.get(Person, registration.existing_person_id)
    if person is None or person.deleted_at is not None:
        raise NotFoundError(_("Data orang yang dipilih tidak ada lagi."))
    stay = open_stay(session, person.id)
    if stay is not None:
        panti = session.get(Panti, stay.panti_code)
        raise ConflictError(_("{name} masih tercatat sebagai penghuni aktif {panti} "
                              "({no_induk}). Catat terminasi dulu sebelum kedatangan baru.")
                            .format(name=person.name, panti=panti.name if panti else
                                    stay.panti_code, no_induk=stay.no_induk))
    return person


def _apply_person(person: Person, data: PersonInput) -> None:
    for name, value in vars(data).items():
        if name in ("nik", "no_kk"):
            value = value or None
        setattr(person, name, value)


def _new_intake(ctx: AppContext, person_id: str, data: IntakeInput) -> Intake:
    assert data.source is not None and data.arrived_at is not None  # checked by check_intake
    return Intake(
        person_id=person_id, panti_code=ctx.installation.panti_code, source=data.source,
        referring_agency=data.referring_agency, letter_number=data.letter_number,
        letter_date=data.letter_date, found_location=data.found_location,
        arrived_at=data.arrived_at, notes=data.notes.strip(), belongings=data.belongings,
        health_check=data.health_check, needs_medical_care=data.needs_medical_care,
        documents=encode_documents(data.documents), documents_other=data.documents_other,
    )


def _store_photo(session: Session, ctx: AppContext, jpeg: bytes) -> str:
    digest = hashlib.sha256(jpeg).hexdigest()
    if session.get(Attachment, digest) is None:
        session.add(Attachment(sha256=digest, media_type="image/jpeg", size=len(jpeg),
                               data=jpeg, created_at=ctx.clock.now()))
    return digest


def load_person_input(ctx: AppContext, person_id: str) -> PersonInput:
    """The identity of a person on record, to prefill the form when they come back."""
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        person = session.get(Person, person_id)
        if person is None or person.deleted_at is not None:
            raise NotFoundError(_("Data orang yang dipilih tidak ada lagi."))
        values = {name: getattr(person, name) for name in PersonInput.__dataclass_fields__}
    values["nik"] = values["nik"] or ""
    values["no_kk"] = values["no_kk"] or ""
    return PersonInput(**values)


def person_photo(ctx: AppContext, person_id: str) -> bytes | None:
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        data = session.scalar(select(Attachment.data).join(
            Person, Person.photo_sha256 == Attachment.sha256).where(Person.id == person_id))
    return data


def arrival_now(ctx: AppContext) -> dt.datetime:
    """The default arrival time on the form: now, to the minute."""
    return ctx.clock.now().replace(second=0, microsecond=0)
