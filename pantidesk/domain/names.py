"""Indonesian personal names made comparable, for search, sorting and duplicate detection.

``normalize_name`` removes what varies between two writings of one name: case, accents,
punctuation, titles and degrees (H., Hj., Dr., S.Pd.…), the many spellings of Muhammad, the
pre-1972 spelling (Soeharto → Suharto, Djoko → Joko, Tjipto → Cipto, Sjarif → Syarif,
Njoman → Nyoman, Chairul → Khairul) and doubled letters. ``name_key`` goes further, to a phonetic
key per word that also matches common misspellings; it finds candidates, a person decides.
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into a base letter plus accents.
_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae",
                       "œ": "oe", "ı": "i"})
_APOSTROPHES = re.compile(r"['’‘`ʼ´]")
_WORD_SEPARATORS = re.compile(r"[^a-z0-9.]+")
_PART = re.compile(r"([a-z0-9]+)(\.)?")
_DOUBLED = re.compile(r"(.)\1+")
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("ch", "kh"))


def _spell(token: str) -> str:
    """Modern spelling without doubled letters. Repeated until stable, because one rewrite can
    create another ("ddj" → "dj")."""
    while True:
        rewritten = token
        for old, new in _OLD_SPELLING:
            rewritten = rewritten.replace(old, new)
        rewritten = _DOUBLED.sub(r"\1", rewritten)
        if rewritten == token:
            return token
        token = rewritten


# Honorifics and titles, dropped before the name, or anywhere when abbreviated with a dot.
_TITLES = frozenset(_spell(t) for t in (
    "h", "hj", "haji", "hajah", "hajjah", "dr", "drs", "dra", "ir", "prof", "bpk", "bapak", "pak",
    "ibu", "bu", "sdr", "sdri", "sdra", "saudara", "saudari", "alm", "almh", "almarhum",
    "almarhumah", "tn", "tuan", "ny", "nyonya", "nn", "nona", "mr", "mrs", "ms", "kh", "kyai",
    "kiai", "ust", "ustad", "ustadz", "ustaz", "ustadzah", "ustazah", "mbah",
))
# Academic degrees, dropped when written as abbreviations (with dots) or after a comma.
_DEGREES = frozenset((
    "spd", "spdi", "skom", "sh", "shi", "se", "ssos", "sip", "sag", "sthi", "ssi", "sp", "skm",
    "skep", "sfarm", "sked", "sikom", "sst", "str", "stp", "spsi", "ns", "amd", "amk",
    "amkeb", "mm", "msi", "mpd", "mh", "mag", "mkes", "mkom", "mt", "ma", "msc", "bsc", "ba",
    "mba", "phd", "ak", "cpa",
))
_AMBIGUOUS_DEGREES = frozenset({"st"})  # S.T. (Sarjana Teknik) but also St. (Siti)
_MUHAMMAD = frozenset(_spell(v) for v in (
    "muhammad", "muhamad", "muhammat", "muhamat", "muhammed", "muhamed", "mohammad", "mohamad",
    "mohammed", "mohamed", "mohamat", "mochammad", "mochamad", "mokhammad", "mokhamad",
    "muchammad", "muchamad", "mukhammad", "mukhamad", "mohd", "moh", "moch", "much", "muh", "muhd",
    "mhd", "mhmd",
))
MUHAMMAD = "muhammad"


def _fold(text: str) -> str:
    """Lowercase ASCII-ish text: accents stripped, apostrophes removed (Ma'ruf = Maruf)."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", plain.translate(_FOLD))


def _words(text: str) -> list[tuple[str, bool]]:
    """(name part, abbreviated) in order; degrees are already gone."""
    parts: list[tuple[str, bool]] = []
    for index, segment in enumerate(_fold(text).split(",")):
        for word in _WORD_SEPARATORS.split(segment):
            letters = word.replace(".", "")
            if not letters:
                continue
            dotted = "." in word
            if (letters in _DEGREES and (dotted or index > 0)) or (
                letters in _AMBIGUOUS_DEGREES and index > 0
            ):
                continue
            parts.extend((m.group(1), m.group(2) is not None) for m in _PART.finditer(word))
    return parts


def normalize_name(name: str) -> str:
    """The comparable form of a name: lowercase ASCII words separated by single spaces."""
    words = [(_spell(part), abbreviated) for part, abbreviated in _words(name)]
    start = 0
    while start < len(words) and words[start][0] in _TITLES:
        start += 1
    kept = [part for part, abbreviated in words[start:]
            if not (abbreviated and part in _TITLES)]
    if not kept:  # the name is nothing but titles ("Ibu", "Mbah"): keep it as written
        kept = [part for part, _abbreviated in words]
    tokens = [MUHAMMAD if part in _MUHAMMAD else part for part in kept]
    if tokens and tokens[0] == "m":  # "M. Yusuf": a leading M. stands for Muhammad
        tokens[0] = MUHAMMAD
    return " ".join(tokens)


def name_tokens(name: str) -> tuple[str, ...]:
    """The words of the normalised name, each once, in order."""
    return tuple(dict.fromkeys(normalize_name(name).split()))


# name_key, per normalised word:
# 1. digraphs that spell one sound: kh→h, sy→s, ny→n, dz/ts→s, dh→d, ph→p, q→k, x→ks;
# 2. letters often confused: f/v/p → p, z/j/s → s (Fitri/Pitri, Zainal/Jainal/Sainal);
# 3. keep the first letter, drop every later vowel, y and h (Rahmat/Ramat, Wahyudi/Wahudi);
# 4. collapse repeated letters and devoice the last one (Ahmad/Ahmat, Yakub/Yakup).
_KEY_DIGRAPHS = (("kh", "h"), ("sy", "s"), ("ny", "n"), ("dz", "s"), ("ts", "s"), ("dh", "d"),
                 ("ph", "p"), ("q", "k"), ("x", "ks"))
_KEY_LETTERS = str.maketrans({"f": "p", "v": "p", "z": "s", "j": "s"})
_KEY_SILENT = frozenset("aeiouyh")
_DEVOICED = {"d": "t", "b": "p", "g": "k"}


def _word_key(word: str) -> str:
    for old, new in _KEY_DIGRAPHS:
        word = word.replace(old, new)
    word = word.translate(_KEY_LETTERS)
    key = _DOUBLED.sub(r"\1", word[0] + "".join(c for c in word[1:] if c not in _KEY_SILENT))
    return key[:-1] + _DEVOICED.get(key[-1], key[-1]) if len(key) > 1 else key


def name_key(name: str) -> str:
    """A compact phonetic key: "Soeharto", "Suharto" and "SUHARTO" share one, as do
    "Moh. Djoko" and "Muhammad Joko" (see the steps above)."""
    return " ".join(_word_key(word) for word in normalize_name(name).split())
