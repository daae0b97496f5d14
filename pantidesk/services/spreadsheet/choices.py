"""The words a sheet may use for each closed value set, and the words an export writes.

A panti's own sheet says "SMA", "Budha" or "Laki-laki"; the KK says "SLTA/sederajat", "Buddha",
"L". Each cell is compared without case, punctuation or repeated spaces against the Indonesian
label of every member, its stored value and the usual short forms below. An export writes the
Indonesian label (whatever the interface language), so an exported sheet imports again unchanged.
Ambiguous words ("Kawin", "Janda") are refused with the words to use instead, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TypeVar

from pantidesk.domain.enums import (
    Education,
    IntakeSource,
    LabelledEnum,
    MaritalStatus,
    Religion,
    Sex,
)
from pantidesk.domain.ppks import PpksType, ppks_by_code, ppks_by_name
from pantidesk.domain.regions import PROVINCE, REGENCY, Region, all_regions, region_by_code
from pantidesk.errors import NotFoundError, ValidationError
from pantidesk.i18n import _

E = TypeVar("E", bound=LabelledEnum)
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_REGION_CODE = re.compile(r"([0-9]{2})(?:[.\s]?([0-9]{2}))?(?=\s|$)")
_PPKS_NUMBER = re.compile(r"\s*([0-9]{1,2})(?:\s*$|[.)]\s*\S)")
_REGION_PREFIXES = ("kabupaten ", "kab ", "provinsi ", "prov ")


def word_key(text: str) -> str:
    """``" Tamat SD/sederajat "`` → ``"tamat sd sederajat"``."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


SEX_WORDS: Mapping[str, Sex] = {
    "l": Sex.L, "lk": Sex.L, "laki laki": Sex.L, "laki": Sex.L, "pria": Sex.L,
    "p": Sex.P, "pr": Sex.P, "perempuan": Sex.P, "wanita": Sex.P,
}
RELIGION_WORDS: Mapping[str, Religion] = {
    "budha": Religion.BUDDHA, "budhha": Religion.BUDDHA, "konghucu": Religion.KHONGHUCU,
    "kong hu cu": Religion.KHONGHUCU, "protestan": Religion.KRISTEN,
    "kristen protestan": Religion.KRISTEN, "katholik": Religion.KATOLIK,
    "kristen katolik": Religion.KATOLIK, "kepercayaan": Religion.KEPERCAYAAN,
    "penghayat kepercayaan": Religion.KEPERCAYAAN,
}
EDUCATION_WORDS: Mapping[str, Education] = {
    "tidak sekolah": Education.TIDAK_SEKOLAH, "belum sekolah": Education.TIDAK_SEKOLAH,
    "tidak belum sekolah": Education.TIDAK_SEKOLAH,
    "belum tamat sd": Education.BELUM_TAMAT_SD, "tidak tamat sd": Education.BELUM_TAMAT_SD,
    "sd": Education.TAMAT_SD, "tamat sd": Education.TAMAT_SD, "mi": Education.TAMAT_SD,
    "sd sederajat": Education.TAMAT_SD,
    "smp": Education.SLTP, "sltp": Education.SLTP, "mts": Education.SLTP,
    "sma": Education.SLTA, "smk": Education.SLTA, "slta": Education.SLTA, "ma": Education.SLTA,
    "d1": Education.D1_D2, "d2": Education.D1_D2, "d i": Education.D1_D2,
    "d ii": Education.D1_D2, "diploma i": Education.D1_D2, "diploma ii": Education.D1_D2,
    "d3": Education.D3, "d iii": Education.D3, "diploma iii": Education.D3,
    "akademi": Education.D3, "sarjana muda": Education.D3,
    "d4": Education.D4_S1, "d iv": Education.D4_S1, "diploma iv": Education.D4_S1,
    "s1": Education.D4_S1, "strata i": Education.D4_S1, "sarjana": Education.D4_S1,
    "s2": Education.S2, "magister": Education.S2, "s3": Education.S3, "doktor": Education.S3,
}
MARITAL_WORDS: Mapping[str, MaritalStatus] = {
    "belum menikah": MaritalStatus.BELUM_KAWIN, "lajang": MaritalStatus.BELUM_KAWIN,
}
# Words that name more than one status: refused with a hint.
MARITAL_AMBIGUOUS = frozenset({"kawin", "menikah", "nikah", "cerai", "janda", "duda"})
SOURCE_WORDS: Mapping[str, IntakeSource] = {
    "razia": IntakeSource.RAZIA, "penjaringan": IntakeSource.RAZIA,
    "razia penjaringan": IntakeSource.RAZIA,
    "rujukan dinsos": IntakeSource.RUJUKAN_DINSOS, "dinsos": IntakeSource.RUJUKAN_DINSOS,
    "rujukan dinas sosial": IntakeSource.RUJUKAN_DINSOS, "rujukan": IntakeSource.RUJUKAN_DINSOS,
    "polisi": IntakeSource.KEPOLISIAN, "polri": IntakeSource.KEPOLISIAN,
    "rs": IntakeSource.RUMAH_SAKIT, "keluarga": IntakeSource.DIANTAR_KELUARGA,
    "masyarakat": IntakeSource.DIANTAR_MASYARAKAT, "sendiri": IntakeSource.DATANG_SENDIRI,
    "pindahan": IntakeSource.PINDAHAN_PANTI, "pindahan panti": IntakeSource.PINDAHAN_PANTI,
    "pindah panti": IntakeSource.PINDAHAN_PANTI,
}


def _index(members: Iterable[E], extra: Mapping[str, E]) -> dict[str, E]:
    index: dict[str, E] = {}
    for member in members:
        for text in (member.value, member.source_label):
            index.setdefault(word_key(text), member)
    index.update(extra)
    return index


@cache
def _religions() -> dict[str, Religion]:
    return _index(Religion, RELIGION_WORDS)


@cache
def _educations() -> dict[str, Education]:
    return _index(Education, EDUCATION_WORDS)


@cache
def _marital_statuses() -> dict[str, MaritalStatus]:
    return _index(MaritalStatus, MARITAL_WORDS)


@cache
def _sources() -> dict[str, IntakeSource]:
    return _index(IntakeSource, SOURCE_WORDS)


def _choose(index: Mapping[str, E], text: str, label: str, accepted: str) -> E:
    found = index.get(word_key(text))
    if found is None:
        raise ValidationError(_("{field} \"{value}\" tidak dikenal; pilih salah satu: "
                                "{accepted}.").format(field=label, value=text, accepted=accepted))
    return found


def _names(members: Iterable[LabelledEnum]) -> str:
    return ", ".join(m.source_label for m in members)


def sex_from(text: str) -> Sex:
    return _choose(SEX_WORDS, text, _("Jenis kelamin"), _("L atau P"))


def religion_from(text: str) -> Religion:
    return _choose(_religions(), text, _("Agama"), _names(Religion))


def education_from(text: str) -> Education:
    key = word_key(text).removesuffix(" sederajat")
    index = _educations()
    return _choose(index, key if key in index else text, _("Pendidikan"), _names(Education))


def marital_status_from(text: str) -> MaritalStatus:
    if word_key(text) in MARITAL_AMBIGUOUS:
        raise ValidationError(_("Status perkawinan \"{value}\" kurang jelas; tulis salah satu: "
                                "{accepted}.").format(value=text, accepted=_names(MaritalStatus)))
    return _choose(_marital_statuses(), text, _("Status perkawinan"),
                   _names(MaritalStatus))


def intake_source_from(text: str) -> IntakeSource:
    return _choose(_sources(), text, _("Sumber rujukan"),
                   _names(IntakeSource))


def ppks_from(text: str) -> PpksType:
    """A PPKS type by number (1–26), by number and name ("8. Lanjut Usia Telantar"), or by name,
    abbreviation, "telantar" or "terlantar"."""
    numbered = _PPKS_NUMBER.match(text)
    try:
        if numbered is not None:  # "8", or "8. Lanjut Usia Telantar" from the template's list
            return ppks_by_code(int(numbered[1]))
        return ppks_by_name(text)
    except NotFoundError as exc:
        raise ValidationError(exc.message + " " + _("Tulis nomor 1–26 atau nama seperti pada "
                                                    "lembar Petunjuk.")) from None


def _region_key(text: str) -> str:
    key = word_key(text)
    for prefix in _REGION_PREFIXES:
        key = key.removeprefix(prefix)
    return key


@cache
def _region_index() -> dict[str, Region]:
    regions = [r for r in all_regions() if r.level <= REGENCY]
    index = {_region_key(r.name): r for r in regions}
    for region in regions:  # "Bandar Lampung" for "Kota Bandar Lampung", when unambiguous
        short = _region_key(region.name).removeprefix("kota ")
        index.setdefault(short, region)
    return index


def region_from(text: str) -> Region:
    """A province or kab/kota by code ("18.71", "1871"), by name, or by "18.71 Kota Bandar
    Lampung" as some registers write it."""
    cleaned = text.strip()
    code = _REGION_CODE.match(cleaned)
    if code is not None:
        found = region_by_code(code[1] + ("." + code[2] if code[2] else ""))
    else:
        found = _region_index().get(_region_key(cleaned))
    if found is None or found.level > REGENCY:
        raise ValidationError(_("Kab/kota asal \"{value}\" tidak dikenal. Tulis kode (mis. 18.71) "
                                "atau nama kab/kota di Lampung; untuk asal di luar Lampung tulis "
                                "nama provinsinya.").format(value=cleaned))
    return found


def region_text(code: str | None) -> str:
    """What an export writes for a stored region code: its name, or the code if unknown."""
    if not code:
        return ""
    region = region_by_code(code)
    return region.name if region is not None and region.level in (PROVINCE, REGENCY) else code
