"""check_no_kk: structure of the Kartu Keluarga number (DOMAIN.md §4.3) and no_kk_for."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from pantidesk.domain.kk import check_no_kk, no_kk_for
from pantidesk.domain.regions import LAMPUNG, districts_in

TODAY = dt.date(2026, 3, 1)


def test_a_kk_states_area_registration_date_and_serial() -> None:
    no_kk = no_kk_for("18.71.01", dt.date(2015, 6, 3), 12)
    assert no_kk == "1871010306150012"
    check = check_no_kk("1871 0103 0615 0012", today=TODAY)
    assert check.ok and check.warnings == ()
    assert check.no_kk == no_kk
    assert check.registered_on == dt.date(2015, 6, 3)


def test_a_year_after_this_one_is_read_as_last_century() -> None:
    assert check_no_kk("1871010306890012", today=TODAY).registered_on == dt.date(1989, 6, 3)


def test_registration_date_in_the_future_is_an_error() -> None:
    check = check_no_kk("1871011506260012", today=TODAY)
    assert check.errors == ("Tanggal pencatatan pada No. KK (15/06/2026) belum terjadi.",)
    assert check.registered_on is None


def test_there_is_no_plus_40_rule_on_a_kk() -> None:
    check = check_no_kk("1871014306150012", today=TODAY)
    assert check.errors == ("Tanggal pencatatan pada No. KK (43/06/2015) tidak ada.",)


def test_month_and_day_must_exist() -> None:
    assert check_no_kk("1871010313150012", today=TODAY).errors == (
        "Bulan pencatatan pada No. KK (13) tidak ada.",)
    assert check_no_kk("1871013104150012", today=TODAY).errors == (
        "Tanggal pencatatan pada No. KK (31/04/2015) tidak ada.",)
    assert not check_no_kk("1871012902150012", today=TODAY).ok  # 2015 is no leap year
    assert check_no_kk("1871012902160012", today=TODAY).ok


def test_serial_0000_is_an_error() -> None:
    assert check_no_kk("1871010306150000", today=TODAY).errors == (
        "Nomor urut keluarga pada No. KK (4 angka terakhir) tidak boleh 0000.",)


def test_length_and_letters_are_errors() -> None:
    assert check_no_kk("187101030615001", today=TODAY).errors == (
        "No. KK harus 16 angka (tertulis 15).",)
    assert check_no_kk("18710103O6150012", today=TODAY).errors == (
        "No. KK hanya boleh berisi angka.",)


def test_unknown_area_is_a_warning() -> None:
    check = check_no_kk("1871990306150012", today=TODAY)
    assert check.ok
    assert len(check.warnings) == 1 and "18.71.99" in check.warnings[0]
    assert "No. KK" in check.warnings[0]
    assert check_no_kk("9901010306150012", today=TODAY).warnings == (
        "Kode provinsi 99 pada No. KK tidak dikenal.",)


@given(
    district=st.sampled_from([d.code for d in districts_in(LAMPUNG)]),
    registered=st.dates(min_value=dt.date(1927, 1, 1), max_value=TODAY),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_generated_kk_numbers_pass(district: str, registered: dt.date, serial: int) -> None:
    check = check_no_kk(no_kk_for(district, registered, serial), today=TODAY)
    assert check.ok, check.errors
    assert check.warnings == ()
    assert check.registered_on == registered
