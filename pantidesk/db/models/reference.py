"""Reference data: the panti, the 26 PPKS, the 7 ATENSI components, SPM items and region codes.

Seeded from ``pantidesk.domain`` and editable (the province publishes updates); codes are the keys
used everywhere else.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pantidesk.db.base import Base
from pantidesk.db.models.types import enum_column
from pantidesk.domain.enums import Cluster


class Panti(Base):
    """A UPTD with its letterhead (kop surat) data."""

    __tablename__ = "panti"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    cluster: Mapped[Cluster] = mapped_column(enum_column(Cluster))
    capacity: Mapped[int]
    city: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_nip: Mapped[str] = mapped_column(String(18), default="")
    head_rank: Mapped[str] = mapped_column(String(100), default="")


class PpksTypeRow(Base):
    """One of the 26 jenis PPKS; ``clusters`` is a comma-separated list of cluster codes."""

    __tablename__ = "ppks_type"

    code: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    clusters: Mapped[str] = mapped_column(String(100), default="")


class AtensiComponentRow(Base):
    __tablename__ = "atensi_component"

    code: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class SpmItemRow(Base):
    __tablename__ = "spm_item"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    clusters: Mapped[str] = mapped_column(String(100))
    atensi_code: Mapped[int]


class Region(Base):
    """A Kemendagri region code: province ``18``, kab/kota ``18.71``, kecamatan ``18.71.01``."""

    __tablename__ = "region"

    code: Mapped[str] = mapped_column(String(13), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[int]
