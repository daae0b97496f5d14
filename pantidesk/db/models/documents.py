"""The register of issued documents (DESIGN.md §3, issue 5): every PDF the app issues is recorded
with its number, fingerprint and the SHA-256 of the exact file, so a file or a scanned QR code can
be checked later. The register travels to the province with the sync bundles."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pantidesk.db.base import Base, SyncMixin, UtcDateTime


class IssuedDocument(SyncMixin, Base):
    __tablename__ = "issued_document"
    __table_args__ = (UniqueConstraint("office_code", "year", "seq"),)

    number: Mapped[str] = mapped_column(String(60), unique=True)
    office_code: Mapped[str] = mapped_column(String(8))  # panti code, or "PROV"
    year: Mapped[int]
    seq: Mapped[int]
    kind: Mapped[str] = mapped_column(String(40))  # a DocumentKind value
    title: Mapped[str] = mapped_column(String(300))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(20))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    pages: Mapped[int]
    size: Mapped[int]
    issued_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_by_name: Mapped[str] = mapped_column(String(200))
