"""The shipped goal catalogue covers every cluster across the ATENSI components, with stable unique
codes; and the date rules of plans and notes (three calendar months, 24 hours)."""

from __future__ import annotations

import datetime as dt

import pytest

from pantidesk.clock import WIB
from pantidesk.domain.atensi import ATENSI_COMPONENTS
from pantidesk.domain.careplan_rules import (
    StayWindow,
    add_months,
    default_next_review,
    note_plainly_editable,
)
from pantidesk.domain.enums import Cluster
from pantidesk.domain.goal_catalogue import (
    SHIPPED_GOALS,
    is_valid_code,
    shipped_goal,
    shipped_goals_for,
)

PREFIX = {Cluster.ANAK: "A", Cluster.LANSIA: "L", Cluster.DISABILITAS: "D", Cluster.GEPENG: "G"}


def test_codes_are_unique_valid_and_say_component_and_cluster() -> None:
    codes = [goal.code for goal in SHIPPED_GOALS]
    assert len(codes) == len(set(codes))
    components = {a.code for a in ATENSI_COMPONENTS}
    for goal in SHIPPED_GOALS:
        assert is_valid_code(goal.code), goal.code
        assert goal.atensi_code in components, goal.code
        assert goal.code[1] == str(goal.atensi_code), goal.code
        expected = "U" if goal.clusters == frozenset(Cluster) else PREFIX[next(iter(goal.clusters))]
        assert goal.code[0] == expected, goal.code
        assert goal.description.strip() and len(goal.description) <= 200


@pytest.mark.parametrize("cluster", list(Cluster))
def test_every_cluster_has_goals_in_at_least_four_components(cluster: Cluster) -> None:
    goals = shipped_goals_for(cluster)
    assert len(goals) >= 8
    assert len({g.atensi_code for g in goals}) >= 4
    assert [g.atensi_code for g in goals] == sorted(g.atensi_code for g in goals)
    assert all(g.suits(cluster) for g in goals)


def test_examples_from_the_brief_are_there() -> None:
    lansia = {g.description for g in shipped_goals_for(Cluster.LANSIA)}
    assert "Hubungan dengan keluarga terjalin kembali" in lansia
    assert shipped_goal("a7-01") is not None and shipped_goal("A7-01").atensi_code == 7
    assert shipped_goal("G3-02").description == "Kembali ke daerah asal"
    assert shipped_goal("X9-99") is None


def test_descriptions_are_marked_for_translation() -> None:
    from resources.translations.update_catalogue import PACKAGE, extract

    messages = extract(PACKAGE / "domain")
    assert [g.code for g in SHIPPED_GOALS if g.description not in messages] == []


@pytest.mark.parametrize(("day", "months", "expected"), [
    (dt.date(2026, 1, 31), 3, dt.date(2026, 4, 30)),
    (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
    (dt.date(2027, 11, 30), 3, dt.date(2028, 2, 29)),
    (dt.date(2026, 8, 17), 3, dt.date(2026, 11, 17)),
    (dt.date(2026, 12, 31), 1, dt.date(2027, 1, 31)),
    (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),
])
def test_calendar_months_clamp_to_the_end_of_the_month(day: dt.date, months: int,
                                                       expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_next_review_is_three_months_later() -> None:
    assert default_next_review(dt.date(2026, 5, 31)) == dt.date(2026, 8, 31)
    assert default_next_review(dt.date(2026, 1, 31)) == dt.date(2026, 4, 30)


def test_note_edit_window_is_24_hours_for_the_author() -> None:
    written = dt.datetime(2026, 8, 17, 10, 0, tzinfo=WIB)
    assert note_plainly_editable(written, "rina", written + dt.timedelta(hours=23, minutes=59),
                                 "rina")
    assert not note_plainly_editable(written, "rina", written + dt.timedelta(hours=24), "rina")
    assert not note_plainly_editable(written, "rina", written, "andi")


def test_stay_window_names_the_field() -> None:
    window = StayWindow(dt.date(2026, 5, 4), None, dt.date(2026, 8, 17))
    assert window.problem(dt.date(2026, 5, 4), "Tanggal tinjauan") == ""
    assert "sebelum tanggal masuk panti (04/05/2026)" in window.problem(dt.date(2026, 5, 3),
                                                                      "Tanggal tinjauan")
    assert window.problem(dt.date(2026, 8, 18), "Tanggal tinjauan") == \
        "Tanggal tinjauan belum terjadi."
    assert window.problem(None, "Tanggal tinjauan") == "Isi tanggal tinjauan."
    closed = StayWindow(dt.date(2026, 5, 4), dt.date(2026, 6, 30), dt.date(2026, 8, 17))
    assert closed.last_day == dt.date(2026, 6, 30)
    assert "sesudah tanggal keluar (30/06/2026)" in closed.problem(dt.date(2026, 7, 1), "Tanggal")
