"""check_nip and format_nip: the 18-digit NIP of DOMAIN.md §5.2."""

from __future__ import annotations

import datetime as dt

from pantidesk.domain.enums import Sex
from pantidesk.domain.nip import check_nip, format_nip

TODAY = dt.date(2026, 3, 1)
NIP = "197001011995031001"


def test_a_valid_nip_states_birth_tmt_and_sex() -> None:
    check = check_nip("19700101 199503 1 001", today=TODAY)
    assert check.ok and check.warnings == ()
    assert check.nip == NIP
    assert check.birth_date == dt.date(1970, 1, 1)
    assert check.tmt == (1995, 3)
    assert check.sex is Sex.L
    assert check_nip("198505122010012003", today=TODAY).sex is Sex.P


def test_format_nip_groups_8_6_1_3() -> None:
    assert format_nip(NIP) == "19700101 199503 1 001"
    assert format_nip("19700101.199503.1.001") == "19700101 199503 1 001"
    assert format_nip(" 12345 ") == "12345"  # not a NIP: printed as typed


def test_length_and_letters_are_errors() -> None:
    assert check_nip(NIP[:-1], today=TODAY).errors == ("NIP harus 18 angka (tertulis 17).",)
    assert check_nip("19700101199503100I", today=TODAY).errors == (
        "NIP hanya boleh berisi angka.",)


def test_birth_date_must_be_real() -> None:
    check = check_nip("197002301995031001", today=TODAY)
    assert "Tanggal lahir pada NIP (30/02/1970) tidak masuk akal." in check.errors
    assert check.birth_date is None


def test_age_must_be_17_to_70() -> None:
    young = check_nip("201001012025031001", today=TODAY)
    assert "Tanggal lahir pada NIP (01/01/2010) tidak masuk akal." in young.errors
    old = check_nip("195001011975031001", today=TODAY)  # 76 years old
    assert "Tanggal lahir pada NIP (01/01/1950) tidak masuk akal." in old.errors
    assert check_nip("195603011980031001", today=TODAY).ok  # exactly 70 today


def test_tmt_must_be_a_real_month_not_in_the_future() -> None:
    assert check_nip("197001011995131001", today=TODAY).errors == (
        "TMT CPNS pada NIP (13/1995) bukan bulan yang ada.",)
    future = check_nip("197001012026041001", today=TODAY)
    assert future.errors == ("TMT CPNS pada NIP (04/2026) belum terjadi.",)
    assert future.tmt is None
    assert check_nip("197001012026031001", today=TODAY).tmt == (2026, 3)


def test_tmt_cannot_precede_the_17th_birthday() -> None:
    check = check_nip("199005012005011001", today=TODAY)
    assert check.errors == (("TMT CPNS pada NIP (01/2005) sebelum pemiliknya berusia 17 tahun "
                            "(lahir 01/05/1990)."),)
    assert check_nip("199005012007051001", today=TODAY).ok  # the month of the 17th birthday


def test_sex_digit_must_be_1_or_2() -> None:
    check = check_nip("197001011995033001", today=TODAY)
    assert check.errors == (("Angka jenis kelamin pada NIP (3) harus 1 (laki-laki) atau 2 "
                            "(perempuan)."),)
    assert check.sex is None


def test_serial_000_is_an_error() -> None:
    assert check_nip("197001011995031000", today=TODAY).errors == (
        "Nomor urut pada NIP (3 angka terakhir) tidak boleh 000.",)


def test_appointment_after_35_is_a_warning() -> None:
    check = check_nip("197001012010031001", today=TODAY)
    assert check.ok
    assert check.warnings == (("Menurut NIP, pemiliknya berusia 40 tahun saat TMT CPNS "
                              "(03/2010); periksa kembali NIP."),)
