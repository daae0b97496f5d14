"""The SPM checklist of one resident for one quarter, and whether their basic needs were met.

DOMAIN.md §3.3: the SPM indicator counts *persons* whose basic needs were met — all applicable
items delivered, "according to need per assessment" — and is reported every quarter (e-SPM). So
"terpenuhi" is computed here from what was recorded, never ticked by hand.

Which items are due, and when (our reading of §3.2–3.3; the regulation gives no frequencies):

* **Every quarter** (``Frequency.QUARTERLY``) — needs that recur as long as a person lives in the
  panti: pengasuhan (anak), permakanan, sandang (it covers perlengkapan mandi and kebutuhan khusus
  perempuan, consumables handed out at least quarterly), asrama, perbekalan kesehatan, bimbingan
  fisik/mental spiritual/sosial and bimbingan keterampilan hidup sehari-hari. A delivery on a day
  of the quarter on which the stay was open counts. Asrama is also met by the room (wisma/kamar)
  recorded on the stay: living in the panti *is* the housing.
* **Once per stay** (``Frequency.ONCE_PER_STAY``) — done once and lasting: dokumen kependudukan
  (met when an issued document was recorded during the stay, or the person already has a NIK),
  akses layanan pendidikan dan kesehatan dasar (enrolment at a school, registration at a
  puskesmas or JKN; the visits themselves are perbekalan kesehatan), penelusuran keluarga (also
  met by the family-tracing result of the assessment), keterampilan dasar usaha (gepeng) and
  alat bantu — the last only for a person who needs one: a physical, sensory or multiple
  disability, or moderate to total dependency in daily living (ADL). A delivery at any time of
  the stay up to the end of the quarter counts.
* **At the end of the stay** (``Frequency.AT_DISCHARGE``) — needed only when the stay ends that
  way, in the quarter it ends: reunifikasi (discharge by reunification), akses pengasuhan
  keluarga pengganti (anak placed with a substitute family), pemulasaraan (the resident died) and
  pemulangan ke daerah asal (gepeng returned home).

Partial quarters. A stay counts in every quarter in which it was open on at least one day. A new
resident cannot yet have had everything: in the first ``SETTLING_DAYS`` days of the stay the
once-per-stay items are not yet due, and when the stay was open fewer than ``SETTLING_DAYS`` days
of the quarter (admitted late in it, discharged early in it, or the quarter has only just begun)
the quarterly items are due only for food and housing (permakanan, asrama), which a resident
receives from the first day. Anything delivered anyway is shown as delivered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from pantidesk.domain.enums import (
    AdlLevel,
    Cluster,
    DisabilityType,
    DischargeReason,
    LabelledEnum,
    set_labels,
)
from pantidesk.domain.spm import SpmItem, spm_items_for
from pantidesk.errors import ValidationError
from pantidesk.i18n import N_, _, format_date

SETTLING_DAYS = 30
_ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter (triwulan), the SPM reporting period."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValidationError(_("Triwulan harus 1–4."), field="quarter")

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """``2026-Q3`` (also ``2026-3``, ``2026Q3``)."""
        cleaned = text.strip().upper().replace(" ", "")
        year, _sep, number = cleaned.replace("Q", "-").replace("--", "-").partition("-")
        if not (year.isdigit() and len(year) == 4 and number.isdigit()):
            raise ValidationError(_("Triwulan tidak valid: {text}; tulis seperti 2026-Q3.").format(
                text=text), field="quarter")
        return cls(int(year), int(number))

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        return self.next().start - dt.timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year,
                                                                           self.number + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year,
                                                                           self.number - 1)

    @property
    def label(self) -> str:
        """``Triwulan III 2026``."""
        return _("Triwulan {roman} {year}").format(roman=self.roman, year=self.year)

    @property
    def roman(self) -> str:
        """``III``: how quarters are numbered on Indonesian official documents."""
        return _ROMAN[self.number - 1]

    @property
    def code(self) -> str:
        """``2026-Q3``, as the CLI writes it."""
        return f"{self.year}-Q{self.number}"


class Frequency(LabelledEnum):
    """How often an SPM item is needed (see the module docstring)."""

    QUARTERLY = "triwulan"
    ONCE_PER_STAY = "sekali"
    AT_DISCHARGE = "terminasi"


set_labels(Frequency, {
    Frequency.QUARTERLY: N_("Setiap triwulan"),
    Frequency.ONCE_PER_STAY: N_("Sekali selama tinggal di panti"),
    Frequency.AT_DISCHARGE: N_("Bila terminasi dengan cara itu"),
})


class ItemStatus(LabelledEnum):
    """One cell of the checklist."""

    DELIVERED = "diberikan"
    MISSING = "belum"
    NOT_DUE = "tidak_perlu"

    @property
    def mark(self) -> str:
        return {ItemStatus.DELIVERED: "✓", ItemStatus.MISSING: "✗", ItemStatus.NOT_DUE: "—"}[self]


set_labels(ItemStatus, {
    ItemStatus.DELIVERED: N_("Diberikan"),
    ItemStatus.MISSING: N_("Belum diberikan"),
    ItemStatus.NOT_DUE: N_("Tidak diperlukan / belum waktunya"),
})


@dataclass(frozen=True)
class ItemRule:
    code: str
    frequency: Frequency
    # Quarterly items a resident receives from the first day (food and housing).
    from_first_day: bool = False
    # At-discharge items: the discharge reasons that create the need.
    reasons: frozenset[DischargeReason] = frozenset()
    only_if_assistive_need: bool = False


RULES: dict[str, ItemRule] = {r.code: r for r in (
    ItemRule("pengasuhan", Frequency.QUARTERLY),
    ItemRule("permakanan", Frequency.QUARTERLY, from_first_day=True),
    ItemRule("sandang", Frequency.QUARTERLY),
    ItemRule("asrama", Frequency.QUARTERLY, from_first_day=True),
    ItemRule("alat_bantu", Frequency.ONCE_PER_STAY, only_if_assistive_need=True),
    ItemRule("perbekalan_kesehatan", Frequency.QUARTERLY),
    ItemRule("bimbingan", Frequency.QUARTERLY),
    ItemRule("keterampilan_hidup", Frequency.QUARTERLY),
    ItemRule("dokumen_kependudukan", Frequency.ONCE_PER_STAY),
    ItemRule("akses_pendidikan_kesehatan", Frequency.ONCE_PER_STAY),
    ItemRule("penelusuran_keluarga", Frequency.ONCE_PER_STAY),
    ItemRule("reunifikasi", Frequency.AT_DISCHARGE,
             reasons=frozenset({DischargeReason.REUNIFIKASI})),
    ItemRule("keluarga_pengganti", Frequency.AT_DISCHARGE,
             reasons=frozenset({DischargeReason.KELUARGA_PENGGANTI})),
    ItemRule("pemulasaraan", Frequency.AT_DISCHARGE,
             reasons=frozenset({DischargeReason.MENINGGAL})),
    ItemRule("keterampilan_usaha", Frequency.ONCE_PER_STAY),
    ItemRule("pemulangan", Frequency.AT_DISCHARGE,
             reasons=frozenset({DischargeReason.PEMULANGAN})),
)}

_ASSISTIVE_DISABILITIES = frozenset({DisabilityType.FISIK, DisabilityType.SENSORIK,
                                     DisabilityType.GANDA})
_ASSISTIVE_ADL = frozenset({AdlLevel.SEDANG, AdlLevel.BERAT, AdlLevel.TOTAL})


def needs_assistive_device(disability: DisabilityType | None, adl: AdlLevel | None) -> bool:
    """Whether alat bantu is among the person's needs: a physical, sensory or multiple
    disability, or moderate to total ADL dependency."""
    return disability in _ASSISTIVE_DISABILITIES or adl in _ASSISTIVE_ADL


@dataclass(frozen=True)
class StayFacts:
    """What the checklist needs to know about one stay (gathered by the service)."""

    admitted_on: dt.date
    discharged_on: dt.date | None = None
    discharge_reason: DischargeReason | None = None
    has_nik: bool = False
    room: str = ""
    assistive_need: bool = False
    # The assessment recorded a family-tracing result (family found or not).
    family_traced: bool = False
    # (spm_code, delivered_on) of the stay's service events.
    deliveries: frozenset[tuple[str, dt.date]] = field(default_factory=frozenset)


@dataclass(frozen=True)
class ItemCheck:
    item: SpmItem
    frequency: Frequency
    status: ItemStatus
    note: str  # why, for a tooltip: last delivery, "sudah punya NIK", "belum 30 hari" …


@dataclass(frozen=True)
class ResidentChecklist:
    quarter: Quarter
    as_of: dt.date
    days_in_quarter: int
    items: tuple[ItemCheck, ...]

    @property
    def met(self) -> bool:
        """Basic needs met: every item due this quarter was delivered (DOMAIN.md §3.3)."""
        return all(check.status is not ItemStatus.MISSING for check in self.items)

    @property
    def missing(self) -> tuple[ItemCheck, ...]:
        return tuple(c for c in self.items if c.status is ItemStatus.MISSING)

    def status_of(self, code: str) -> ItemStatus | None:
        return next((c.status for c in self.items if c.item.code == code), None)


def stay_in_quarter(quarter: Quarter, admitted_on: dt.date, discharged_on: dt.date | None,
                    as_of: dt.date | None = None) -> bool:
    """Open on at least one day of the quarter (up to ``as_of`` for a quarter still running)."""
    last = min(quarter.end, as_of) if as_of else quarter.end
    return admitted_on <= last and (discharged_on is None or discharged_on >= quarter.start)


def check_quarter(cluster: Cluster, quarter: Quarter, facts: StayFacts,
                  as_of: dt.date | None = None) -> ResidentChecklist | None:
    """The checklist of one stay for ``quarter`` as known on ``as_of`` (default: the quarter's
    end), or None when the stay was not open in that part of the quarter."""
    last = min(quarter.end, as_of) if as_of else quarter.end
    if not stay_in_quarter(quarter, facts.admitted_on, facts.discharged_on, last):
        return None
    window_start = max(quarter.start, facts.admitted_on)
    window_end = min(last, facts.discharged_on) if facts.discharged_on else last
    days_in_quarter = (window_end - window_start).days + 1
    days_of_stay = (window_end - facts.admitted_on).days + 1
    by_code: dict[str, list[dt.date]] = {}
    for code, day in facts.deliveries:
        if facts.admitted_on <= day <= window_end:
            by_code.setdefault(code, []).append(day)
    checks = []
    for item in spm_items_for(cluster):
        rule = RULES[item.code]
        days = sorted(by_code.get(item.code, ()))
        if rule.frequency is Frequency.QUARTERLY:
            check = _quarterly(item, rule, facts, days, window_start, days_in_quarter)
        elif rule.frequency is Frequency.ONCE_PER_STAY:
            check = _once(item, rule, facts, days, days_of_stay)
        else:
            check = _at_discharge(item, rule, facts, days, window_start, window_end)
        checks.append(check)
    return ResidentChecklist(quarter, last, days_in_quarter, tuple(checks))


def _delivered(item: SpmItem, rule: ItemRule, days: list[dt.date]) -> ItemCheck:
    return ItemCheck(item, rule.frequency, ItemStatus.DELIVERED,
                     _("Terakhir diberikan {date}").format(date=format_date(days[-1])))


def _quarterly(item: SpmItem, rule: ItemRule, facts: StayFacts, days: list[dt.date],
               window_start: dt.date, days_in_quarter: int) -> ItemCheck:
    in_window = [d for d in days if d >= window_start]
    if in_window:
        return _delivered(item, rule, in_window)
    if item.code == "asrama" and facts.room:
        return ItemCheck(item, rule.frequency, ItemStatus.DELIVERED,
                         _("Menempati {room}").format(room=facts.room))
    if days_in_quarter < SETTLING_DAYS and not rule.from_first_day:
        return ItemCheck(item, rule.frequency, ItemStatus.NOT_DUE,
                         _("Tinggal di panti kurang dari {n} hari pada triwulan ini").format(
                             n=SETTLING_DAYS))
    return ItemCheck(item, rule.frequency, ItemStatus.MISSING,
                     _("Belum diberikan pada triwulan ini"))


def _once(item: SpmItem, rule: ItemRule, facts: StayFacts, days: list[dt.date],
          days_of_stay: int) -> ItemCheck:
    if days:
        return _delivered(item, rule, days)
    if rule.only_if_assistive_need and not facts.assistive_need:
        return ItemCheck(item, rule.frequency, ItemStatus.NOT_DUE,
                         _("Menurut asesmen tidak memerlukan alat bantu"))
    if item.code == "dokumen_kependudukan" and facts.has_nik:
        return ItemCheck(item, rule.frequency, ItemStatus.DELIVERED, _("Sudah punya NIK"))
    if item.code == "penelusuran_keluarga" and facts.family_traced:
        return ItemCheck(item, rule.frequency, ItemStatus.DELIVERED,
                         _("Hasil penelusuran keluarga tercatat pada asesmen"))
    if days_of_stay < SETTLING_DAYS:
        return ItemCheck(item, rule.frequency, ItemStatus.NOT_DUE,
                         _("Belum {n} hari di panti").format(n=SETTLING_DAYS))
    return ItemCheck(item, rule.frequency, ItemStatus.MISSING,
                     _("Belum pernah diberikan selama tinggal di panti"))


def _at_discharge(item: SpmItem, rule: ItemRule, facts: StayFacts, days: list[dt.date],
                  window_start: dt.date, window_end: dt.date) -> ItemCheck:
    ended_here = (facts.discharged_on is not None
                  and window_start <= facts.discharged_on <= window_end
                  and facts.discharge_reason in rule.reasons)
    if days:
        return _delivered(item, rule, days)
    if not ended_here:
        return ItemCheck(item, rule.frequency, ItemStatus.NOT_DUE,
                         _("Hanya bila terminasi: {reasons}").format(
                             reasons=", ".join(r.label for r in _ordered(rule.reasons))))
    return ItemCheck(item, rule.frequency, ItemStatus.MISSING,
                     _("Terminasi {date} ({reason}) tanpa layanan ini tercatat").format(
                         date=format_date(facts.discharged_on),
                         reason=facts.discharge_reason.label if facts.discharge_reason else ""))


def _ordered(reasons: Iterable[DischargeReason]) -> list[DischargeReason]:
    return [r for r in DischargeReason if r in set(reasons)]


@dataclass(frozen=True)
class QuarterSummary:
    """Persons counted, persons whose basic needs were met, and the share in percent."""

    residents: int
    met: int

    @property
    def percent(self) -> float | None:
        return None if self.residents == 0 else 100.0 * self.met / self.residents


def summarise(checklists: Iterable[ResidentChecklist]) -> QuarterSummary:
    listed = list(checklists)
    return QuarterSummary(len(listed), sum(1 for c in listed if c.met))
