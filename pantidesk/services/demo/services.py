"""Demo services delivered: monthly permakanan and quarterly sandang handed to all residents as
distributions (with receipt lists), individual bimbingan, health care, daily-living skills and
the once-per-stay items, services at the end of a stay (pemulasaraan, reunifikasi, pemulangan),
and document requests in every state.

The detail covers the last ``DETAIL_MONTHS`` months (the current quarter only for a benchmark
database, whose simulated panti are far over capacity), enough for several quarters of the SPM
checklist. A little is left undone on purpose (a resident away on the day of a hand-out, life
skills not yet given, an alat bantu still awaited, a NIK still at Disdukcapil), so the checklist
of the current quarter shows a realistic mix. Own random stream: other demo data stays the same.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import and_, select

from pantidesk.db.base import new_id
from pantidesk.db.models import Assessment, Discharge, Panti, Person, Stay
from pantidesk.domain.enums import (
    AdlLevel,
    CivilDocument,
    Cluster,
    DischargeReason,
    DocumentStatus,
    NikState,
)
from pantidesk.domain.spm import spm_by_code, spm_items_for
from pantidesk.domain.spm_checklist import Quarter, needs_assistive_device
from pantidesk.i18n import MONTHS
from pantidesk.services.demo.writer import BulkWriter

if TYPE_CHECKING:
    from pantidesk.services.demo import DemoOptions

DETAIL_MONTHS = 24
KITCHEN = "Sumarni (juru masak)"
STORE = "Hendra Wijaya (pengurus barang)"
NURSE = "Ns. Dewi Lestari"
WORKERS = ("Rina Marlina (peksos)", "Andi Saputra (pengasuh)", "Maya Sari (pengasuh)",
           "Yusuf Hidayat (instruktur)", "Ustaz Ahmad Fauzi (pembimbing rohani)")
SANDANG = (
    ("Perlengkapan mandi: sabun, sampo, pasta gigi, sikat gigi, handuk", "1 paket"),
    ("Pakaian sehari-hari dan sandal", "2 stel"),
    ("Perlengkapan ibadah (sarung/mukena) dan pakaian tidur", "1 paket"),
    ("Perlengkapan mandi dan pembalut/popok dewasa sesuai kebutuhan", "1 paket"),
)
BIMBINGAN = {
    Cluster.LANSIA: ("Bimbingan mental spiritual: pengajian dan kebaktian rutin",
                     "Bimbingan fisik: senam lansia pagi", ("Bimbingan sosial: temu keluarga besar "
                     "panti dan rekreasi")),
    Cluster.ANAK: ("Bimbingan mental spiritual: mengaji dan sekolah minggu",
                   "Bimbingan fisik: olahraga dan kebersihan diri",
                   "Bimbingan sosial: dinamika kelompok dan konseling"),
    Cluster.DISABILITAS: ("Bimbingan mental spiritual berkelompok",
                          "Bimbingan fisik: fisioterapi dan latihan gerak",
                          "Bimbingan sosial: latihan komunikasi dan kelompok dukungan"),
    Cluster.GEPENG: ("Bimbingan mental spiritual: ceramah agama", "Bimbingan fisik: kerja bakti",
                     "Bimbingan sosial dan motivasi kerja"),
}
LIFE_SKILLS = {
    Cluster.LANSIA: "Latihan aktivitas sehari-hari: mandi, berpakaian dan merapikan tempat tidur",
    Cluster.ANAK: "Keterampilan hidup: mencuci pakaian, memasak sederhana, mengatur uang saku",
    Cluster.DISABILITAS: "Latihan bina diri: makan, berpakaian dan kebersihan diri",
    Cluster.GEPENG: "Keterampilan hidup sehari-hari: kebersihan diri dan mengelola uang",
}
ACCESS = {
    Cluster.LANSIA: "Didaftarkan JKN PBI dan pemeriksaan di Puskesmas Natar",
    Cluster.ANAK: "Didaftarkan ke sekolah terdekat dan ke puskesmas (JKN PBI)",
    Cluster.DISABILITAS: "Didaftarkan JKN PBI dan layanan rehabilitasi medik RSUD",
    Cluster.GEPENG: "Pemeriksaan kesehatan dasar di puskesmas dan pendaftaran JKN PBI",
}
DEVICES = ("Kursi roda", "Tongkat kaki tiga (tripod)", "Kruk", "Alat bantu dengar",
           "Walker (alat bantu jalan)")
AT_DISCHARGE = {
    DischargeReason.MENINGGAL: ("pemulasaraan", ("Pemulasaraan jenazah: dimandikan, dikafani, "
                                "disalatkan dan dimakamkan di TPU setempat")),
    DischargeReason.REUNIFIKASI: ("reunifikasi", ("Diantar kembali dan diserahkan kepada keluarga "
                                  "dengan berita acara serah terima")),
    DischargeReason.PEMULANGAN: ("pemulangan", ("Dipulangkan ke daerah asal dengan biaya "
                                 "perjalanan dari panti")),
    DischargeReason.KELUARGA_PENGGANTI: ("keluarga_pengganti", ("Diserahkan kepada keluarga "
                                         "pengganti setelah pengasuhan sementara")),
}
OFFICES = ("Disdukcapil Kota Bandar Lampung", "Disdukcapil Kab. Lampung Selatan",
           "Disdukcapil Kab. Pesawaran", "Disdukcapil Kab. Lampung Tengah")
REFUSALS = (("Data kependudukan tidak ditemukan di basis data Dukcapil; perlu surat keterangan "
            "dari desa asal"), "Dokumen pendukung (surat keterangan lahir) belum lengkap")


@dataclass
class _Stay:
    id: str
    panti: str
    cluster: Cluster
    admitted: dt.date
    discharged: dt.date | None
    reason: DischargeReason | None
    has_nik: bool
    assistive: bool

    def last_day(self, today: dt.date) -> dt.date:
        return min(self.discharged, today) if self.discharged else today

    def open_on(self, day: dt.date) -> bool:
        return self.admitted <= day and (self.discharged is None or day <= self.discharged)


def fill_services(writer: BulkWriter, options: DemoOptions, today: dt.date) -> None:
    """Services, distributions and document requests for the demo panti."""
    rng = random.Random(f"{options.seed}-services")
    if options.persons:
        start = Quarter.containing(today).start
    else:
        start = max(today - dt.timedelta(days=365 * options.years),
                    _month_start(today, -DETAIL_MONTHS))
    panti_rows = writer.conn.execute(select(Panti.code, Panti.cluster).where(
        Panti.code.in_(options.panti_codes))).all()
    for code, cluster in sorted(panti_rows):
        _PantiServices(writer, code, cluster, rng, start, today).generate()
    writer.flush()


def _month_start(day: dt.date, months: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


class _PantiServices:
    def __init__(self, writer: BulkWriter, panti: str, cluster: Cluster, rng: random.Random,
                 start: dt.date, today: dt.date) -> None:
        self.writer, self.panti, self.cluster, self.rng = writer, panti, cluster, rng
        self.start, self.today = start, today
        self.items = {i.code for i in spm_items_for(cluster)}
        rows = writer.conn.execute(
            select(Stay.id, Stay.admitted_on, Discharge.discharged_on, Discharge.reason,
                   Person.nik_state, Person.disability_type, Assessment.adl_level)
            .join(Person, Person.id == Stay.person_id)
            .outerjoin(Discharge, and_(Discharge.stay_id == Stay.id,
                                       Discharge.deleted_at.is_(None)))
            .outerjoin(Assessment, Assessment.id == Stay.assessment_id)
            .where(Stay.panti_code == panti, Stay.deleted_at.is_(None),
                   (Discharge.id.is_(None)) | (Discharge.discharged_on >= start))
            .order_by(Stay.no_induk)).all()
        self.stays = []
        for stay_id, admitted, discharged, reason, nik_state, disability, adl in rows:
            level = AdlLevel(adl) if adl in {a.value for a in AdlLevel} else None
            self.stays.append(_Stay(stay_id, panti, cluster, admitted, discharged, reason,
                                    nik_state is NikState.PUNYA,
                                    needs_assistive_device(disability, level)))

    # --- writing ------------------------------------------------------------------------------
    def event(self, stay: _Stay, day: dt.date, code: str, description: str, quantity: str = "",
              given_by: str = "", distribution_id: str | None = None) -> None:
        if code not in self.items or not stay.open_on(day) or day > self.today:
            return
        self.writer.add("service_event", {
            "id": new_id(), "origin": self.panti, "stay_id": stay.id, "delivered_on": day,
            "spm_code": code, "atensi_code": spm_by_code(code).atensi_code,
            "description": description, "quantity": quantity,
            "given_by": given_by or self.rng.choice(WORKERS), "received_by": "",
            "distribution_id": distribution_id,
        })

    def distribution(self, day: dt.date, code: str, description: str, quantity: str,
                     given_by: str, miss: float = 0.0) -> None:
        if code not in self.items or day > self.today or day < self.start:
            return
        recipients = [s for s in self.stays if s.open_on(day) and self.rng.random() >= miss]
        if not recipients:
            return
        distribution_id = new_id()
        self.writer.add("distribution", {
            "id": distribution_id, "origin": self.panti, "panti_code": self.panti,
            "delivered_on": day, "spm_code": code,
            "atensi_code": spm_by_code(code).atensi_code, "description": description,
            "given_by": given_by,
        })
        for stay in recipients:
            self.event(stay, day, code, description, quantity, given_by, distribution_id)

    # --- what a panti does --------------------------------------------------------------------
    def generate(self) -> None:
        month = _month_start(self.start)
        while month <= self.today:
            self.monthly(month)
            month = _month_start(month, 1)
        for stay in self.stays:
            self.individual(stay)
            self.once_per_stay(stay)
            self.documents(stay)
            if stay.discharged and stay.reason in AT_DISCHARGE and self.rng.random() < 0.95:
                code, text = AT_DISCHARGE[stay.reason]
                self.event(stay, stay.discharged, code, text, "", "Rina Marlina (peksos)")

    def monthly(self, month: dt.date) -> None:
        name = f"{MONTHS[month.month - 1]} {month.year}"
        self.distribution(month, "permakanan", f"Permakanan bulan {name}: 3 kali makan dan 2 kali "
                          "makanan selingan sehari (± 2.100 kkal)", "1 bulan", KITCHEN)
        if month.month % 3 == 2:  # the middle month of each quarter
            text, quantity = SANDANG[(month.month // 3 + month.year) % len(SANDANG)]
            self.distribution(month + dt.timedelta(days=9), "sandang", text, quantity, STORE,
                              miss=0.04)
        self.distribution(month + dt.timedelta(days=4), "perbekalan_kesehatan",
                          "Vitamin, obat rutin dan pemeriksaan tekanan darah/gula darah",
                          "1 bulan", NURSE, miss=0.03)

    def individual(self, stay: _Stay) -> None:
        first = max(stay.admitted, self.start)
        last = stay.last_day(self.today)
        if stay.admitted >= self.start:  # joins between two monthly hand-outs
            self.event(stay, stay.admitted, "permakanan", "Permakanan sejak hari masuk panti",
                       "sisa bulan berjalan", KITCHEN)
        month = _month_start(first)
        skills_missed = self.rng.random() < 0.05  # some residents are not reached for a while
        while month <= last:
            for _i in range(self.rng.choice((1, 1, 2))):
                self.event(stay, self._day_in(month), "bimbingan",
                           self.rng.choice(BIMBINGAN[self.cluster]), "1 sesi")
            if not (skills_missed and month >= _month_start(self.today, -4)):
                for _i in range(self.rng.choice((0, 1, 2, 2))):
                    self.event(stay, self._day_in(month), "keterampilan_hidup",
                               LIFE_SKILLS[self.cluster], "1 sesi")
            if self.rng.random() < 0.9:
                self.event(stay, self._day_in(month), "pengasuhan",
                           "Pendampingan harian oleh pengasuh wisma dan pemantauan tumbuh kembang",
                           "1 bulan", "Maya Sari (pengasuh)")
            month = _month_start(month, 1)

    def _day_in(self, month: dt.date) -> dt.date:
        return month + dt.timedelta(days=self.rng.randint(0, 27))

    def once_per_stay(self, stay: _Stay) -> None:
        def after(days_from: int, days_to: int) -> dt.date:
            return stay.admitted + dt.timedelta(days=self.rng.randint(days_from, days_to))

        if self.rng.random() < 0.95:
            self.event(stay, after(5, 28), "akses_pendidikan_kesehatan", ACCESS[self.cluster])
        if stay.assistive and self.rng.random() < 0.93:
            self.event(stay, after(7, 30), "alat_bantu", self.rng.choice(DEVICES), "1 buah",
                       STORE)
        if self.rng.random() < 0.3:
            self.event(stay, after(3, 30), "penelusuran_keluarga",
                       "Penelusuran keluarga melalui Dinas Sosial kabupaten asal dan aparat desa")
        if self.rng.random() < 0.85:
            self.event(stay, after(14, 60), "keterampilan_usaha",
                       "Bimbingan keterampilan dasar usaha: sablon, pangkas rambut atau "
                       "berdagang kecil", "8 sesi")

    def documents(self, stay: _Stay) -> None:
        last = stay.last_day(self.today)
        if stay.admitted < self.start - dt.timedelta(days=120):
            return  # settled long before the detailed period
        wanted: list[CivilDocument] = []
        if not stay.has_nik and self.rng.random() < 0.9:
            wanted.append(CivilDocument.NIK)
        if self.cluster is Cluster.ANAK and self.rng.random() < 0.4:
            wanted.append(self.rng.choice((CivilDocument.AKTA_LAHIR, CivilDocument.KIA)))
        if stay.has_nik and self.rng.random() < 0.12:
            wanted.append(self.rng.choice((CivilDocument.KARTU_JKN, CivilDocument.KTP)))
        for document in wanted:
            submitted = stay.admitted + dt.timedelta(days=self.rng.randint(3, 35))
            if submitted > last:
                continue
            self._request(stay, document, submitted, last)

    def _request(self, stay: _Stay, document: CivilDocument, submitted: dt.date,
                 last: dt.date) -> None:
        rng = self.rng
        office = "BPJS Kesehatan Kantor Cabang Bandar Lampung" \
            if document is CivilDocument.KARTU_JKN else rng.choice(OFFICES)
        status, status_on = DocumentStatus.SUBMITTED, submitted
        issued: dt.date | None = None
        number, notes = "", ""
        # Most come within weeks; some wait at Disdukcapil for months (Beranda shows them).
        takes = rng.randint(20, 120) if rng.random() < 0.8 else rng.randint(150, 240)
        elapsed = (last - submitted).days
        if elapsed > takes and rng.random() < 0.88:
            issued = submitted + dt.timedelta(days=takes)
            status, status_on = DocumentStatus.ISSUED, min(last, issued + dt.timedelta(
                days=rng.randint(0, 5)))
            number = self._number(document, issued)
        elif elapsed > takes:
            status = DocumentStatus.REFUSED
            status_on = submitted + dt.timedelta(days=takes)
            notes = f"{status_on.strftime('%d/%m/%Y')} Ditolak: {rng.choice(REFUSALS)}"
        elif stay.discharged is not None:
            return  # not issued before the resident left: not applied for, in this story
        elif elapsed > 10:
            status = DocumentStatus.IN_PROCESS
            status_on = submitted + dt.timedelta(days=rng.randint(5, 10))
        self.writer.add("document_request", {
            "id": new_id(), "origin": self.panti, "stay_id": stay.id, "document": document,
            "status": status, "submitted_on": submitted, "office": office,
            "status_on": status_on, "issued_on": issued, "document_number": number,
            "notes": notes,
        })
        if issued is not None:
            self.event(stay, issued, "dokumen_kependudukan",
                       f"{document.source_label} terbit, nomor {number}", "1", office)

    def _number(self, document: CivilDocument, issued: dt.date) -> str:
        digits = "".join(str(self.rng.randint(0, 9)) for _i in range(12))
        if document in (CivilDocument.NIK, CivilDocument.KTP, CivilDocument.KK):
            return "1871" + digits
        if document is CivilDocument.KARTU_JKN:
            return "000" + digits[:10]
        return f"1871-LT-{issued.strftime('%d%m%Y')}-{digits[:4]}"
