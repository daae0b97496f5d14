"""The monthly report: the balance closes on hand-made cases, the breakdowns count the residents at
the end of the month, and the PDF carries the kop and the figures."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from pantidesk.db.models import Discharge, Person, Stay
from pantidesk.domain.enums import DischargeReason, NikState, Sex
from pantidesk.errors import ValidationError
from pantidesk.services.reports.issue import issue_report
from pantidesk.services.reports.monthly import Resident, month_balance, monthly_report, parse_month

AUG_1, AUG_31 = dt.date(2026, 8, 1), dt.date(2026, 8, 31)


def _r(admitted: dt.date, left: dt.date | None = None, sex: Sex = Sex.P) -> Resident:
    reason = DischargeReason.REUNIFIKASI if left else None
    return Resident("TW", sex, dt.date(1950, 1, 1), "18.71", 8, admitted, left, reason)


def test_the_balance_closes_on_the_month_edges() -> None:
    stays = [
        _r(dt.date(2026, 1, 5)),                          # there all month
        _r(dt.date(2026, 1, 5), dt.date(2026, 8, 1)),     # leaves on the first day
        _r(dt.date(2026, 1, 5), dt.date(2026, 7, 31)),    # left before the month
        _r(dt.date(2026, 8, 1)),                          # comes on the first day
        _r(dt.date(2026, 8, 31)),                         # comes on the last day
        _r(dt.date(2026, 8, 10), dt.date(2026, 8, 31)),   # comes and goes in the month
        _r(dt.date(2026, 9, 1)),                          # after the month
    ]
    balance = month_balance(stays, AUG_1, AUG_31)
    assert (len(balance.start), len(balance.admitted), len(balance.discharged),
            len(balance.end)) == (2, 3, 2, 3)
    assert len(balance.start) + len(balance.admitted) - len(balance.discharged) \
        == len(balance.end)


def _stay(session, name: str, sex: Sex, born: dt.date, admitted: dt.date,  # type: ignore[no-untyped-def]
          left: dt.date | None = None, reason: DischargeReason = DischargeReason.REUNIFIKASI,
          origin: str = "18.71") -> None:
    person = Person(name=name, sex=sex, birth_date=born, nik_state=NikState.BELUM_ADA,
                    origin_regency=origin)
    session.add(person)
    session.flush()
    stay = Stay(person_id=person.id, panti_code="TW", ppks_code=8, admitted_on=admitted,
                no_induk=f"TW-T-{name}", owner_panti="TW")
    session.add(stay)
    session.flush()
    if left:
        session.add(Discharge(stay_id=stay.id, discharged_on=left, reason=reason))


def test_monthly_report_figures_and_pdf(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as session:
        _stay(session, "Siti", Sex.P, dt.date(1950, 3, 12), dt.date(2025, 2, 1))
        _stay(session, "Budi", Sex.L, dt.date(1940, 5, 1), dt.date(2025, 3, 1),
              dt.date(2026, 8, 5), DischargeReason.MENINGGAL, origin="18.01")
        _stay(session, "Rini", Sex.P, dt.date(1962, 1, 1), dt.date(2026, 8, 3))
        _stay(session, "Joko", Sex.L, dt.date(1958, 1, 1), dt.date(2026, 8, 9),
              dt.date(2026, 8, 16), DischargeReason.REUNIFIKASI)
    data = monthly_report(ctx, 2026, 8)
    balance = data.sections[0].tables[0].rows
    assert balance[0] == ("Penerima manfaat awal bulan", "1", "1", "2")
    assert balance[1] == ("Masuk (penetapan baru)", "1", "1", "2")
    assert balance[2] == ("Keluar (terminasi)", "2", "0", "2")
    assert balance[3] == ("Penerima manfaat akhir bulan", "0", "2", "2")
    reasons = dict(data.sections[0].tables[1].rows)
    assert reasons == {"Meninggal dunia": "1", "Reunifikasi keluarga": "1"}
    ages = {row[0]: row[3] for row in data.sections[1].tables[1].rows}
    assert ages["60–69 tahun"] == "1" and ages["70–79 tahun"] == "1" and ages["Jumlah"] == "2"
    origins = {row[0]: row[3] for row in data.sections[1].tables[2].rows}
    assert origins.get("Kota Bandar Lampung") == "2"
    occupancy = data.sections[2].tables[0].rows[0]
    assert occupancy[1:] == ("85", "2", "2%")

    issued = issue_report(ctx, data)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(issued.pdf)).pages)
    assert "LAPORAN BULANAN" in text and "Agustus 2026" in text and "Halaman 1 dari" in text
    assert "Awal 2 + masuk 2 − keluar 2 = akhir 2." in text


def test_bad_months_are_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    assert parse_month("2026-08") == (2026, 8)
    for text in ("2026-13", "Agustus", "26-8-1"):
        with pytest.raises(ValidationError):
            parse_month(text)
    with pytest.raises(ValidationError, match="belum dimulai"):
        monthly_report(ctx, 2026, 9)


def test_register_lists_every_stay_in_order(ctx) -> None:  # type: ignore[no-untyped-def]
    from pantidesk.services.reports.register import register_report

    with ctx.unit_of_work() as session:
        _stay(session, "Siti", Sex.P, dt.date(1950, 3, 12), dt.date(2025, 2, 1))
        _stay(session, "Budi", Sex.L, dt.date(1940, 5, 1), dt.date(2025, 3, 1),
              dt.date(2026, 8, 5), DischargeReason.MENINGGAL)
    everyone = register_report(ctx)
    rows = everyone.sections[0].tables[0].rows
    assert [row[2] for row in rows] == ["Siti", "Budi"] and everyone.landscape
    assert rows[1][-1] == "05/08/2026 (Meninggal dunia)" and rows[0][-1] == ""
    current = register_report(ctx, current_only=True).sections[0].tables[0].rows
    assert [row[2] for row in current] == ["Siti"]
    text = PdfReader(io.BytesIO(issue_report(ctx, everyone).pdf)).pages[0].extract_text()
    assert "BUKU INDUK PENERIMA MANFAAT" in text and "TW-T-Budi" in text


def test_report_tables_export_to_xlsx(ctx) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook
    from sqlalchemy import select

    from pantidesk.db.models import AuditLog
    from pantidesk.services.reports.xlsx import report_workbook

    with ctx.unit_of_work() as session:
        _stay(session, "=HYPERLINK(\"x\")", Sex.P, dt.date(1950, 3, 12), dt.date(2025, 2, 1))
    data = monthly_report(ctx, 2026, 8)
    book = load_workbook(io.BytesIO(report_workbook(ctx, data, "0001/LB/TW/VIII/2026")))
    assert len(book.sheetnames) == len(data.tables())
    first = book[book.sheetnames[0]]
    rows = [[c.value for c in row] for row in first.iter_rows()]
    assert rows[0][0] == "Laporan Bulanan" and "No. dokumen 0001/LB/TW/VIII/2026" in rows[2]
    assert ["Penerima manfaat akhir bulan", 0, 1, 1] in rows  # figures are numbers
    register = __import__("pantidesk.services.reports.register", fromlist=["x"])
    names = [c.value for c in load_workbook(io.BytesIO(report_workbook(
        ctx, register.register_report(ctx), "0002/BI/TW/VIII/2026"))).active["C"]]
    assert "'=HYPERLINK(\"x\")" in names  # neutralised, shown as text
    with ctx.reading() as session:
        assert len(session.scalars(select(AuditLog).where(AuditLog.action == "export")).all()) == 2
