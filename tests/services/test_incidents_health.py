"""Incidents and the health log on an empty Tresna Werdha, 17/08/2026: required fields, dates
within the stay, lists by period, and a death that asks for terminasi instead of discharging."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from pantidesk.db.models import Discharge, HealthEvent, Incident
from pantidesk.domain.enums import HealthEventKind, IncidentKind
from pantidesk.errors import ConflictError, ValidationError
from pantidesk.services.attention import Urgency
from pantidesk.services.health_log import (
    HealthEventInput,
    attention_items,
    health_rows,
    record_health_event,
)
from pantidesk.services.incidents import IncidentInput, incident_rows, record_incident
from pantidesk.services.intake import InvalidInput
from tests.services.daily_helpers import add_resident, at, discharge

AUGUST = (dt.date(2026, 8, 1), dt.date(2026, 8, 31))


def errors_of(call) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as caught:
        call()
    return caught.value.problems.errors


def count(ctx, model) -> int:  # type: ignore[no-untyped-def]
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def fight(**changes) -> IncidentInput:  # type: ignore[no-untyped-def]
    values = {"kind": IncidentKind.FIGHT, "occurred_at": at(14, 19, 30),
              "description": "Saling dorong di ruang makan", "others_involved": "Budi",
              "action_taken": "Dilerai, dimediasi peksos"}
    values.update(changes)
    return IncidentInput(**values)  # type: ignore[arg-type]


def test_incident_rules_and_list(ctx) -> None:  # type: ignore[no-untyped-def]
    ani = add_resident(ctx, "Ani")
    budi = add_resident(ctx, "Budi", admitted_on=dt.date(2026, 8, 10))
    errors = errors_of(lambda: record_incident(ctx, ani, fight(kind=None, description=" ")))
    assert set(errors) == {"kind", "description"}
    errors = errors_of(lambda: record_incident(ctx, budi, fight(occurred_at=at(9))))
    assert errors["occurred_at"] == "Waktu kejadian sebelum tanggal masuk panti (10/08/2026)."
    errors = errors_of(lambda: record_incident(ctx, ani, fight(occurred_at=at(17, 23))))
    assert "belum terjadi" in errors["occurred_at"]
    assert count(ctx, Incident) == 0
    record_incident(ctx, ani, fight())
    record_incident(ctx, budi, fight(kind=IncidentKind.ACCIDENT, occurred_at=at(16, 7),
                                     description="Terpeleset di kamar mandi",
                                     reported_by="Pengasuh Rina"))
    rows = incident_rows(ctx, *AUGUST)
    assert [r.name for r in rows] == ["Budi", "Ani"]  # newest first
    assert rows[0].reported_by == "Pengasuh Rina" and rows[1].reported_by == "Admin Panti"
    assert rows[1].occurred == "14/08/2026 19:30"
    assert [r.name for r in incident_rows(ctx, *AUGUST, stay_id=ani)] == ["Ani"]
    assert incident_rows(ctx, dt.date(2026, 8, 15), dt.date(2026, 8, 15)) == []
    with pytest.raises(ValidationError, match="Tanggal awal setelah tanggal akhir"):
        incident_rows(ctx, dt.date(2026, 8, 20), dt.date(2026, 8, 1))
    discharge(ctx, ani, dt.date(2026, 8, 16))
    with pytest.raises(ConflictError, match="sudah keluar"):
        record_incident(ctx, ani, fight())


def test_health_log_rules(ctx) -> None:  # type: ignore[no-untyped-def]
    ani = add_resident(ctx, "Ani")
    errors = errors_of(lambda: record_health_event(ctx, ani, HealthEventInput(
        HealthEventKind.REFERRED_RSJ, dt.date(2026, 8, 12), "Gelisah, halusinasi")))
    assert errors == {"facility": "Isi nama fasilitas kesehatan tujuan rujukan."}
    errors = errors_of(lambda: record_health_event(ctx, ani, HealthEventInput(
        None, dt.date(2026, 7, 31), "")))
    assert set(errors) == {"kind", "occurred_on", "description"}
    assert "sebelum tanggal masuk" in errors["occurred_on"]
    errors = errors_of(lambda: record_health_event(ctx, ani, HealthEventInput(
        HealthEventKind.SICK, dt.date(2026, 8, 18), "Demam")))
    assert "belum terjadi" in errors["occurred_on"]
    recorded = record_health_event(ctx, ani, HealthEventInput(
        HealthEventKind.REFERRED_RS, dt.date(2026, 8, 12), "Sesak napas",
        "RSUD Dr. H. Abdul Moeloek"))
    assert recorded.hint == ""
    record_health_event(ctx, ani, HealthEventInput(HealthEventKind.RETURNED,
                                                   dt.date(2026, 8, 14), "Membaik"))
    rows = health_rows(ctx, *AUGUST)
    assert [r.kind for r in rows] == [HealthEventKind.RETURNED, HealthEventKind.REFERRED_RS]
    assert rows[1].facility == "RSUD Dr. H. Abdul Moeloek" and rows[1].date == "12/08/2026"
    assert rows[0].recorded_by == "Admin Panti"


def test_a_death_is_recorded_and_asks_for_terminasi(ctx) -> None:  # type: ignore[no-untyped-def]
    ani = add_resident(ctx, "Ani")
    recorded = record_health_event(ctx, ani, HealthEventInput(
        HealthEventKind.DIED, dt.date(2026, 8, 15), "Meninggal dunia saat tidur"))
    assert "terminasi Ani" in recorded.hint and "Meninggal dunia" in recorded.hint
    assert count(ctx, Discharge) == 0  # not discharged automatically
    with pytest.raises(ConflictError, match="sudah tercatat meninggal dunia pada 15/08/2026"):
        record_health_event(ctx, ani, HealthEventInput(HealthEventKind.DIED,
                                                       dt.date(2026, 8, 16), "lagi"))
    errors = errors_of(lambda: record_health_event(ctx, ani, HealthEventInput(
        HealthEventKind.CHECKUP, dt.date(2026, 8, 16), "Periksa")))
    assert errors["occurred_on"] == "Tanggal setelah tanggal meninggal (15/08/2026)."
    with ctx.reading() as session:
        [item] = attention_items(session, "TW", dt.date(2026, 8, 17))
    assert item.kind == "death_not_discharged" and item.urgency is Urgency.OVERDUE
    discharge(ctx, ani, dt.date(2026, 8, 15))
    with ctx.reading() as session:
        assert attention_items(session, "TW", dt.date(2026, 8, 17)) == []
    assert count(ctx, HealthEvent) == 1
