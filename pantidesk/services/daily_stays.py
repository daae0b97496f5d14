"""What the daily-life services share: they run in a panti only, and they record events of a stay
of this panti that is still open, at a moment within the stay and never in the future."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from pantidesk.clock import WIB
from pantidesk.db.models import Discharge, Stay
from pantidesk.domain.daily_rules import TEXT_MAX, date_in_stay_error
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import N_, _, format_date
from pantidesk.services.context import AppContext
from pantidesk.services.person_rules import Problems

# The main-window area where residents' daily life is recorded (untranslated, for Beranda).
AREA = N_("Kehidupan Panti")


def require_panti(ctx: AppContext) -> str:
    """The panti code; daily life is recorded in the panti, never at the province office."""
    return ctx.require_panti(_("Kehidupan sehari-hari penghuni dicatat di panti, bukan di kantor "
                               "provinsi."))


def discharge_of(stay: Stay) -> Discharge | None:
    discharge = stay.discharge
    return discharge if discharge is not None and discharge.deleted_at is None else None


def load_stay(session: Session, ctx: AppContext, stay_id: str, for_change: bool = True) -> Stay:
    """The stay of this panti; with ``for_change`` it must not be discharged."""
    stay = session.get(Stay, stay_id)
    if stay is None or stay.deleted_at is not None:
        raise NotFoundError(_("Data penghuni ini tidak ditemukan (mungkin sudah dihapus)."))
    if stay.panti_code != ctx.installation.panti_code:
        raise ConflictError(_("{name} tercatat di panti lain.").format(name=stay.person.name))
    discharge = discharge_of(stay)
    if for_change and discharge is not None:
        raise ConflictError(_("{name} sudah keluar dari panti (terminasi {date}); catatan baru "
                              "tidak dapat ditambahkan.").format(
            name=stay.person.name, date=format_date(discharge.discharged_on)))
    return stay


def stay_end(stay: Stay) -> dt.date | None:
    discharge = discharge_of(stay)
    return discharge.discharged_on if discharge is not None else None


def wib_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(WIB).date()


def check_moment(problems: Problems, name: str, moment: dt.datetime | None, stay: Stay,
                 now: dt.datetime, label: str) -> None:
    """A date and time of an event of ``stay``: given, within the stay, not in the future."""
    if moment is None:
        problems.error(name, _("Isi {field}.").format(field=label.lower()))
        return
    today = wib_date(now)
    error = date_in_stay_error(wib_date(moment), stay.admitted_on, stay_end(stay), today, label)
    if not error and moment > now:
        error = _("{field} belum terjadi (setelah jam sekarang).").format(field=label)
    if error:
        problems.error(name, error)


def check_text(problems: Problems, name: str, text: str, required_message: str = "") -> str:
    cleaned = text.strip()
    if required_message and not cleaned:
        problems.error(name, required_message)
    elif len(cleaned) > TEXT_MAX:
        problems.error(name, _("Teks terlalu panjang (lebih dari {n} karakter).").format(n=TEXT_MAX))
    return cleaned
