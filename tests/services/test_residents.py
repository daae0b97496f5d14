"""Resident search (name with Indonesian spelling variants, NIK, No. Induk), list rows, summary
and Beranda figures on a demo panti."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from pantidesk.db.models import AuditLog, Discharge, Person, Stay
from pantidesk.domain.enums import NikState, Sex
from pantidesk.domain.lifecycle import CaseStatus
from pantidesk.errors import NotFoundError
from pantidesk.services.dashboard import beranda
from pantidesk.services.resident_summary import resident_summary
from pantidesk.services.residents import (
    Scope,
    parse_search_text,
    resident_list_rows,
    search_residents,
)


def test_parse_search_text() -> None:
    assert parse_search_text("tw 2026 00").no_induk == "TW-2026-00"
    assert parse_search_text("TW-2026-0042-K").no_induk == "TW-2026-0042-K"
    assert parse_search_text("1871 0152").digits == "18710152"
    assert parse_search_text("Moh. Djoko").name_tokens == ("muhammad", "joko")
    assert parse_search_text("  ") == parse_search_text("")


def _add_person(ctx, name: str, nik: str | None = None) -> str:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as session:
        person = Person(name=name, sex=Sex.L, nik=nik,
                        nik_state=NikState.PUNYA if nik else NikState.TIDAK_DIKETAHUI,
                        birth_date=dt.date(1950, 1, 1))
        session.add(person)
    return person.id


def test_name_search_understands_spelling_variants(ctx) -> None:  # type: ignore[no-untyped-def]
    person_id = _add_person(ctx, "Muhammad Djoko Soetrisno")
    other = _add_person(ctx, "Siti Aminah")
    for query in ("moh joko", "M. Djoko", "sutrisno", "SOETR", "muh sutr"):
        assert search_residents(ctx, query, Scope.EVERYONE) == [person_id], query
    assert search_residents(ctx, "siti", Scope.EVERYONE) == [other]
    assert search_residents(ctx, "joko siti", Scope.EVERYONE) == []
    assert search_residents(ctx, "!!!", Scope.EVERYONE) == []


def test_nik_prefix_search(ctx) -> None:  # type: ignore[no-untyped-def]
    person_id = _add_person(ctx, "Budi", nik="1871015201500001")
    assert search_residents(ctx, "1871 0152", Scope.EVERYONE) == [person_id]
    assert search_residents(ctx, "9999", Scope.EVERYONE) == []


def test_scopes_on_demo_data(demo_ctx) -> None:  # type: ignore[no-untyped-def]
    active = search_residents(demo_ctx, "", Scope.ACTIVE)
    residents = search_residents(demo_ctx, "", Scope.RESIDENTS)
    everyone = search_residents(demo_ctx, "", Scope.EVERYONE)
    assert len(active) == 40
    assert set(active) < set(residents) < set(everyone)
    rows = resident_list_rows(demo_ctx, active[:20])
    assert [r.person_id for r in rows] == active[:20]
    assert all(r.status is CaseStatus.AKTIF and r.no_induk.startswith("TW-") for r in rows)
    names = [r.name for r in resident_list_rows(demo_ctx, active)]
    assert len(names) == 40


def test_no_induk_search_finds_the_stay(demo_ctx) -> None:  # type: ignore[no-untyped-def]
    with demo_ctx.reading() as session:
        stay = session.scalars(select(Stay).limit(1)).one()
    assert search_residents(demo_ctx, stay.no_induk.lower(), Scope.RESIDENTS) == [stay.person_id]


def test_summary_shows_identity_and_history_and_is_audited(demo_ctx) -> None:  # type: ignore[no-untyped-def]
    with demo_ctx.reading() as session:
        stay, _discharge = session.execute(
            select(Stay, Discharge).join(Discharge, Discharge.stay_id == Stay.id).limit(1)).one()
    summary = resident_summary(demo_ctx, stay.person_id)
    assert summary.status is CaseStatus.KELUAR
    assert stay.no_induk in summary.headline
    labels = {f.label for s in summary.sections for f in s.fields}
    assert {"NIK", "Jenis kelamin", "Kabupaten/kota asal"} <= labels
    history = summary.tables[1]
    events = [row[1] for row in history.rows]
    assert events[0] == "Terminasi" and "Masuk panti" in events and "Asesmen" in events
    with demo_ctx.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "view", AuditLog.entity_id == stay.person_id)) == 1


def test_summary_of_unknown_person(demo_ctx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError):
        resident_summary(demo_ctx, "00000000-0000-0000-0000-000000000000")


def test_beranda_counts_match_the_data(demo_ctx) -> None:  # type: ignore[no-untyped-def]
    data = beranda(demo_ctx)
    assert [o.panti_code for o in data.occupancy] == ["TW"]
    assert data.total_active == 40 and data.total_capacity == 85
    counts = dict(data.status_counts)
    assert counts[CaseStatus.AKTIF] == 40
    everyone = len(search_residents(demo_ctx, "", Scope.EVERYONE))  # fewer than the cap here
    assert sum(counts.values()) == everyone
    assert counts[CaseStatus.KEMBALI_KE_KELUARGA] > 0 and counts[CaseStatus.CALON] > 0


def test_province_sees_every_panti(province_ctx) -> None:  # type: ignore[no-untyped-def]
    data = beranda(province_ctx)
    assert len(data.occupancy) == 7
    by_code = {o.panti_code: o.active for o in data.occupancy}
    assert by_code["RI"] == by_code["TW"] == by_code["MG"] == 10 and by_code["BA"] == 0
    active = search_residents(province_ctx, "", Scope.ACTIVE)
    assert {r.panti_code for r in resident_list_rows(province_ctx, active)} == {"RI", "TW", "MG"}


def test_unfiltered_wide_lists_are_capped(demo_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pantidesk.services import residents

    monkeypatch.setattr(residents, "UNFILTERED_LIMIT", 25)
    assert len(search_residents(demo_ctx, "", Scope.EVERYONE)) == 25
    assert len(search_residents(demo_ctx, "", Scope.ACTIVE)) == 40  # current residents: all
    everyone = search_residents(demo_ctx, "", Scope.RESIDENTS)
    assert len(everyone) == 25
