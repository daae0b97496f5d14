"""A person known to the panti (assessed, admitted or not), their family, and search tokens."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pantidesk.db.base import Base, SyncMixin, UtcDateTime
from pantidesk.db.models.types import enum_column
from pantidesk.domain.enums import (
    DisabilityDegree,
    DisabilityType,
    DtsenStatus,
    Education,
    JknSegment,
    MaritalStatus,
    NikState,
    Religion,
    Sex,
)


class Person(SyncMixin, Base):
    """Identity of a person (DOMAIN.md §4.1–4.4). Stays, intakes and assessments hang off it."""

    __tablename__ = "person"
    __table_args__ = (
        Index("ix_person_nik", "nik"),
        Index("ix_person_no_kk", "no_kk"),
        # Covering: the default list (ids in name order) is read from the index alone.
        Index("ix_person_name_sort", "name_sort", "id", "deleted_at"),
        Index("ix_person_name_key", "name_key"),
        # Covering: a name search finds ids in person_search, then sorts them by name_sort; read
        # here, that is one small index page per hit instead of a whole person row (7x faster
        # on 100,000 persons, see benchmarks/README.md).
        Index("ix_person_sort_by_id", "id", "deleted_at", "name_sort"),
    )

    nik: Mapped[str | None] = mapped_column(String(16))
    nik_state: Mapped[NikState] = mapped_column(enum_column(NikState))
    no_kk: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[str] = mapped_column(Text, default="")
    sex: Mapped[Sex] = mapped_column(enum_column(Sex))
    birth_place: Mapped[str] = mapped_column(String(100), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    birth_date_estimated: Mapped[bool] = mapped_column(default=False)
    religion: Mapped[Religion | None] = mapped_column(enum_column(Religion))
    education: Mapped[Education | None] = mapped_column(enum_column(Education))
    marital_status: Mapped[MaritalStatus | None] = mapped_column(enum_column(MaritalStatus))
    address: Mapped[str] = mapped_column(Text, default="")
    origin_regency: Mapped[str | None] = mapped_column(String(13))
    disability_type: Mapped[DisabilityType | None] = mapped_column(enum_column(DisabilityType))
    disability_degree: Mapped[DisabilityDegree | None] = mapped_column(
        enum_column(DisabilityDegree)
    )
    dtsen_status: Mapped[DtsenStatus] = mapped_column(
        enum_column(DtsenStatus), default=DtsenStatus.TIDAK_DIKETAHUI
    )
    dtsen_desil: Mapped[int | None]
    jkn_number: Mapped[str] = mapped_column(String(20), default="")
    jkn_segment: Mapped[JknSegment | None] = mapped_column(enum_column(JknSegment))
    photo_sha256: Mapped[str | None] = mapped_column(ForeignKey("attachment.sha256"))
    # Derived from the name for sorting and duplicate search (domain.names); kept by the unit of work.
    name_sort: Mapped[str] = mapped_column(String(200), default="")
    name_key: Mapped[str] = mapped_column(String(200), default="")

    family_contacts: Mapped[list[FamilyContact]] = relationship(back_populates="person")
    search_tokens: Mapped[list[PersonSearchToken]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class FamilyContact(SyncMixin, Base):
    """A family member or guardian, with whether they can and will care and whether it is safe."""

    __tablename__ = "family_contact"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    can_care: Mapped[bool | None]
    will_care: Mapped[bool | None]
    is_safe: Mapped[bool | None]
    no_contact: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="family_contacts")


class DuplicateReview(SyncMixin, Base):
    """A worker's answer to "is this the same person?" when registering someone who resembled an
    existing record: kept so the province can see that the likeness was looked at."""

    __tablename__ = "duplicate_review"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    candidate_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    same_person: Mapped[bool]
    note: Mapped[str] = mapped_column(Text, default="")


class Attachment(Base):
    """A file kept by content (photos now, scanned documents later): the SHA-256 of the bytes is
    the key, so a file stored twice is stored once, and sync bundles carry it by that hash."""

    __tablename__ = "attachment"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(50))
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())


class PersonSearchToken(Base):
    """One normalised name word of a person: an indexed prefix search that stays fast at 100,000
    persons on SQLite and PostgreSQL alike. Derived data, rebuilt locally, never synced."""

    __tablename__ = "person_search"

    token: Mapped[str] = mapped_column(String(100), primary_key=True)
    person_id: Mapped[str] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True
    )
