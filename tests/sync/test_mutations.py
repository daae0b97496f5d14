"""Property: no mutation of a real bundle is accepted, and none changes the province database.

Mutations are what damage, a careless edit or an attacker without the panti's signing key can do
to the file: flip bits, cut it, insert, delete or overwrite bytes, append. A mutated file may
still be valid age (it never is here, since age authenticates every byte), so each one goes
through the whole import.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pantidesk.services.context import AppContext
from pantidesk.services.sync import export_bundle
from pantidesk.services.sync_province import import_bundle
from pantidesk.sync.format import BundleRefused
from pantidesk.sync.keys import KeyPair
from tests.sync.helpers import database_digest


def _mutate(data: bytes, draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "overwrite", "append"]))
    size = len(data)
    # Half of the positions land in the header, where most of the structure is.
    position = draw(st.one_of(st.integers(0, min(size - 1, 400)), st.integers(0, size - 1)))
    if kind == "flip":
        out = bytearray(data)
        out[position] ^= draw(st.integers(1, 255))
        return bytes(out)
    if kind == "truncate":
        return data[:position]
    if kind == "insert":
        return data[:position] + draw(st.binary(min_size=1, max_size=32)) + data[position:]
    if kind == "delete":
        return data[:position] + data[position + draw(st.integers(1, 256)):]
    if kind == "overwrite":
        patch = draw(st.binary(min_size=1, max_size=64))
        return data[:position] + patch + data[position + len(patch):]
    return data + draw(st.binary(min_size=1, max_size=64))


@st.composite
def mutations(draw: st.DrawFn, data: bytes) -> bytes:
    mutated = _mutate(data, draw)
    if draw(st.booleans()):
        mutated = _mutate(mutated, draw) if mutated else mutated
    return mutated


@pytest.fixture
def real_bundle(tw: AppContext, tw_key: KeyPair, out_dir: Path) -> bytes:
    return export_bundle(tw, tw_key, out_dir).path.read_bytes()


def test_no_mutation_is_accepted_or_changes_anything(prov: AppContext, real_bundle: bytes,
                                                    province_key: KeyPair,
                                                    tmp_path: Path) -> None:
    before = database_digest(prov)
    target = tmp_path / "TW_000001.pantidesk.age"

    @settings(max_examples=250, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow])
    @given(st.data())
    def check(data: st.DataObject) -> None:
        mutated = data.draw(mutations(real_bundle))
        assume(mutated != real_bundle)
        target.write_bytes(mutated)
        with pytest.raises(BundleRefused) as refusal:
            import_bundle(prov, target, province_key)
        assert refusal.value.message.startswith("Bundel ditolak: ")
        assert "\n" not in refusal.value.message
        assert database_digest(prov) == before

    check()
    # The unmutated bundle is accepted by the same database: the refusals were about the bytes.
    target.write_bytes(real_bundle)
    assert import_bundle(prov, target, province_key).state_match is True
