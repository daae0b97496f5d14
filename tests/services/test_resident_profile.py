"""The resident report: chosen sections only, identity numbers masked for outside copies, the care
plan with its latest review, services received; refused for an unknown No. Induk."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from pantidesk.db.models import (
    CareGoal,
    CarePlan,
    FamilyContact,
    GoalReview,
    Intervention,
    Person,
    PlanReview,
    ServiceEvent,
    Stay,
)
from pantidesk.domain.enums import (
    AgreedBy,
    GoalProgress,
    InterventionStatus,
    NikState,
    Sex,
)
from pantidesk.errors import NotFoundError
from pantidesk.services.reports.issue import issue_report
from pantidesk.services.reports.resident_profile import (
    ProfileOptions,
    ProfileSection,
    find_stay,
    mask,
    resident_profile,
)


def _resident(ctx) -> str:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as session:
        person = Person(name="Siti Aminah", sex=Sex.P, birth_date=dt.date(1950, 3, 12),
                        nik="1871015203500001", nik_state=NikState.PUNYA,
                        no_kk="1871011203080004")
        session.add(person)
        session.flush()
        session.add(FamilyContact(person_id=person.id, name="Ahmad", relation="Anak",
                                  phone="0812345678", no_contact=True))
        stay = Stay(person_id=person.id, panti_code="TW", ppks_code=8,
                    admitted_on=dt.date(2026, 1, 5), no_induk="TW-2026-0001-X", owner_panti="TW",
                    sk_number="460/001/UPTD-TW/2026", sk_date=dt.date(2026, 1, 5))
        session.add(stay)
        session.flush()
        plan = CarePlan(stay_id=stay.id, version=1, made_on=dt.date(2026, 1, 10),
                        made_by="Peksos Dewi", agreed_by=AgreedBy.RESIDENT,
                        agreed_name="Siti Aminah", agreed_on=dt.date(2026, 1, 12),
                        next_review_due=dt.date(2026, 4, 12))
        session.add(plan)
        session.flush()
        goal = CareGoal(plan_id=plan.id, atensi_code=3, description="Hubungan keluarga pulih")
        session.add(goal)
        session.flush()
        session.add(Intervention(goal_id=goal.id, activity="Penelusuran keluarga",
                                 responsible="Peksos Dewi", target_date=dt.date(2026, 3, 1),
                                 status=InterventionStatus.RUNNING))
        review = PlanReview(plan_id=plan.id, reviewed_on=dt.date(2026, 4, 10),
                            reviewer="Peksos Dewi", summary="Ada kemajuan")
        session.add(review)
        session.flush()
        session.add(GoalReview(review_id=review.id, goal_id=goal.id,
                               progress=GoalProgress.IN_PROGRESS, note="keluarga dihubungi"))
        session.add(ServiceEvent(stay_id=stay.id, delivered_on=dt.date(2026, 8, 1),
                                 spm_code="permakanan", atensi_code=1,
                                 description="Permakanan Agustus", quantity="1 bulan"))
        return stay.id


def test_whole_profile(ctx) -> None:  # type: ignore[no-untyped-def]
    stay_id = _resident(ctx)
    assert find_stay(ctx, "tw-2026-0001-x") == stay_id
    data = resident_profile(ctx, stay_id)
    titles = [s.title for s in data.sections]
    assert titles == [s.heading for s in ProfileSection]
    identity = dict(data.sections[0].facts)
    assert identity["NIK"] == "1871015203500001" and identity["Umur"] == "76 tahun"
    family = data.sections[1].tables[0].rows[0]
    assert family[2] == "" and family[-1] == "JANGAN DIHUBUNGI"  # no phone for no-contact
    plan = data.sections[3]
    assert "disepakati dengan penerima manfaat (Siti Aminah)" in plan.paragraphs[0]
    row = plan.tables[0].rows[0]
    assert row[0].startswith("3. Dukungan keluarga") and "Penelusuran keluarga" in row[2]
    assert row[3] == "Berproses: keluarga dihubungi"
    services = data.sections[4].tables[0].rows
    assert services == (("Permakanan", "1", "01/08/2026"),)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        issue_report(ctx, data).pdf)).pages)
    assert "LAPORAN PENERIMA MANFAAT" in text and "Siti Aminah" in text
    assert "Halaman 1 dari" in text and "460/001/UPTD-TW/2026" in text


def test_an_outside_copy_carries_only_what_was_chosen(ctx) -> None:  # type: ignore[no-untyped-def]
    stay_id = _resident(ctx)
    options = ProfileOptions(frozenset({ProfileSection.IDENTITY, ProfileSection.SERVICES}),
                             mask_identity_numbers=True)
    data = resident_profile(ctx, stay_id, options)
    assert [s.title for s in data.sections] == ["Identitas", "Layanan yang diterima"]
    identity = dict(data.sections[0].facts)
    assert identity["NIK"] == mask("1871015203500001") == "1871••••••••0001"
    assert identity["No. KK"] == "1871••••••••0004"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        issue_report(ctx, data).pdf)).pages)
    assert "1871015203500001" not in text and "Ahmad" not in text
    assert "Penelusuran keluarga" not in text


def test_unknown_resident_is_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError, match="No. Induk"):
        find_stay(ctx, "TW-1999-0001-A")
    with ctx.reading() as session:
        assert session.scalars(select(Stay)).all() == []
