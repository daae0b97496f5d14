"""Demo daily life: wisma and rooms sized to the panti, the current residents placed in rooms that
fit them, a month of roll calls, a few leaves (one overdue), a resident who ran away with the
search so far, incidents and a health log.

Written with Core inserts like the rest of the demo, with its own random stream, so the other demo
data stays the same for a given seed. Only the room text of current residents' stays is changed.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, insert, select, update

from pantidesk.clock import WIB
from pantidesk.db.base import Base, new_id
from pantidesk.db.models import Discharge, Panti, Person, Stay
from pantidesk.domain.enums import (
    AbsenceKind,
    Cluster,
    DischargeReason,
    HealthEventKind,
    IncidentKind,
    Presence,
    Sex,
)
from pantidesk.services.demo.writer import BulkWriter

if TYPE_CHECKING:
    from pantidesk.services.demo import DemoOptions

ROLL_CALL_DAYS = 30
RECENT_DAYS = 60
# Wisma per cluster and the sex each houses; the last entry of a tuple may be a mixed room.
WISMA: dict[Cluster, dict[Sex, tuple[str, ...]]] = {
    Cluster.LANSIA: {Sex.P: ("Wisma Cempaka", "Wisma Dahlia", "Wisma Seruni"),
                     Sex.L: ("Wisma Flamboyan", "Wisma Teratai")},
    Cluster.ANAK: {Sex.P: ("Wisma Melati", "Wisma Mawar"), Sex.L: ("Wisma Anggrek",
                                                                   "Wisma Kenanga")},
    Cluster.DISABILITAS: {Sex.P: ("Wisma Sejahtera",), Sex.L: ("Wisma Harapan",
                                                              "Wisma Mandiri")},
    Cluster.GEPENG: {Sex.P: ("Asrama Putri",), Sex.L: ("Asrama Putra",)},
}
MIXED_ROOM = {Cluster.LANSIA: "Ruang Perawatan", Cluster.ANAK: "Ruang UKS",
              Cluster.DISABILITAS: "Ruang Perawatan", Cluster.GEPENG: "Asrama Keluarga"}
STAFF = ("Rina Marlina", "Andi Saputra", "Yusuf Hidayat", "Dewi Lestari", "Maya Sari",
         "Agus Setiawan")
DESTINATIONS = ("rumah keponakan di Kec. Natar, Lampung Selatan",
                "rumah kakak di Kel. Way Halim, Bandar Lampung",
                "rumah paman di Kec. Gading Rejo, Pringsewu",
                "rumah adik di Kota Metro")
LEAVE_REASONS = ("Menghadiri pernikahan keluarga", "Menjenguk keluarga yang sakit",
                 "Lebaran bersama keluarga",
                 "Kunjungan rumah (home visit) persiapan reunifikasi")
INCIDENTS: dict[IncidentKind, tuple[str, str]] = {
    IncidentKind.FIGHT: ("Bertengkar mulut dan saling dorong di ruang makan, berebut kursi.",
                         "Dilerai pengasuh, kedua pihak dimediasi peksos."),
    IncidentKind.ACCIDENT: ("Terpeleset di kamar mandi wisma, lutut kanan memar.",
                            "Dikompres dan diperiksa perawat; lantai kamar mandi diberi keset."),
    IncidentKind.THEFT: ("Melaporkan uang Rp50.000 di lemari hilang.",
                         "Lemari diberi kunci; penghuni sekamar diajak bicara."),
    IncidentKind.VIOLENCE: ("Diejek dan didorong oleh penghuni lain saat kegiatan sore.",
                            "Pelaku ditegur dan dibina; korban didampingi konseling."),
    IncidentKind.OTHER: ("Keluar kamar tengah malam dan tampak bingung mencari jalan pulang.",
                         "Diantar kembali ke kamar; pengawasan malam ditambah."),
}


@dataclass
class _Resident:
    stay_id: str
    name: str
    sex: Sex
    admitted_on: dt.date
    discharged_on: dt.date | None
    reason: DischargeReason | None
    room: str = ""


class _Daily:
    def __init__(self, writer: BulkWriter, panti: str, cluster: Cluster, capacity: int,
                 rng: random.Random, today: dt.date) -> None:
        self.writer, self.panti, self.cluster, self.capacity = writer, panti, cluster, capacity
        self.rng, self.today = rng, today
        now = writer.stamp["created_at"]
        assert isinstance(now, dt.datetime)
        self.now = now
        self.rows: dict[str, list[dict[str, Any]]] = {}
        since = today - dt.timedelta(days=RECENT_DAYS)
        result = writer.conn.execute(
            select(Stay.id, Person.name, Person.sex, Stay.admitted_on, Discharge.discharged_on,
                   Discharge.reason)
            .join(Person, Person.id == Stay.person_id)
            .outerjoin(Discharge, and_(Discharge.stay_id == Stay.id,
                                       Discharge.deleted_at.is_(None)))
            .where(Stay.panti_code == panti, Stay.deleted_at.is_(None),
                   (Discharge.id.is_(None)) | (Discharge.discharged_on > since))
            .order_by(Stay.no_induk))
        self.residents = [_Resident(*row) for row in result]
        self.current = [r for r in self.residents if r.discharged_on is None]

    def add(self, table: str, **row: Any) -> dict[str, Any]:
        full = {**self.writer.stamp, "id": new_id(), "origin": self.panti, **row}
        self.rows.setdefault(table, []).append(full)
        return full

    def at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=WIB)

    # --- rooms ----------------------------------------------------------------------------
    def rooms(self) -> None:
        by_sex = {sex: [r for r in self.current if r.sex is sex] for sex in Sex}
        total = max(1, len(self.current))
        rooms: list[tuple[str, int, Sex | None]] = []
        for sex, bases in WISMA[self.cluster].items():
            need = len(by_sex[sex])
            target = max(need + 2, round(self.capacity * need / total))
            beds, index = 0, 0
            while beds < target:
                base = bases[index % len(bases)]
                size = self.rng.randint(4, 8)
                rooms.append((f"{base} {index // len(bases) + 1}", size, sex))
                beds += size
                index += 1
        rooms.append((MIXED_ROOM[self.cluster], 4, None))
        for name, beds, room_sex in rooms:
            self.add("room", panti_code=self.panti, name=name, beds=beds, sex=room_sex,
                     notes="Dekat pos jaga" if room_sex is None else "")
        newest = sorted(self.current, key=lambda r: r.admitted_on)[-2:]
        for sex in Sex:
            people = [r for r in by_sex[sex] if r not in newest]
            self.rng.shuffle(people)
            slots: list[str] = []
            mine = [(name, beds) for name, beds, room_sex in rooms if room_sex is sex]
            self.rng.shuffle(mine)  # spare rooms anywhere in the wisma, not all the last ones
            for name, beds in mine:
                slots += [name] * (beds - (1 if self.rng.random() < 0.35 else 0))
            spare = [name for name, beds, room_sex in rooms if room_sex is sex]
            for i, person in enumerate(people):
                person.room = slots[i] if i < len(slots) else spare[i % len(spare)]
        if self.current:
            self.writer.conn.execute(
                update(Stay).where(Stay.id == bindparam("sid")).values(
                    room=bindparam("new_room"), rev=Stay.rev + 1),
                [{"sid": r.stay_id, "new_room": r.room} for r in self.current])

    # --- absences -------------------------------------------------------------------------
    def _settled(self, days: int) -> list[_Resident]:
        """Current residents admitted at least ``days`` ago, in a random order."""
        chosen = [r for r in self.current
                  if r.admitted_on <= self.today - dt.timedelta(days=days)]
        self.rng.shuffle(chosen)
        return chosen

    def absences(self) -> list[tuple[str, AbsenceKind, dt.date, dt.date | None]]:
        """(stay, kind, left, back) of every absence made, for the roll calls."""
        made: list[tuple[str, AbsenceKind, dt.date, dt.date | None]] = []
        pool = self._settled(40)
        if len(pool) < 7:
            return made
        t = self.today
        plans = [  # (kind, left, expected return, returned)
            (AbsenceKind.LEAVE, t - dt.timedelta(days=10), t - dt.timedelta(days=3), None),
            (AbsenceKind.LEAVE, t - dt.timedelta(days=2), t + dt.timedelta(days=3), None),
            (AbsenceKind.PERMISSION, self.now.astimezone(WIB).date(), t, None),
            (AbsenceKind.LEAVE, t - dt.timedelta(days=25), t - dt.timedelta(days=21),
             t - dt.timedelta(days=21)),
            (AbsenceKind.LEAVE, t - dt.timedelta(days=18), t - dt.timedelta(days=15),
             t - dt.timedelta(days=14)),
        ]
        for (kind, left, expected, back), resident in zip(plans, pool, strict=False):
            left_at = self.at(left, 8, 30)
            if kind is AbsenceKind.PERMISSION:  # out for a few hours this morning
                left_at = self.now - dt.timedelta(hours=1)
                left = left_at.astimezone(WIB).date()
            self.add("absence", stay_id=resident.stay_id, kind=kind,
                     left_at=left_at, expected_return=expected,
                     follow_up_until=None, destination=self.rng.choice(DESTINATIONS),
                     reason="Berbelanja keperluan pribadi ke pasar" if kind is
                     AbsenceKind.PERMISSION else self.rng.choice(LEAVE_REASONS),
                     returned_at=self.at(back, 16) if back else None,
                     return_note="Kembali diantar keluarga dalam keadaan sehat." if back else "")
            made.append((resident.stay_id, kind, left, back))
        runaway = pool[5]
        left = t - dt.timedelta(days=4)
        absence = self.add(
            "absence", stay_id=runaway.stay_id, kind=AbsenceKind.ABSCONDED,
            left_at=self.at(left, 5, 30), expected_return=None,
            follow_up_until=left + dt.timedelta(days=7),
            destination="Diduga ke terminal Rajabasa, pernah bercerita ingin ke rumah teman",
            reason="Tidak ada di kamar saat apel pagi; sandal dan tas pakaian ikut hilang.",
            returned_at=None, return_note="")
        made.append((runaway.stay_id, AbsenceKind.ABSCONDED, left, None))
        for days, hour, action, result in (
                (4, 7, "Mencari di lingkungan panti, kebun dan pasar terdekat", "Belum ditemukan"),
                (3, 10, "Menghubungi keluarga dan teman yang dikenal melalui telepon",
                 "Keluarga belum menerima kabar"),
                (2, 9, "Melapor ke Polsek setempat dan Dinas Sosial kabupaten asal",
                 "Laporan diterima; foto penghuni diserahkan")):
            self.add("absence_follow_up", absence_id=absence["id"],
                     done_at=self.at(t - dt.timedelta(days=days), hour), action=action,
                     result=result)
        returned = pool[6]
        left = t - dt.timedelta(days=20)
        earlier = self.add(
            "absence", stay_id=returned.stay_id, kind=AbsenceKind.ABSCONDED,
            left_at=self.at(left, 19), expected_return=None,
            follow_up_until=left + dt.timedelta(days=7), destination="",
            reason="Pergi tanpa pamit setelah kegiatan sore.",
            returned_at=self.at(left + dt.timedelta(days=2), 11),
            return_note="Ditemukan warga di pasar dan diantar kembali; kondisi sehat.")
        self.add("absence_follow_up", absence_id=earlier["id"],
                 done_at=self.at(left + dt.timedelta(days=1), 8),
                 action="Mencari di pasar dan masjid sekitar bersama warga", result="")
        made.append((returned.stay_id, AbsenceKind.ABSCONDED, left, left + dt.timedelta(days=2)))
        return made

    # --- roll calls -----------------------------------------------------------------------
    def roll_calls(self, absences: list[tuple[str, AbsenceKind, dt.date, dt.date | None]]) -> None:
        away = {
            AbsenceKind.LEAVE: Presence.ON_LEAVE, AbsenceKind.PERMISSION: Presence.PERMITTED,
            AbsenceKind.ABSCONDED: Presence.ABSENT,
        }
        for back in range(ROLL_CALL_DAYS, 0, -1):
            day = self.today - dt.timedelta(days=back)
            living = [r for r in self.residents if r.admitted_on <= day
                      and (r.discharged_on is None or r.discharged_on > day)]
            if not living:
                continue
            taken = self.at(day, 7, self.rng.randint(5, 40))
            roll_call = self.add("roll_call", panti_code=self.panti, held_on=day,
                                 taken_by=self.rng.choice(STAFF), created_at=taken,
                                 updated_at=taken)
            for resident in living:
                presence, note = Presence.PRESENT, ""
                for stay_id, kind, left, returned in absences:
                    if stay_id == resident.stay_id and left <= day and (
                            returned is None or returned > day):
                        presence = away[kind]
                roll = self.rng.random()
                if presence is Presence.PRESENT and roll < 0.02:
                    presence, note = Presence.SICK, "Demam, istirahat di kamar"
                elif presence is Presence.PRESENT and roll < 0.025:
                    presence, note = Presence.PERMITTED, "Kontrol ke puskesmas"
                self.add("roll_call_entry", roll_call_id=roll_call["id"],
                         stay_id=resident.stay_id, presence=presence, note=note,
                         created_at=taken, updated_at=taken)

    # --- incidents and health -------------------------------------------------------------
    def _day_in_stay(self, resident: _Resident) -> dt.date:
        first = max(resident.admitted_on, self.today - dt.timedelta(days=RECENT_DAYS))
        last = resident.discharged_on or self.today
        return first + dt.timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def incidents(self) -> None:
        if len(self.current) < 2:
            return
        kinds = list(INCIDENTS)
        for _i in range(max(2, len(self.current) // 15)):
            resident, other = self.rng.sample(self.current, 2)
            kind = self.rng.choice(kinds)
            description, action = INCIDENTS[kind]
            day = self._day_in_stay(resident)
            self.add("incident", stay_id=resident.stay_id,
                     occurred_at=self.at(day, self.rng.randint(7, 20), self.rng.choice((0, 30))),
                     kind=kind, description=description,
                     others_involved=other.name if kind in (IncidentKind.FIGHT,
                                                            IncidentKind.VIOLENCE) else "",
                     action_taken=action, reported_by="Pengasuh " + self.rng.choice(STAFF))

    def health(self) -> None:
        for resident in self.current[: max(4, len(self.current) // 4)]:
            day = self._day_in_stay(resident)
            nurse = "Perawat " + self.rng.choice(STAFF)
            roll = self.rng.random()
            if roll < 0.4:
                self.add("health_event", stay_id=resident.stay_id, occurred_on=day,
                         kind=HealthEventKind.CHECKUP, facility="Puskesmas Natar",
                         description="Pemeriksaan rutin bulanan: tekanan darah 140/90, "
                                     "gula darah sewaktu 132.", recorded_by=nurse)
            elif roll < 0.75:
                self.add("health_event", stay_id=resident.stay_id, occurred_on=day,
                         kind=HealthEventKind.SICK, facility="",
                         description="Demam dan batuk 2 hari; diberi parasetamol, istirahat "
                                     "di kamar.", recorded_by=nurse)
            else:
                kind, facility = self.rng.choice((
                    (HealthEventKind.REFERRED_PUSKESMAS, "Puskesmas Natar"),
                    (HealthEventKind.REFERRED_RS, "RSUD Dr. H. Abdul Moeloek"),
                    (HealthEventKind.REFERRED_RSJ, "RS Jiwa Daerah Provinsi Lampung")))
                self.add("health_event", stay_id=resident.stay_id, occurred_on=day, kind=kind,
                         facility=facility, description="Sesak napas dan lemas; dirujuk untuk "
                         "pemeriksaan lanjutan.", recorded_by=nurse)
                back = day + dt.timedelta(days=self.rng.randint(1, 5))
                if back <= self.today:
                    self.add("health_event", stay_id=resident.stay_id, occurred_on=back,
                             kind=HealthEventKind.RETURNED, facility=facility,
                             description="Kembali ke panti; kontrol ulang dua minggu lagi.",
                             recorded_by=nurse)
        for resident in self.residents:
            if resident.reason is DischargeReason.MENINGGAL and resident.discharged_on:
                self.add("health_event", stay_id=resident.stay_id,
                         occurred_on=resident.discharged_on, kind=HealthEventKind.DIED,
                         facility="", description="Meninggal dunia di panti; keluarga "
                         "diberi tahu, dimakamkan di TPU setempat.",
                         recorded_by="Perawat " + self.rng.choice(STAFF))

    def write(self) -> None:
        for table in ("room", "absence", "absence_follow_up", "roll_call", "roll_call_entry",
                      "incident", "health_event"):
            rows = self.rows.pop(table, [])
            if rows:
                self.writer.conn.execute(insert(Base.metadata.tables[table]), rows)
                self.writer.counts[table] += len(rows)


def fill_daily_life(writer: BulkWriter, options: DemoOptions, today: dt.date) -> None:
    """Daily life of every demo panti; called after the residents are written."""
    rng = random.Random(f"{options.seed}-daily")
    for code in options.panti_codes:
        panti = writer.conn.execute(select(Panti.cluster, Panti.capacity)
                                    .where(Panti.code == code)).one()
        daily = _Daily(writer, code, panti.cluster, panti.capacity, rng, today)
        if not daily.current:
            continue
        daily.rooms()
        daily.roll_calls(daily.absences())
        daily.incidents()
        daily.health()
        daily.write()
