"""The region catalogue: provinces, Lampung kab/kota and kecamatan, and area warnings."""

from __future__ import annotations

from pantidesk.domain.regions import (
    LAMPUNG,
    all_regions,
    area_warnings,
    districts_in,
    districts_of,
    dotted,
    province_of,
    regencies_of,
    region_by_code,
)

LAMPUNG_REGENCIES = {
    "18.01": "Lampung Selatan", "18.02": "Lampung Tengah", "18.03": "Lampung Utara",
    "18.04": "Lampung Barat", "18.05": "Tulang Bawang", "18.06": "Tanggamus",
    "18.07": "Lampung Timur", "18.08": "Way Kanan", "18.09": "Pesawaran", "18.10": "Pringsewu",
    "18.11": "Mesuji", "18.12": "Tulang Bawang Barat", "18.13": "Pesisir Barat",
    "18.71": "Kota Bandar Lampung", "18.72": "Kota Metro",
}


def test_all_38_provinces_including_the_new_papua_provinces() -> None:
    provinces = [r for r in all_regions() if r.level == 1]
    assert len(provinces) == 38
    names = {r.code: r.name for r in provinces}
    assert names["18"] == "Lampung"
    assert names["31"] == "DKI Jakarta" and names["16"] == "Sumatera Selatan"
    assert (names["93"], names["94"], names["95"], names["96"]) == (
        "Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya")


def test_lampung_has_its_15_kab_kota() -> None:
    regencies = regencies_of(LAMPUNG)
    assert {r.code: r.name for r in regencies} == LAMPUNG_REGENCIES
    assert all(r.level == 2 and r.complete for r in regencies)
    lampung = region_by_code(LAMPUNG)
    assert lampung is not None and lampung.complete


def test_lampung_kecamatan() -> None:
    districts = districts_in(LAMPUNG)
    assert len(districts) == 229
    assert all(d.level == 3 for d in districts)
    assert [d.name for d in districts_of("18.72")] == [
        "Metro Pusat", "Metro Utara", "Metro Barat", "Metro Timur", "Metro Selatan"]
    assert len(districts_of("18.71")) == 20
    natar = region_by_code("18.01.04")
    assert natar is not None and natar.name == "Natar"


def test_every_region_has_its_parent() -> None:
    for region in all_regions():
        if region.level > 1:
            assert region_by_code(region.code.rsplit(".", 1)[0]) is not None, region.code


def test_codes_may_be_given_without_dots() -> None:
    assert dotted("187101") == "18.71.01"
    assert dotted("18.71") == "18.71"
    kedaton = region_by_code("187101")
    assert kedaton is not None and kedaton.name == "Kedaton" and kedaton.code == "18.71.01"
    province = province_of("187101")
    assert province is not None and province.name == "Lampung"
    assert region_by_code("99") is None
    assert province_of("99.01") is None
    assert regencies_of("16") == ()  # Sumatera Selatan's list is not shipped


def test_area_warnings_depend_on_what_is_known() -> None:
    assert area_warnings("187101", "NIK") == ()
    assert area_warnings("167101", "NIK") == ()  # Palembang: list of Sumsel not loaded
    assert area_warnings("990101", "NIK") == ("Kode provinsi 99 pada NIK tidak dikenal.",)
    (regency,) = area_warnings("182001", "No. KK")
    assert "18.20" in regency and "No. KK" in regency and "pemekaran" in regency
    # 18.01.01 left Lampung Selatan when Pesawaran was formed; old NIKs still carry it.
    (district,) = area_warnings("180101", "NIK")
    assert district == ("Kode kecamatan 18.01.01 pada NIK tidak ada di Lampung Selatan "
                        "(mungkin kode lama sebelum pemekaran wilayah).")
