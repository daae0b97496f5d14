"""Services delivered to residents, each tagged with its SPM item and ATENSI component, so that SPM
achievement and budget realisation can be joined (DOMAIN.md §3.2), and document facilitation
tracked from "diajukan" to "terbit"."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pantidesk.db.base import Base, SyncMixin
from pantidesk.db.models.types import enum_column
from pantidesk.domain.enums import CivilDocument, DocumentStatus


class Distribution(SyncMixin, Base):
    """One hand-out to many residents at once (e.g. clothing for 40 residents): the heading of the
    receipt list they sign."""

    __tablename__ = "distribution"

    panti_code: Mapped[str] = mapped_column(ForeignKey("panti.code"))
    delivered_on: Mapped[dt.date] = mapped_column(Date)
    spm_code: Mapped[str] = mapped_column(ForeignKey("spm_item.code"))
    atensi_code: Mapped[int] = mapped_column(ForeignKey("atensi_component.code"))
    description: Mapped[str] = mapped_column(Text)
    given_by: Mapped[str] = mapped_column(String(200), default="")

    events: Mapped[list[ServiceEvent]] = relationship(back_populates="distribution")


class ServiceEvent(SyncMixin, Base):
    """A dated delivery to one resident: what, how much, who gave it and who received it."""

    __tablename__ = "service_event"
    __table_args__ = (Index("ix_service_event_stay", "stay_id", "deleted_at", "delivered_on"),
                      Index("ix_service_event_spm", "spm_code", "delivered_on"))

    stay_id: Mapped[str] = mapped_column(ForeignKey("stay.id"))
    delivered_on: Mapped[dt.date] = mapped_column(Date)
    spm_code: Mapped[str] = mapped_column(ForeignKey("spm_item.code"))
    atensi_code: Mapped[int] = mapped_column(ForeignKey("atensi_component.code"))
    description: Mapped[str] = mapped_column(Text, default="")
    quantity: Mapped[str] = mapped_column(String(100), default="")
    given_by: Mapped[str] = mapped_column(String(200), default="")
    received_by: Mapped[str] = mapped_column(String(200), default="")
    distribution_id: Mapped[str | None] = mapped_column(ForeignKey("distribution.id"), index=True)

    distribution: Mapped[Distribution | None] = relationship(back_populates="events")


class DocumentRequest(SyncMixin, Base):
    """Fasilitasi dokumen kependudukan: a document applied for on a resident's behalf."""

    __tablename__ = "document_request"
    __table_args__ = (Index("ix_document_request_open", "status", "deleted_at"),)

    stay_id: Mapped[str] = mapped_column(ForeignKey("stay.id"), index=True)
    document: Mapped[CivilDocument] = mapped_column(enum_column(CivilDocument))
    status: Mapped[DocumentStatus] = mapped_column(enum_column(DocumentStatus))
    submitted_on: Mapped[dt.date] = mapped_column(Date)
    office: Mapped[str] = mapped_column(String(200), default="")
    status_on: Mapped[dt.date] = mapped_column(Date)
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    document_number: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
