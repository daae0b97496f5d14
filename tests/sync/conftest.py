"""Fixtures for sync: key pairs made in memory (a key *file* costs seconds of scrypt, so only the
key-file tests make one), a TW panti with demo data that trusts the province keys, and a fresh
province database that has registered TW's key."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from pantidesk.clock import FixedClock
from pantidesk.services.context import AppContext, Mode
from pantidesk.services.installation import SetupRequest, create_installation, open_installation
from pantidesk.services.sync_keys import trust_panti_key, trust_province_key
from pantidesk.sync.keys import KeyPair
from tests.conftest import ADMIN, FAST_KDF, NOW, PASSWORD, copy_database, letterhead, make_clock
from tests.sync.helpers import fill_missing_tables


@pytest.fixture(scope="session")
def tw_key() -> KeyPair:
    return KeyPair.generate("TW-2026", NOW)


@pytest.fixture(scope="session")
def province_key() -> KeyPair:
    return KeyPair.generate("PROV-UTAMA", NOW)


@pytest.fixture(scope="session")
def backup_key() -> KeyPair:
    return KeyPair.generate("PROV-CADANGAN", NOW)


@pytest.fixture(scope="session")
def stranger_key() -> KeyPair:
    """Somebody else's key pair: not registered anywhere."""
    return KeyPair.generate("ORANG-LAIN", NOW)


@pytest.fixture(scope="session")
def fresh_province_template(template_dir: Path) -> Path:
    path = template_dir / "province-empty.db"
    request = SetupRequest(Mode.PROVINCE, None, letterhead(), ADMIN, "Admin Provinsi", PASSWORD)
    create_installation(path, request, make_clock(), FAST_KDF)
    return path


@pytest.fixture(scope="session")
def tw_template(demo_template: Path, template_dir: Path, province_key: KeyPair,
                backup_key: KeyPair) -> Path:
    """The demo TW panti with a row in every synced table and the province keys trusted."""
    path = copy_database(demo_template, template_dir / "tw-sync.db")
    ctx = open_installation(path, ADMIN, PASSWORD, make_clock())
    try:
        fill_missing_tables(ctx)
        trust_province_key(ctx, province_key.public())
        trust_province_key(ctx, backup_key.public(), backup=True)
    finally:
        ctx.close()
    return path


@pytest.fixture
def tw(tw_template: Path, tmp_path: Path, clock: FixedClock):  # type: ignore[no-untyped-def]
    context = open_installation(copy_database(tw_template, tmp_path / "tw.db"), ADMIN, PASSWORD,
                                clock)
    yield context
    context.close()


@pytest.fixture
def prov(fresh_province_template: Path, tmp_path: Path, clock: FixedClock,  # type: ignore[no-untyped-def]
         tw_key: KeyPair):
    path = copy_database(fresh_province_template, tmp_path / "prov.db")
    context = open_installation(path, ADMIN, PASSWORD, clock)
    trust_panti_key(context, "TW", tw_key.public())
    yield context
    context.close()


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    path = tmp_path / "kirim"
    path.mkdir()
    return path


def later(ctx: AppContext, days: int = 1) -> None:
    clock = ctx.clock
    assert isinstance(clock, FixedClock)
    clock.advance(dt.timedelta(days=days))


def file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


KEY_PASSPHRASE = "frasa-sandi-provinsi"


@pytest.fixture(scope="session")
def province_key_file(template_dir: Path, province_key: KeyPair) -> Path:
    """``province_key`` written as the passphrase-encrypted NAME.key (scrypt: a few seconds)."""
    from pantidesk.sync.keys import write_key_pair

    directory = template_dir / "keys"
    directory.mkdir()
    key_path, _pub = write_key_pair(province_key, directory, KEY_PASSPHRASE)
    return key_path
