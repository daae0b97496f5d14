"""A crash or kill in the middle of an import leaves the province database as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pantidesk.services.context import AppContext
from pantidesk.services.sync import export_bundle
from pantidesk.services.sync_province import import_bundle
from pantidesk.sync.keys import KeyPair
from tests.sync.helpers import database_digest

# The child opens the database with its raw key (no log-in, which would itself write an audit
# row), and kills itself with SIGKILL after some batches of rows have been written.
CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from pantidesk.clock import SystemClock
    from pantidesk.db.engine import make_engine, make_sessionmaker
    from pantidesk.domain.roles import Role
    from pantidesk.services.context import AppContext, CurrentUser
    from pantidesk.services.installation import read_installation
    from pantidesk.services.sync_province import import_bundle
    from pantidesk.sync import apply
    from pantidesk.sync.keys import KeyPair

    db, bundle, kill_after = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    engine = make_engine(db, bytes.fromhex(os.environ["DB_KEY"]))
    ctx = AppContext(db, engine, make_sessionmaker(engine), SystemClock(),
                     read_installation(engine), CurrentUser("admin", "Admin", Role.ADMIN),
                     bytes.fromhex(os.environ["DB_KEY"]))
    key = KeyPair.from_identity_file(os.environ["PROVINCE_KEY"].encode())
    original, calls = apply.RowApplier._apply, [0]

    def dying(self, table, rows):
        original(self, table, rows)
        calls[0] += 1
        if calls[0] == kill_after:
            os.kill(os.getpid(), signal.SIGKILL)

    apply.RowApplier._apply = dying
    import_bundle(ctx, bundle, key)
    print("finished without being killed")
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("kill_after", [1, 12])
def test_killed_import_changes_nothing(tw: AppContext, prov: AppContext, tw_key: KeyPair,
                                       province_key: KeyPair, out_dir: Path,
                                       kill_after: int) -> None:
    bundle = export_bundle(tw, tw_key, out_dir).path
    before = database_digest(prov)
    env = {**os.environ, "DB_KEY": prov.db_key.hex(),
           "PROVINCE_KEY": province_key.identity_file().decode()}
    child = subprocess.run([sys.executable, "-c", CHILD, str(prov.db_path), str(bundle),
                            str(kill_after)], env=env, capture_output=True, text=True,
                           timeout=120, check=False)
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
    assert database_digest(prov) == before
    with prov.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    # The interrupted bundle imports whole afterwards.
    assert import_bundle(prov, bundle, province_key).state_match is True
