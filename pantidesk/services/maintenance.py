"""Checking a database: SQLite integrity, foreign keys, schema revision, change-log triggers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from pantidesk.db import migrate
from pantidesk.db.base import synced_tables
from pantidesk.db.models import Person, Stay
from pantidesk.db.triggers import existing_triggers
from pantidesk.db.uow import record_audit
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.letterhead import read_letterhead


@dataclass(frozen=True)
class CheckReport:
    lines: tuple[str, ...]
    problems: tuple[str, ...]


def check_database(ctx: AppContext) -> CheckReport:
    lines: list[str] = []
    problems: list[str] = []
    with ctx.engine.connect() as conn:
        integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(_("Integritas SQLite: {detail}").format(detail="; ".join(integrity[:5])))
        fk_errors = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if fk_errors:
            problems.append(_("{n} baris melanggar kunci asing.").format(n=len(fk_errors)))
        triggers = existing_triggers(conn)
    revision = migrate.current_revision(ctx.engine)
    if revision != migrate.head_revision():
        problems.append(_("Skema basis data belum mutakhir (revisi {rev}).").format(rev=revision))
    missing = [t for t in synced_tables() if f"trg_{t}_changelog_insert" not in triggers]
    if missing:
        problems.append(_("Pemicu log perubahan hilang pada tabel: {tables}").format(
            tables=", ".join(missing)))
    with ctx.unit_of_work() as session:
        persons = session.scalar(select(func.count()).select_from(Person)) or 0
        stays = session.scalar(select(func.count()).select_from(Stay)) or 0
        letterhead = read_letterhead(session, ctx.installation)
        record_audit(session, "check", summary="ok" if not problems else "; ".join(problems))
    lines.append(_("Berkas: {path}").format(path=ctx.db_path))
    lines.append(_("Instalasi: {mode} {panti}").format(
        mode=ctx.installation.mode.label, panti=ctx.installation.panti_code or ""))
    lines.append(_("Revisi skema: {rev}").format(rev=revision))
    lines.append(_("Orang: {persons}, masa tinggal: {stays}").format(persons=persons, stays=stays))
    if not (letterhead.address and letterhead.head_name and letterhead.head_nip):
        lines.append(_("Catatan: kop surat belum lengkap; lengkapi di Pengaturan."))
    return CheckReport(tuple(lines), tuple(problems))
