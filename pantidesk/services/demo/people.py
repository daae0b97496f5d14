"""Fictitious but realistic persons: Indonesian names, NIKs consistent with birth date, sex and a
real Lampung kecamatan code, ages and identity documents that fit the cluster."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from pantidesk.domain.enums import (
    Cluster,
    DisabilityDegree,
    DisabilityType,
    DtsenStatus,
    Education,
    JknSegment,
    MaritalStatus,
    NikState,
    Religion,
    Sex,
)
from pantidesk.domain.kk import no_kk_for
from pantidesk.domain.nik import nik_for
from pantidesk.domain.regions import LAMPUNG, districts_of, regencies_of

RELIGIONS = ((Religion.ISLAM, 0.87), (Religion.KRISTEN, 0.06), (Religion.KATOLIK, 0.03),
             (Religion.HINDU, 0.02), (Religion.BUDDHA, 0.02))
RELATIONS_CHILD = ("Ayah", "Ibu", "Kakak", "Paman", "Bibi", "Nenek", "Kakek")
RELATIONS_ADULT = ("Anak", "Kakak", "Adik", "Keponakan", "Cucu", "Suami", "Istri")


@cache
def name_parts() -> dict[str, Any]:
    path = resources.files("pantidesk.assets").joinpath("demo", "names.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def lampung_districts() -> tuple[str, ...]:
    codes = [d.code for r in regencies_of(LAMPUNG) for d in districts_of(r.code)]
    return tuple(codes) or tuple(r.code + ".01" for r in regencies_of(LAMPUNG))


T = TypeVar("T")


def pick(rng: random.Random, weights: tuple[tuple[T, float], ...]) -> T:
    values = [v for v, _ in weights]
    return rng.choices(values, [w for _, w in weights])[0]


@dataclass
class DemoPerson:
    row: dict[str, Any]
    sex: Sex
    birth_date: dt.date


def _education(rng: random.Random, age: int) -> Education:
    if age < 7:
        return Education.TIDAK_SEKOLAH
    if age < 13:
        return Education.BELUM_TAMAT_SD
    if age < 16:
        return rng.choice((Education.BELUM_TAMAT_SD, Education.TAMAT_SD))
    return pick(rng, ((Education.TIDAK_SEKOLAH, 0.15), (Education.BELUM_TAMAT_SD, 0.2),
                      (Education.TAMAT_SD, 0.35), (Education.SLTP, 0.2), (Education.SLTA, 0.1)))


def _marital(rng: random.Random, age: int) -> MaritalStatus:
    if age < 19:
        return MaritalStatus.BELUM_KAWIN
    if age >= 60:
        return pick(rng, ((MaritalStatus.CERAI_MATI, 0.55), (MaritalStatus.CERAI_HIDUP, 0.15),
                          (MaritalStatus.BELUM_KAWIN, 0.15), (MaritalStatus.KAWIN_TERCATAT, 0.15)))
    return pick(rng, ((MaritalStatus.BELUM_KAWIN, 0.5), (MaritalStatus.KAWIN_TERCATAT, 0.2),
                      (MaritalStatus.KAWIN_BELUM_TERCATAT, 0.1), (MaritalStatus.CERAI_HIDUP, 0.2)))


def _old_spelling(name: str) -> str:
    """Elderly residents often carry the pre-1972 spelling (Soekarni, Djoko, Tjitra)."""
    return name.replace("u", "oe", 1).replace("J", "Dj", 1).replace("C", "Tj", 1)


def make_name(rng: random.Random, sex: Sex, birth_year: int) -> str:
    parts = name_parts()
    given = str(rng.choice(parts["male"] if sex is Sex.L else parts["female"]))
    if birth_year < 1960 and rng.random() < 0.4:
        given = _old_spelling(given)
    if rng.random() < 0.75:
        return f"{given} {rng.choice(parts['family'])}"
    return given


def make_person(
    rng: random.Random, cluster: Cluster, age_range: tuple[int, int], female_share: float,
    no_nik_share: float, intake_day: dt.date, person_id: str,
) -> DemoPerson:
    sex = Sex.P if rng.random() < female_share else Sex.L
    age = rng.randint(*age_range)
    birth_date = intake_day - dt.timedelta(days=age * 365 + rng.randint(0, 364))
    district = rng.choice(lampung_districts())
    region6 = district.replace(".", "")
    regency = ".".join(district.split(".")[:2])
    if rng.random() < no_nik_share:
        nik_state = rng.choice((NikState.BELUM_ADA, NikState.TIDAK_DIKETAHUI))
    else:
        nik_state = NikState.PUNYA
    estimated = nik_state is NikState.TIDAK_DIKETAHUI
    if estimated:  # a person found without papers: the birth date is the assessor's estimate
        birth_date = dt.date(birth_date.year, 7, 1)
    nik = no_kk = None
    if nik_state is NikState.PUNYA:
        nik = nik_for(region6, birth_date, sex, rng.randint(1, 9999))
        registered = birth_date + dt.timedelta(days=rng.randint(365, max(366, age * 365)))
        registered = min(registered, intake_day - dt.timedelta(days=30))
        no_kk = no_kk_for(region6, registered, rng.randint(1, 9999))
    disability_type = disability_degree = None
    if cluster is Cluster.DISABILITAS or (cluster is Cluster.GEPENG and rng.random() < 0.15):
        disability_type = rng.choice(list(DisabilityType))
        disability_degree = rng.choice(list(DisabilityDegree))
    dtsen = pick(rng, ((DtsenStatus.TERDAFTAR, 0.45), (DtsenStatus.TIDAK_TERDAFTAR, 0.2),
                       (DtsenStatus.TIDAK_DIKETAHUI, 0.35)))
    jkn_segment = pick(rng, ((JknSegment.PBI_APBN, 0.45), (JknSegment.PBPU_PEMDA, 0.2),
                             (JknSegment.TIDAK_ADA, 0.35)))
    row = {
        "id": person_id,
        "nik": nik,
        "nik_state": nik_state,
        "no_kk": no_kk,
        "name": make_name(rng, sex, birth_date.year),
        "aliases": "",
        "sex": sex,
        "birth_place": rng.choice(name_parts()["birthplaces"]) if not estimated else "",
        "birth_date": birth_date,
        "birth_date_estimated": estimated,
        "religion": pick(rng, RELIGIONS),
        "education": _education(rng, age),
        "marital_status": _marital(rng, age),
        "address": f"Desa/Kel. {rng.choice(name_parts()['family'])}, RT 0{rng.randint(1, 9)}/"
                   f"RW 0{rng.randint(1, 5)}",
        "origin_regency": regency,
        "disability_type": disability_type,
        "disability_degree": disability_degree,
        "dtsen_status": dtsen,
        "dtsen_desil": rng.randint(1, 4) if dtsen is DtsenStatus.TERDAFTAR else None,
        "jkn_number": f"000{rng.randint(10**9, 10**10 - 1)}" if jkn_segment is not JknSegment.TIDAK_ADA
        else "",
        "jkn_segment": jkn_segment,
    }
    if nik_state is NikState.TIDAK_DIKETAHUI and rng.random() < 0.5:
        row["aliases"] = rng.choice(("Mr. X", "Mbah", "Pak De", "Bude", "Si Kecil"))
    return DemoPerson(row, sex, birth_date)


def make_family(rng: random.Random, person: DemoPerson, cluster: Cluster,
                can_care: bool) -> list[dict[str, Any]]:
    relations = RELATIONS_CHILD if cluster is Cluster.ANAK else RELATIONS_ADULT
    contacts = []
    for index in range(rng.randint(1 if can_care else 0, 3)):
        sex = rng.choice(list(Sex))
        contacts.append({
            "person_id": person.row["id"],
            "name": make_name(rng, sex, 1975),
            "relation": rng.choice(relations),
            "phone": "08" + "".join(str(rng.randint(0, 9)) for _ in range(10)),
            "address": person.row["address"],
            "can_care": can_care if index == 0 else rng.choice((True, False, None)),
            "will_care": can_care if index == 0 else rng.choice((True, False, None)),
            "is_safe": True if can_care else rng.choice((True, False, None)),
            "no_contact": (not can_care) and rng.random() < 0.1,
            "notes": "",
        })
    return contacts
