"""Creating an installation (the set-up wizard and ``pantidesk init``) and opening one (log-in).

A database is always created encrypted, with its key ring beside it. Opening it needs a user's
password: the password unwraps the database key, the database is checked (PantiDesk, not damaged,
not newer), migrated after a backup, and the log-in is audited.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Engine, select

from pantidesk.clock import Clock
from pantidesk.db import migrate
from pantidesk.db.engine import make_engine, make_sessionmaker, precheck_file, verify_opened
from pantidesk.db.keyring import (
    DEFAULT_KDF,
    RECOVERY,
    KdfParams,
    KeyRing,
    keyring_path,
    new_database_key,
    new_recovery_code,
)
from pantidesk.db.models import Setting, User
from pantidesk.db.uow import Actor, read_session, record_audit, unit_of_work
from pantidesk.domain.panti import panti_by_code
from pantidesk.domain.roles import Role
from pantidesk.errors import AuthenticationError, DatabaseError, ValidationError
from pantidesk.i18n import _
from pantidesk.services.accounts_rules import check_full_name, check_password, check_username
from pantidesk.services.context import AppContext, CurrentUser, Installation, Mode
from pantidesk.services.letterhead import (
    Letterhead,
    default_letterhead,
    validate_letterhead,
    write_letterhead,
)
from pantidesk.services.reference import seed_reference_data


@dataclass(frozen=True)
class SetupRequest:
    mode: Mode
    panti_code: str | None
    letterhead: Letterhead | None  # None: to be completed later in Pengaturan (CLI set-up)
    admin_username: str
    admin_full_name: str
    admin_password: str


@dataclass(frozen=True)
class SetupResult:
    db_path: Path
    admin_username: str
    recovery_code: str


def validate_setup(request: SetupRequest, today: dt.date) -> SetupRequest:
    """A cleaned request, or the first ValidationError naming its field."""
    if request.mode is Mode.PANTI:
        if not request.panti_code:
            raise ValidationError(_("Pilih panti untuk instalasi ini."), field="panti_code")
        panti_by_code(request.panti_code)
    installation = Installation(request.mode, request.panti_code)
    letterhead = default_letterhead(installation)
    if request.letterhead is not None:
        given = validate_letterhead(request.letterhead, today)
        letterhead = replace(given, name=given.name or letterhead.name)
    username = check_username(request.admin_username)
    full_name = check_full_name(request.admin_full_name)
    check_password(request.admin_password)
    return SetupRequest(
        request.mode, request.panti_code if request.mode is Mode.PANTI else None, letterhead,
        username, full_name, request.admin_password,
    )


def create_installation(
    path: Path, request: SetupRequest, clock: Clock, kdf: KdfParams = DEFAULT_KDF
) -> SetupResult:
    """Create a new encrypted database with its key ring, reference data and administrator."""
    request = validate_setup(request, clock.today())
    ring_path = keyring_path(path)
    for existing in (path, ring_path):
        if existing.exists():
            raise DatabaseError(
                _("{path} sudah ada; PantiDesk tidak menimpa berkas yang ada.").format(path=existing)
            )
    if not path.parent.exists():
        raise DatabaseError(_("Folder {path} tidak ada.").format(path=path.parent))

    installation = Installation(request.mode, request.panti_code)
    key = new_database_key()
    recovery_code = new_recovery_code()
    ring = KeyRing.create(ring_path, kdf)
    ring.add_wrap(KeyRing.user_slot(request.admin_username), request.admin_password, key)
    ring.add_wrap(RECOVERY, recovery_code, key)

    engine = make_engine(path, key)
    try:
        migrate.upgrade(engine, path, clock)
        actor = Actor(request.admin_username, installation.origin, clock)
        with unit_of_work(make_sessionmaker(engine), actor) as session:
            seed_reference_data(session)
            session.flush()
            session.add(Setting(key="mode", value=json.dumps(request.mode.value)))
            session.add(Setting(key="panti_code", value=json.dumps(request.panti_code)))
            assert request.letterhead is not None  # validate_setup fills in the default
            write_letterhead(session, installation, request.letterhead)
            session.add(
                User(username=request.admin_username, full_name=request.admin_full_name,
                     role=Role.ADMIN, created_at=clock.now())
            )
            record_audit(session, "setup", summary=_("Instalasi baru dibuat"))
        ring.save()
    except BaseException:
        engine.dispose()
        for leftover in (path, ring_path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    engine.dispose()
    return SetupResult(path, request.admin_username, recovery_code)


def read_installation(engine: Engine) -> Installation:
    with read_session(make_sessionmaker(engine)) as session:
        settings = {s.key: json.loads(s.value) for s in session.scalars(select(Setting))}
    return Installation(Mode(settings["mode"]), settings.get("panti_code"))


def _unlock(path: Path, username: str, password: str, clock: Clock) -> tuple[KeyRing, bytes]:
    precheck_file(path)
    ring = KeyRing.load(keyring_path(path))
    now = clock.now()
    locked = ring.locked_until(username, now)
    if locked is not None:
        raise AuthenticationError(_locked_message(locked))
    key = ring.unwrap(KeyRing.user_slot(username.strip()), password)
    if key is None:
        until = ring.record_failure(username, now)
        ring.save()
        if until is not None:
            raise AuthenticationError(
                _("Nama pengguna atau kata sandi salah. ") + _locked_message(until)
            )
        raise AuthenticationError(_("Nama pengguna atau kata sandi salah."))
    return ring, key


def _locked_message(until: dt.datetime) -> str:
    from pantidesk.clock import WIB

    return _(
        "Terlalu banyak percobaan gagal; akun dikunci sampai pukul {time} WIB."
    ).format(time=until.astimezone(WIB).strftime("%H:%M"))


def open_installation(path: Path, username: str, password: str, clock: Clock) -> AppContext:
    """Log in: unlock, verify and migrate the database, and return the context for services."""
    ring, key = _unlock(path, username, password, clock)
    engine = make_engine(path, key)
    try:
        verify_opened(engine, path)
        migrate.upgrade(engine, path, clock)
        installation = read_installation(engine)
        sessions = make_sessionmaker(engine)
        with unit_of_work(sessions, Actor(username.strip().lower(), installation.origin, clock)) as s:
            user = s.scalar(select(User).where(User.username == username.strip().lower()))
            if user is None or not user.active:
                raise AuthenticationError(_("Akun ini tidak aktif. Hubungi admin panti."))
            user.last_login_at = clock.now()
            for failure in ring.take_failure_log():
                record_audit(s, "login_failed", "user", failure["username"],
                             _("Percobaan masuk gagal pada {at}").format(at=failure["at"]))
            record_audit(s, "login", "user", user.username)
            current = CurrentUser(user.username, user.full_name, user.role)
        ring.clear_failures(username)
        ring.save()
    except BaseException:
        engine.dispose()
        raise
    return AppContext(path, engine, sessions, clock, installation, current, key)


def recover_access(path: Path, recovery_code: str, username: str, new_password: str,
                   clock: Clock) -> None:
    """With the recovery code printed at set-up, give ``username`` (an existing account) a new
    password: for when every administrator password is forgotten. Audited."""
    from pantidesk.db.keyring import normalize_recovery_code

    check_password(new_password)
    precheck_file(path)
    ring = KeyRing.load(keyring_path(path))
    locked = ring.locked_until(RECOVERY, clock.now())
    if locked is not None:  # the code is long, but guessing is still rate-limited
        raise AuthenticationError(_locked_message(locked))
    key = ring.unwrap(RECOVERY, normalize_recovery_code(recovery_code))
    if key is None:
        ring.record_failure(RECOVERY, clock.now())
        ring.save()
        raise AuthenticationError(_("Kode pemulihan salah."))
    engine = make_engine(path, key)
    try:
        verify_opened(engine, path)
        installation = read_installation(engine)
        username = username.strip().lower()
        actor = Actor(username, installation.origin, clock)
        with unit_of_work(make_sessionmaker(engine), actor) as session:
            user = session.scalar(select(User).where(User.username == username))
            if user is None:
                raise AuthenticationError(
                    _("Pengguna {name} tidak ada di basis data ini.").format(name=username))
            user.active = True
            record_audit(session, "recovery", "user", username,
                         _("Kata sandi diatur ulang dengan kode pemulihan"))
            ring.add_wrap(KeyRing.user_slot(username), new_password, key)
            ring.clear_failures(username)
            ring.save()
    finally:
        engine.dispose()


def verify_password(ctx: AppContext, password: str) -> None:
    """Unlock after the idle lock: the current user's password again, with the same lock-out."""
    ring = KeyRing.load(keyring_path(ctx.db_path))
    now = ctx.clock.now()
    locked = ring.locked_until(ctx.user.username, now)
    if locked is not None:
        raise AuthenticationError(_locked_message(locked))
    if ring.unwrap(KeyRing.user_slot(ctx.user.username), password) is None:
        until = ring.record_failure(ctx.user.username, now)
        ring.save()
        message = _("Kata sandi salah.")
        raise AuthenticationError(message + (" " + _locked_message(until) if until else ""))
    ring.clear_failures(ctx.user.username)
    ring.save()
    with ctx.unit_of_work() as session:
        record_audit(session, "unlock", "user", ctx.user.username)
