"""Formula neutralisation: nothing exported runs as a formula, and an exported cell reads back as
what was written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pantidesk.services.spreadsheet.cells import FORMULA_STARTS, cell_text, neutralise

INVISIBLE = "\ufeff \n\x00"


def _runs_as_formula(text: str) -> bool:
    return text.lstrip(INVISIBLE + "\t\r").startswith(("=", "+", "-", "@", "%", "|"))


def test_known_attacks_are_neutralised() -> None:
    for text in ("=HYPERLINK(\"http://x\")", "+62 812", "-1", "@SUM(A1)", "%0A", "|calc",
                 "\ufeff=1+1", " =1+1", "\t=cmd"):
        assert neutralise(text).startswith("'"), text


@given(st.text(alphabet=st.sampled_from([*FORMULA_STARTS, "a", "1", " ", "\ufeff", "'", "x"]),
               max_size=8))
def test_neutralised_text_never_starts_a_formula(text: str) -> None:
    safe = neutralise(text)
    assert not _runs_as_formula(safe) or safe.startswith("'")


@given(st.text(min_size=1, max_size=12).map(str.strip).filter(bool))
def test_an_exported_cell_reads_back_unchanged(text: str) -> None:
    assert cell_text(neutralise(text)) == cell_text(text)
