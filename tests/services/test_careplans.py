"""Care plans, reviews and progress notes on an empty Tresna Werdha (lansia), today 17/08/2026, for
one resident admitted on 05/01/2026: versions that keep what was agreed, every date rule, the
three-month review cycle and Beranda's items, the 24-hour rule for notes, roles and discharge."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from pantidesk.clock import WIB
from pantidesk.db.models import (
    AuditLog,
    CareGoal,
    CarePlan,
    Discharge,
    Intervention,
    PlanReview,
    ProgressNote,
    ProgressNoteCorrection,
    Stay,
)
from pantidesk.domain.enums import (
    AgreedBy,
    Cluster,
    DischargeReason,
    GoalProgress,
    InterventionStatus,
)
from pantidesk.errors import ConflictError, PermissionDenied
from pantidesk.services.admission import admit
from pantidesk.services.assessment import record_assessment
from pantidesk.services.attention import Urgency
from pantidesk.services.careplan_catalogue import (
    GoalTemplateInput,
    add_goal_template,
    catalogue_for_stay,
    goal_catalogue,
    set_goal_template_active,
)
from pantidesk.services.careplan_reviews import (
    GoalReviewInput,
    PlanState,
    ReviewInput,
    attention_items,
    care_worklist,
    record_review,
)
from pantidesk.services.careplans import (
    AgreementInput,
    GoalInput,
    InterventionInput,
    PlanInput,
    agree_plan,
    create_plan,
    plan_input_of,
    revise_plan,
    set_intervention_status,
    stay_care,
    update_plan,
)
from pantidesk.services.intake import InvalidInput
from pantidesk.services.progress_notes import (
    NoteInput,
    add_note,
    correct_note,
    edit_note,
    list_notes,
)
from tests.conftest import add_user
from tests.services.test_intake_flow import arrival, assessment, register, sk

ADMITTED = dt.date(2026, 1, 5)
MADE = dt.date(2026, 1, 20)


def admit_resident(ctx, kepala_ctx) -> str:  # type: ignore[no-untyped-def]
    """Siti Aminah, admitted on 05/01/2026; returns the stay id."""
    done = register(ctx, intake=arrival(arrived_at=dt.datetime(2026, 1, 2, 9, tzinfo=WIB),
                                        letter_date=dt.date(2026, 1, 2)))
    assessment_id = record_assessment(ctx, done.intake_id,
                                      assessment(assessed_on=dt.date(2026, 1, 3)))
    return admit(kepala_ctx, assessment_id, sk(sk_date=dt.date(2026, 1, 4),
                                               admitted_on=ADMITTED)).stay_id


@pytest.fixture
def stay_id(ctx, kepala_ctx) -> str:  # type: ignore[no-untyped-def]
    return admit_resident(ctx, kepala_ctx)


def plan(**changes) -> PlanInput:  # type: ignore[no-untyped-def]
    base = PlanInput(MADE, "Rina Marlina, S.Sos.", (
        GoalInput(1, "Kebutuhan gizi harian terpenuhi sesuai kondisi kesehatan", "L1-01", (
            InterventionInput("Menu diet rendah garam", "Ahli gizi", dt.date(2026, 3, 1)),
            InterventionInput("Penimbangan bulanan", "Perawat", dt.date(2026, 6, 1)))),
        GoalInput(3, "Bertemu kembali dengan keponakan di Metro", "", (
            InterventionInput("Penelusuran keluarga", "Peksos Rina", None),)),
    ))
    return replace(base, **changes)


def agreement(**changes) -> AgreementInput:  # type: ignore[no-untyped-def]
    return replace(AgreementInput(AgreedBy.RESIDENT, "Siti Aminah", dt.date(2026, 1, 31)),
                   **changes)


def review(ctx, plan_id: str, day: dt.date, **changes) -> str:  # type: ignore[no-untyped-def]
    goals = stay_care_plan(ctx, plan_id).goals
    data = ReviewInput(day, "Rina", tuple(GoalReviewInput(g.id, GoalProgress.IN_PROGRESS, "ok")
                                          for g in goals))
    return record_review(ctx, plan_id, replace(data, **changes))


def stay_care_plan(ctx, plan_id: str):  # type: ignore[no-untyped-def]
    with ctx.reading() as session:
        stay_id = session.get(CarePlan, plan_id).stay_id
    return next(p for p in stay_care(ctx, stay_id).plans if p.id == plan_id)


def count(ctx, model) -> int:  # type: ignore[no-untyped-def]
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(model).where(
            model.deleted_at.is_(None))) or 0


def errors(call) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as refused:
        call()
    return refused.value.problems.errors


def items(ctx, today: dt.date | None = None):  # type: ignore[no-untyped-def]
    with ctx.reading() as session:
        return attention_items(session, "TW", today or ctx.clock.today())


# --- plans and versions ---------------------------------------------------------------------------
def test_create_edit_agree_revise_keeps_every_version(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    plan_id = create_plan(ctx, stay_id, plan())
    draft = stay_care(ctx, stay_id).current
    assert (draft.version, draft.agreed, draft.current, len(draft.goals)) == (1, False, True, 2)
    assert [g.atensi_code for g in draft.goals] == [1, 3]

    # Edit the draft: drop the second intervention, add a goal; kept rows keep their ids.
    edited = plan_input_of(draft)
    first = edited.goals[0]
    edited = replace(edited, goals=(
        replace(first, interventions=first.interventions[:1]),
        edited.goals[1],
        GoalInput(4, "Kondisi psikososial stabil, tidak menarik diri", "L4-01",
                  (InterventionInput("Konseling individu", "Peksos Rina",
                                     dt.date(2026, 4, 1)),))))
    update_plan(ctx, plan_id, edited)
    draft = stay_care(ctx, stay_id).current
    assert draft.goals[0].id == first.id and len(draft.goals[0].interventions) == 1
    assert draft.goals[0].interventions[0].id == first.interventions[0].id
    assert len(draft.goals) == 3 and count(ctx, Intervention) == 3

    agree_plan(ctx, plan_id, agreement())
    agreed = stay_care(ctx, stay_id).current
    assert (agreed.agreed_by, agreed.agreed_name, agreed.agreed_on) == (
        AgreedBy.RESIDENT, "Siti Aminah", dt.date(2026, 1, 31))
    assert agreed.next_review_due == dt.date(2026, 4, 30)  # 31/01 + 3 months, clamped
    with pytest.raises(ConflictError, match="sudah disepakati"):
        update_plan(ctx, plan_id, edited)
    with pytest.raises(ConflictError, match="sudah disepakati"):
        agree_plan(ctx, plan_id, agreement())

    assert "revision_reason" in errors(lambda: revise_plan(ctx, plan_id, "  "))
    new_id = revise_plan(ctx, plan_id, "Keluarga ditemukan; persiapan reunifikasi")
    care = stay_care(ctx, stay_id)
    old, new = care.plans
    assert old == replace(agreed, superseded_at=old.superseded_at)  # unchanged but superseded
    assert old.superseded_at == ctx.clock.now() and not old.current
    assert (new.id, new.version, new.agreed, new.made_on, new.next_review_due) == (
        new_id, 2, False, dt.date(2026, 8, 17), dt.date(2026, 4, 30))
    assert new.revision_reason == "Keluarga ditemukan; persiapan reunifikasi"
    assert [g.description for g in new.goals] == [g.description for g in old.goals]
    assert {g.id for g in new.goals}.isdisjoint({g.id for g in old.goals})

    with pytest.raises(ConflictError, match="sudah diganti"):
        update_plan(ctx, plan_id, edited)
    with pytest.raises(ConflictError, match="belum disepakati"):
        revise_plan(ctx, new_id, "lagi")
    # The copied open interventions are before the new plan date: they need a new target.
    problems = errors(lambda: update_plan(ctx, new_id, plan_input_of(new)))
    assert "tetapkan target baru" in problems["goals.0.interventions.0.target_date"]
    fixed = plan_input_of(new)
    fixed = replace(fixed, goals=tuple(replace(g, interventions=tuple(
        replace(i, status=InterventionStatus.DONE) for i in g.interventions))
        for g in fixed.goals))
    update_plan(ctx, new_id, fixed)
    agree_plan(ctx, new_id, agreement(agreed_on=dt.date(2026, 8, 17)))
    assert [p.version for p in stay_care(ctx, stay_id).plans] == [1, 2]
    assert stay_care(ctx, stay_id).plans[0].goals == old.goals


def test_only_one_first_plan(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    create_plan(ctx, stay_id, plan())
    with pytest.raises(ConflictError, match="sudah mempunyai rencana"):
        create_plan(ctx, stay_id, plan())


def test_goal_rules_refuse_and_save_nothing(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    goal = plan().goals[1]
    cases = {
        "goals.0.atensi_code": (replace(goal, atensi_code=None), "komponen ATENSI"),
        "goals.0.description": (replace(goal, description="  "), "Tuliskan tujuannya"),
        "goals.0.interventions.0.activity": (
            replace(goal, interventions=(InterventionInput(" "),)), "kegiatannya"),
        "goals.0.template_code": (replace(goal, template_code="ZZ-99"), "tidak ada di katalog"),
    }
    for field, (bad, words) in cases.items():
        problems = errors(lambda bad=bad: create_plan(ctx, stay_id, plan(goals=(bad,))))
        assert words in problems[field], field
    wrong_component = replace(plan().goals[0], atensi_code=2)  # L1-01 is component 1
    assert "komponen ATENSI 1" in errors(lambda: create_plan(
        ctx, stay_id, plan(goals=(wrong_component,))))["goals.0.atensi_code"]
    assert "1 sampai 7" in errors(lambda: create_plan(
        ctx, stay_id, plan(goals=(replace(goal, atensi_code=8),))))["goals.0.atensi_code"]
    assert "satu tujuan" in errors(lambda: create_plan(ctx, stay_id, plan(goals=())))["goals"]
    assert "made_by" in errors(lambda: create_plan(ctx, stay_id, plan(made_by=" ")))
    assert count(ctx, CarePlan) == count(ctx, CareGoal) == count(ctx, Intervention) == 0


def test_dates_of_a_plan(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    early = replace(plan().goals[0], interventions=(
        InterventionInput("Menu diet", "Ahli gizi", dt.date(2026, 1, 19)),))
    assert "Target sebelum tanggal rencana (20/01/2026)" in errors(lambda: create_plan(
        ctx, stay_id, plan(goals=(early,))))["goals.0.interventions.0.target_date"]
    assert "sebelum tanggal masuk panti (05/01/2026)" in errors(lambda: create_plan(
        ctx, stay_id, plan(made_on=dt.date(2026, 1, 4))))["made_on"]
    assert "belum terjadi" in errors(lambda: create_plan(
        ctx, stay_id, plan(made_on=dt.date(2026, 8, 18))))["made_on"]
    assert "made_on" in errors(lambda: create_plan(ctx, stay_id, plan(made_on=None)))
    plan_id = create_plan(ctx, stay_id, plan())
    assert "sebelum tanggal rencana disusun" in errors(lambda: agree_plan(
        ctx, plan_id, agreement(agreed_on=dt.date(2026, 1, 19))))["agreed_on"]
    assert "belum terjadi" in errors(lambda: agree_plan(
        ctx, plan_id, agreement(agreed_on=dt.date(2026, 8, 18))))["agreed_on"]
    problems = errors(lambda: agree_plan(ctx, plan_id, AgreementInput(None, " ", None)))
    assert set(problems) == {"agreed_by", "agreed_name", "agreed_on"}
    assert stay_care(ctx, stay_id).current.agreed_on is None


def test_a_goal_without_interventions_cannot_be_agreed(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    bare = replace(plan().goals[1], interventions=())
    plan_id = create_plan(ctx, stay_id, plan(goals=(plan().goals[0], bare)))
    with pytest.raises(ConflictError, match="belum mempunyai intervensi"):
        agree_plan(ctx, plan_id, agreement())


def test_intervention_status_changes_on_the_current_version_only(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    plan_id = create_plan(ctx, stay_id, plan())
    agree_plan(ctx, plan_id, agreement())
    item = stay_care(ctx, stay_id).current.goals[0].interventions[0]
    set_intervention_status(ctx, item.id, InterventionStatus.DONE)
    assert stay_care(ctx, stay_id).current.goals[0].interventions[0].status is \
        InterventionStatus.DONE
    with ctx.reading() as session:
        audit = session.scalar(select(AuditLog).where(AuditLog.entity == "intervention",
                                                      AuditLog.action == "update"))
    assert audit is not None and '"selesai"' in audit.diff
    revise_plan(ctx, plan_id, "Tinjauan")
    with pytest.raises(ConflictError, match="versi terbaru"):
        set_intervention_status(ctx, item.id, InterventionStatus.RUNNING)


# --- reviews ---------------------------------------------------------------------------------------
def test_reviews_move_the_next_due_date(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    plan_id = create_plan(ctx, stay_id, plan())
    with pytest.raises(ConflictError, match="belum disepakati"):
        review(ctx, plan_id, dt.date(2026, 2, 1))
    agree_plan(ctx, plan_id, agreement())
    review_id = review(ctx, plan_id, dt.date(2026, 5, 31), summary="Stabil")
    current = stay_care(ctx, stay_id).current
    assert current.next_review_due == dt.date(2026, 8, 31)
    saved = current.reviews[0]
    assert (saved.id, saved.reviewed_on, saved.next_review_due, saved.summary) == (
        review_id, dt.date(2026, 5, 31), dt.date(2026, 8, 31), "Stabil")
    assert [p.goal_id for p in saved.progress] == [g.id for g in current.goals]
    assert {p.progress for p in saved.progress} == {GoalProgress.IN_PROGRESS}

    review(ctx, plan_id, dt.date(2026, 6, 10), next_review_due=dt.date(2026, 7, 10))
    assert stay_care(ctx, stay_id).current.next_review_due == dt.date(2026, 7, 10)
    assert [r.reviewed_on for r in stay_care(ctx, stay_id).current.reviews] == [
        dt.date(2026, 6, 10), dt.date(2026, 5, 31)]
    assert count(ctx, PlanReview) == 2


def test_review_dates_and_goals(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    plan_id = create_plan(ctx, stay_id, plan())
    agree_plan(ctx, plan_id, agreement())
    cases = {
        dt.date(2026, 1, 4): "sebelum tanggal masuk panti",
        dt.date(2026, 1, 19): "sebelum tanggal rencana disusun (20/01/2026)",
        dt.date(2026, 8, 18): "belum terjadi",
    }
    for day, words in cases.items():
        assert words in errors(lambda day=day: review(ctx, plan_id, day))["reviewed_on"]
    goals = stay_care(ctx, stay_id).current.goals
    partial = ReviewInput(dt.date(2026, 4, 1), "Rina", (
        GoalReviewInput(goals[0].id, GoalProgress.ACHIEVED),
        GoalReviewInput(goals[1].id, None)))
    problems = errors(lambda: record_review(ctx, plan_id, partial))
    assert set(problems) == {f"goals.{goals[1].id}.progress"}
    assert "next_review_due" in errors(lambda: review(
        ctx, plan_id, dt.date(2026, 4, 1), next_review_due=dt.date(2026, 4, 1)))
    assert "reviewer" in errors(lambda: review(ctx, plan_id, dt.date(2026, 4, 1), reviewer=""))
    review(ctx, plan_id, dt.date(2026, 4, 1))
    assert "tinjauan terakhir (01/04/2026)" in errors(lambda: review(
        ctx, plan_id, dt.date(2026, 3, 1)))["reviewed_on"]
    assert count(ctx, PlanReview) == 1


def test_attention_items_for_beranda(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    [missing] = items(ctx)
    assert (missing.kind, missing.urgency, missing.person_name, missing.area) == (
        "plan_missing", Urgency.SOON, "Siti Aminah", "Rencana Layanan")
    assert "05/01/2026" in missing.text
    assert items(ctx, dt.date(2026, 2, 3)) == []  # not yet 30 days

    plan_id = create_plan(ctx, stay_id, plan())
    assert items(ctx) == []  # a draft has no review date yet
    agree_plan(ctx, plan_id, agreement())  # next review 30/04/2026, long overdue
    [overdue] = items(ctx)
    assert (overdue.kind, overdue.urgency, overdue.due) == (
        "review_due", Urgency.OVERDUE, dt.date(2026, 4, 30))
    assert overdue.text == "Tinjauan rencana layanan terlambat sejak 30/04/2026"

    review(ctx, plan_id, dt.date(2026, 8, 17), next_review_due=dt.date(2026, 8, 24))
    assert [(i.urgency, i.due) for i in items(ctx)] == [(Urgency.SOON, dt.date(2026, 8, 24))]
    assert items(ctx, dt.date(2026, 8, 16)) == []  # more than a week ahead
    assert items(ctx, dt.date(2026, 8, 24))[0].urgency is Urgency.TODAY
    assert items(ctx, dt.date(2026, 8, 25))[0].urgency is Urgency.OVERDUE

    review(ctx, plan_id, dt.date(2026, 8, 17))  # default: 17/11/2026
    assert items(ctx) == []


def test_worklist_states_and_search(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    [row] = care_worklist(ctx)
    assert (row.state, row.status_text, row.urgency) == (PlanState.NONE, "Belum ada",
                                                         Urgency.SOON)
    plan_id = create_plan(ctx, stay_id, plan())
    assert care_worklist(ctx)[0].status_text == "Draf v1"
    agree_plan(ctx, plan_id, agreement())
    row = care_worklist(ctx)[0]
    assert (row.state, row.version, row.next_review_due, row.urgency) == (
        PlanState.AGREED, 1, dt.date(2026, 4, 30), Urgency.OVERDUE)
    assert len(care_worklist(ctx, "siti amin")) == 1
    assert len(care_worklist(ctx, row.no_induk[:7])) == 1
    assert care_worklist(ctx, "budi") == []


# --- progress notes --------------------------------------------------------------------------------
def test_notes_edit_within_a_day_then_only_corrections(ctx, stay_id, petugas_ctx, clock) -> None:  # type: ignore[no-untyped-def]
    first = add_note(ctx, stay_id, NoteInput(dt.date(2026, 8, 10), "Tekanan darah 150/90."))
    clock.advance(dt.timedelta(minutes=5))
    second = add_note(ctx, stay_id, NoteInput(dt.date(2026, 8, 17), "Ikut senam lansia."))
    notes = list_notes(ctx, stay_id)
    assert [n.id for n in notes] == [second, first]  # newest first
    assert notes[0].author == "Admin Panti" and notes[0].plainly_editable

    edit_note(ctx, second, NoteInput(dt.date(2026, 8, 17), "Ikut senam lansia pagi."))
    with pytest.raises(ConflictError, match="24 jam"):  # another user
        edit_note(petugas_ctx, second, NoteInput(dt.date(2026, 8, 17), "Lain"))
    assert not list_notes(petugas_ctx, stay_id)[0].plainly_editable

    clock.advance(dt.timedelta(hours=24))
    with pytest.raises(ConflictError, match="24 jam"):
        edit_note(ctx, second, NoteInput(dt.date(2026, 8, 17), "Ikut senam."))
    assert "reason" in errors(lambda: correct_note(ctx, second, "Ikut senam sore.", " "))
    assert "sama dengan" in errors(lambda: correct_note(
        ctx, second, "Ikut senam lansia pagi.", "x"))["text"]
    correct_note(ctx, second, "Ikut senam lansia sore.", "Salah menulis waktu")
    correct_note(petugas_ctx, second, "Ikut senam lansia sore hari.", "Dilengkapi")
    note = list_notes(ctx, stay_id)[0]
    assert note.text == "Ikut senam lansia sore hari."
    assert [(c.previous_text, c.reason, c.corrected_by) for c in note.corrections] == [
        ("Ikut senam lansia pagi.", "Salah menulis waktu", "admin"),
        ("Ikut senam lansia sore.", "Dilengkapi", "petugas")]
    assert count(ctx, ProgressNoteCorrection) == 2
    with ctx.reading() as session:
        entities = set(session.scalars(select(AuditLog.entity)))
    assert {"progress_note", "progress_note_correction"} <= entities


def test_note_dates_and_text(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    assert "belum terjadi" in errors(lambda: add_note(
        ctx, stay_id, NoteInput(dt.date(2026, 8, 18), "x")))["written_on"]
    assert "sebelum tanggal masuk panti" in errors(lambda: add_note(
        ctx, stay_id, NoteInput(dt.date(2026, 1, 4), "x")))["written_on"]
    assert "text" in errors(lambda: add_note(ctx, stay_id, NoteInput(dt.date(2026, 8, 1), " ")))
    assert count(ctx, ProgressNote) == 0


# --- who and when ----------------------------------------------------------------------------------
def test_a_discharged_stay_takes_no_new_records(ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    plan_id = create_plan(ctx, stay_id, plan())
    note_id = add_note(ctx, stay_id, NoteInput(dt.date(2026, 6, 1), "Sehat."))
    with ctx.unit_of_work() as session:
        session.add(Discharge(stay_id=stay_id, discharged_on=dt.date(2026, 7, 1),
                              reason=DischargeReason.REUNIFIKASI))
    refusals = [
        lambda: agree_plan(ctx, plan_id, agreement()),
        lambda: update_plan(ctx, plan_id, plan()),
        lambda: add_note(ctx, stay_id, NoteInput(dt.date(2026, 6, 2), "x")),
        lambda: correct_note(ctx, note_id, "Sehat sekali.", "x"),
    ]
    for refused in refusals:
        with pytest.raises(ConflictError, match="sudah keluar dari panti"):
            refused()
    with ctx.unit_of_work() as session:
        session.get(Stay, stay_id).discharge.deleted_at = ctx.clock.now()
    assert items(ctx) == []  # after the tombstone the stay is open again, with a draft
    care = stay_care(ctx, stay_id)
    assert care.open and care.current.agreed_on is None


def test_roles(ctx, stay_id, petugas_ctx) -> None:  # type: ignore[no-untyped-def]
    plan_id = create_plan(petugas_ctx, stay_id, plan())  # every staff role records care
    agree_plan(petugas_ctx, plan_id, agreement())
    from pantidesk.domain.roles import Role
    from pantidesk.services.context import CurrentUser

    provinsi = replace(ctx, user=CurrentUser("prov", "Petugas Provinsi", Role.PROVINSI))
    for call in (lambda: create_plan(provinsi, stay_id, plan()),
                 lambda: add_note(provinsi, stay_id, NoteInput(dt.date(2026, 8, 1), "x")),
                 lambda: review(provinsi, plan_id, dt.date(2026, 8, 1)),
                 lambda: revise_plan(provinsi, plan_id, "x")):
        with pytest.raises(PermissionDenied):
            call()
    with pytest.raises(PermissionDenied):
        add_goal_template(petugas_ctx, GoalTemplateInput("TW-01", 2, "Tujuan panti"))


def test_the_province_reads_but_does_not_record(province_ctx) -> None:  # type: ignore[no-untyped-def]
    provinsi = add_user(province_ctx, "provinsi")
    with province_ctx.reading() as session:
        stay_id = session.scalar(select(Stay.id).where(~Stay.discharge.has()))
    assert stay_care(provinsi, stay_id).stay_id == stay_id
    with pytest.raises(PermissionDenied):
        add_note(provinsi, stay_id, NoteInput(dt.date(2026, 8, 1), "x"))
    with pytest.raises(ConflictError, match="kantor provinsi"):  # admin may, but not there
        add_note(province_ctx, stay_id, NoteInput(dt.date(2026, 8, 1), "x"))
    provinsi.close()


# --- catalogue -------------------------------------------------------------------------------------
def test_catalogue_is_extended_and_codes_stay_unique(ctx, kepala_ctx, stay_id) -> None:  # type: ignore[no-untyped-def]
    lansia = goal_catalogue(ctx, Cluster.LANSIA)
    assert {"L1-01", "U4-01"} <= {e.code for e in lansia}
    assert "A7-01" not in {e.code for e in lansia}
    assert [e.code for e in catalogue_for_stay(ctx, stay_id)] == [e.code for e in lansia]

    assert "code" in errors(lambda: add_goal_template(
        kepala_ctx, GoalTemplateInput("l1-01", 1, "Sama dengan bawaan")))
    assert "atensi_code" in errors(lambda: add_goal_template(
        kepala_ctx, GoalTemplateInput("TW-1", None, "Tanpa komponen")))
    assert "code" in errors(lambda: add_goal_template(
        kepala_ctx, GoalTemplateInput("kode salah!", 2, "x")))
    add_goal_template(kepala_ctx, GoalTemplateInput("tw-l2-01", 2, "Mampu merawat tanaman "
                                                    "obat keluarga", Cluster.LANSIA))
    add_goal_template(ctx, GoalTemplateInput("ALL-6", 6, "Menerima bantuan sosial", None))
    assert "sudah dipakai" in errors(lambda: add_goal_template(
        ctx, GoalTemplateInput("TW-L2-01", 2, "Dua kali")))["code"]
    added = [e for e in goal_catalogue(ctx, Cluster.LANSIA) if e.added]
    assert [(e.code, e.atensi_code) for e in added] == [("TW-L2-01", 2), ("ALL-6", 6)]
    assert [e.code for e in goal_catalogue(ctx, Cluster.ANAK) if e.added] == ["ALL-6"]

    goal = GoalInput(2, "Mampu merawat tanaman obat keluarga", "TW-L2-01",
                     (InterventionInput("Berkebun", "Pengasuh"),))
    create_plan(ctx, stay_id, plan(goals=(goal,)))
    set_goal_template_active(kepala_ctx, "TW-L2-01", False)
    assert "TW-L2-01" not in {e.code for e in goal_catalogue(ctx, Cluster.LANSIA)}
    # A plan built from a retired goal stays valid.
    current = stay_care(ctx, stay_id).current
    update_plan(ctx, current.id, plan_input_of(current))
    with pytest.raises(ConflictError, match="bawaan"):
        set_goal_template_active(kepala_ctx, "L1-01", False)


# --- demo --------------------------------------------------------------------------------------------
def test_demo_residents_have_plans_reviews_and_notes(demo_ctx) -> None:  # type: ignore[no-untyped-def]
    rows = care_worklist(demo_ctx)
    with_plan = [r for r in rows if r.state is not PlanState.NONE]
    assert len(with_plan) >= 0.8 * len(rows)
    assert any(r.version > 1 for r in rows)
    assert any(i.kind == "review_due" and i.urgency is Urgency.OVERDUE for i in items(demo_ctx))
    revised = stay_care(demo_ctx, next(r for r in rows if r.version > 1).stay_id)
    first, *_rest, current = revised.plans
    assert first.superseded_at is not None and first.agreed and first.reviews
    assert current.current and current.revision_reason
    for row in with_plan[:10]:
        care = stay_care(demo_ctx, row.stay_id)
        for version in care.plans:  # every stored version follows the rules a person would meet
            assert all(1 <= g.atensi_code <= 7 and g.interventions for g in version.goals)
            assert version.made_on >= care.admitted_on
            if version.agreed:
                assert version.made_on <= version.agreed_on <= demo_ctx.clock.today()
        assert 2 <= len(list_notes(demo_ctx, row.stay_id)) <= 5
