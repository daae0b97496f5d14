"""Name normalisation and phonetic keys for search and duplicate detection."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantidesk.domain.names import name_key, name_tokens, normalize_name

SAME_NAME = [
    ("Soeharto", "Suharto", "SUHARTO", "suharto"),
    ("Moh. Djoko", "Muhammad Joko", "Mohammad Djoko", "M. Joko", "Muh. Joko", "Mhd Joko"),
    ("Tjipto Mangoenkoesoemo", "Cipto Mangunkusumo"),
    ("Sjahrir", "Syahrir"),
    ("Njoman Sudira", "Nyoman Sudira"),
    ("Chairul Tanjung", "Khairul Tanjung"),
    ("Mochammad Achmad", "Muhamad Akhmad", "Mohamed Akhmad"),
    ("H. Ahmad Dahlan, S.Pd.", "Ahmad Dahlan", "Drs. H. Ahmad Dahlan, M.Si.", "AHMAD DAHLAN"),
    ("Hj. Siti Aminah, S.Kom", "Siti Aminah", "Ibu Siti Aminah", "Almh. Siti Aminah"),
    ("Dr. Ir. Budi Santoso, M.M.", "Budi Santoso", "Bpk. Budi Santoso", "Sdr. Budi Santoso"),
    ("Désy Ratnasari", "Desy Ratnasari", "Desy  Ratnasari ", "Dessy Ratnasari"),
    ("Ma'ruf Amin", "Maruf Amin", "Ma’ruf Amin"),
    ("Annisa", "Anisa"),
    ("Abdul-Rahman", "Abdul Rahman"),
]


@pytest.mark.parametrize("variants", SAME_NAME)
def test_variants_normalise_alike(variants: tuple[str, ...]) -> None:
    forms = {normalize_name(v) for v in variants}
    assert len(forms) == 1, forms
    assert len({name_key(v) for v in variants}) == 1


def test_examples_of_the_normal_form() -> None:
    assert normalize_name("Soeharto") == "suharto"
    assert normalize_name("Moh. Djoko") == "muhammad joko"
    assert normalize_name("H. M. Yusuf, S.Pd.I") == "muhammad yusuf"
    assert normalize_name("Dr. Ir. Achmad Sjarif") == "akhmad syarif"
    assert normalize_name("José Ésteban") == "jose esteban"


def test_a_leading_m_is_muhammad_but_not_elsewhere() -> None:
    assert normalize_name("M.Ali") == "muhammad ali"
    assert normalize_name("Budi M.") == "budi m"


def test_degrees_need_a_dot_or_a_comma() -> None:
    # "Ma" is also a Chinese family name; only "M.A." or ", MA" is the degree.
    assert normalize_name("Ma Liang") == "ma liang"
    assert normalize_name("Liang M.A.") == "liang"
    assert normalize_name("Budi, S.T.") == "budi"
    assert normalize_name("St. Aminah") == "st aminah"  # St. may be Siti


def test_titles_are_kept_when_they_are_the_whole_name() -> None:
    assert normalize_name("Ibu") == "ibu"
    assert normalize_name("Mbah") == "mbah"
    assert normalize_name("Mr. X") == "x"


def test_name_tokens_are_unique_and_ordered() -> None:
    assert name_tokens("Siti Siti  Aminah binti Siti") == ("siti", "aminah", "binti")
    assert name_tokens("  ") == ()
    assert name_tokens("H. Moh. Djoko Susilo") == ("muhammad", "joko", "susilo")


def test_name_key_matches_common_misspellings() -> None:
    for variants in (("Ahmad", "Achmad", "Akhmad", "Ahmat"), ("Fitri", "Pitri", "Vitri"),
                     ("Zainal", "Jainal", "Sainal"), ("Syarifah", "Sarifah", "Sjarifah"),
                     ("Yakub", "Yakup", "Yaqub", "Ya'kub"), ("Rahmat", "Rachmat", "Ramat")):
        assert len({name_key(v) for v in variants}) == 1, variants
    assert name_key("Suharto") != name_key("Sukarno")
    assert name_key("") == ""


LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëáàâäíìîïóòôöúùûüçñÉÁÍÓÚÑ"
TEXT = st.text(alphabet=LETTERS + " .,'-’", max_size=40)
WORDS = st.lists(st.sampled_from([
    "H.", "Hj.", "Dr.", "Ir.", "S.Pd.", ",", "M.", "Moh.", "Muhammad", "Mochamad", "Soe", "Djo",
    "Tjo", "Sjah", "Njo", "Ch", "oe", "dj", "Ibu", "Bpk", "Siti", "Aminah", "Haji", "Hadji", "mm",
    "St.", "ST", "Ma", "M.A.", "Ddj", "Almh.", "x",
]), max_size=8).map(" ".join)
NAMES = st.one_of(TEXT, WORDS)


@given(NAMES)
def test_normalisation_is_idempotent(name: str) -> None:
    once = normalize_name(name)
    assert normalize_name(once) == once


@given(NAMES)
def test_normal_form_is_lowercase_ascii_words(name: str) -> None:
    assert re.fullmatch(r"([a-z0-9]+( [a-z0-9]+)*)?", normalize_name(name))


@given(NAMES)
def test_case_does_not_matter(name: str) -> None:
    assert normalize_name(name.upper()) == normalize_name(name)
    assert normalize_name(name.lower()) == normalize_name(name)
    assert name_key(name.upper()) == name_key(name)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=30), st.data())
def test_accents_do_not_matter(name: str, data: st.DataObject) -> None:
    accents = data.draw(st.lists(st.sampled_from("\u0301\u0300\u0302\u0308\u0303"),
                                 min_size=len(name), max_size=len(name)))
    accented = "".join(c + a if c != " " else c for c, a in zip(name, accents, strict=True))
    assert normalize_name(accented) == normalize_name(name)


@given(NAMES)
def test_key_of_the_normal_form_is_the_key(name: str) -> None:
    assert name_key(normalize_name(name)) == name_key(name)
