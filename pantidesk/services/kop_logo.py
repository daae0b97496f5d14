"""The logo printed at the left of the kop surat: the province emblem or the panti's own logo.

The image is kept as an ``attachment`` row (by its SHA-256, like a resident's photo) and the
``kop_logo_sha256`` setting says which attachment is the logo. The window scales the image down
before it gets here; this module only makes sure the bytes are a PNG or JPEG image that the report
renderer can draw, so a bad file is refused when it is chosen, not when a report is printed.
"""

from __future__ import annotations

import hashlib
import io
import json

from reportlab.lib.utils import ImageReader
from sqlalchemy.orm import Session

from pantidesk.db.models import Attachment, Setting
from pantidesk.domain.roles import Permission
from pantidesk.errors import ValidationError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext

KOP_LOGO_KEY = "kop_logo_sha256"
LOGO_MAX_BYTES = 5_000_000
# The kop prints the logo 24 mm wide: 2,000 px is far more than enough, and keeps a report
# from decoding a poster-sized image every time it is printed.
LOGO_MAX_SIDE = 2000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"


def logo_media_type(data: bytes) -> str:
    """``image/png`` or ``image/jpeg`` for a logo that can be printed; else a ValidationError."""
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError(_("Berkas logo terlalu besar (lebih dari 5 MB)."), field="logo")
    if data.startswith(PNG_MAGIC):
        media_type = "image/png"
    elif data.startswith(JPEG_MAGIC):
        media_type = "image/jpeg"
    else:
        raise ValidationError(_("Logo harus berupa gambar PNG atau JPEG."), field="logo")
    try:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
        if max(width, height) <= LOGO_MAX_SIDE:
            reader.getRGBData()  # decodes the whole image: a truncated file fails here
    except (OSError, ValueError, SyntaxError) as exc:
        raise ValidationError(_("Berkas logo rusak atau tidak dapat dibaca."),
                              field="logo") from exc
    if max(width, height) > LOGO_MAX_SIDE:
        raise ValidationError(
            _("Gambar logo terlalu besar ({width}×{height} piksel); paling besar {limit} piksel "
              "per sisi.").format(width=width, height=height, limit=LOGO_MAX_SIDE), field="logo")
    return media_type


def kop_logo(session: Session) -> bytes | None:
    """The logo to print on the kop surat, or None when none is set."""
    setting = session.get(Setting, KOP_LOGO_KEY)
    digest = json.loads(setting.value) if setting is not None else None
    if not digest:
        return None
    attachment = session.get(Attachment, digest)
    return attachment.data if attachment is not None else None


def get_kop_logo(ctx: AppContext) -> bytes | None:
    """The current logo, for the preview in Pengaturan (everyone may see the kop surat)."""
    with ctx.reading() as session:
        return kop_logo(session)


def set_kop_logo(ctx: AppContext, data: bytes) -> str:
    """Print ``data`` (PNG or JPEG) as the kop surat logo from now on; returns its SHA-256."""
    ctx.require(Permission.EDIT_SETTINGS)
    media_type = logo_media_type(data)
    digest = hashlib.sha256(data).hexdigest()
    with ctx.unit_of_work() as session:
        if session.get(Attachment, digest) is None:
            session.add(Attachment(sha256=digest, media_type=media_type, size=len(data),
                                   data=data, created_at=ctx.clock.now()))
        _write_setting(session, digest)
    return digest


def clear_kop_logo(ctx: AppContext) -> None:
    """Print the kop surat without a logo. The image stays stored (attachments are kept by
    content and may be shared); only the setting that points at it is emptied."""
    ctx.require(Permission.EDIT_SETTINGS)
    with ctx.unit_of_work() as session:
        if session.get(Setting, KOP_LOGO_KEY) is not None:
            _write_setting(session, None)


def _write_setting(session: Session, digest: str | None) -> None:
    # Kept (empty) rather than deleted when the logo is removed: the audit row of the change
    # then says which logo was removed.
    value = json.dumps(digest)
    setting = session.get(Setting, KOP_LOGO_KEY)
    if setting is None:
        session.add(Setting(key=KOP_LOGO_KEY, value=value))
    else:
        setting.value = value
