"""Labelled enums: stored values are stable and every member has an Indonesian label."""

from __future__ import annotations

import inspect
import re

import pytest

from pantidesk.domain import enums
from pantidesk.domain.enums import (
    AssessmentDecision,
    Cluster,
    DischargeReason,
    LabelledEnum,
    Sex,
    StayStatus,
    set_labels,
)
from pantidesk.domain.lifecycle import CaseStatus

ENUMS = [obj for _, obj in inspect.getmembers(enums, inspect.isclass)
         if issubclass(obj, LabelledEnum) and obj is not LabelledEnum]


def test_the_domain_declares_its_closed_sets() -> None:
    assert {e.__name__ for e in ENUMS} == {
        "Cluster", "Sex", "NikState", "Religion", "Education", "MaritalStatus", "IntakeSource",
        "AssessmentDecision", "DischargeReason", "StayStatus", "DisabilityType",
        "DisabilityDegree", "JknSegment", "DtsenStatus", "IntakeDocument", "AdlLevel",
        "InterventionStatus", "GoalProgress", "AgreedBy", "CivilDocument", "DocumentStatus",
        "Presence", "AbsenceKind", "IncidentKind", "HealthEventKind"}


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_member_has_a_label(enum: type[LabelledEnum]) -> None:
    for member in enum:
        assert member.label and member.label != member.value, member


@pytest.mark.parametrize("enum", [e for e in ENUMS if e is not Sex], ids=lambda e: e.__name__)
def test_values_are_lowercase_snake(enum: type[LabelledEnum]) -> None:
    for member in enum:
        assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", member.value), member


def test_stored_values_that_other_code_relies_on() -> None:
    assert [c.value for c in Cluster] == ["anak", "lansia", "disabilitas", "gepeng"]
    assert [s.value for s in Sex] == ["L", "P"]
    assert [d.value for d in AssessmentDecision] == [
        "diterima", "kembali_ke_keluarga", "dirujuk", "tidak_memenuhi_syarat"]
    assert [s.value for s in StayStatus] == ["aktif", "cuti", "kabur", "keluar"]
    assert len(DischargeReason) == 13
    assert Cluster.GEPENG.label == "Gelandangan dan pengemis"
    assert Sex.P.label == "Perempuan"


def test_labels_attached_afterwards_also_work() -> None:
    assert CaseStatus.CALON.label == "Calon (asesmen)"


def test_a_missing_label_is_refused_when_declared() -> None:
    class Colour(LabelledEnum):
        RED = "red"
        BLUE = "blue"

    with pytest.raises(ValueError, match="BLUE"):
        set_labels(Colour, {Colour.RED: "Merah"})
