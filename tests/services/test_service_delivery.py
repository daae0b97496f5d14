"""Services delivered and distributions on an empty Tresna Werdha (lansia), 17/08/2026: every rule
and refusal, the all-or-nothing distribution, the issued receipt list, and the SPM checklist
computed from what was recorded."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from pantidesk.db.models import (
    AuditLog,
    Discharge,
    Distribution,
    IssuedDocument,
    Person,
    ServiceEvent,
    Stay,
)
from pantidesk.db.queries.stays import next_no_induk
from pantidesk.domain.enums import DischargeReason, NikState, Sex
from pantidesk.domain.roles import Role
from pantidesk.domain.spm_checklist import ItemStatus, Quarter
from pantidesk.errors import ConflictError, NotFoundError, PermissionDenied
from pantidesk.services.context import AppContext, CurrentUser
from pantidesk.services.intake import InvalidInput
from pantidesk.services.service_delivery import (
    DistributionInput,
    ServiceInput,
    current_residents,
    distribute,
    print_receipt_list,
    receipt_list,
    recent_distributions,
    record_service,
    spm_items_of_panti,
    stay_services,
)
from pantidesk.services.spm_checklist import quarter_checklist, resident_checklist

D = dt.date
TODAY = D(2026, 8, 17)
ADMITTED = D(2025, 1, 10)


def make_resident(ctx: AppContext, name: str, admitted_on: D = ADMITTED,
                  room: str = "Wisma Cempaka 1", nik_state: NikState = NikState.PUNYA,
                  discharged_on: D | None = None,
                  reason: DischargeReason = DischargeReason.REUNIFIKASI) -> str:
    """A person with a stay at TW (and a discharge, when given); the stay id."""
    with ctx.unit_of_work() as session:
        person = Person(name=name, sex=Sex.P, nik_state=nik_state, birth_date=D(1950, 1, 1))
        session.add(person)
        session.flush()
        stay = Stay(person_id=person.id, panti_code="TW", admitted_on=admitted_on,
                    no_induk=next_no_induk(session, "TW", admitted_on.year), room=room,
                    owner_panti="TW", owner_epoch=1)
        session.add(stay)
        session.flush()
        if discharged_on is not None:
            session.add(Discharge(stay_id=stay.id, discharged_on=discharged_on, reason=reason))
        return stay.id


def service(**changes) -> ServiceInput:  # type: ignore[no-untyped-def]
    base = ServiceInput(delivered_on=D(2026, 8, 10), spm_code="alat_bantu",
                        description="Kursi roda", quantity="1 buah", given_by="Hendra Wijaya")
    return dataclasses.replace(base, **changes)


def hand_out(stay_ids, **changes) -> DistributionInput:  # type: ignore[no-untyped-def]
    base = DistributionInput(delivered_on=D(2026, 8, 10), spm_code="sandang", atensi_code=None,
                             description="Pakaian sehari-hari dan sandal", quantity="2 stel",
                             given_by="Hendra Wijaya", stay_ids=tuple(stay_ids))
    return dataclasses.replace(base, **changes)


def count(ctx, model) -> int:  # type: ignore[no-untyped-def]
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def as_role(ctx: AppContext, role: Role) -> AppContext:
    return dataclasses.replace(ctx, user=CurrentUser("tamu", "Tamu", role))


# --- one service -------------------------------------------------------------------------------
def test_record_a_service(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    event_id = record_service(ctx, stay, service())
    rows = stay_services(ctx, stay)
    assert [r.event_id for r in rows] == [event_id]
    row = rows[0]
    assert (row.date, row.spm_name, row.quantity, row.received_by) == (
        "10/08/2026", "Alat bantu", "1 buah", "Ybs.")
    assert row.atensi.startswith("7. ")  # the item's own ATENSI component
    with ctx.reading() as session:
        audit = session.scalar(select(AuditLog).where(AuditLog.entity == "service_event"))
        assert audit is not None and audit.action == "create" and "alat_bantu" in audit.diff


def test_the_atensi_component_may_be_chosen(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    record_service(ctx, stay, service(spm_code="bimbingan", atensi_code=3,
                                      description="Konseling keluarga"))
    assert stay_services(ctx, stay)[0].atensi.startswith("3. ")


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"spm_code": "pengasuhan"}, "spm_code", "klaster"),  # an anak item at a lansia panti
    ({"spm_code": None}, "spm_code", "Pilih"),
    ({"spm_code": "tidak_ada"}, "spm_code", "tidak dikenal"),
    ({"atensi_code": 9}, "atensi_code", "1–7"),
    ({"delivered_on": None}, "delivered_on", "Isi"),
    ({"delivered_on": D(2026, 8, 18)}, "delivered_on", "belum terjadi"),
    ({"delivered_on": D(2024, 12, 31)}, "delivered_on", "10/01/2025"),
    ({"description": "  "}, "description", "uraian"),
    ({"given_by": ""}, "given_by", "petugas"),
    ({"quantity": "x" * 101}, "quantity", "terlalu panjang"),
])
def test_a_service_with_bad_input_is_refused(ctx, changes, field, words) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    with pytest.raises(InvalidInput) as refused:
        record_service(ctx, stay, service(**changes))
    assert words in refused.value.problems.errors[field]
    assert count(ctx, ServiceEvent) == 0


def test_no_service_for_a_discharged_resident(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah", discharged_on=D(2026, 8, 12))
    with pytest.raises(ConflictError, match="sudah keluar dari panti .terminasi 12/08/2026"):
        record_service(ctx, stay, service(delivered_on=D(2026, 8, 11)))
    assert count(ctx, ServiceEvent) == 0


def test_unknown_stay_and_roles(ctx, petugas_ctx) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    with pytest.raises(NotFoundError):
        record_service(ctx, "tidak-ada", service())
    record_service(petugas_ctx, stay, service())
    with pytest.raises(PermissionDenied):
        record_service(as_role(ctx, Role.PROVINSI), stay, service())
    with pytest.raises(PermissionDenied):
        distribute(as_role(ctx, Role.PROVINSI), hand_out([stay]))
    assert count(ctx, ServiceEvent) == 1


def test_items_and_residents_of_the_panti(ctx) -> None:  # type: ignore[no-untyped-def]
    codes = [i.code for i in spm_items_of_panti(ctx)]
    assert "pemulasaraan" in codes and "pengasuhan" not in codes
    make_resident(ctx, "Wati", discharged_on=D(2026, 1, 5))
    here = make_resident(ctx, "Aminah")
    assert [r.stay_id for r in current_residents(ctx)] == [here]


# --- distributions -----------------------------------------------------------------------------
def test_a_distribution_for_several_residents(ctx) -> None:  # type: ignore[no-untyped-def]
    stays = [make_resident(ctx, n) for n in ("Siti Aminah", "Budi Santoso", "Wati")]
    done = distribute(ctx, hand_out(stays))
    assert done.recipients == 3
    with ctx.reading() as session:
        distribution = session.get(Distribution, done.distribution_id)
        assert distribution is not None and distribution.atensi_code == 1
        events = session.scalars(select(ServiceEvent)).all()
    assert sorted(e.stay_id for e in events) == sorted(stays)
    assert {e.distribution_id for e in events} == {done.distribution_id}
    assert {e.quantity for e in events} == {"2 stel"}
    assert stay_services(ctx, stays[0])[0].distributed
    [row] = recent_distributions(ctx)
    assert (row.recipients, row.quantity, row.spm_name, row.date) == (3, "2 stel", "Sandang",
                                                                    "10/08/2026")


@pytest.mark.parametrize("problem", ["discharged", "not_yet", "twice"])
def test_a_distribution_is_all_or_nothing(ctx, problem) -> None:  # type: ignore[no-untyped-def]
    good = [make_resident(ctx, n) for n in ("Siti Aminah", "Budi Santoso")]
    if problem == "discharged":
        bad = make_resident(ctx, "Wati Lestari", discharged_on=D(2026, 8, 1))
        ids, words = [*good, bad], "Sudah keluar dari panti: Wati Lestari"
    elif problem == "not_yet":
        bad = make_resident(ctx, "Wati Lestari", admitted_on=D(2026, 8, 12))
        ids, words = [*good, bad], "Belum masuk panti pada 10/08/2026: Wati Lestari"
    else:
        ids, words = [*good, good[1]], "Tercantum dua kali: Budi Santoso"
    with pytest.raises(InvalidInput) as refused:
        distribute(ctx, hand_out(ids))
    message = refused.value.problems.errors["stay_ids"]
    assert message.startswith("Distribusi tidak disimpan.") and words in message
    assert "Siti Aminah" not in message
    assert count(ctx, Distribution) == 0 and count(ctx, ServiceEvent) == 0


def test_a_distribution_needs_recipients_and_valid_fields(ctx) -> None:  # type: ignore[no-untyped-def]
    stay = make_resident(ctx, "Siti Aminah")
    with pytest.raises(InvalidInput) as refused:
        distribute(ctx, hand_out([]))
    assert "paling sedikit satu" in refused.value.problems.errors["stay_ids"]
    with pytest.raises(InvalidInput) as refused:
        distribute(ctx, hand_out([stay], delivered_on=D(2026, 9, 1), description="",
                                 spm_code="pengasuhan"))
    errors = refused.value.problems.errors
    assert {"delivered_on", "description", "spm_code"} <= errors.keys()
    with pytest.raises(InvalidInput) as refused:
        distribute(ctx, hand_out([stay, "tidak-ada"]))
    assert "1 penerima manfaat tidak ditemukan" in refused.value.problems.errors["stay_ids"]
    assert count(ctx, Distribution) == 0


def test_the_receipt_list_is_issued_with_one_row_per_resident(ctx) -> None:  # type: ignore[no-untyped-def]
    names = ["Siti Aminah", "Budi Santoso", "Wati Lestari", "Ahmad Fauzi"]
    stays = [make_resident(ctx, n) for n in names]
    done = distribute(ctx, hand_out(stays))
    data = receipt_list(ctx, done.distribution_id)
    assert [r.name for r in data.rows] == sorted(names)
    assert [r.number for r in data.rows] == [1, 2, 3, 4]
    assert data.head.name == "Hj. Siti Rahmawati, S.Sos."
    assert data.head.place_and_date == "Natar, 10 Agustus 2026"
    issued = print_receipt_list(ctx, done.distribution_id)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(issued.pdf)).pages)
    assert "DAFTAR TANDA TERIMA" in text and "Sandang" in text
    for name in names:
        assert text.count(name) == 1
    assert "Hj. Siti Rahmawati, S.Sos." in text and "19750817 200003 2 001" in text
    assert "Yang menyerahkan" in text and "Mengetahui" in text and issued.number in text
    with ctx.reading() as session:
        assert session.scalar(select(IssuedDocument.number)) == issued.number
        prints = session.scalars(select(AuditLog).where(AuditLog.action == "print")).all()
        assert len(prints) == 1
    with pytest.raises(NotFoundError):
        print_receipt_list(ctx, "tidak-ada")


# --- the SPM checklist from recorded services -----------------------------------------------------
def test_the_checklist_is_computed_from_recorded_services(ctx) -> None:  # type: ignore[no-untyped-def]
    all_done = make_resident(ctx, "Siti Aminah")
    no_sandang = make_resident(ctx, "Budi Santoso")
    make_resident(ctx, "Wati Lestari", discharged_on=D(2026, 6, 30))  # left before Q3
    both = [all_done, no_sandang]
    for code in ("permakanan", "perbekalan_kesehatan", "bimbingan", "keterampilan_hidup"):
        distribute(ctx, hand_out(both, spm_code=code, delivered_on=D(2026, 7, 1)))
    distribute(ctx, hand_out(both, spm_code="akses_pendidikan_kesehatan",
                             delivered_on=D(2025, 1, 20)))
    distribute(ctx, hand_out([all_done], spm_code="sandang", delivered_on=D(2026, 8, 3)))
    for stay in both:  # no assessment on record: the tracing is a service of its own
        record_service(ctx, stay, service(spm_code="penelusuran_keluarga",
                                          description="Penelusuran melalui Dinsos kab. asal"))
    checklist = quarter_checklist(ctx, Quarter(2026, 3))
    assert [r.name for r in checklist.rows] == ["Budi Santoso", "Siti Aminah"]
    budi, siti = checklist.rows
    assert siti.met and not budi.met
    assert [c.item.code for c in budi.checklist.missing] == ["sandang"]
    assert (checklist.summary.residents, checklist.summary.met) == (2, 1)
    assert checklist.summary_text().startswith(
        "1 dari 2 penerima manfaat terpenuhi kebutuhan dasarnya (50,0%)")
    assert "masih berjalan" in checklist.summary_text() and checklist.running
    row = resident_checklist(ctx, no_sandang, Quarter(2026, 3))
    assert row is not None and row.checklist.status_of("sandang") is ItemStatus.MISSING
    with pytest.raises(ConflictError):
        quarter_checklist(ctx, Quarter(2026, 4))  # not begun
    empty = quarter_checklist(ctx, Quarter(2024, 4))
    assert empty.rows == () and "Tidak ada penerima manfaat" in empty.summary_text()


def test_the_demo_checklist_shows_a_realistic_mix(demo_ctx) -> None:  # type: ignore[no-untyped-def]
    checklist = quarter_checklist(demo_ctx, Quarter.containing(TODAY))
    assert checklist.rows and 0 < checklist.summary.met < checklist.summary.residents
    assert count(demo_ctx, Distribution) > 10
    last = quarter_checklist(demo_ctx, Quarter(2026, 2))
    assert last.summary.percent is not None and last.summary.percent > 40
