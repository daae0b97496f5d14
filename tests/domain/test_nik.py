"""check_nik: every hard error and every warning of DOMAIN.md §4.2, and nik_for round trips."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import assume, given
from hypothesis import strategies as st

from pantidesk.domain.enums import Sex
from pantidesk.domain.nik import check_nik, looks_like_placeholder, nik_for, normalize_digits
from pantidesk.domain.regions import LAMPUNG, districts_in

TODAY = dt.date(2026, 3, 1)
# A woman born 12/03/1955, registered in Kecamatan Kedaton (18.71.01), Kota Bandar Lampung.
SITI = "1871015203550001"
SITI_BORN = dt.date(1955, 3, 12)


def test_woman_born_12_03_1955_in_kedaton_has_day_52() -> None:
    assert nik_for("18.71.01", SITI_BORN, Sex.P, 1) == SITI
    check = check_nik(SITI, today=TODAY, sex=Sex.P, birth_date=SITI_BORN)
    assert check.ok
    assert check.errors == () and check.warnings == ()
    assert check.birth_date == SITI_BORN
    assert check.sex is Sex.P
    assert check.region_code == "18.71.01"


def test_a_man_has_the_plain_day() -> None:
    nik = nik_for("187101", SITI_BORN, Sex.L, 7)
    assert nik == "1871011203550007"
    check = check_nik(nik, today=TODAY)
    assert check.sex is Sex.L and check.birth_date == SITI_BORN


def test_spaces_dots_and_dashes_are_ignored() -> None:
    assert normalize_digits(" 18.71.01 520355-0001 ") == SITI
    check = check_nik("18.71.01.520355.0001", today=TODAY)
    assert check.nik == SITI and check.ok


def test_wrong_length_is_a_hard_error_that_counts_digits() -> None:
    check = check_nik(SITI[:-1], today=TODAY)
    assert check.errors == ("NIK harus 16 angka (tertulis 15).",)
    assert not check.ok and check.birth_date is None and check.region_code is None
    assert check_nik(SITI + "9", today=TODAY).errors == ("NIK harus 16 angka (tertulis 17).",)
    assert check_nik("", today=TODAY).errors == ("NIK harus 16 angka (tertulis 0).",)


def test_letters_are_a_hard_error() -> None:
    check = check_nik("18710152O3550001", today=TODAY)  # letter O for zero
    assert check.errors == ("NIK hanya boleh berisi angka.",)
    assert not check_nik("١٨٧١٠١٥٢٠٣٥٥٠٠٠١", today=TODAY).ok  # Arabic-Indic digits


def test_month_outside_01_12_is_a_hard_error() -> None:
    check = check_nik("1871015213550001", today=TODAY)
    assert "Bulan lahir pada NIK (13) tidak ada." in check.errors
    assert check.birth_date is None
    assert "Bulan lahir pada NIK (00) tidak ada." in check_nik("1871015200550001",
                                                                today=TODAY).errors


def test_day_outside_01_31_and_41_71_is_a_hard_error() -> None:
    for dd in ("00", "32", "40", "72", "99"):
        check = check_nik(f"187101{dd}03550001", today=TODAY)
        assert not check.ok, dd
        assert any(f"({dd})" in e and "41–71" in e for e in check.errors), check.errors
        assert check.sex is None


def test_day_must_exist_in_the_month() -> None:
    assert "Tanggal lahir pada NIK (31/04) tidak ada." in check_nik(
        "1871013104800001", today=TODAY).errors
    assert "Tanggal lahir pada NIK (30/02) tidak ada." in check_nik(
        "1871017002800001", today=TODAY).errors  # woman: 70 - 40 = 30 February


def test_29_february_needs_a_leap_year_in_the_chosen_century() -> None:
    leap = check_nik("1871012902000001", today=TODAY)
    assert leap.ok and leap.birth_date == dt.date(2000, 2, 29)
    common = check_nik("1871012902010001", today=TODAY)
    assert not common.ok and common.birth_date is None


def test_serial_0000_is_a_hard_error() -> None:
    check = check_nik("1871015203550000", today=TODAY)
    assert check.errors == ("Nomor urut pada NIK (4 angka terakhir) tidak boleh 0000.",)


def test_century_gives_an_age_of_0_to_120_and_no_future_date() -> None:
    assert check_nik("1871011005100001", today=TODAY).birth_date == dt.date(2010, 5, 10)
    assert check_nik("1871011005300001", today=TODAY).birth_date == dt.date(1930, 5, 10)
    # Later this year would be in the future: the person was born in 1926.
    assert check_nik("1871011012260001", today=TODAY).birth_date == dt.date(1926, 12, 10)
    assert check_nik("1871010102260001", today=TODAY).birth_date == dt.date(2026, 2, 1)


def test_recorded_birth_date_decides_between_two_plausible_centuries() -> None:
    check = check_nik("1871011005100001", today=TODAY, birth_date=dt.date(1910, 5, 10))
    assert check.birth_date == dt.date(1910, 5, 10)
    assert check.warnings == ()


def test_unknown_province_is_only_a_warning() -> None:
    check = check_nik("9901015203550001", today=TODAY)
    assert check.ok
    assert check.warnings == ("Kode provinsi 99 pada NIK tidak dikenal.",)


def test_unknown_regency_of_lampung_is_a_warning() -> None:
    check = check_nik("1899015203550001", today=TODAY)
    assert check.ok
    assert len(check.warnings) == 1
    assert "18.99" in check.warnings[0] and "Lampung" in check.warnings[0]


def test_regency_of_a_province_without_a_full_list_gives_no_warning() -> None:
    # Palembang (16.71): the catalogue does not list Sumatera Selatan's kab/kota.
    assert check_nik("1671015203550001", today=TODAY).warnings == ()


def test_unknown_kecamatan_of_a_known_regency_is_a_warning() -> None:
    check = check_nik("1871995203550001", today=TODAY)
    assert check.ok
    assert len(check.warnings) == 1
    assert "18.71.99" in check.warnings[0] and "Kota Bandar Lampung" in check.warnings[0]
    # 18.01.01 was a Lampung Selatan kecamatan before Pesawaran split off: old NIKs carry it.
    assert check_nik("1801015203550001", today=TODAY).ok


def test_sex_differing_from_the_record_is_a_warning() -> None:
    check = check_nik(SITI, today=TODAY, sex=Sex.L, birth_date=SITI_BORN)
    assert check.ok
    assert check.warnings == (("Jenis kelamin pada NIK (Perempuan) tidak sama dengan jenis "
                              "kelamin yang dicatat (Laki-laki)."),)


def test_birth_date_differing_from_the_record_is_a_warning() -> None:
    check = check_nik(SITI, today=TODAY, sex=Sex.P, birth_date=dt.date(1955, 3, 13))
    assert check.ok
    assert check.warnings == (("Tanggal lahir pada NIK tidak sama dengan tanggal lahir yang "
                              "dicatat (NIK: 12/03/1955, dicatat: 13/03/1955)."),)
    month = check_nik(SITI, today=TODAY, birth_date=dt.date(1955, 4, 12))
    year = check_nik(SITI, today=TODAY, birth_date=dt.date(1956, 3, 12))
    assert len(month.warnings) == 1 and len(year.warnings) == 1


def test_birth_date_compares_only_two_digit_years() -> None:
    # The NIK cannot tell 1920 from 2020: a record in either century agrees with it.
    check = check_nik("1871011005200001", today=TODAY, birth_date=dt.date(1920, 5, 10))
    assert check.warnings == ()
    assert check.birth_date == dt.date(1920, 5, 10)


def test_placeholder_numbers_are_warned() -> None:
    for filler in ("1111111111111111", "1212121212121212", "1231231231231231"):
        assert looks_like_placeholder(filler), filler
    same = check_nik("1111111111111111", today=TODAY)
    assert same.ok  # 11/11/2011, serial 1111: structurally fine, still a filler
    assert any("angka isian" in w for w in same.warnings)
    run = check_nik("1234567890123456", today=TODAY)
    assert not run.ok  # day 78 is impossible
    assert any("angka isian" in w for w in run.warnings)
    assert looks_like_placeholder("9876543210987654")
    assert not looks_like_placeholder(SITI)


@given(
    district=st.sampled_from([d.code for d in districts_in(LAMPUNG)]),
    birth=st.dates(min_value=dt.date(1906, 3, 2), max_value=TODAY),
    sex=st.sampled_from(list(Sex)),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_generated_niks_always_pass_with_their_own_data(
    district: str, birth: dt.date, sex: Sex, serial: int
) -> None:
    nik = nik_for(district, birth, sex, serial)
    check = check_nik(nik, today=TODAY, sex=sex, birth_date=birth)
    assert check.ok, check.errors
    assert check.warnings == ()
    assert check.birth_date == birth and check.sex is sex
    assert check.region_code == district


@given(st.text())
def test_anything_that_is_not_16_digits_is_a_hard_error(raw: str) -> None:
    assume(re.fullmatch(r"[0-9]{16}", normalize_digits(raw)) is None)
    check = check_nik(raw, today=TODAY)
    assert not check.ok
    assert check.birth_date is None and check.sex is None


@given(st.integers(min_value=0, max_value=10**20).map(str))
def test_digit_strings_of_another_length_are_refused(digits: str) -> None:
    assume(len(digits) != 16)
    assert check_nik(digits, today=TODAY).errors == (
        f"NIK harus 16 angka (tertulis {len(digits)}).",)
