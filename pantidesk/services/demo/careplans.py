"""Demo care plans, reviews and progress notes for the residents living in the demo panti.

Most residents who have been in the panti for a few weeks get a plan from the catalogue of their
cluster, agreed with them or their family; reviews follow about every three months with progress
that grows over time, some plans were revised after a review (the earlier version kept), a few
reviews are overdue, and everyone has a few recent progress notes. Rows are written with Core
inserts in the demo's transaction, like the rest of the demo.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, exists, insert, select

from pantidesk.clock import WIB
from pantidesk.db.base import Base, new_id
from pantidesk.db.models import Discharge, Panti, Person, Stay
from pantidesk.domain.careplan_rules import default_next_review
from pantidesk.domain.enums import AgreedBy, Cluster, GoalProgress, InterventionStatus
from pantidesk.domain.goal_catalogue import CatalogueGoal, shipped_goals_for
from pantidesk.services.demo.careplan_texts import (
    ACTIVITIES,
    CORRECTIONS,
    NOTES,
    REVIEW_NOTES,
    REVISION_REASONS,
    STAFF,
)

TABLES = ("care_plan", "care_goal", "intervention", "plan_review", "goal_review",
          "progress_note", "progress_note_correction")
RECENT_DAYS = 90
PLAN_SHARE = 0.6
AGREED_SHARE = 0.5
# Of the reviews that fell due in the last weeks, the share not held yet: they show as overdue.
LAPSED_SHARE = 0.2
LAPSED_WITHIN_DAYS = 45
REVISE_SHARE = 0.35


@dataclass
class _Version:
    row: dict[str, Any]
    goals: list[tuple[dict[str, Any], list[dict[str, Any]]]] = field(default_factory=list)


class _Rows:
    """Rows per table with the sync columns stamped; ``at`` is when the record was written."""

    def __init__(self, username: str) -> None:
        self.username = username
        self.tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def add(self, table: str, origin: str, at: dt.datetime, **values: Any) -> dict[str, Any]:
        row = {"id": new_id(), "origin": origin, "rev": 1, "created_at": at,
               "created_by": self.username, "updated_at": at, "updated_by": self.username,
               "deleted_at": None, **values}
        self.tables[table].append(row)
        return row

    def write(self, conn: Connection) -> None:
        for name in TABLES:
            if self.tables[name]:
                conn.execute(insert(Base.metadata.tables[name]), self.tables[name])


def _written(day: dt.date, rng: random.Random, now: dt.datetime) -> dt.datetime:
    at = dt.datetime.combine(day, dt.time(rng.randint(8, 15), rng.randint(0, 59)), tzinfo=WIB)
    return min(at, now - dt.timedelta(minutes=rng.randint(5, 90)))


def fill_care_plans(conn: Connection, username: str, rng: random.Random,
                    now: dt.datetime) -> dict[str, int]:
    """Plans, reviews and notes for every open stay; returns the number of rows per table."""
    today = now.astimezone(WIB).date()
    stays = conn.execute(
        select(Stay.id, Stay.admitted_on, Stay.panti_code, Panti.cluster, Person.name)
        .join(Panti, Panti.code == Stay.panti_code)
        .join(Person, Person.id == Stay.person_id)
        .where(Stay.deleted_at.is_(None),
               ~exists().where(Discharge.stay_id == Stay.id, Discharge.deleted_at.is_(None)))
        .order_by(Stay.no_induk)).all()
    rows = _Rows(username)
    for stay_id, admitted, panti, cluster, name in stays:
        cluster = Cluster(cluster)
        _Stay(rows, rng, now, today, stay_id, admitted, panti, cluster, name).generate()
    rows.write(conn)
    return {name: len(table) for name, table in rows.tables.items()}


class _Stay:
    def __init__(self, rows: _Rows, rng: random.Random, now: dt.datetime, today: dt.date,
                 stay_id: str, admitted: dt.date, panti: str, cluster: Cluster,
                 name: str) -> None:
        self.rows, self.rng, self.now, self.today = rows, rng, now, today
        self.stay_id, self.admitted, self.panti = stay_id, admitted, panti
        self.cluster, self.name = cluster, name
        self.worker = rng.choice(STAFF["peksos"])
        self.latest: dict[str, GoalProgress] = {}  # by goal code, at the last review

    def add(self, table: str, day: dt.date, **values: Any) -> dict[str, Any]:
        return self.rows.add(table, self.panti, _written(day, self.rng, self.now), **values)

    def generate(self) -> None:
        self._notes()
        made = self.admitted + dt.timedelta(days=self.rng.randint(7, 25))
        # Plans still missing or in draft belong to recent admissions, as in a working panti.
        recent = self.today - made < dt.timedelta(days=RECENT_DAYS)
        if made > self.today or (recent and self.rng.random() > PLAN_SHARE):
            return
        version = self._first_version(made)
        if (recent and self.rng.random() > AGREED_SHARE) or not self._agree(version, made):
            return
        self._progress_statuses(self._reviews(version), self.today)

    # --- plan -----------------------------------------------------------------------------------
    def _choose_goals(self) -> list[CatalogueGoal]:
        offered = shipped_goals_for(self.cluster)
        by_component: dict[int, list[CatalogueGoal]] = {}
        for goal in offered:
            by_component.setdefault(goal.atensi_code, []).append(goal)
        components = sorted(by_component)
        chosen_components = sorted(self.rng.sample(components, min(len(components),
                                                                   self.rng.randint(4, 6))))
        return [self.rng.choice(by_component[c]) for c in chosen_components]

    def _first_version(self, made: dt.date) -> _Version:
        plan = self.add("care_plan", made, stay_id=self.stay_id, version=1, made_on=made,
                        made_by=self.worker, agreed_by=None, agreed_name="", agreed_on=None,
                        revision_reason="", next_review_due=None, superseded_at=None)
        version = _Version(plan)
        for position, goal in enumerate(self._choose_goals()):
            self._add_goal(version, goal, position, made)
        return version

    def _add_goal(self, version: _Version, goal: CatalogueGoal, position: int,
                  made: dt.date) -> None:
        row = self.add("care_goal", made, plan_id=version.row["id"], atensi_code=goal.atensi_code,
                       template_code=goal.code, description=goal.description,
                       position=position)
        items = []
        choices = ACTIVITIES.get(goal.code, ACTIVITIES["*"])
        for index, (activity, role) in enumerate(
                self.rng.sample(choices, min(len(choices), self.rng.randint(1, 2)))):
            target = made + dt.timedelta(days=self.rng.choice((30, 60, 90, 120, 180)))
            items.append(self.add("intervention", made, goal_id=row["id"], activity=activity,
                                  responsible=self.rng.choice(STAFF[role]), target_date=target,
                                  status=InterventionStatus.PLANNED, position=index))
        version.goals.append((row, items))

    def _agree(self, version: _Version, made: dt.date) -> bool:
        agreed = made + dt.timedelta(days=self.rng.randint(0, 4))
        if agreed > self.today:
            return False
        plan = version.row
        who = AgreedBy.RESIDENT if self.cluster in (Cluster.LANSIA, Cluster.GEPENG) else (
            self.rng.choice((AgreedBy.GUARDIAN, AgreedBy.FAMILY, AgreedBy.RESIDENT)))
        plan["agreed_by"] = who
        plan["agreed_name"] = self.name if who is AgreedBy.RESIDENT else self.rng.choice(
            STAFF["wali"])
        plan["agreed_on"] = agreed
        plan["next_review_due"] = default_next_review(agreed)
        plan["updated_at"] = _written(agreed, self.rng, self.now)
        return True

    def _progress_statuses(self, version: _Version, on: dt.date) -> None:
        for goal, items in version.goals:
            progress = self.latest.get(goal["template_code"])
            for item in items:
                if item["status"] is InterventionStatus.DONE:
                    continue
                if progress is GoalProgress.ACHIEVED:
                    item["status"] = InterventionStatus.DONE
                elif progress is GoalProgress.NOT_STARTED:
                    item["status"] = InterventionStatus.PLANNED
                elif item["target_date"] <= on:
                    item["status"] = (InterventionStatus.DONE if self.rng.random() < 0.8
                                      else InterventionStatus.RUNNING)
                elif item["target_date"] - on < dt.timedelta(days=60):
                    item["status"] = InterventionStatus.RUNNING
                else:
                    item["status"] = InterventionStatus.PLANNED

    # --- reviews and revisions ------------------------------------------------------------------
    def _reviews(self, version: _Version) -> _Version:
        """Reviews every three months until today (the last may be overdue); the version that
        is current at the end."""
        start = version.row["agreed_on"]
        due = version.row["next_review_due"]
        count = 0
        revised = False
        while due <= self.today:
            held = due + dt.timedelta(days=self.rng.randint(-10, 5))
            recent = self.today - due < dt.timedelta(days=LAPSED_WITHIN_DAYS)
            if held > self.today or (recent and self.rng.random() < LAPSED_SHARE):
                break
            held = max(held, version.row["agreed_on"])
            count += 1
            self._review(version, held, min(1.0, (held - start).days / 365), count == 1)
            due = version.row["next_review_due"] = default_next_review(held)
            if count >= 2 and not revised and self.rng.random() < REVISE_SHARE:
                version = self._revise(version, held)
                revised = True
        version.row["next_review_due"] = due
        return version

    def _review(self, version: _Version, held: dt.date, elapsed: float, first: bool) -> None:
        review = self.add("plan_review", held, plan_id=version.row["id"], reviewed_on=held,
                          reviewer=self.worker, summary=self.rng.choice(REVIEW_NOTES["summary"]),
                          next_review_due=default_next_review(held))
        for goal, _items in version.goals:
            roll = self.rng.random()
            before = self.latest.get(goal["template_code"])
            if before is GoalProgress.ACHIEVED or roll < elapsed * 0.3:
                progress = GoalProgress.ACHIEVED
            elif first and roll > 0.85:
                progress = GoalProgress.NOT_STARTED
            elif roll > 0.94:
                progress = GoalProgress.NOT_ACHIEVED
            else:
                progress = GoalProgress.IN_PROGRESS
            self.latest[goal["template_code"]] = progress
            self.add("goal_review", held, review_id=review["id"], goal_id=goal["id"],
                     progress=progress, note=self.rng.choice(REVIEW_NOTES[progress.value]))

    def _revise(self, old: _Version, held: dt.date) -> _Version:
        made = held
        agreed = min(self.today, made + dt.timedelta(days=self.rng.randint(0, 3)))
        old.row["superseded_at"] = _written(made, self.rng, self.now)
        self._progress_statuses(old, made)
        plan = self.add("care_plan", made, stay_id=self.stay_id, version=old.row["version"] + 1,
                        made_on=made, made_by=self.worker, agreed_by=old.row["agreed_by"],
                        agreed_name=old.row["agreed_name"], agreed_on=agreed,
                        revision_reason=self.rng.choice(REVISION_REASONS),
                        next_review_due=default_next_review(held), superseded_at=None)
        new = _Version(plan)
        for position, (goal, items) in enumerate(old.goals):
            copy = self.add("care_goal", made, **{**_content(goal), "plan_id": plan["id"],
                                                  "position": position})
            copies = [self.add("intervention", made, **{**_content(item), "goal_id": copy["id"]})
                      for item in items]
            for item in copies:  # what is still open gets a new target in the new version
                if item["status"] is not InterventionStatus.DONE and item["target_date"] < made:
                    item["target_date"] = made + dt.timedelta(days=self.rng.choice((60, 90)))
            new.goals.append((copy, copies))
        used = {g["template_code"] for g, _items in old.goals}
        extra = [g for g in shipped_goals_for(self.cluster) if g.code not in used]
        if extra:
            self._add_goal(new, self.rng.choice(extra), len(new.goals), made)
        return new

    # --- progress notes -------------------------------------------------------------------------
    def _notes(self) -> None:
        first = max(self.admitted, self.today - dt.timedelta(days=60))
        span = (self.today - first).days
        texts = NOTES[self.cluster]
        for text in self.rng.sample(texts, self.rng.randint(2, min(5, len(texts)))):
            day = first + dt.timedelta(days=self.rng.randint(0, span))
            at = _written(day, self.rng, self.now)
            note = self.rows.add("progress_note", self.panti, at, stay_id=self.stay_id,
                                 written_on=day, author=self.rng.choice(STAFF["peksos"]),
                                 text=text)
            if self.rng.random() < 0.06 and day < self.today:
                later = at + dt.timedelta(days=self.rng.randint(2, 5))
                if later < self.now:
                    previous, corrected, reason = self.rng.choice(CORRECTIONS)
                    note["text"] = corrected
                    note["updated_at"] = later
                    self.rows.add("progress_note_correction", self.panti, later,
                                  note_id=note["id"], previous_text=previous, reason=reason)


def _content(row: dict[str, Any]) -> dict[str, Any]:
    skip = {"id", "origin", "rev", "created_at", "created_by", "updated_at", "updated_by",
            "deleted_at"}
    return {k: v for k, v in row.items() if k not in skip}
