"""The kop surat logo: set, replaced and cleared by the kepala or admin (audited), junk refused,
a petugas refused; reports print it on the first page, and print no image without it."""

from __future__ import annotations

import io
import json
import struct
import zlib
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from pantidesk.db.models import Attachment, AuditLog, Setting
from pantidesk.errors import PermissionDenied, ValidationError
from pantidesk.services.kop_logo import (
    KOP_LOGO_KEY,
    clear_kop_logo,
    get_kop_logo,
    kop_logo,
    set_kop_logo,
)
from pantidesk.services.reports.issue import issue_report
from pantidesk.services.reports.register import register_report


def png_bytes(width: int = 40, height: int = 30, rgba: tuple[int, int, int, int] = (200, 30, 30, 128)
              ) -> bytes:
    """A small RGBA PNG (half-transparent red), written without any imaging library."""
    raw = b"".join(b"\x00" + bytes(rgba) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def page_images(pdf: bytes, page: int = 0) -> list[str]:
    """Names of the image XObjects a page of ``pdf`` draws."""
    resources: Any = PdfReader(io.BytesIO(pdf)).pages[page]["/Resources"].get_object()
    xobjects: Any = resources.get("/XObject")
    if xobjects is None:
        return []
    return [str(name) for name, ref in xobjects.get_object().items()
            if ref.get_object().get("/Subtype") == "/Image"]


def test_set_replace_and_clear_the_logo(ctx, kepala_ctx) -> None:  # type: ignore[no-untyped-def]
    assert get_kop_logo(ctx) is None
    first, second = png_bytes(), png_bytes(60, 60, (0, 80, 160, 255))
    digest = set_kop_logo(kepala_ctx, first)
    assert get_kop_logo(ctx) == first
    set_kop_logo(ctx, second)
    with ctx.reading() as session:
        assert kop_logo(session) == second
        stored = session.scalars(select(Attachment.media_type)).all()
    assert stored.count("image/png") == 2
    clear_kop_logo(kepala_ctx)
    assert get_kop_logo(ctx) is None
    clear_kop_logo(kepala_ctx)  # nothing to clear: no error
    set_kop_logo(kepala_ctx, first)  # the stored image is used again, not stored twice
    assert get_kop_logo(ctx) == first
    with ctx.reading() as session:
        audits = session.scalars(select(AuditLog).where(
            AuditLog.entity == "setting", AuditLog.entity_id == KOP_LOGO_KEY)
            .order_by(AuditLog.at, AuditLog.id)).all()
        assert json.loads(session.get(Setting, KOP_LOGO_KEY).value) == digest
    assert [a.username for a in audits].count("kepala") == 3 and len(audits) == 4
    assert any(digest in a.diff and "null" in a.diff for a in audits)  # who removed which logo


@pytest.mark.parametrize(("data", "message"), [
    (b"", "PNG atau JPEG"),
    (b"%PDF-1.7 not an image", "PNG atau JPEG"),
    (b"\x89PNG\r\n\x1a\n" + b"junk" * 20, "rusak"),
    (png_bytes()[:70], "rusak"),  # header intact, pixels cut off
    (b"\xff\xd8\xff\xe0" + b"\x00" * 40, "rusak"),
    (png_bytes(2400, 2), "2400×2 piksel"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 5_000_001, "5 MB"),
])
def test_junk_is_refused(ctx, data: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=message) as info:
        set_kop_logo(ctx, data)
    assert info.value.field == "logo"
    assert get_kop_logo(ctx) is None


def test_petugas_may_not_change_the_logo(ctx, petugas_ctx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        set_kop_logo(petugas_ctx, png_bytes())
    set_kop_logo(ctx, png_bytes())
    with pytest.raises(PermissionDenied):
        clear_kop_logo(petugas_ctx)
    assert get_kop_logo(petugas_ctx) == png_bytes()  # but sees it


def test_reports_print_the_logo_only_when_set(ctx) -> None:  # type: ignore[no-untyped-def]
    plain = issue_report(ctx, register_report(ctx)).pdf
    assert page_images(plain) == []
    set_kop_logo(ctx, png_bytes())
    data = register_report(ctx)
    assert data.kop.logo == png_bytes()
    with_logo = issue_report(ctx, data).pdf
    assert len(page_images(with_logo)) == 1
    assert "PEMERINTAH PROVINSI LAMPUNG" in PdfReader(io.BytesIO(with_logo)).pages[0].extract_text()
    clear_kop_logo(ctx)
    assert page_images(issue_report(ctx, register_report(ctx)).pdf) == []
