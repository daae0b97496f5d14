"""Services delivered to residents: one event at a time, or a distribution to many at once with a
receipt list they sign.

Every event carries its SPM item (which must be one of the panti's cluster, DOMAIN.md §3.2) and its
ATENSI component (the item's by default), so SPM achievement and budget realisation can be joined.
A distribution is all or nothing: one resident who has left, was not yet admitted on that day or is
listed twice refuses the whole list, and nothing is saved. Per-resident, dated receipts are a real
accountability requirement (DOMAIN.md §0.10), so printing the receipt list is audited.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from pantidesk.db.models import Discharge, Distribution, Panti, Person, ServiceEvent, Stay
from pantidesk.domain.atensi import ATENSI_COMPONENTS, atensi_by_code
from pantidesk.domain.document_kinds import DocumentKind
from pantidesk.domain.enums import Cluster
from pantidesk.domain.roles import Permission
from pantidesk.domain.spm import SpmItem, spm_by_code, spm_items_for
from pantidesk.errors import ConflictError, NotFoundError
from pantidesk.i18n import N_, _, format_date, format_long_date_id
from pantidesk.services.context import AppContext
from pantidesk.services.intake import InvalidInput
from pantidesk.services.kop_logo import kop_logo
from pantidesk.services.letterhead import read_letterhead
from pantidesk.services.person_rules import Problems, clean_text
from pantidesk.services.report_heading import head_signatory, kop_of

if TYPE_CHECKING:  # drawing and registering PDFs pulls in reportlab and pypdf: only on printing
    from pantidesk.reports.receipt_list import ReceiptList
    from pantidesk.services.issued_documents import IssuedPdf

# The main-window area where services, distributions, documents and the checklist live.
AREA_TITLE = N_("Layanan & SPM")
DESCRIPTION_MAX = 1000
QUANTITY_MAX = 100
NAME_MAX = 200
NAMES_SHOWN = 8


@dataclass(frozen=True)
class ServiceInput:
    """One service delivered to one resident."""

    delivered_on: dt.date | None
    spm_code: str | None
    atensi_code: int | None = None  # None: the SPM item's own component
    description: str = ""
    quantity: str = ""
    given_by: str = ""
    received_by: str = ""  # empty: the resident received it in person


@dataclass(frozen=True)
class DistributionInput:
    """The same thing handed to many residents on one day."""

    delivered_on: dt.date | None
    spm_code: str | None
    atensi_code: int | None
    description: str
    quantity: str
    given_by: str
    stay_ids: tuple[str, ...]


@dataclass(frozen=True)
class Distributed:
    distribution_id: str
    recipients: int


@dataclass(frozen=True)
class ResidentChoice:
    """A current resident, as listed for picking."""

    stay_id: str
    person_id: str
    name: str
    no_induk: str
    room: str
    admitted_on: dt.date


@dataclass(frozen=True)
class ServiceRow:
    event_id: str
    delivered_on: dt.date
    date: str
    spm_code: str
    spm_name: str
    atensi: str
    description: str
    quantity: str
    given_by: str
    received_by: str
    distributed: bool  # part of a distribution (on a signed receipt list)


@dataclass(frozen=True)
class DistributionRow:
    distribution_id: str
    delivered_on: dt.date
    date: str
    spm_name: str
    description: str
    quantity: str
    recipients: int
    given_by: str


# --- shared with documents.py -------------------------------------------------------------------
def require_panti(ctx: AppContext) -> str:
    return ctx.require_panti(_("Layanan dicatat di panti, bukan di kantor provinsi."))


def resident_label(stay: Stay) -> str:
    return f"{stay.person.name} ({stay.no_induk})"


def effective_discharge(stay: Stay) -> Discharge | None:
    discharge = stay.discharge
    return discharge if discharge is not None and discharge.deleted_at is None else None


def open_stay_of_panti(session: Session, stay_id: str, panti_code: str) -> Stay:
    """The stay, if it is of this panti and still open; refused otherwise."""
    stay = session.get(Stay, stay_id)
    if stay is None or stay.deleted_at is not None or stay.panti_code != panti_code:
        raise NotFoundError(_("Data tinggal penerima manfaat ini tidak ditemukan."))
    discharge = effective_discharge(stay)
    if discharge is not None:
        raise ConflictError(_("{who} sudah keluar dari panti (terminasi {date}); catatan baru "
                              "tidak dapat ditambahkan.").format(
            who=resident_label(stay), date=format_date(discharge.discharged_on)))
    return stay


def check_day_in_stay(problems: Problems, name: str, label: str, day: dt.date | None,
                      stay: Stay, today: dt.date) -> None:
    """``day`` lies within the (open) stay: on or after admission, not in the future."""
    if day is None:
        problems.error(name, _("Isi {field}.").format(field=label.lower()))
    elif day > today:
        problems.error(name, _("{field} {date} belum terjadi.").format(
            field=label, date=format_date(day)))
    elif day < stay.admitted_on:
        problems.error(name, _("{field} {date} sebelum {name} masuk panti ({admitted}).").format(
            field=label, date=format_date(day), name=stay.person.name,
            admitted=format_date(stay.admitted_on)))


def panti_cluster(session: Session, panti_code: str) -> Cluster:
    panti = session.get(Panti, panti_code)
    if panti is None:
        raise NotFoundError(_("Panti {code} tidak ada di data acuan.").format(code=panti_code))
    return panti.cluster


def spm_items_of_panti(ctx: AppContext) -> tuple[SpmItem, ...]:
    """The SPM items of this panti's cluster, for the forms' choices."""
    ctx.require(Permission.VIEW_RESIDENTS)
    panti = require_panti(ctx)
    with ctx.reading() as session:
        return spm_items_for(panti_cluster(session, panti))


# --- checks ---------------------------------------------------------------------------------------
def _check_fields(data: ServiceInput, cluster: Cluster, description_required: bool,
                  given_by_required: bool) -> tuple[ServiceInput, Problems]:
    problems = Problems()
    item = None
    if not data.spm_code:
        problems.error("spm_code", _("Pilih butir SPM."))
    else:
        try:
            item = spm_by_code(data.spm_code)
        except NotFoundError as exc:
            problems.error("spm_code", exc.message)
        else:
            if item not in spm_items_for(cluster):
                problems.error("spm_code", _("Butir SPM \"{item}\" tidak berlaku untuk klaster "
                                             "{cluster}.").format(item=_(item.name),
                                                                  cluster=cluster.label))
    atensi = data.atensi_code
    if atensi is None and item is not None:
        atensi = item.atensi_code
    if atensi is not None and atensi not in {a.code for a in ATENSI_COMPONENTS}:
        problems.error("atensi_code", _("Komponen ATENSI nomor {code} tidak ada (1–7).").format(
            code=atensi))
    description = data.description.strip()
    if description_required and not description:
        problems.error("description", _("Isi uraian: apa yang diberikan atau dilakukan."))
    elif len(description) > DESCRIPTION_MAX:
        problems.error("description", _("Uraian terlalu panjang (paling banyak {max} huruf).")
                       .format(max=DESCRIPTION_MAX))
    quantity = clean_text(data.quantity)
    if len(quantity) > QUANTITY_MAX:
        problems.error("quantity", _("Jumlah terlalu panjang (paling banyak {max} huruf).")
                       .format(max=QUANTITY_MAX))
    given_by, received_by = clean_text(data.given_by), clean_text(data.received_by)
    if given_by_required and not given_by:
        problems.error("given_by", _("Isi nama petugas yang menyerahkan."))
    for name, value in (("given_by", given_by), ("received_by", received_by)):
        if len(value) > NAME_MAX:
            problems.error(name, _("Nama terlalu panjang (paling banyak {max} huruf).").format(
                max=NAME_MAX))
    cleaned = replace(data, atensi_code=atensi, description=description, quantity=quantity,
                      given_by=given_by, received_by=received_by)
    return cleaned, problems


# --- one event ------------------------------------------------------------------------------------
def record_service(ctx: AppContext, stay_id: str, data: ServiceInput) -> str:
    """Record one service delivered to the resident of an open stay; the new event's id."""
    ctx.require(Permission.RECORD_CARE)
    panti = require_panti(ctx)
    today = ctx.clock.today()
    with ctx.unit_of_work() as session:
        stay = open_stay_of_panti(session, stay_id, panti)
        cleaned, problems = _check_fields(data, panti_cluster(session, panti),
                                          description_required=True, given_by_required=True)
        check_day_in_stay(problems, "delivered_on", _("Tanggal layanan"), data.delivered_on, stay,
                          today)
        if not problems.ok:
            raise InvalidInput(problems)
        assert cleaned.delivered_on is not None and cleaned.spm_code and cleaned.atensi_code
        event = ServiceEvent(
            stay_id=stay.id, delivered_on=cleaned.delivered_on, spm_code=cleaned.spm_code,
            atensi_code=cleaned.atensi_code, description=cleaned.description,
            quantity=cleaned.quantity, given_by=cleaned.given_by,
            received_by=cleaned.received_by,
        )
        session.add(event)
        session.flush()
        return event.id


def stay_services(ctx: AppContext, stay_id: str) -> list[ServiceRow]:
    """The services a stay received, newest first."""
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        events = session.scalars(
            select(ServiceEvent).where(ServiceEvent.stay_id == stay_id,
                                       ServiceEvent.deleted_at.is_(None))
            .order_by(ServiceEvent.delivered_on.desc(), ServiceEvent.created_at.desc())
        ).all()
        return [service_row(e) for e in events]


def services_of_person(session: Session, person_id: str, limit: int = 20) -> list[ServiceRow]:
    """The latest services a person received, over all their stays (for the resident summary)."""
    events = session.scalars(
        select(ServiceEvent).join(Stay, Stay.id == ServiceEvent.stay_id)
        .where(Stay.person_id == person_id, Stay.deleted_at.is_(None),
               ServiceEvent.deleted_at.is_(None))
        .order_by(ServiceEvent.delivered_on.desc(), ServiceEvent.created_at.desc())
        .limit(limit)
    ).all()
    return [service_row(e) for e in events]


def service_row(event: ServiceEvent) -> ServiceRow:
    return ServiceRow(
        event_id=event.id, delivered_on=event.delivered_on,
        date=format_date(event.delivered_on), spm_code=event.spm_code,
        spm_name=_spm_name(event.spm_code), atensi=_atensi_name(event.atensi_code),
        description=event.description, quantity=event.quantity, given_by=event.given_by,
        received_by=event.received_by or _("Ybs."), distributed=event.distribution_id is not None,
    )


def _spm_name(code: str) -> str:
    try:
        return _(spm_by_code(code).name)
    except NotFoundError:
        return code


def _atensi_name(code: int) -> str:
    try:
        return f"{code}. {_(atensi_by_code(code).name)}"
    except NotFoundError:
        return str(code)


def current_residents(ctx: AppContext) -> list[ResidentChoice]:
    """The panti's residents with an open stay, by name."""
    ctx.require(Permission.VIEW_RESIDENTS)
    panti = require_panti(ctx)
    with ctx.reading() as session:
        discharged = select(Discharge.stay_id).where(Discharge.deleted_at.is_(None))
        rows = session.execute(
            select(Stay.id, Person.id, Person.name, Stay.no_induk, Stay.room, Stay.admitted_on)
            .join(Person, Person.id == Stay.person_id)
            .where(Stay.panti_code == panti, Stay.deleted_at.is_(None),
                   Stay.id.not_in(discharged))
            .order_by(Person.name_sort, Stay.no_induk)
        ).all()
    return [ResidentChoice(*row) for row in rows]


# --- distributions --------------------------------------------------------------------------------
def distribute(ctx: AppContext, data: DistributionInput) -> Distributed:
    """One distribution and one service event per resident, in one transaction, or nothing."""
    ctx.require(Permission.RECORD_CARE)
    panti = require_panti(ctx)
    today = ctx.clock.today()
    with ctx.unit_of_work() as session:
        single = ServiceInput(data.delivered_on, data.spm_code, data.atensi_code,
                              data.description, data.quantity, data.given_by)
        cleaned, problems = _check_fields(single, panti_cluster(session, panti),
                                          description_required=True, given_by_required=True)
        day = data.delivered_on
        if day is None:
            problems.error("delivered_on", _("Isi tanggal distribusi."))
        elif day > today:
            problems.error("delivered_on", _("Tanggal distribusi {date} belum terjadi.").format(
                date=format_date(day)))
        stays = _recipients(session, data.stay_ids, panti, day, problems)
        if not problems.ok:
            raise InvalidInput(problems)
        assert day is not None and cleaned.spm_code and cleaned.atensi_code
        distribution = Distribution(
            panti_code=panti, delivered_on=day, spm_code=cleaned.spm_code,
            atensi_code=cleaned.atensi_code, description=cleaned.description,
            given_by=cleaned.given_by,
        )
        session.add(distribution)
        for stay in stays:
            session.add(ServiceEvent(
                stay_id=stay.id, delivered_on=day, spm_code=cleaned.spm_code,
                atensi_code=cleaned.atensi_code, description=cleaned.description,
                quantity=cleaned.quantity, given_by=cleaned.given_by, received_by="",
                distribution=distribution,
            ))
        session.flush()
        return Distributed(distribution.id, len(stays))


def _names(stays: list[Stay]) -> str:
    shown = ", ".join(resident_label(s) for s in stays[:NAMES_SHOWN])
    more = len(stays) - NAMES_SHOWN
    return shown + (_(" dan {n} lainnya").format(n=more) if more > 0 else "")


def _recipients(session: Session, stay_ids: tuple[str, ...], panti: str, day: dt.date | None,
                problems: Problems) -> list[Stay]:
    """The stays to receive, in the order given; every reason to refuse goes into ``problems``
    under "stay_ids", naming the residents."""
    if not stay_ids:
        problems.error("stay_ids", _("Pilih paling sedikit satu penerima manfaat."))
        return []
    found = {s.id: s for s in session.scalars(
        select(Stay).where(Stay.id.in_(set(stay_ids)))
        .options(selectinload(Stay.person), selectinload(Stay.discharge)))}
    unknown = [i for i in dict.fromkeys(stay_ids)
               if i not in found or found[i].deleted_at is not None or found[i].panti_code != panti]
    stays = [found[i] for i in dict.fromkeys(stay_ids) if i not in unknown]
    twice = [found[i] for i, n in Counter(stay_ids).items() if n > 1 and i not in unknown]
    left = [s for s in stays if effective_discharge(s) is not None]
    not_yet = [s for s in stays if day is not None and s.admitted_on > day]
    reasons = []
    if unknown:
        reasons.append(_("{n} penerima manfaat tidak ditemukan di panti ini.").format(
            n=len(unknown)))
    if left:
        reasons.append(_("Sudah keluar dari panti: {names}.").format(names=_names(left)))
    if not_yet and day is not None:
        reasons.append(_("Belum masuk panti pada {date}: {names}.").format(
            date=format_date(day), names=_names(not_yet)))
    if twice:
        reasons.append(_("Tercantum dua kali: {names}.").format(names=_names(twice)))
    if reasons:
        problems.error("stay_ids", _("Distribusi tidak disimpan. {reasons}").format(
            reasons=" ".join(reasons)))
    return stays


def recent_distributions(ctx: AppContext, limit: int = 200) -> list[DistributionRow]:
    """The panti's distributions, newest first, with how many residents received."""
    ctx.require(Permission.VIEW_RESIDENTS)
    panti = require_panti(ctx)
    with ctx.reading() as session:
        counts = (select(ServiceEvent.distribution_id, func.count().label("n"),
                         func.max(ServiceEvent.quantity).label("quantity"))
                  .where(ServiceEvent.deleted_at.is_(None))
                  .group_by(ServiceEvent.distribution_id).subquery())
        rows = session.execute(
            select(Distribution, counts.c.n, counts.c.quantity)
            .join(counts, counts.c.distribution_id == Distribution.id)
            .where(Distribution.panti_code == panti, Distribution.deleted_at.is_(None))
            .order_by(Distribution.delivered_on.desc(), Distribution.created_at.desc())
            .limit(limit)
        ).all()
        return [DistributionRow(
            distribution_id=d.id, delivered_on=d.delivered_on, date=format_date(d.delivered_on),
            spm_name=_spm_name(d.spm_code), description=d.description, quantity=quantity or "",
            recipients=n, given_by=d.given_by) for d, n, quantity in rows]


def receipt_list(ctx: AppContext, distribution_id: str) -> ReceiptList:
    """The frozen content of a distribution's receipt list (DAFTAR TANDA TERIMA)."""
    ctx.require(Permission.VIEW_RESIDENTS)
    with ctx.reading() as session:
        return _receipt_list(session, ctx, distribution_id)


def _receipt_list(session: Session, ctx: AppContext, distribution_id: str) -> ReceiptList:
    from pantidesk.reports.receipt_list import ReceiptList, ReceiptRow

    distribution = session.get(Distribution, distribution_id)
    if distribution is None or distribution.deleted_at is not None \
            or distribution.panti_code != ctx.installation.panti_code:
        raise NotFoundError(_("Distribusi ini tidak ditemukan."))
    rows = session.execute(
        select(Person.name, Stay.no_induk, ServiceEvent.quantity)
        .join(Stay, Stay.id == ServiceEvent.stay_id)
        .join(Person, Person.id == Stay.person_id)
        .where(ServiceEvent.distribution_id == distribution.id,
               ServiceEvent.deleted_at.is_(None))
        .order_by(Person.name_sort, Stay.no_induk)
    ).all()
    letterhead = read_letterhead(session, ctx.installation)
    item = spm_by_code(distribution.spm_code)
    atensi = atensi_by_code(distribution.atensi_code)
    # A signed official document: Indonesian whatever the interface language (reports.model).
    return ReceiptList(
        kop=kop_of(letterhead, kop_logo(session)), spm_item=item.name,
        atensi=f"{atensi.code}. {atensi.name}",
        delivered_on=format_long_date_id(distribution.delivered_on),
        description=distribution.description, given_by=distribution.given_by,
        rows=tuple(ReceiptRow(i, name, no_induk, quantity)
                   for i, (name, no_induk, quantity) in enumerate(rows, start=1)),
        head=head_signatory(letterhead, ctx.installation.mode, distribution.delivered_on),
    )


def print_receipt_list(ctx: AppContext, distribution_id: str) -> IssuedPdf:
    """The receipt list as an issued A4 PDF: numbered, fingerprinted, registered and audited (a
    print of personal data is a disclosure)."""
    from pantidesk.reports.receipt_list import render_receipt_list
    from pantidesk.services.issued_documents import issue_document

    ctx.require(Permission.VIEW_RESIDENTS)
    require_panti(ctx)
    with ctx.unit_of_work() as session:
        data = _receipt_list(session, ctx, distribution_id)
        title = _("Daftar tanda terima {item} {date}").format(item=data.spm_item,
                                                              date=data.delivered_on)
        return issue_document(session, ctx, DocumentKind.RECEIPT_LIST, title,
                              data.content_key(),
                              lambda meta: render_receipt_list(data, meta))
