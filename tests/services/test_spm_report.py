"""The SPM report on a hand-made quarter: residents whose needs were met, one who missed sandang,
a person returned to family (in the count, and met), a person not eligible (left out)."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from pantidesk.db.models import Assessment, Person
from pantidesk.domain.enums import AssessmentDecision, NikState, Sex
from pantidesk.domain.spm_checklist import Quarter
from pantidesk.services.reports.issue import issue_report
from pantidesk.services.reports.spm import spm_figures, spm_report
from pantidesk.services.service_delivery import distribute, record_service
from tests.services.test_service_delivery import D, hand_out, make_resident, service

Q2 = Quarter(2026, 2)


def _assessed(ctx, name: str, decision: AssessmentDecision, on: dt.date) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as session:
        person = Person(name=name, sex=Sex.L, nik_state=NikState.TIDAK_DIKETAHUI)
        session.add(person)
        session.flush()
        session.add(Assessment(person_id=person.id, panti_code="TW", assessed_on=on,
                               decision=decision, decided_on=on, decision_reason="x"))


def _quarter(ctx) -> None:  # type: ignore[no-untyped-def]
    met = make_resident(ctx, "Siti Aminah")
    missed = make_resident(ctx, "Budi Santoso")
    both = [met, missed]
    for code in ("permakanan", "perbekalan_kesehatan", "bimbingan", "keterampilan_hidup"):
        distribute(ctx, hand_out(both, spm_code=code, delivered_on=D(2026, 4, 2)))
    distribute(ctx, hand_out(both, spm_code="akses_pendidikan_kesehatan",
                             delivered_on=D(2025, 1, 20)))
    distribute(ctx, hand_out([met], spm_code="sandang", delivered_on=D(2026, 5, 3)))
    for stay in both:
        record_service(ctx, stay, service(spm_code="penelusuran_keluarga",
                                          delivered_on=D(2025, 2, 1),
                                          description="Penelusuran melalui Dinsos kab. asal"))
    _assessed(ctx, "Joko Pulang", AssessmentDecision.RETURN_TO_FAMILY, D(2026, 5, 10))
    _assessed(ctx, "Andi Lain", AssessmentDecision.NOT_ELIGIBLE, D(2026, 5, 11))
    _assessed(ctx, "Rudi Dulu", AssessmentDecision.RETURN_TO_FAMILY, D(2026, 3, 31))  # Q1


def test_numerator_and_denominator_by_hand(ctx) -> None:  # type: ignore[no-untyped-def]
    _quarter(ctx)
    figures, _pantis = spm_figures(ctx, Q2)
    counted = {p.name: (p.returned_to_family, p.met, p.missing) for p in figures.persons}
    assert counted == {"Siti Aminah": (False, True, ()),
                       "Budi Santoso": (False, False, ("Sandang",)),
                       "Joko Pulang": (True, True, ())}
    assert (figures.numerator, figures.denominator) == (2, 3)
    assert round(figures.percent or 0, 1) == 66.7
    sandang = next(item for item in figures.items if item[0] == "Sandang")
    assert sandang == ("Sandang", 2, 1)


def test_the_report_shows_the_figures_and_the_list(ctx) -> None:  # type: ignore[no-untyped-def]
    _quarter(ctx)
    data = spm_report(ctx, Q2)
    summary = dict(data.sections[0].tables[0].rows)
    assert summary["Penyebut: kebutuhan hasil asesmen"] == "3"
    assert summary["Pembilang: terpenuhi kebutuhan dasarnya"] == "2"
    assert summary["Capaian SPM"] == "66,7%"
    listed = data.sections[1].tables[0].rows
    assert [row[2] for row in listed] == ["Budi Santoso", "Siti Aminah", "Joko Pulang"]
    assert listed[0][-2:] == ("Belum", "Sandang") and listed[2][1] == "—"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        issue_report(ctx, data).pdf)).pages)
    assert "LAPORAN CAPAIAN SPM" in text and "Triwulan II 2026" in text and "66,7%" in text
