"""The unit of work: one session and one transaction per user action.

``with unit_of_work(db, actor) as session:`` commits when the block ends and rolls back on any
exception. Before each flush it stamps the sync columns (origin, who, when), keeps the derived
search fields of persons, and writes an audit row with the field-level difference of every changed
record, so no write path can skip the audit.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from pantidesk.clock import Clock
from pantidesk.db.base import Base, SyncMixin, new_id
from pantidesk.db.models import AuditLog, Panti, Person, PersonSearchToken, Setting, User
from pantidesk.domain.names import name_key, name_tokens, normalize_name

# Tables audited besides the synced ones. Derived and bookkeeping tables are not.
_AUDITED_LOCAL = (User, Panti, Setting)


@dataclass(frozen=True)
class Actor:
    """Who is acting, for which panti (origin of new rows), and the clock that says when."""

    username: str
    origin: str
    clock: Clock


@contextmanager
def unit_of_work(factory: sessionmaker[Session], actor: Actor) -> Iterator[Session]:
    session = factory()
    session.info["actor"] = actor
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def read_session(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session for queries only; it never commits."""
    session = factory()
    try:
        yield session
    finally:
        session.close()  # ends the read transaction; loaded objects stay readable, detached


def record_audit(
    session: Session, action: str, entity: str = "", entity_id: str = "", summary: str = ""
) -> None:
    """Audit something that is not a row change: a log-in, a print, an export."""
    actor: Actor = session.info["actor"]
    session.add(
        AuditLog(
            id=new_id(), origin=actor.origin, at=actor.clock.now(), username=actor.username,
            action=action, entity=entity, entity_id=entity_id, summary=summary,
        )
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _is_audited(obj: object) -> bool:
    return isinstance(obj, (SyncMixin, *_AUDITED_LOCAL))


def _content_columns(obj: Base) -> list[str]:
    skip = SyncMixin.SYNC_COLUMNS if isinstance(obj, SyncMixin) else frozenset()
    return [c.key for c in inspect(obj).mapper.column_attrs if c.key not in skip]


def _diff(obj: Base, created: bool) -> dict[str, Any]:
    state = inspect(obj)
    if created:
        return {
            key: _jsonable(getattr(obj, key))
            for key in _content_columns(obj)
            if getattr(obj, key) not in (None, "")
        }
    changes: dict[str, Any] = {}
    for key in _content_columns(obj):
        history = state.attrs[key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                changes[key] = [_jsonable(old), _jsonable(new)]
    return changes


def _entity_id(obj: Base) -> str:
    identity = inspect(obj).mapper.primary_key_from_instance(obj)
    return "/".join(str(part) for part in identity)


def _refresh_person_search(person: Person) -> None:
    person.name_sort = normalize_name(person.name)
    person.name_key = name_key(person.name)
    tokens: list[str] = []
    for text in [person.name, *(person.aliases or "").splitlines()]:
        for token in name_tokens(text):
            if token not in tokens:
                tokens.append(token)
    person.search_tokens = [PersonSearchToken(token=t) for t in tokens]


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    actor: Actor | None = session.info.get("actor")
    if actor is None:
        return
    now = actor.clock.now()
    audits: list[AuditLog] = []

    for obj in list(session.new):
        if isinstance(obj, (SyncMixin, User)) and obj.id is None:
            obj.id = new_id()  # needed now, for the audit row's entity id
        if isinstance(obj, SyncMixin):
            if getattr(obj, "origin", None) is None:
                obj.origin = actor.origin
            obj.created_at = obj.updated_at = now
            obj.created_by = obj.updated_by = actor.username
        if isinstance(obj, Person):
            _refresh_person_search(obj)
        if _is_audited(obj):
            audits.append(_audit_row(actor, now, "create", obj, _diff(obj, created=True)))

    for obj in list(session.dirty):
        if not session.is_modified(obj, include_collections=False) or not _is_audited(obj):
            continue
        changes = _diff(obj, created=False)
        if not changes:
            continue
        if isinstance(obj, SyncMixin):
            obj.updated_at = now
            obj.updated_by = actor.username
        if isinstance(obj, Person) and ({"name", "aliases"} & changes.keys()):
            _refresh_person_search(obj)
        action = "delete" if "deleted_at" in changes and changes["deleted_at"][1] else "update"
        audits.append(_audit_row(actor, now, action, obj, changes))

    for obj in list(session.deleted):
        if _is_audited(obj):
            audits.append(_audit_row(actor, now, "purge", obj, {}))

    session.add_all(audits)


def _audit_row(actor: Actor, now: dt.datetime, action: str, obj: Base, diff: dict[str, Any]) -> AuditLog:
    return AuditLog(
        id=new_id(), origin=actor.origin, at=now, username=actor.username, action=action,
        entity=obj.__tablename__, entity_id=_entity_id(obj),
        diff=json.dumps(diff, ensure_ascii=False, sort_keys=True) if diff else "",
    )
