"""The SPM checklist on hand-made stays: which items are due in a quarter, which were delivered,
and whether basic needs were met (DOMAIN.md §3.3)."""

from __future__ import annotations

import datetime as dt

import pytest

from pantidesk.domain.enums import AdlLevel, Cluster, DisabilityType, DischargeReason
from pantidesk.domain.spm import spm_items_for
from pantidesk.domain.spm_checklist import (
    RULES,
    SETTLING_DAYS,
    Frequency,
    ItemStatus,
    Quarter,
    StayFacts,
    check_quarter,
    needs_assistive_device,
    stay_in_quarter,
    summarise,
)
from pantidesk.errors import ValidationError

Q3 = Quarter(2026, 3)
D = dt.date
# Everything a long-staying lansia needs each quarter, all delivered in Q3 2026.
QUARTERLY_LANSIA = ("permakanan", "sandang", "perbekalan_kesehatan", "bimbingan",
                    "keterampilan_hidup")


def lansia(**changes) -> StayFacts:  # type: ignore[no-untyped-def]
    deliveries = {(code, D(2026, 8, 3)) for code in QUARTERLY_LANSIA}
    deliveries.add(("akses_pendidikan_kesehatan", D(2024, 2, 1)))
    base = {"admitted_on": D(2024, 1, 10), "has_nik": True, "room": "Wisma Cempaka 1",
            "family_traced": True, "deliveries": frozenset(deliveries)}
    base.update(changes)
    return StayFacts(**base)  # type: ignore[arg-type]


def status(checklist, code: str) -> ItemStatus:  # type: ignore[no-untyped-def]
    found = checklist.status_of(code)
    assert found is not None, code
    return found


def without(facts: StayFacts, code: str) -> frozenset[tuple[str, dt.date]]:
    return frozenset(d for d in facts.deliveries if d[0] != code)


def test_every_item_has_a_rule() -> None:
    assert {item.code for c in Cluster for item in spm_items_for(c)} <= RULES.keys()


def test_a_lansia_with_everything_delivered_has_basic_needs_met() -> None:
    checklist = check_quarter(Cluster.LANSIA, Q3, lansia())
    assert checklist is not None and checklist.met
    assert [c.item.code for c in checklist.items] == [i.code for i in spm_items_for(
        Cluster.LANSIA)]
    for code in (*QUARTERLY_LANSIA, "asrama", "dokumen_kependudukan",
                 "akses_pendidikan_kesehatan", "penelusuran_keluarga"):
        assert status(checklist, code) is ItemStatus.DELIVERED, code
    # Needed only when the stay ends that way, or when the person needs one.
    for code in ("reunifikasi", "pemulasaraan", "alat_bantu"):
        assert status(checklist, code) is ItemStatus.NOT_DUE, code
    assert checklist.days_in_quarter == 92
    assert "Wisma Cempaka 1" in next(c.note for c in checklist.items if c.item.code == "asrama")


def test_one_missing_sandang_means_needs_not_met() -> None:
    facts = lansia()
    checklist = check_quarter(Cluster.LANSIA, Q3, lansia(deliveries=without(facts, "sandang")))
    assert checklist is not None and not checklist.met
    assert [c.item.code for c in checklist.missing] == ["sandang"]


def test_quarterly_items_count_only_inside_the_quarter() -> None:
    facts = lansia()
    moved = without(facts, "sandang") | {("sandang", D(2026, 6, 30)), ("sandang", D(2026, 10, 1))}
    checklist = check_quarter(Cluster.LANSIA, Q3, lansia(deliveries=moved))
    assert checklist is not None and status(checklist, "sandang") is ItemStatus.MISSING
    # The same delivery of 30/06 counts for Q2.
    q2 = check_quarter(Cluster.LANSIA, Q3.previous(), lansia(deliveries=moved))
    assert q2 is not None and status(q2, "sandang") is ItemStatus.DELIVERED


def test_a_stay_admitted_late_in_the_quarter_needs_only_food_and_housing_yet() -> None:
    facts = StayFacts(admitted_on=D(2026, 9, 20), room="Wisma Dahlia 2",
                      deliveries=frozenset({("permakanan", D(2026, 9, 20))}))
    checklist = check_quarter(Cluster.LANSIA, Q3, facts)
    assert checklist is not None and checklist.days_in_quarter == 11
    assert checklist.met
    assert status(checklist, "permakanan") is ItemStatus.DELIVERED
    assert status(checklist, "asrama") is ItemStatus.DELIVERED
    for code in ("sandang", "bimbingan", "dokumen_kependudukan", "penelusuran_keluarga"):
        assert status(checklist, code) is ItemStatus.NOT_DUE, code
    # Without food recorded, not met even in a short stay.
    hungry = check_quarter(Cluster.LANSIA, Q3, StayFacts(admitted_on=D(2026, 9, 20),
                                                         room="Wisma Dahlia 2"))
    assert hungry is not None and [c.item.code for c in hungry.missing] == ["permakanan"]
    # The next quarter judges the whole list.
    q4 = check_quarter(Cluster.LANSIA, Q3.next(), facts)
    assert q4 is not None and not q4.met and status(q4, "sandang") is ItemStatus.MISSING


def test_a_running_quarter_is_judged_up_to_today() -> None:
    food_only = frozenset({("permakanan", D(2026, 7, 1)),
                           ("akses_pendidikan_kesehatan", D(2024, 2, 1))})
    early = check_quarter(Cluster.LANSIA, Q3, lansia(deliveries=food_only), as_of=D(2026, 7, 15))
    assert early is not None and early.days_in_quarter == 15 and early.met
    assert early.as_of == D(2026, 7, 15)
    later = check_quarter(Cluster.LANSIA, Q3, lansia(deliveries=food_only), as_of=D(2026, 8, 17))
    assert later is not None and not later.met
    # A delivery after as_of is not known yet.
    future = check_quarter(Cluster.LANSIA, Q3, lansia(), as_of=D(2026, 8, 2))
    assert future is not None and status(future, "sandang") is ItemStatus.MISSING


def test_a_resident_who_died_needs_pemulasaraan() -> None:
    died = {"discharged_on": D(2026, 8, 5), "discharge_reason": DischargeReason.MENINGGAL}
    checklist = check_quarter(Cluster.LANSIA, Q3, lansia(**died))
    assert checklist is not None and not checklist.met
    assert [c.item.code for c in checklist.missing] == ["pemulasaraan"]
    assert "05/08/2026" in checklist.missing[0].note
    cared = lansia(**died, deliveries=lansia().deliveries | {("pemulasaraan", D(2026, 8, 5))})
    done = check_quarter(Cluster.LANSIA, Q3, cared)
    assert done is not None and done.met
    # Died in the quarter before: not counted in this one at all.
    assert check_quarter(Cluster.LANSIA, Q3, lansia(discharged_on=D(2026, 6, 30),
                                                    discharge_reason=DischargeReason.MENINGGAL)) \
        is None


def test_documents_are_met_by_a_nik_already_held_or_an_issued_document() -> None:
    held = check_quarter(Cluster.LANSIA, Q3, lansia(has_nik=True))
    assert held is not None and status(held, "dokumen_kependudukan") is ItemStatus.DELIVERED
    assert "NIK" in next(c.note for c in held.items if c.item.code == "dokumen_kependudukan")
    none = check_quarter(Cluster.LANSIA, Q3, lansia(has_nik=False))
    assert none is not None and [c.item.code for c in none.missing] == ["dokumen_kependudukan"]
    issued = lansia(has_nik=False, deliveries=lansia().deliveries | {
        ("dokumen_kependudukan", D(2025, 3, 1))})
    checklist = check_quarter(Cluster.LANSIA, Q3, issued)
    assert checklist is not None and checklist.met  # once per stay: an earlier quarter counts
    newcomer = check_quarter(Cluster.LANSIA, Q3, StayFacts(
        admitted_on=D(2026, 9, 10), room="R", deliveries=frozenset({("permakanan",
                                                                      D(2026, 9, 10))})))
    assert newcomer is not None and status(newcomer, "dokumen_kependudukan") is ItemStatus.NOT_DUE


def test_once_per_stay_items_are_due_after_the_settling_days() -> None:
    admitted = D(2026, 7, 1)
    base = {"admitted_on": admitted, "room": "R", "has_nik": True, "family_traced": False,
            "deliveries": frozenset({("permakanan", admitted)})}
    before = check_quarter(Cluster.LANSIA, Q3, StayFacts(**base),  # type: ignore[arg-type]
                           as_of=admitted + dt.timedelta(days=SETTLING_DAYS - 2))
    assert before is not None and status(before, "penelusuran_keluarga") is ItemStatus.NOT_DUE
    after = check_quarter(Cluster.LANSIA, Q3, StayFacts(**base),  # type: ignore[arg-type]
                          as_of=admitted + dt.timedelta(days=SETTLING_DAYS + 5))
    assert after is not None and status(after, "penelusuran_keluarga") is ItemStatus.MISSING
    traced = check_quarter(Cluster.LANSIA, Q3, lansia(family_traced=True))
    assert traced is not None and status(traced, "penelusuran_keluarga") is ItemStatus.DELIVERED


def test_alat_bantu_only_for_a_person_who_needs_one() -> None:
    assert needs_assistive_device(DisabilityType.FISIK, None)
    assert needs_assistive_device(None, AdlLevel.BERAT)
    assert not needs_assistive_device(DisabilityType.INTELEKTUAL, AdlLevel.MANDIRI)
    assert not needs_assistive_device(None, None)
    needs = check_quarter(Cluster.LANSIA, Q3, lansia(assistive_need=True))
    assert needs is not None and [c.item.code for c in needs.missing] == ["alat_bantu"]
    given = lansia(assistive_need=True, deliveries=lansia().deliveries | {
        ("alat_bantu", D(2024, 2, 5))})
    checklist = check_quarter(Cluster.LANSIA, Q3, given)
    assert checklist is not None and checklist.met


def test_reunification_and_pemulangan_only_at_such_a_discharge() -> None:
    reunified = lansia(discharged_on=D(2026, 8, 5), discharge_reason=DischargeReason.REUNIFIKASI)
    checklist = check_quarter(Cluster.LANSIA, Q3, reunified)
    assert checklist is not None and [c.item.code for c in checklist.missing] == ["reunifikasi"]
    gepeng = StayFacts(admitted_on=D(2026, 5, 1), discharged_on=D(2026, 8, 1),
                       discharge_reason=DischargeReason.PEMULANGAN, has_nik=True, room="Asrama",
                       family_traced=True,
                       deliveries=frozenset({(c, D(2026, 7, 10)) for c in QUARTERLY_LANSIA}
                                            | {("akses_pendidikan_kesehatan", D(2026, 5, 5)),
                                               ("keterampilan_usaha", D(2026, 6, 1))}))
    checklist = check_quarter(Cluster.GEPENG, Q3, gepeng)
    assert checklist is not None
    assert [c.item.code for c in checklist.missing] == ["pemulangan"]
    assert checklist.status_of("reunifikasi") is None  # not an item of the gepeng cluster


def test_anak_need_pengasuhan_every_quarter() -> None:
    facts = lansia()
    checklist = check_quarter(Cluster.ANAK, Q3, facts)
    assert checklist is not None and [c.item.code for c in checklist.missing] == ["pengasuhan"]
    assert status(checklist, "keluarga_pengganti") is ItemStatus.NOT_DUE
    assert RULES["pengasuhan"].frequency is Frequency.QUARTERLY


def test_quarters() -> None:
    assert (Q3.start, Q3.end) == (D(2026, 7, 1), D(2026, 9, 30))
    assert Quarter(2026, 4).end == D(2026, 12, 31) and Quarter(2026, 4).next() == Quarter(2027, 1)
    assert Quarter(2026, 1).previous() == Quarter(2025, 4)
    assert Quarter.containing(D(2026, 8, 17)) == Q3
    assert Quarter.parse("2026-Q3") == Quarter.parse("2026q3") == Quarter.parse("2026-3") == Q3
    assert Q3.label == "Triwulan III 2026" and Q3.code == "2026-Q3"
    for bad in ("2026-Q5", "Q3", "26-Q3", ""):
        with pytest.raises(ValidationError):
            Quarter.parse(bad)


def test_stay_in_quarter_boundaries() -> None:
    assert stay_in_quarter(Q3, D(2026, 9, 30), None)
    assert not stay_in_quarter(Q3, D(2026, 10, 1), None)
    assert stay_in_quarter(Q3, D(2025, 1, 1), D(2026, 7, 1))
    assert not stay_in_quarter(Q3, D(2025, 1, 1), D(2026, 6, 30))
    assert not stay_in_quarter(Q3, D(2026, 9, 1), None, as_of=D(2026, 8, 17))


def test_summary_percent() -> None:
    met = check_quarter(Cluster.LANSIA, Q3, lansia())
    missing = check_quarter(Cluster.LANSIA, Q3, lansia(has_nik=False))
    assert met is not None and missing is not None
    summary = summarise([met, met, missing])
    assert (summary.residents, summary.met) == (3, 2)
    assert summary.percent == pytest.approx(66.666, abs=0.01)
    assert summarise([]).percent is None
