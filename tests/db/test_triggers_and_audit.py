"""Change-log triggers, the rev guard, the append-only audit log, and audit rows per change."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from pantidesk.db.base import synced_tables
from pantidesk.db.models import AuditLog, ChangeLog, Person
from pantidesk.db.triggers import existing_triggers
from pantidesk.domain.enums import NikState, Sex


def _person(name: str = "Siti Aminah") -> Person:
    return Person(name=name, sex=Sex.P, nik_state=NikState.BELUM_ADA,
                  birth_date=dt.date(1950, 3, 12))


def test_every_synced_table_has_its_triggers(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.engine.connect() as conn:
        triggers = existing_triggers(conn)
    assert {"person", "family_contact", "intake", "assessment", "stay", "discharge",
            "audit_log"} <= set(synced_tables())
    for table in synced_tables():
        assert f"trg_{table}_changelog_insert" in triggers
        assert f"trg_{table}_changelog_update" in triggers


def test_insert_and_update_are_logged_with_rev(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as session:
        person = _person()
        session.add(person)
    with ctx.unit_of_work() as session:
        stored = session.get(Person, person.id)
        stored.name = "Siti Aminah binti Ahmad"
    with ctx.reading() as session:
        log = session.scalars(select(ChangeLog).where(ChangeLog.row_id == person.id)
                              .order_by(ChangeLog.seq)).all()
        assert [(c.tbl, c.rev) for c in log] == [("person", 1), ("person", 2)]
        assert session.get(Person, person.id).origin == "TW"


def test_update_without_rev_bump_is_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as session:
        person = _person()
        session.add(person)
    with pytest.raises(IntegrityError, match="rev must be incremented"), ctx.engine.begin() as conn:
        conn.execute(text("UPDATE person SET name = 'X' WHERE id = :id"), {"id": person.id})


def test_audit_log_is_append_only(ctx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(IntegrityError, match="append-only"), ctx.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET username = 'someone-else'"))
    with pytest.raises(IntegrityError, match="append-only"), ctx.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log"))


def test_changes_are_audited_with_field_diff(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as session:
        person = _person()
        session.add(person)
    with ctx.unit_of_work() as session:
        session.get(Person, person.id).birth_place = "Metro"
    with ctx.reading() as session:
        rows = session.scalars(select(AuditLog).where(AuditLog.entity_id == person.id)
                               .order_by(AuditLog.at, AuditLog.action)).all()
        actions = {row.action: (row.diff, row.username) for row in rows}
    assert set(actions) == {"create", "update"}
    assert json.loads(actions["create"][0])["name"] == "Siti Aminah"
    assert json.loads(actions["update"][0]) == {"birth_place": ["", "Metro"]}
    assert {username for _diff, username in actions.values()} == {"admin"}


def test_failed_unit_of_work_changes_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.reading() as session:
        before = session.scalar(select(text("count(*)")).select_from(Person))
    with pytest.raises(RuntimeError), ctx.unit_of_work() as session:
        session.add(_person())
        session.flush()
        raise RuntimeError("power cut simulated")
    with ctx.reading() as session:
        assert session.scalar(select(text("count(*)")).select_from(Person)) == before


def test_person_search_tokens_follow_the_name(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as session:
        person = _person("Moh. Djoko Santoso")
        session.add(person)
    with ctx.unit_of_work() as session:
        stored = session.get(Person, person.id)
        tokens_before = {t.token for t in stored.search_tokens}
        stored.name = "Bambang Santoso"
    with ctx.reading() as session:
        tokens_after = {t.token for t in session.get(Person, person.id).search_tokens}
    assert "muhammad" in tokens_before
    assert "bambang" in tokens_after and "muhammad" not in tokens_after
