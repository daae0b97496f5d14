"""Demo data: a living panti (or the whole province) for newcomers, tests and benchmarks.

Generation simulates the case lifecycle over ``years``: people arrive, are assessed (some return to
their family, some are referred or found not eligible, some are admitted with an SK penetapan), stay
for a time that fits their cluster, and leave for reasons that fit it too. ``seed`` makes it
deterministic. Everything is fictitious; the database is marked as demo data.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from pantidesk.clock import WIB, Clock
from pantidesk.db.base import new_id
from pantidesk.db.keyring import DEFAULT_KDF, KdfParams
from pantidesk.db.models import Panti, Setting
from pantidesk.db.uow import record_audit
from pantidesk.domain.enums import AdlLevel, AssessmentDecision, Cluster, IntakeSource
from pantidesk.domain.panti import panti_by_code
from pantidesk.domain.registration import make_no_induk
from pantidesk.domain.roles import Permission
from pantidesk.i18n import _
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.demo.careplans import fill_care_plans
from pantidesk.services.demo.daily import fill_daily_life
from pantidesk.services.demo.people import make_family, make_person, pick
from pantidesk.services.demo.profiles import PROFILES, ROOMS, ClusterProfile
from pantidesk.services.demo.services import fill_services
from pantidesk.services.demo.writer import BulkWriter
from pantidesk.services.demo_marker import DEMO_PASSWORD, is_demo, mark_as_demo
from pantidesk.services.installation import SetupRequest, create_installation, open_installation
from pantidesk.services.letterhead import Letterhead

Progress = Callable[[int, int], None]
__all__ = ["DEMO_PASSWORD", "DemoOptions", "DemoResult", "create_demo_installation", "fill_demo",
           "is_demo"]
DEMO_SETTING = "demo"
FINDINGS = {
    Cluster.ANAK: ("Anak tampak sehat, gizi kurang.", "Sering murung, sulit percaya orang dewasa.",
                   "Putus sekolah sejak kelas 5 SD.", "Rajin salat, ingin belajar mengaji."),
    Cluster.LANSIA: ("Hipertensi, berjalan dengan tongkat.", "Mudah lupa, kadang bingung waktu.",
                     "Tinggal sendiri, tidak ada keluarga yang merawat.", "Aktif beribadah."),
    Cluster.DISABILITAS: ("Perlu alat bantu mobilitas.", "Emosi stabil dengan pendampingan.",
                          "Keluarga tidak mampu merawat.", "Mengikuti bimbingan rohani."),
    Cluster.GEPENG: ("Kondisi fisik lemah, kurang gizi.", "Motivasi kerja rendah.",
                     "Tidak memiliki tempat tinggal tetap.", "Jarang beribadah."),
}


@dataclass(frozen=True)
class DemoOptions:
    panti_codes: tuple[str, ...] = ("TW",)
    province: bool = False
    residents: int | None = None  # active residents per panti; default ~85 % of capacity
    years: int = 5
    persons: int | None = None  # total persons target, for benchmarks
    seed: int = 1


@dataclass
class DemoResult:
    db_path: Path
    persons: int = 0
    stays: int = 0
    active: int = 0
    assessments: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def demo_letterhead(panti_code: str | None) -> Letterhead:
    if panti_code is None:
        return Letterhead("", "Jl. Basuki Rahmat No. 72, Teluk Betung Utara", "Bandar Lampung",
                          "(0721) 481234", "dinsos@lampungprov.go.id", "Drs. Aswin Pratama, M.Si.",
                          "197003121995031002", "Pembina Utama Muda, IV/c")
    info = panti_by_code(panti_code)
    return Letterhead("", f"Jl. Raya {info.city} Km 10", info.city, "(0721) 350101",
                      f"uptd.{panti_code.lower()}@lampungprov.go.id",
                      "Hj. Siti Rahmawati, S.Sos., M.M.", "197508172000032001",
                      "Pembina, IV/a")


def create_demo_installation(
    path: Path, options: DemoOptions, admin: str, password: str, clock: Clock,
    progress: Progress | None = None, kdf: KdfParams = DEFAULT_KDF,
) -> DemoResult:
    """A new encrypted database filled with demo data, with ``admin`` as its administrator."""
    panti_code = None if options.province else options.panti_codes[0]
    request = SetupRequest(
        mode=Mode.PROVINCE if options.province else Mode.PANTI, panti_code=panti_code,
        letterhead=demo_letterhead(panti_code), admin_username=admin,
        admin_full_name=_("Administrator Demo"), admin_password=password,
    )
    create_installation(path, request, clock, kdf)
    mark_as_demo(path)  # readable before log-in, so the app can say "demo"
    ctx = open_installation(path, admin, password, clock)
    try:
        return fill_demo(ctx, options, progress)
    finally:
        ctx.close()


def fill_demo(ctx: AppContext, options: DemoOptions, progress: Progress | None = None) -> DemoResult:
    ctx.require(Permission.GENERATE_DEMO)
    rng = random.Random(options.seed)
    today = ctx.clock.today()
    result = DemoResult(ctx.db_path)
    with ctx.unit_of_work() as session:
        panti_rows = {p.code: p for p in session.scalars(select(Panti))}
        conn = session.connection()
        writer = BulkWriter(conn, ctx.user.username, ctx.clock.now())
        plans = [_PantiPlan(panti_rows[code], options, rng, today) for code in options.panti_codes]
        total = sum(plan.person_count for plan in plans)
        done = 0
        for plan in plans:
            for made in plan.generate(writer):
                done += made
                if progress:
                    progress(done, total)
        writer.flush()
        fill_services(writer, options, today)
        fill_daily_life(writer, options, today)
        writer.counts.update(fill_care_plans(
            conn, ctx.user.username, random.Random(f"{options.seed}-careplans"), ctx.clock.now()))
        for plan in plans:
            result.active += plan.active
        result.persons = writer.counts["person"]
        result.stays = writer.counts["stay"]
        result.assessments = writer.counts["assessment"]
        result.counts = dict(writer.counts)
        session.merge(Setting(key=DEMO_SETTING, value=json.dumps(True)))
        conn.exec_driver_sql("ANALYZE")  # planner statistics for the bulk-loaded tables
        record_audit(session, "demo", summary=_("Data demo dibuat: {n} orang").format(
            n=result.persons))
    return result


class _PantiPlan:
    """The simulated history of one panti."""

    def __init__(self, panti: Panti, options: DemoOptions, rng: random.Random,
                 today: dt.date) -> None:
        self.panti = panti
        self.rng = rng
        self.today = today
        self.profile: ClusterProfile = PROFILES[panti.cluster]
        self.start = today - dt.timedelta(days=365 * options.years)
        self.active = options.residents if options.residents is not None else round(
            panti.capacity * 0.85)
        admit_share = dict(self.profile.decisions)[AssessmentDecision.ADMIT]
        if options.persons:
            target = options.persons // len(options.panti_codes)
            self.historical = max(0, round(target * admit_share) - self.active)
        else:
            self.historical = round(self.active * options.years / self.profile.mean_stay_years)
        admitted = self.active + self.historical
        self.not_admitted = round(admitted * (1 - admit_share) / admit_share)
        self.pending = self.rng.randint(2, 4)
        self.person_count = admitted + self.not_admitted + self.pending

    # --- dates ----------------------------------------------------------------------------------
    def _day_between(self, first: dt.date, last: dt.date) -> dt.date:
        span = max(0, (last - first).days)
        return first + dt.timedelta(days=self.rng.randint(0, span))

    def _stay_days(self) -> int:
        return max(14, int(self.rng.expovariate(1 / (self.profile.mean_stay_years * 365))))

    def generate(self, writer: BulkWriter):  # type: ignore[no-untyped-def]
        stays: list[dict] = []  # type: ignore[type-arg]
        recent = self.today - dt.timedelta(days=7)
        earliest_active = max(self.start,
                              self.today - dt.timedelta(days=int(730 * self.profile.mean_stay_years)))
        for i in range(self.active):
            admitted = self._day_between(earliest_active, recent)
            stays.append(self._admitted_case(writer, admitted, None))
            if i % 500 == 499:
                yield 500
        yield self.active % 500
        for i in range(self.historical):
            admitted = self._day_between(self.start, self.today - dt.timedelta(days=30))
            discharged = admitted + dt.timedelta(days=self._stay_days())
            if discharged >= self.today:
                discharged = self._day_between(admitted + dt.timedelta(days=14),
                                               self.today - dt.timedelta(days=1))
            stays.append(self._admitted_case(writer, admitted, discharged))
            if i % 500 == 499:
                yield 500
        yield self.historical % 500
        decisions = tuple((d, w) for d, w in self.profile.decisions
                          if d is not AssessmentDecision.ADMIT)
        for _i in range(self.not_admitted):
            day = self._day_between(self.start, self.today - dt.timedelta(days=3))
            self._assessed_case(writer, day, pick(self.rng, decisions))
        for _i in range(self.pending):
            self._assessed_case(writer, self._day_between(recent, self.today), None)
        yield self.not_admitted + self.pending
        self._number_stays(writer, stays)

    def _new_person(self, writer: BulkWriter, day: dt.date, can_care: bool):  # type: ignore[no-untyped-def]
        person = make_person(self.rng, self.panti.cluster, self.profile.age_at_intake,
                             self.profile.female_share, self.profile.no_nik_share, day, new_id())
        person.row["origin"] = self.panti.code
        writer.add("person", person.row)
        for contact in make_family(self.rng, person, self.panti.cluster, can_care):
            writer.add("family_contact", {"id": new_id(), "origin": self.panti.code, **contact})
        return person

    def _intake_and_assessment(self, writer: BulkWriter, person_id: str, assessed: dt.date,
                               decision: AssessmentDecision | None, ppks: int,
                               family_can_care: bool) -> str:
        arrived = assessed - dt.timedelta(days=self.rng.randint(1, 7))
        intake_id, assessment_id = new_id(), new_id()
        source = pick(self.rng, self.profile.sources)
        writer.add("intake", {
            "id": intake_id, "origin": self.panti.code, "person_id": person_id,
            "panti_code": self.panti.code, "source": source,
            "referring_agency": _referring_agency(source, self.rng),
            "letter_number": f"460/{self.rng.randint(10, 999)}/IV.{self.rng.randint(1, 15):02d}/"
                             f"{arrived.year}",
            "letter_date": arrived - dt.timedelta(days=self.rng.randint(0, 3)),
            "found_location": "", "notes": "",
            "arrived_at": dt.datetime.combine(arrived, dt.time(self.rng.randint(8, 15)),
                                              tzinfo=WIB),
        })
        texts = FINDINGS[self.panti.cluster]
        writer.add("assessment", {
            "id": assessment_id, "origin": self.panti.code, "person_id": person_id,
            "intake_id": intake_id, "panti_code": self.panti.code, "assessed_on": assessed,
            "assessor": "Peksos " + self.rng.choice(("Rina", "Andi", "Yusuf", "Dewi", "Maya")),
            "ppks_code": ppks, "findings_bio": texts[0], "findings_psiko": texts[1],
            "findings_sosial": texts[2], "findings_spiritual": texts[3],
            "adl_level": self.rng.choice((AdlLevel.MANDIRI, AdlLevel.SEDANG, AdlLevel.BERAT)).value,
            "family_found": family_can_care or self.rng.random() < 0.3,
            "family_can_care": family_can_care, "family_safe": family_can_care, "risk_flags": "", "case_conference_notes": "",
            "decision": decision,
            "decision_reason": _decision_reason(decision),
            "decided_on": assessed if decision else None,
        })
        return assessment_id

    def _assessed_case(self, writer: BulkWriter, day: dt.date,
                       decision: AssessmentDecision | None) -> None:
        can_care = decision is AssessmentDecision.RETURN_TO_FAMILY
        person = self._new_person(writer, day, can_care)
        self._intake_and_assessment(writer, person.row["id"], day, decision,
                                    pick(self.rng, self.profile.ppks), can_care)

    def _admitted_case(self, writer: BulkWriter, admitted: dt.date,
                       discharged: dt.date | None) -> dict:  # type: ignore[type-arg]
        assessed = admitted - dt.timedelta(days=self.rng.randint(1, 10))
        person = self._new_person(writer, assessed, False)
        ppks = pick(self.rng, self.profile.ppks)
        assessment_id = self._intake_and_assessment(writer, person.row["id"], assessed,
                                                    AssessmentDecision.ADMIT, ppks, False)
        return {
            "id": new_id(), "origin": self.panti.code, "person_id": person.row["id"],
            "panti_code": self.panti.code, "assessment_id": assessment_id, "ppks_code": ppks,
            "admitted_on": admitted, "sk_date": admitted,
            "room": f"{self.rng.choice(ROOMS[self.panti.cluster])} {self.rng.randint(1, 6)}",
            "owner_panti": self.panti.code, "owner_epoch": 1, "_discharged": discharged,
        }

    def _number_stays(self, writer: BulkWriter, stays: list[dict]) -> None:  # type: ignore[type-arg]
        """No. Induk and SK numbers run in admission order within each year, as in a buku induk."""
        serial_by_year: dict[int, int] = {}
        for stay in sorted(stays, key=lambda s: s["admitted_on"]):
            year = stay["admitted_on"].year
            serial = serial_by_year[year] = serial_by_year.get(year, 0) + 1
            discharged = stay.pop("_discharged")
            stay["no_induk"] = make_no_induk(self.panti.code, year, serial)
            stay["sk_number"] = f"460/{serial:03d}/UPTD-{self.panti.code}/{year}"
            writer.add("stay", stay)
            if discharged is not None:
                reason = pick(self.rng, self.profile.discharge_reasons)
                writer.add("discharge", {
                    "id": new_id(), "origin": self.panti.code, "stay_id": stay["id"],
                    "discharged_on": discharged, "reason": reason, "destination": "",
                    "receiving_party": "", "notes": "",
                })


def _referring_agency(source: IntakeSource, rng: random.Random) -> str:
    kab = rng.choice(("Kota Bandar Lampung", "Kab. Lampung Selatan", "Kab. Lampung Tengah",
                      "Kab. Pesawaran", "Kota Metro", "Kab. Tanggamus"))
    agencies: dict[IntakeSource, str] = {
        IntakeSource.RAZIA: f"Satpol PP {kab}",
        IntakeSource.RUJUKAN_DINSOS: f"Dinas Sosial {kab}",
        IntakeSource.KEPOLISIAN: f"Polres {kab}",
        IntakeSource.RUMAH_SAKIT: "RSUD Dr. H. Abdul Moeloek",
        IntakeSource.PINDAHAN_PANTI: "UPTD lain Dinas Sosial Provinsi Lampung",
    }
    return agencies.get(source, "")


def _decision_reason(decision: AssessmentDecision | None) -> str:
    if decision is None:
        return ""
    reasons: dict[AssessmentDecision, str] = {
        AssessmentDecision.ADMIT: _("Tidak ada keluarga yang mampu dan aman merawat."),
        AssessmentDecision.RETURN_TO_FAMILY: _("Keluarga ditemukan, mampu dan bersedia merawat."),
        AssessmentDecision.REFER: _("Membutuhkan layanan lanjutan di lembaga lain."),
        AssessmentDecision.NOT_ELIGIBLE: _("Tidak sesuai kriteria klaster panti."),
    }
    return reasons[decision]
