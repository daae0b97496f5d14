"""parse_date and age_on."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantidesk.domain.dates import age_on, parse_date
from pantidesk.errors import ValidationError


@pytest.mark.parametrize("typed", ["12/03/1955", "12-03-1955", "12.03.1955", "1955-03-12",
                                   " 12/3/1955 ", "1955-3-12"])
def test_accepted_forms(typed: str) -> None:
    assert parse_date(typed, "Tanggal lahir") == dt.date(1955, 3, 12)


def test_single_digit_day_and_month() -> None:
    assert parse_date("1/2/2001", "Tanggal masuk") == dt.date(2001, 2, 1)


def test_two_digit_year_is_refused_not_guessed() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_date("12/03/38", "Tanggal lahir")
    assert refused.value.message == ("Tanggal lahir tidak valid: 12/03/38, tahun harus ditulis "
                                     "4 angka; gunakan dd/mm/yyyy.")


def test_impossible_calendar_dates_are_refused() -> None:
    with pytest.raises(ValidationError, match="31/04/2020 tidak ada di kalender"):
        parse_date("31/04/2020", "Tanggal lahir")
    with pytest.raises(ValidationError, match="tidak ada di kalender"):
        parse_date("29/02/2023", "Tanggal lahir")
    assert parse_date("29/02/2024", "Tanggal lahir") == dt.date(2024, 2, 29)


def test_other_text_is_refused_with_the_field_name() -> None:
    for typed in ("kemarin", "12/03", "1955/03/12", "12/03-1955", "12 Maret 1955"):
        with pytest.raises(ValidationError) as refused:
            parse_date(typed, "Tanggal masuk")
        assert refused.value.message.startswith("Tanggal masuk tidak valid: ")
        assert refused.value.message.endswith("gunakan dd/mm/yyyy.")


def test_empty_is_refused() -> None:
    with pytest.raises(ValidationError, match="Tanggal lahir belum diisi."):
        parse_date("  ", "Tanggal lahir")


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_what_is_shown_reads_back(day: dt.date) -> None:
    assert parse_date(day.strftime("%d/%m/%Y"), "Tanggal") == day
    assert parse_date(day.isoformat(), "Tanggal") == day


def test_age_counts_completed_years() -> None:
    born = dt.date(1955, 3, 12)
    assert age_on(born, dt.date(2026, 3, 11)) == 70
    assert age_on(born, dt.date(2026, 3, 12)) == 71
    assert age_on(born, born) == 0


def test_leap_day_birthday_counts_on_1_march() -> None:
    born = dt.date(2008, 2, 29)
    assert age_on(born, dt.date(2026, 2, 28)) == 17
    assert age_on(born, dt.date(2026, 3, 1)) == 18
