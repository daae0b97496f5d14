"""Intake → assessment → admission on an empty Tresna Werdha (lansia, capacity 85), 17/08/2026:
every rule and refusal, the duplicate stop, and the role check on the SK."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from pantidesk.clock import WIB
from pantidesk.db.models import AuditLog, DuplicateReview, Intake, Person, Stay
from pantidesk.domain.enums import (
    AdlLevel,
    AssessmentDecision,
    IntakeDocument,
    IntakeSource,
    NikState,
    Sex,
)
from pantidesk.domain.lifecycle import CaseStatus
from pantidesk.domain.registration import is_valid_no_induk
from pantidesk.errors import ConflictError, PermissionDenied
from pantidesk.services.admission import AdmissionInput, Stage, admit, intake_worklist
from pantidesk.services.assessment import AssessmentInput, record_assessment, rule_exceptions
from pantidesk.services.intake import (
    InvalidInput,
    NeedsConfirmation,
    PossibleDuplicate,
    Registration,
    register_intake,
)
from pantidesk.services.person_rules import FamilyInput, IntakeInput, PersonInput
from pantidesk.services.residents import resident_list_rows, search_residents

ARRIVED = dt.datetime(2026, 8, 10, 9, 30, tzinfo=WIB)
# Woman born 12/03/1950, registered in Kota Bandar Lampung (18.71.01): day 12 + 40 = 52.
NIK = "1871015203500001"


def person(**changes) -> PersonInput:  # type: ignore[no-untyped-def]
    base = PersonInput(name="Siti Aminah", sex=Sex.P, birth_date=dt.date(1950, 3, 12),
                       nik=NIK, birth_place="Natar", origin_regency="18.71")
    return replace(base, **changes)


def arrival(**changes) -> IntakeInput:  # type: ignore[no-untyped-def]
    base = IntakeInput(source=IntakeSource.RUJUKAN_DINSOS, arrived_at=ARRIVED,
                       referring_agency="Dinsos Kota Bandar Lampung",
                       letter_number="460/123/Dinsos/2026", letter_date=dt.date(2026, 8, 8),
                       belongings="1 tas pakaian\nKTP", health_check="Tekanan darah 150/90",
                       documents=frozenset({IntakeDocument.SURAT_PENGANTAR, IntakeDocument.KTP}))
    return replace(base, **changes)


def register(ctx, **changes):  # type: ignore[no-untyped-def]
    return register_intake(ctx, replace(Registration(person(), arrival()), **changes))


def assessment(**changes) -> AssessmentInput:  # type: ignore[no-untyped-def]
    base = AssessmentInput(
        assessed_on=dt.date(2026, 8, 12), assessor="Peksos Rina", ppks_code=8,
        findings_bio="Hipertensi", adl_level=AdlLevel.RINGAN, family_found=False,
        decision=AssessmentDecision.ADMIT, decision_reason="Tidak ada keluarga")
    return replace(base, **changes)


def sk(**changes) -> AdmissionInput:  # type: ignore[no-untyped-def]
    return replace(AdmissionInput("400/017/SK/UPTD-TW/2026", dt.date(2026, 8, 14),
                                  dt.date(2026, 8, 15), "Wisma Melati"), **changes)


def count(ctx, model) -> int:  # type: ignore[no-untyped-def]
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_register_assess_admit(ctx, kepala_ctx) -> None:  # type: ignore[no-untyped-def]
    family = (FamilyInput("Budi", "keponakan", "0812 3456 7890", can_care=False),)
    done = register(ctx, family=family, photo_jpeg=b"\xff\xd8\xff\xe0tiny")
    assert [r.stage for r in intake_worklist(ctx)] == [Stage.ASSESSMENT]

    assessment_id = record_assessment(ctx, done.intake_id, assessment())
    row = intake_worklist(ctx)[0]
    assert (row.stage, row.assessment_id) == (Stage.SK, assessment_id)

    admitted = admit(kepala_ctx, assessment_id, sk())
    assert admitted.no_induk.startswith("TW-2026-0001-") and is_valid_no_induk(admitted.no_induk)
    rows = resident_list_rows(ctx, search_residents(ctx, "siti aminah"))
    assert rows[0].status is CaseStatus.AKTIF and rows[0].no_induk == admitted.no_induk
    with ctx.reading() as session:
        stay = session.scalar(select(Stay))
        intake = session.scalar(select(Intake))
        assert (stay.sk_number, stay.room, stay.created_by) == (
            "400/017/SK/UPTD-TW/2026", "Wisma Melati", "kepala")
        assert intake.documents == "surat_pengantar,ktp" and intake.person.photo_sha256
        audited = set(session.scalars(select(AuditLog.entity)))
    assert {"person", "intake", "family_contact", "assessment", "stay"} <= audited


def test_petugas_cannot_approve_and_admin_neither(ctx, petugas_ctx) -> None:  # type: ignore[no-untyped-def]
    done = register(petugas_ctx)
    assessment_id = record_assessment(petugas_ctx, done.intake_id, assessment())
    for who in (petugas_ctx, ctx):
        with pytest.raises(PermissionDenied):
            admit(who, assessment_id, sk())
    assert count(ctx, Stay) == 0


def test_field_errors_block_and_change_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "name": person(name="  "),
        "birth_date": person(birth_date=dt.date(2027, 1, 1)),
        "nik": person(nik="1871015203500000"),  # serial 0000
    }
    for field, bad in cases.items():
        with pytest.raises(InvalidInput) as refused:
            register_intake(ctx, Registration(bad, arrival()))
        assert field in refused.value.problems.errors, field
    with pytest.raises(InvalidInput) as refused:
        register_intake(ctx, Registration(person(nik_state=NikState.BELUM_ADA), arrival()))
    assert "nik" in refused.value.problems.errors  # a NIK typed but "belum ada"
    with pytest.raises(InvalidInput) as refused:
        register(ctx, intake=arrival(arrived_at=dt.datetime(2026, 9, 1, tzinfo=WIB),
                                     referring_agency=""))
    assert {"intake.arrived_at", "intake.referring_agency"} <= set(refused.value.problems.errors)
    with pytest.raises(InvalidInput) as refused:
        register(ctx, family=(FamilyInput("Budi", "", "telepon saya"),))
    assert {"family.0.relation", "family.0.phone"} <= set(refused.value.problems.errors)
    with pytest.raises(InvalidInput):
        register(ctx, photo_jpeg=b"GIF89a")
    assert count(ctx, Person) == 0 and count(ctx, Intake) == 0


def test_nik_warnings_need_confirmation(ctx) -> None:  # type: ignore[no-untyped-def]
    registration = Registration(person(birth_date=dt.date(1950, 3, 13)), arrival())
    with pytest.raises(NeedsConfirmation) as asked:
        register_intake(ctx, registration)
    assert "tidak sama" in asked.value.warnings[0]
    assert count(ctx, Person) == 0
    register_intake(ctx, replace(registration, confirmed=True))
    assert count(ctx, Person) == 1


def test_same_nik_is_a_hard_stop_and_a_return_is_a_new_arrival(ctx, kepala_ctx) -> None:  # type: ignore[no-untyped-def]
    first = register(ctx)
    with pytest.raises(PossibleDuplicate) as stopped:
        register(ctx, person=person(name="Aminah"))
    assert stopped.value.check.same_nik.person_id == first.person_id
    # Even answering "different person" does not get past a same NIK.
    with pytest.raises(PossibleDuplicate):
        register(ctx, dismissed_candidates=frozenset({first.person_id}))

    assessment_id = record_assessment(ctx, first.intake_id, assessment())
    admit(kepala_ctx, assessment_id, sk())
    with pytest.raises(ConflictError, match="masih tercatat sebagai penghuni aktif"):
        register(ctx, existing_person_id=first.person_id)
    assert count(ctx, Person) == 1 and count(ctx, Intake) == 1


def test_a_person_coming_back_gets_a_new_intake_on_the_same_person(ctx) -> None:  # type: ignore[no-untyped-def]
    first = register(ctx)
    record_assessment(ctx, first.intake_id, assessment(
        decision=AssessmentDecision.RETURN_TO_FAMILY, decision_reason="Anak ditemukan",
        family_found=True, family_can_care=True, family_safe=True))
    again = register(ctx, existing_person_id=first.person_id,
                     intake=arrival(arrived_at=ARRIVED + dt.timedelta(days=5)))
    assert again.person_id == first.person_id and again.intake_id != first.intake_id
    assert count(ctx, Person) == 1 and count(ctx, Intake) == 2


@pytest.mark.parametrize("written", ["Sitti Aminnah", "SITI AMINAH", "Hj. Siti Aminah",
                                     "Siti Aminah binti Ahmad"])
def test_similar_names_must_be_answered(ctx, written: str) -> None:  # type: ignore[no-untyped-def]
    first = register(ctx)
    newcomer = person(name=written, nik="", nik_state=NikState.TIDAK_DIKETAHUI,
                      birth_date=dt.date(1950, 6, 1), birth_date_estimated=True)
    with pytest.raises(PossibleDuplicate) as stopped:
        register(ctx, person=newcomer)
    assert [c.person_id for c in stopped.value.check.similar] == [first.person_id]
    done = register(ctx, person=newcomer, dismissed_candidates=frozenset({first.person_id}),
                    dismissal_note="Wajah dan asal berbeda")
    with ctx.reading() as session:
        review = session.scalar(select(DuplicateReview))
        assert (review.person_id, review.candidate_id, review.same_person, review.note) == (
            done.person_id, first.person_id, False, "Wajah dan asal berbeda")


def test_spelling_variants_of_the_old_orthography_are_found(ctx) -> None:  # type: ignore[no-untyped-def]
    register(ctx, person=person(name="Muhammad Joko Santoso", sex=Sex.L, nik="",
                                nik_state=NikState.TIDAK_DIKETAHUI, birth_date=dt.date(1948, 1, 5)))
    with pytest.raises(PossibleDuplicate):
        register(ctx, person=person(name="Moch. Djoko Santosa", sex=Sex.L, nik="",
                                    nik_state=NikState.TIDAK_DIKETAHUI,
                                    birth_date=dt.date(1948, 1, 5)))
    # A different birth date far apart, not estimated: another person.
    register(ctx, person=person(name="Moch. Djoko Santosa", sex=Sex.L, nik="",
                                nik_state=NikState.TIDAK_DIKETAHUI, birth_date=dt.date(1960, 7, 1)))


def test_assessment_rules(ctx) -> None:  # type: ignore[no-untyped-def]
    done = register(ctx)
    for bad, field in [
        (assessment(assessed_on=dt.date(2026, 8, 9)), "assessed_on"),  # before arrival
        (assessment(assessed_on=dt.date(2026, 8, 18)), "assessed_on"),  # future
        (assessment(assessor=" "), "assessor"),
        (assessment(decision_reason=""), "decision_reason"),
        (assessment(ppks_code=None), "ppks_code"),
        (assessment(family_found=False, family_can_care=True), "family_can_care"),
    ]:
        with pytest.raises(InvalidInput) as refused:
            record_assessment(ctx, done.intake_id, bad)
        assert field in refused.value.problems.errors
    # A child (PPKS 2) with a family able and safe to care breaks three rules at a lansia panti.
    rules = assessment(ppks_code=2, family_found=True, family_can_care=True, family_safe=True)
    broken = rule_exceptions(ctx, done.intake_id, rules)
    assert len(broken) == 2 and "kembali ke keluarga" in broken[0] and "Anak Telantar" in broken[1]
    with pytest.raises(InvalidInput) as refused:
        record_assessment(ctx, done.intake_id, rules)
    assert "exception_reason" in refused.value.problems.errors
    record_assessment(ctx, done.intake_id, replace(rules, exception_reason="Keluarga menolak"))
    assert rule_exceptions(ctx, done.intake_id, assessment()) == []


def test_too_young_for_a_lansia_panti(ctx) -> None:  # type: ignore[no-untyped-def]
    done = register(ctx, person=person(birth_date=dt.date(1975, 3, 12), nik="1871015203750001"))
    broken = rule_exceptions(ctx, done.intake_id, assessment())
    assert broken == ["Usia 51 tahun di bawah batas 60 tahun untuk panti ini."]


def test_sk_rules(ctx, kepala_ctx) -> None:  # type: ignore[no-untyped-def]
    done = register(ctx)
    not_decided = record_assessment(ctx, done.intake_id, assessment(decision=None,
                                                                    decision_reason=""))
    with pytest.raises(ConflictError):
        admit(kepala_ctx, not_decided, sk())
    assessment_id = record_assessment(ctx, done.intake_id, assessment())
    for bad, field in [
        (sk(sk_number=""), "sk_number"),
        (sk(sk_date=dt.date(2026, 8, 11)), "sk_date"),  # before the assessment
        (sk(sk_date=dt.date(2026, 8, 18)), "sk_date"),
        (sk(admitted_on=dt.date(2026, 8, 11)), "admitted_on"),
        (sk(admitted_on=None), "admitted_on"),
    ]:
        with pytest.raises(InvalidInput) as refused:
            admit(kepala_ctx, assessment_id, bad)
        assert field in refused.value.problems.errors
    assert count(ctx, Stay) == 0
    admit(kepala_ctx, assessment_id, sk())
    with pytest.raises(ConflictError):
        admit(kepala_ctx, assessment_id, sk())
    with pytest.raises(ConflictError, match="tidak dapat diubah"):
        record_assessment(ctx, done.intake_id, assessment(findings_bio="diubah"))


def test_registration_numbers_count_up_per_year(ctx, kepala_ctx) -> None:  # type: ignore[no-untyped-def]
    numbers = []
    for index, name in enumerate(["Siti Aminah", "Paijo Wiryo", "Ngatinem"]):
        done = register(ctx, person=person(name=name, nik="", nik_state=NikState.BELUM_ADA,
                                           birth_date=dt.date(1940 + index, 1, 1)))
        assessment_id = record_assessment(ctx, done.intake_id, assessment())
        numbers.append(admit(kepala_ctx, assessment_id, sk()).no_induk[:12])
    assert numbers == ["TW-2026-0001", "TW-2026-0002", "TW-2026-0003"]


def test_province_does_not_register(province_ctx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((ConflictError, PermissionDenied)):
        register(province_ctx)
