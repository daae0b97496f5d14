"""The kop surat and the head's signature block of this office, frozen for the report renderers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from pantidesk.i18n import format_long_date_id
from pantidesk.reports.model import Kop, Signatory, format_nip
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.kop_logo import kop_logo
from pantidesk.services.letterhead import Letterhead, read_letterhead

GOVERNMENT = "Pemerintah Provinsi Lampung"
AGENCY = "Dinas Sosial"


def kop_of(letterhead: Letterhead, logo: bytes | None = None) -> Kop:
    contact = " · ".join(part for part in (
        f"Telp. {letterhead.phone}" if letterhead.phone else "",
        f"Email {letterhead.email}" if letterhead.email else "") if part)
    address = ", ".join(part for part in (letterhead.address, letterhead.city) if part)
    lines = tuple(line for line in (address, contact) if line)
    return Kop(GOVERNMENT, AGENCY, letterhead.name, lines, logo)


def head_signatory(letterhead: Letterhead, mode: Mode, on: dt.date) -> Signatory:
    """Signed by the Kepala UPTD (or, at the province, the Kepala Dinas), dated today."""
    position = "Kepala Dinas Sosial Provinsi Lampung" if mode is Mode.PROVINCE \
        else f"Kepala {letterhead.name}"
    place = letterhead.city or "Bandar Lampung"
    return Signatory(f"{place}, {format_long_date_id(on)}", position, letterhead.head_name,
                     letterhead.head_rank, format_nip(letterhead.head_nip))


def heading(session: Session, ctx: AppContext) -> tuple[Kop, Signatory]:
    letterhead = read_letterhead(session, ctx.installation)
    signatory = head_signatory(letterhead, ctx.installation.mode, ctx.clock.today())
    return kop_of(letterhead, kop_logo(session)), signatory
