"""The letterhead (kop surat) data of this installation: address and the head's name, rank and NIP.

In a panti it lives on the panti's own row (it travels with the reference data); at the province
office it is a setting, since the office is not a panti.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, replace

from sqlalchemy.orm import Session

from pantidesk.db.models import Panti, Setting
from pantidesk.domain.nip import check_nip, format_nip
from pantidesk.domain.panti import panti_by_code
from pantidesk.domain.roles import Permission
from pantidesk.errors import ValidationError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext, Installation, Mode

PROVINCE_LETTERHEAD_KEY = "province_letterhead"
PROVINCE_OFFICE_NAME = "Dinas Sosial Provinsi Lampung"


@dataclass(frozen=True)
class Letterhead:
    name: str
    address: str
    city: str
    phone: str
    email: str
    head_name: str
    head_nip: str
    head_rank: str

    @property
    def head_nip_display(self) -> str:
        return format_nip(self.head_nip) if len(self.head_nip) == 18 else self.head_nip


def validate_letterhead(letterhead: Letterhead, today: dt.date) -> Letterhead:
    """A cleaned copy, or the first ValidationError (with the field it belongs to)."""
    cleaned = replace(
        letterhead,
        address=letterhead.address.strip(),
        city=letterhead.city.strip(),
        phone=letterhead.phone.strip(),
        email=letterhead.email.strip(),
        head_name=" ".join(letterhead.head_name.split()),
        head_rank=letterhead.head_rank.strip(),
        head_nip="".join(ch for ch in letterhead.head_nip if not ch.isspace()),
    )
    if not cleaned.address:
        raise ValidationError(_("Alamat kantor wajib diisi untuk kop surat."), field="address")
    if not cleaned.city:
        raise ValidationError(_("Kota tempat surat ditandatangani wajib diisi."), field="city")
    if cleaned.email and ("@" not in cleaned.email or "." not in cleaned.email.split("@")[-1]):
        raise ValidationError(_("Alamat email tidak valid."), field="email")
    if not cleaned.head_name:
        raise ValidationError(_("Nama kepala wajib diisi."), field="head_name")
    nip = check_nip(cleaned.head_nip, today=today)
    if nip.errors:
        raise ValidationError(nip.errors[0], field="head_nip")
    return replace(cleaned, head_nip=nip.nip)


def default_letterhead(installation: Installation) -> Letterhead:
    if installation.mode is Mode.PROVINCE or installation.panti_code is None:
        return Letterhead(PROVINCE_OFFICE_NAME, "", "Bandar Lampung", "", "", "", "", "")
    info = panti_by_code(installation.panti_code)
    return Letterhead(info.name, "", info.city, "", "", "", "", "")


def read_letterhead(session: Session, installation: Installation) -> Letterhead:
    if installation.mode is Mode.PANTI and installation.panti_code:
        row = session.get(Panti, installation.panti_code)
        if row is not None:
            return Letterhead(
                row.name, row.address, row.city, row.phone, row.email, row.head_name, row.head_nip,
                row.head_rank,
            )
    setting = session.get(Setting, PROVINCE_LETTERHEAD_KEY)
    if setting is None:
        return default_letterhead(installation)
    return Letterhead(**json.loads(setting.value))


def write_letterhead(session: Session, installation: Installation, letterhead: Letterhead) -> None:
    if installation.mode is Mode.PANTI and installation.panti_code:
        row = session.get(Panti, installation.panti_code)
        assert row is not None, "reference data is seeded before the letterhead is written"
        row.address, row.city, row.phone = letterhead.address, letterhead.city, letterhead.phone
        row.email, row.head_name = letterhead.email, letterhead.head_name
        row.head_nip, row.head_rank = letterhead.head_nip, letterhead.head_rank
        return
    value = json.dumps(asdict(letterhead), ensure_ascii=False)
    setting = session.get(Setting, PROVINCE_LETTERHEAD_KEY)
    if setting is None:
        session.add(Setting(key=PROVINCE_LETTERHEAD_KEY, value=value))
    else:
        setting.value = value


def get_letterhead(ctx: AppContext) -> Letterhead:
    with ctx.reading() as session:
        return read_letterhead(session, ctx.installation)


def update_letterhead(ctx: AppContext, letterhead: Letterhead) -> Letterhead:
    ctx.require(Permission.EDIT_SETTINGS)
    cleaned = validate_letterhead(letterhead, ctx.clock.today())
    with ctx.unit_of_work() as session:
        write_letterhead(session, ctx.installation, cleaned)
    return cleaned
