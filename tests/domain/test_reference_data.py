"""Shipped reference data: PPKS, ATENSI, SPM items, the seven panti and the demo name parts."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from pantidesk.domain.atensi import ATENSI_COMPONENTS, atensi_by_code
from pantidesk.domain.enums import Cluster
from pantidesk.domain.names import normalize_name
from pantidesk.domain.panti import PANTI, PANTI_CODES, panti_by_code
from pantidesk.domain.ppks import PPKS_TYPES, ppks_by_code, ppks_by_name, ppks_for_cluster
from pantidesk.domain.spm import SPM_ITEMS, spm_by_code, spm_items_for
from pantidesk.errors import NotFoundError


def test_there_are_26_ppks_numbered_in_order() -> None:
    assert [p.code for p in PPKS_TYPES] == list(range(1, 27))
    assert ppks_by_code(8).name == "Lanjut Usia Telantar"
    assert ppks_by_code(23).name == "Perempuan Rawan Sosial Ekonomi"
    with pytest.raises(NotFoundError, match="Jenis PPKS nomor 27 tidak ada"):
        ppks_by_code(27)


def test_ppks_names_accept_both_spellings_and_abbreviations() -> None:
    assert ppks_by_name("anak terlantar").code == 2
    assert ppks_by_name("ANAK  TELANTAR").code == 2
    assert ppks_by_name("Lanjut Usia Terlantar").code == 8
    assert ppks_by_name("Anak Balita Terlantar").code == 1
    assert ppks_by_name("ABH").code == 3
    assert ppks_by_name("odha").code == 16
    assert ppks_by_name("Anak dengan Kedisabilitasan").code == 5
    with pytest.raises(NotFoundError, match="tidak dikenal"):
        ppks_by_name("Anak nakal")


def test_ppks_of_each_provincial_cluster() -> None:
    assert [p.code for p in ppks_for_cluster(Cluster.ANAK)] == [1, 2, 4, 5, 6, 7]
    assert [p.code for p in ppks_for_cluster(Cluster.LANSIA)] == [8]
    assert [p.code for p in ppks_for_cluster(Cluster.DISABILITAS)] == [5, 9]
    assert [p.code for p in ppks_for_cluster(Cluster.GEPENG)] == [11, 12, 13]
    outside = [p.code for p in PPKS_TYPES if not p.clusters]
    assert outside == [3, 10, *range(14, 27)]


def test_there_are_7_atensi_components() -> None:
    assert [a.code for a in ATENSI_COMPONENTS] == list(range(1, 8))
    assert atensi_by_code(3).name == "Dukungan keluarga"
    assert all(a.description.endswith(".") for a in ATENSI_COMPONENTS)
    with pytest.raises(NotFoundError):
        atensi_by_code(8)


def test_spm_items_per_cluster_follow_the_table() -> None:
    codes = [s.code for s in SPM_ITEMS]
    assert len(codes) == len(set(codes)) == 16
    anak = {s.code for s in spm_items_for(Cluster.ANAK)}
    lansia = {s.code for s in spm_items_for(Cluster.LANSIA)}
    gepeng = {s.code for s in spm_items_for(Cluster.GEPENG)}
    disabilitas = {s.code for s in spm_items_for(Cluster.DISABILITAS)}
    common = {"permakanan", "sandang", "asrama", "perbekalan_kesehatan", "bimbingan",
              "keterampilan_hidup", "dokumen_kependudukan", "akses_pendidikan_kesehatan"}
    assert anak == common | {"pengasuhan", "penelusuran_keluarga", "reunifikasi",
                             "keluarga_pengganti"}
    assert lansia == disabilitas == common | {"alat_bantu", "penelusuran_keluarga",
                                              "reunifikasi", "pemulasaraan"}
    assert gepeng == common | {"keterampilan_usaha", "pemulangan"}
    assert spm_by_code("pemulasaraan").clusters == {Cluster.LANSIA, Cluster.DISABILITAS}
    with pytest.raises(NotFoundError):
        spm_by_code("bansos")


def test_every_spm_item_names_a_real_atensi_component() -> None:
    for item in SPM_ITEMS:
        assert atensi_by_code(item.atensi_code)


def test_the_seven_panti() -> None:
    assert PANTI_CODES == ("RI", "BA", "HB", "IB", "TW", "PD", "MG")
    assert [p.cluster for p in PANTI].count(Cluster.ANAK) == 4
    tresna = panti_by_code("tw ")
    assert (tresna.name, tresna.cluster, tresna.capacity, tresna.city) == (
        "UPTD PSLU Tresna Werdha (Natar)", Cluster.LANSIA, 85, "Natar")
    assert panti_by_code("MG").city == "Pesawaran"
    assert sum(p.capacity for p in PANTI) == 60 + 60 + 60 + 50 + 85 + 50 + 40
    with pytest.raises(NotFoundError, match="Panti dengan kode XX tidak dikenal"):
        panti_by_code("XX")


def test_demo_name_parts_are_plentiful_and_usable() -> None:
    path = resources.files("pantidesk.assets").joinpath("demo", "names.json")
    parts = json.loads(path.read_text(encoding="utf-8"))
    for key in ("male", "female", "family"):
        assert len(parts[key]) >= 150, key
        assert len(set(parts[key])) == len(parts[key]), key
        assert all(normalize_name(name) for name in parts[key]), key
    assert not set(parts["male"]) & set(parts["female"])
    assert len(parts["birthplaces"]) == 40
    assert "Bandar Lampung" in parts["birthplaces"] and "Palembang" in parts["birthplaces"]
