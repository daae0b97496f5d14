"""Shared fixtures. A demo installation is built once per test session and copied for each test,
so every test gets its own isolated, realistic database quickly."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Nothing a test does may touch the real user's folders (preferences, logs, default database).
_SANDBOX = tempfile.mkdtemp(prefix="pantidesk-tests-")
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_SANDBOX, _var.lower())
os.environ.pop("PANTIDESK_LANG", None)

from pantidesk.clock import WIB, FixedClock
from pantidesk.db.keyring import KdfParams, keyring_path
from pantidesk.i18n import set_language
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.demo import DemoOptions, create_demo_installation
from pantidesk.services.installation import (
    SetupRequest,
    create_installation,
    open_installation,
)
from pantidesk.services.letterhead import Letterhead

# Cheap argon2 parameters: the key ring stores them, so every wrap of a test database is fast.
FAST_KDF = KdfParams(time_cost=1, memory_cost=1024, parallelism=1)
ADMIN = "admin"
PASSWORD = "rahasia-123"
NOW = dt.datetime(2026, 8, 17, 10, 0, tzinfo=WIB)
VALID_NIP = "197508172000032001"


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    set_language("id")


def make_clock() -> FixedClock:
    return FixedClock(NOW)


def letterhead() -> Letterhead:
    return Letterhead("", "Jl. Raya Natar Km 10", "Natar", "(0721) 350101", "uptd.tw@example.id",
                      "Hj. Siti Rahmawati, S.Sos.", VALID_NIP, "Pembina, IV/a")


def setup_request(mode: Mode = Mode.PANTI, panti: str | None = "TW") -> SetupRequest:
    return SetupRequest(mode, panti if mode is Mode.PANTI else None, letterhead(), ADMIN,
                        "Admin Panti", PASSWORD)


def copy_database(source: Path, target: Path) -> Path:
    shutil.copy2(source, target)
    shutil.copy2(keyring_path(source), keyring_path(target))
    return target


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("templates")


@pytest.fixture(scope="session")
def empty_template(template_dir: Path) -> Path:
    path = template_dir / "empty.db"
    create_installation(path, setup_request(), make_clock(), FAST_KDF)
    return path


@pytest.fixture(scope="session")
def demo_template(template_dir: Path) -> Path:
    path = template_dir / "demo.db"
    create_demo_installation(path, DemoOptions(panti_codes=("TW",), residents=40, years=3),
                             ADMIN, PASSWORD, make_clock(), kdf=FAST_KDF)
    return path


@pytest.fixture(scope="session")
def province_template(template_dir: Path) -> Path:
    path = template_dir / "province.db"
    create_demo_installation(
        path, DemoOptions(panti_codes=("RI", "TW", "MG"), province=True, residents=10, years=2),
        ADMIN, PASSWORD, make_clock(), kdf=FAST_KDF)
    return path


@pytest.fixture
def clock() -> FixedClock:
    return make_clock()


@pytest.fixture
def empty_db(empty_template: Path, tmp_path: Path) -> Path:
    return copy_database(empty_template, tmp_path / "panti.db")


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    return copy_database(demo_template, tmp_path / "demo.db")


@pytest.fixture
def ctx(empty_db: Path, clock: FixedClock):  # type: ignore[no-untyped-def]
    context = open_installation(empty_db, ADMIN, PASSWORD, clock)
    yield context
    context.close()


@pytest.fixture
def demo_ctx(demo_db: Path, clock: FixedClock):  # type: ignore[no-untyped-def]
    context = open_installation(demo_db, ADMIN, PASSWORD, clock)
    yield context
    context.close()


@pytest.fixture
def province_ctx(province_template: Path, tmp_path: Path, clock: FixedClock):  # type: ignore[no-untyped-def]
    path = copy_database(province_template, tmp_path / "province.db")
    context = open_installation(path, ADMIN, PASSWORD, clock)
    yield context
    context.close()


def login(path: Path, clock: FixedClock | None = None,
          username: str = ADMIN, password: str = PASSWORD) -> AppContext:
    return open_installation(path, username, password, clock or make_clock())


@pytest.fixture(autouse=True, scope="session")
def _stop_database_worker():  # type: ignore[no-untyped-def]
    yield
    from pantidesk.ui import operations

    operations.shutdown()


def add_user(ctx: AppContext, role_name: str) -> AppContext:
    """A second session on the same database, logged in as a new user with ``role_name``."""
    from pantidesk.domain.roles import Role
    from pantidesk.services.users import create_user

    create_user(ctx, role_name, f"Pengguna {role_name}", Role(role_name), "sandi-" + role_name)
    return login(ctx.db_path, ctx.clock, role_name, "sandi-" + role_name)  # type: ignore[arg-type]


@pytest.fixture
def kepala_ctx(ctx):  # type: ignore[no-untyped-def]
    context = add_user(ctx, "kepala")
    yield context
    context.close()


@pytest.fixture
def petugas_ctx(ctx):  # type: ignore[no-untyped-def]
    context = add_user(ctx, "petugas")
    yield context
    context.close()
