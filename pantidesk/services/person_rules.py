"""What a person record, a family contact and an intake must satisfy before they are saved.

One set of rules for the intake form, the spreadsheet import and the CLI. Each check returns a
``Problems``: errors per field (they block) and warnings (a person confirms them, DOMAIN.md §4.2).
The checks also return the cleaned values (digits without dots, names without double spaces).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from pantidesk.domain.dates import age_on
from pantidesk.domain.enums import (
    DisabilityDegree,
    DisabilityType,
    DtsenStatus,
    Education,
    IntakeDocument,
    IntakeSource,
    JknSegment,
    MaritalStatus,
    NikState,
    Religion,
    Sex,
)
from pantidesk.domain.kk import check_no_kk
from pantidesk.domain.nik import MAX_AGE, check_nik, is_digits, normalize_digits
from pantidesk.domain.regions import region_by_code
from pantidesk.i18n import _, format_date

NAME_MAX = 200
JKN_LENGTH = 13
_LETTER = re.compile(r"[^\W\d_]")
_SPACES = re.compile(r"\s+")
_PHONE = re.compile(r"\+?[0-9][0-9 \-]{6,18}[0-9]")
# Sources that always come with a sending agency (and normally a letter).
SOURCES_WITH_AGENCY = frozenset({
    IntakeSource.RAZIA, IntakeSource.RUJUKAN_DINSOS, IntakeSource.KEPOLISIAN,
    IntakeSource.RUMAH_SAKIT, IntakeSource.PINDAHAN_PANTI,
})


@dataclass
class Problems:
    """Errors keyed by field name (blocking) and warnings (to confirm)."""

    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)

    def merge(self, other: Problems, prefix: str = "") -> None:
        for name, message in other.errors.items():
            self.error(prefix + name, message)
        self.warnings.extend(other.warnings)


@dataclass(frozen=True)
class PersonInput:
    """Identity fields of DOMAIN.md §4.1–4.4 as entered."""

    name: str
    sex: Sex | None
    birth_date: dt.date | None
    nik_state: NikState = NikState.PUNYA
    nik: str = ""
    no_kk: str = ""
    aliases: str = ""
    birth_place: str = ""
    birth_date_estimated: bool = False
    religion: Religion | None = None
    education: Education | None = None
    marital_status: MaritalStatus | None = None
    address: str = ""
    origin_regency: str | None = None
    disability_type: DisabilityType | None = None
    disability_degree: DisabilityDegree | None = None
    dtsen_status: DtsenStatus = DtsenStatus.TIDAK_DIKETAHUI
    dtsen_desil: int | None = None
    jkn_number: str = ""
    jkn_segment: JknSegment | None = None


@dataclass(frozen=True)
class FamilyInput:
    """A family member or guardian (keluarga/wali) to reach, or never to reach."""

    name: str
    relation: str
    phone: str = ""
    address: str = ""
    can_care: bool | None = None
    will_care: bool | None = None
    is_safe: bool | None = None
    no_contact: bool = False
    notes: str = ""


@dataclass(frozen=True)
class IntakeInput:
    """The arrival: where from, sent by whom, with what."""

    source: IntakeSource | None
    arrived_at: dt.datetime | None
    referring_agency: str = ""
    letter_number: str = ""
    letter_date: dt.date | None = None
    found_location: str = ""
    belongings: str = ""
    health_check: str = ""
    needs_medical_care: bool = False
    documents: frozenset[IntakeDocument] = frozenset()
    documents_other: str = ""
    notes: str = ""


def clean_text(text: str) -> str:
    """One line: inner runs of spaces collapsed, ends trimmed."""
    return _SPACES.sub(" ", text).strip()


def check_name(raw: str, label: str) -> tuple[str, str | None]:
    """(cleaned name, error or None)."""
    name = clean_text(raw)
    if not name:
        return name, _("{field} wajib diisi.").format(field=label)
    if len(name) > NAME_MAX:
        return name, _("{field} terlalu panjang (paling banyak {max} huruf).").format(
            field=label, max=NAME_MAX)
    if not _LETTER.search(name):
        return name, _("{field} harus berisi huruf.").format(field=label)
    return name, None


def check_person(person: PersonInput, today: dt.date) -> tuple[PersonInput, Problems]:
    """The cleaned person and what is wrong with it."""
    problems = Problems()
    name, error = check_name(person.name, _("Nama"))
    if error:
        problems.error("name", error)
    if person.sex is None:
        problems.error("sex", _("Pilih jenis kelamin."))

    birth = person.birth_date
    if birth is None:
        problems.error("birth_date", _("Isi tanggal lahir; bila tidak diketahui, isi perkiraan "
                                       "dan centang \"perkiraan\"."))
    elif birth > today:
        problems.error("birth_date", _("Tanggal lahir {date} belum terjadi.").format(
            date=format_date(birth)))
    elif age_on(birth, today) > MAX_AGE:
        problems.error("birth_date", _("Tanggal lahir {date} berarti usia lebih dari {max} "
                                       "tahun.").format(date=format_date(birth), max=MAX_AGE))

    nik = normalize_digits(person.nik)
    if person.nik_state is NikState.PUNYA:
        if not nik:
            problems.error("nik", _("Isi NIK, atau pilih \"NIK belum ada\" atau \"tidak "
                                    "diketahui\"."))
        else:
            check = check_nik(nik, today=today, sex=person.sex, birth_date=birth)
            if check.errors:
                problems.error("nik", check.errors[0])
            problems.warnings.extend(check.warnings)
    elif nik:
        problems.error("nik", _("NIK diisi, tetapi status NIK \"{state}\"; pilih \"punya NIK\" "
                                "atau kosongkan NIK.").format(state=person.nik_state.label))

    no_kk = normalize_digits(person.no_kk)
    if no_kk:
        kk = check_no_kk(no_kk, today=today)
        if kk.errors:
            problems.error("no_kk", kk.errors[0])
        problems.warnings.extend(kk.warnings)

    # Stored dotted ("18.71"). The catalogue lists every kab/kota of Lampung but only the
    # provinces elsewhere, so someone from Palembang is recorded as "16" (Sumatera Selatan).
    origin = (person.origin_regency or "").strip() or None
    if origin is not None:
        region = region_by_code(origin)
        if region is None or region.level > 2:
            problems.error("origin_regency", _("Kab/kota asal {code} tidak dikenal.").format(
                code=origin))
        else:
            origin = region.code

    if person.disability_degree is not None and person.disability_type is None:
        problems.error("disability_type", _("Pilih ragam disabilitas untuk derajat yang "
                                            "diisi."))

    if person.dtsen_desil is not None:
        if person.dtsen_status is not DtsenStatus.TERDAFTAR:
            problems.error("dtsen_desil", _("Desil hanya diisi bila terdaftar di DTSEN."))
        elif not 1 <= person.dtsen_desil <= 10:
            problems.error("dtsen_desil", _("Desil DTSEN harus 1–10."))

    jkn = normalize_digits(person.jkn_number)
    if jkn and not is_digits(jkn, JKN_LENGTH):
        problems.error("jkn_number", _("Nomor JKN/BPJS harus {length} angka.").format(
            length=JKN_LENGTH))

    cleaned = replace(
        person, name=name, nik=nik, no_kk=no_kk, jkn_number=jkn, origin_regency=origin,
        aliases=clean_text(person.aliases), birth_place=clean_text(person.birth_place),
        address=person.address.strip(),
    )
    return cleaned, problems


def check_family(contact: FamilyInput) -> tuple[FamilyInput, Problems]:
    problems = Problems()
    name, error = check_name(contact.name, _("Nama keluarga/wali"))
    if error:
        problems.error("name", error)
    relation = clean_text(contact.relation)
    if not relation:
        problems.error("relation", _("Isi hubungan keluarga (mis. anak, keponakan, wali)."))
    phone = clean_text(contact.phone)
    if phone and not _PHONE.fullmatch(phone):
        problems.error("phone", _("Nomor telepon {phone} tidak valid: tulis angka saja, "
                                  "mis. 0812 3456 7890.").format(phone=phone))
    return replace(contact, name=name, relation=relation, phone=phone), problems


def check_intake(
    intake: IntakeInput, now: dt.datetime, birth_date: dt.date | None
) -> tuple[IntakeInput, Problems]:
    problems = Problems()
    if intake.source is None:
        problems.error("source", _("Pilih sumber kedatangan."))
    agency = clean_text(intake.referring_agency)
    if intake.source in SOURCES_WITH_AGENCY and not agency:
        problems.error("referring_agency", _("Isi instansi pengirim untuk sumber \"{source}\".")
                       .format(source=intake.source.label if intake.source else ""))
    arrived = intake.arrived_at
    if arrived is None:
        problems.error("arrived_at", _("Isi tanggal dan jam kedatangan."))
    else:
        if arrived > now + dt.timedelta(minutes=5):
            problems.error("arrived_at", _("Waktu kedatangan belum terjadi."))
        if birth_date is not None and arrived.date() < birth_date:
            problems.error("arrived_at", _("Tanggal kedatangan sebelum tanggal lahir."))
    if intake.letter_date is not None:
        if arrived is not None and intake.letter_date > arrived.date():
            problems.error("letter_date", _("Tanggal surat sesudah tanggal kedatangan."))
        elif intake.letter_date > now.date():
            problems.error("letter_date", _("Tanggal surat belum terjadi."))
    if intake.letter_number.strip() and intake.letter_date is None:
        problems.error("letter_date", _("Isi tanggal surat untuk nomor surat yang diisi."))
    cleaned = replace(intake, referring_agency=agency,
                      letter_number=clean_text(intake.letter_number),
                      found_location=intake.found_location.strip(),
                      belongings=intake.belongings.strip(),
                      health_check=intake.health_check.strip(),
                      documents_other=clean_text(intake.documents_other))
    return cleaned, problems


def encode_documents(documents: frozenset[IntakeDocument]) -> str:
    """Stored form: values in the enum's order, comma-separated."""
    return ",".join(d.value for d in IntakeDocument if d in documents)


def decode_documents(text: str) -> frozenset[IntakeDocument]:
    known = {d.value: d for d in IntakeDocument}
    return frozenset(known[v] for v in text.split(",") if v in known)
