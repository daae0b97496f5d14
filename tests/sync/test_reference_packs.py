"""Reference packs: the province publishes, a panti verifies and applies; refusals (old, replayed,
untrusted, revoked, tampered) change nothing; the panti's own letterhead survives; the CLI."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from pantidesk.db.models import AuditLog, GoalTemplate, Panti, ProvinceKey, Region
from pantidesk.domain.enums import Cluster
from pantidesk.errors import PermissionDenied, ValidationError
from pantidesk.services.careplan_catalogue import (
    GoalTemplateInput,
    add_goal_template,
    goal_catalogue,
)
from pantidesk.services.context import AppContext
from pantidesk.services.letterhead import get_letterhead
from pantidesk.services.reference_packs import (
    ALREADY_APPLIED,
    APPLIED,
    DRY_RUN,
    PackRefused,
    import_reference_pack,
    last_reference_pack,
    publish_reference_pack,
)
from pantidesk.services.sync_keys import revoke_key
from pantidesk.sync.format import canonical_json
from pantidesk.sync.keys import KeyPair
from pantidesk.sync.reference_pack import read_pack
from tests.cli.test_cli import run
from tests.conftest import NOW, PASSWORD, add_user
from tests.sync.conftest import KEY_PASSPHRASE, later
from tests.sync.helpers import database_digest


def _province_changes(prov: AppContext) -> None:
    """What the province edits before publishing: a capacity, addresses, a region, a goal."""
    with prov.unit_of_work() as session:
        tw = session.get(Panti, "TW")
        ba = session.get(Panti, "BA")
        assert tw is not None and ba is not None
        tw.capacity = 90
        tw.address = "Alamat versi provinsi"  # must not overwrite TW's own letterhead
        ba.address = "Jl. Pramuka No. 3, Rajabasa"
        region = session.get(Region, "18.71.01")
        assert region is not None
        region.name = "Kedaton (nama baru)"
    add_goal_template(prov, GoalTemplateInput("PROV-LANSIA-01", 2,
                                              "Mengikuti senam lansia setiap pekan",
                                              Cluster.LANSIA))


def _refused(ctx: AppContext, path: Path, match: str) -> str:
    before = database_digest(ctx)
    with pytest.raises(PackRefused) as refusal:
        import_reference_pack(ctx, path)
    message = refusal.value.message
    assert message.startswith("Paket referensi ditolak: ") and "\n" not in message
    assert match in message, message
    assert database_digest(ctx) == before
    return message


@pytest.fixture
def pack(prov: AppContext, province_key: KeyPair, out_dir: Path) -> Path:
    _province_changes(prov)
    return publish_reference_pack(prov, province_key, out_dir)


def test_publish_then_apply(tw: AppContext, prov: AppContext, pack: Path,
                            province_key: KeyPair) -> None:
    assert pack.name == "REFERENSI_20260817_0001.pantidesk-ref.json"
    assert pack.stat().st_size < 64 * 1024
    letterhead = get_letterhead(tw)
    before = database_digest(tw)

    trial = import_reference_pack(tw, pack, dry_run=True)
    assert trial.status == DRY_RUN and database_digest(tw) == before
    assert last_reference_pack(tw) is None

    result = import_reference_pack(tw, pack)
    assert result.status == APPLIED and result.seq == 1
    assert result.issuer == province_key.public().fingerprint
    assert {k: (c.new, c.updated) for k, c in result.counts.items()} == \
        {k: (c.new, c.updated) for k, c in trial.counts.items()}
    assert result.counts["panti"].updated == 2 and result.counts["panti"].unchanged == 5
    assert result.counts["regions"].updated == 1 and result.counts["regions"].new == 0
    assert result.counts["goal_templates"].new == 1
    assert result.counts["province_keys"].unchanged == 1  # the primary; no backup announced

    with tw.reading() as session:
        tw_row, ba_row = session.get(Panti, "TW"), session.get(Panti, "BA")
        assert tw_row is not None and ba_row is not None
        assert tw_row.capacity == 90
        assert ba_row.address == "Jl. Pramuka No. 3, Rajabasa"
        region = session.get(Region, "18.71.01")
        assert region is not None and region.name == "Kedaton (nama baru)"
        goal = session.scalar(select(GoalTemplate).where(GoalTemplate.code == "PROV-LANSIA-01"))
        assert goal is not None and goal.origin == "PROV"
        audit = session.scalar(select(AuditLog).where(AuditLog.action == "import_reference_pack"))
        assert audit is not None and "nomor 1" in audit.summary
    assert get_letterhead(tw) == letterhead  # the panti's own kop surat survives
    assert "PROV-LANSIA-01" in [e.code for e in goal_catalogue(tw, Cluster.LANSIA)]
    record = last_reference_pack(tw)
    assert record is not None and record.seq == 1 and record.file_name == pack.name

    # The same pack again: a no-op, not an error.
    applied = database_digest(tw)
    again = import_reference_pack(tw, pack)
    assert again.status == ALREADY_APPLIED and again.counts == {}
    assert database_digest(tw) == applied

    # A newer pack applies; the older one is then refused.
    later(prov)
    with prov.unit_of_work() as session:
        row = session.get(Panti, "TW")
        assert row is not None
        row.capacity = 95
    second = publish_reference_pack(prov, province_key, pack.parent)
    assert second.name == "REFERENSI_20260818_0002.pantidesk-ref.json"
    assert import_reference_pack(tw, second).counts["panti"].updated == 1
    _refused(tw, pack, "paket lama: nomor 1 (dibuat 17/08/2026), padahal paket nomor 2 sudah "
                       "diterapkan")
    record = last_reference_pack(prov)
    assert record is not None and record.seq == 2


def test_same_number_other_content_is_refused(tw: AppContext, prov: AppContext, pack: Path,
                                              province_key: KeyPair, tmp_path: Path) -> None:
    import_reference_pack(tw, pack)
    document = json.loads(pack.read_bytes())
    document["pack"]["pack_id"] = "00000000-0000-4000-8000-000000000000"
    document["signature"] = base64.b64encode(
        province_key.sign(canonical_json(document["pack"]))).decode()
    other = tmp_path / "lain.pantidesk-ref.json"
    other.write_bytes(canonical_json(document))
    _refused(tw, other, "paket nomor 1 sudah diterapkan dengan isi lain")


def test_untrusted_key_is_refused(tw: AppContext, prov: AppContext, stranger_key: KeyPair,
                                  out_dir: Path) -> None:
    path = publish_reference_pack(prov, stranger_key, out_dir)
    _refused(tw, path, f"kunci {stranger_key.public().fingerprint} yang bukan kunci provinsi "
                       "terpercaya")


def test_revoked_key_is_refused(tw: AppContext, pack: Path, prov: AppContext,
                                province_key: KeyPair, backup_key: KeyPair) -> None:
    revoke_key(tw, province_key.public().fingerprint)
    _refused(tw, pack, "sudah dicabut di panti ini")
    # The backup key still speaks for the province; the revoked key is not trusted again.
    later(prov)
    path = publish_reference_pack(prov, backup_key, pack.parent)
    result = import_reference_pack(tw, path)
    assert result.counts["province_keys"].skipped == 1
    assert any("sudah dicabut di panti ini" in note for note in result.notes)
    with tw.reading() as session:
        row = session.get(ProvinceKey, province_key.public().fingerprint)
        assert row is not None and row.revoked_at is not None


@pytest.mark.parametrize("where", [0.05, 0.2, 0.4, 0.6, 0.8, 0.95])
def test_one_byte_changed_is_refused(tw: AppContext, pack: Path, where: float) -> None:
    data = bytearray(pack.read_bytes())
    data[int(len(data) * where)] ^= 0x01
    pack.write_bytes(bytes(data))
    _refused(tw, pack, "")


def test_edited_and_reserialised_is_refused(tw: AppContext, pack: Path) -> None:
    document = json.loads(pack.read_bytes())
    rows = document["pack"]["contents"]["panti"]["rows"]
    for row in rows:
        if row[0] == "TW":
            row[3] = 500
    pack.write_text(json.dumps(document, indent=2), encoding="utf-8")
    _refused(tw, pack, "tanda tangan tidak sah")


def test_forged_by_another_key_claiming_the_province_is_refused(
        tw: AppContext, pack: Path, stranger_key: KeyPair, province_key: KeyPair) -> None:
    document = json.loads(pack.read_bytes())
    document["pack"]["contents"]["panti"]["rows"][0][3] = 1
    assert document["pack"]["issuer"]["fingerprint"] == province_key.public().fingerprint
    document["signature"] = base64.b64encode(
        stranger_key.sign(canonical_json(document["pack"]))).decode()
    pack.write_bytes(canonical_json(document))
    _refused(tw, pack, "tanda tangan tidak sah")


def test_not_a_pack_and_too_new(tw: AppContext, pack: Path, province_key: KeyPair,
                                tmp_path: Path) -> None:
    junk = tmp_path / "bukan.pantidesk-ref.json"
    junk.write_text("bukan json", encoding="utf-8")
    _refused(tw, junk, "bukan paket referensi PantiDesk")
    document = json.loads(pack.read_bytes())
    document["pack"]["min_reader_version"] = 9
    document["signature"] = base64.b64encode(
        province_key.sign(canonical_json(document["pack"]))).decode()
    pack.write_bytes(canonical_json(document))
    _refused(tw, pack, "PantiDesk yang lebih baru (format versi 9)")


def test_absurd_content_signed_by_the_province_is_still_refused(
        tw: AppContext, pack: Path, province_key: KeyPair) -> None:
    document = json.loads(pack.read_bytes())
    document["pack"]["contents"]["regions"]["rows"].append(["18.71.01.1", "Rusak", 4])
    document["signature"] = base64.b64encode(
        province_key.sign(canonical_json(document["pack"]))).decode()
    pack.write_bytes(canonical_json(document))
    _refused(tw, pack, "isi Wilayah tidak lengkap atau berisi nilai yang tidak wajar")


def test_rotation_reaches_the_panti(tw: AppContext, prov: AppContext, province_key: KeyPair,
                                    backup_key: KeyPair, out_dir: Path) -> None:
    rotated = KeyPair.generate("PROV-2027", NOW)
    path = publish_reference_pack(prov, province_key, out_dir, primary=rotated.public(),
                                  backup=backup_key.public())
    result = import_reference_pack(tw, path)
    assert (result.counts["province_keys"].new, result.counts["province_keys"].unchanged) == (1, 1)
    assert any(province_key.public().fingerprint in note and "tetap dipercaya" in note
               for note in result.notes)
    with tw.reading() as session:
        row = session.get(ProvinceKey, rotated.public().fingerprint)
        assert row is not None and row.revoked_at is None
        old = session.get(ProvinceKey, province_key.public().fingerprint)
        assert old is not None and old.revoked_at is None  # absent keys are not revoked
    # The new key now speaks for the province, and the announcement is remembered.
    later(prov)
    nxt = publish_reference_pack(prov, rotated, out_dir)
    assert import_reference_pack(tw, nxt).counts["province_keys"].unchanged == 2


def test_a_goal_code_the_panti_already_uses_is_left_alone(tw: AppContext, prov: AppContext,
                                                          province_key: KeyPair,
                                                          out_dir: Path) -> None:
    add_goal_template(prov, GoalTemplateInput("TW-LANSIA-01", 3, "Versi provinsi", None))
    result = import_reference_pack(tw, publish_reference_pack(prov, province_key, out_dir))
    assert result.counts["goal_templates"].skipped == 1
    assert any("TW-LANSIA-01" in note for note in result.notes)
    with tw.reading() as session:
        goal = session.scalar(select(GoalTemplate).where(GoalTemplate.code == "TW-LANSIA-01"))
        assert goal is not None and goal.origin == "TW" and goal.description != "Versi provinsi"


def test_roles_and_modes(tw: AppContext, prov: AppContext, pack: Path, province_key: KeyPair,
                         out_dir: Path) -> None:
    with pytest.raises(ValidationError, match="diterapkan di instalasi panti"):
        import_reference_pack(prov, pack)
    with pytest.raises(ValidationError, match="diterbitkan di instalasi provinsi"):
        publish_reference_pack(tw, province_key, out_dir)
    kepala = add_user(tw, "kepala")
    try:
        with pytest.raises(PermissionDenied):
            import_reference_pack(kepala, pack)
    finally:
        kepala.close()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.floats(0, 1, exclude_max=True), value=st.integers(0, 255))
def test_any_changed_byte_is_refused_or_harmless(pack: Path, province_key: KeyPair,
                                                 position: float, value: int) -> None:
    original = pack.read_bytes()
    key = province_key.public()
    expected = read_pack(original, lambda _fingerprint: key)
    data = bytearray(original)
    data[int(len(data) * position)] = value
    try:
        pack_read = read_pack(bytes(data), lambda _fingerprint: key)
    except PackRefused:
        return
    assert pack_read == expected  # only whitespace changed: the same signed content


def test_command_line(tw: AppContext, prov: AppContext, province_key_file: Path,
                      tmp_path: Path) -> None:
    out = tmp_path / "paket"
    out.mkdir()
    published = run("reference", "publish", "--db", str(prov.db_path), "--key",
                    str(province_key_file), "--out", str(out), password=PASSWORD,
                    PANTIDESK_PASSPHRASE=KEY_PASSPHRASE)
    assert published.returncode == 0, published.stderr
    [pack] = out.glob("*.pantidesk-ref.json")
    assert pack.name in published.stdout

    trial = run("reference", "import", "--db", str(tw.db_path), str(pack), "--dry-run",
                password=PASSWORD)
    assert trial.returncode == 0, trial.stderr
    assert "uji coba" in trial.stdout and "Wilayah: 0 baru, 0 diperbarui, 282 tetap" in trial.stdout
    applied = run("reference", "import", "--db", str(tw.db_path), str(pack), password=PASSWORD)
    assert applied.returncode == 0 and "diterapkan" in applied.stdout
    again = run("reference", "import", "--db", str(tw.db_path), str(pack), password=PASSWORD)
    assert again.returncode == 0 and "sudah diterapkan" in again.stdout

    data = bytearray(pack.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = out / "rusak.pantidesk-ref.json"
    tampered.write_bytes(bytes(data))
    refused = run("reference", "import", "--db", str(tw.db_path), str(tampered),
                  password=PASSWORD)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("Gagal: Paket referensi ditolak: ")
    assert len(refused.stderr.strip().splitlines()) == 1

    usage = run("reference", "import", "--db", str(tw.db_path), password=PASSWORD)
    assert usage.returncode == 2
    no_passphrase = run("reference", "publish", "--db", str(prov.db_path), "--key",
                        str(province_key_file), "--out", str(out), password=PASSWORD)
    assert no_passphrase.returncode == 1 and "PANTIDESK_PASSPHRASE" in no_passphrase.stderr


def test_hostile_shapes_are_refused(tw: AppContext, tmp_path: Path) -> None:
    deep = tmp_path / "dalam.pantidesk-ref.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    _refused(tw, deep, "bukan paket referensi PantiDesk")
    empty = tmp_path / "kosong.pantidesk-ref.json"
    empty.write_bytes(b"")
    _refused(tw, empty, "bukan paket referensi PantiDesk")


def test_the_province_does_not_publish_what_panti_would_refuse(
        prov: AppContext, province_key: KeyPair, out_dir: Path) -> None:
    with prov.unit_of_work() as session:
        region = session.get(Region, "18.71.01")
        assert region is not None
        region.name = "Kedaton\nbaris kedua"
    with pytest.raises(ValidationError, match="belum dapat diterbitkan: isi Wilayah"):
        publish_reference_pack(prov, province_key, out_dir)
    assert list(out_dir.iterdir()) == [] and last_reference_pack(prov) is None


def test_too_many_province_keys_is_refused(tw: AppContext, prov: AppContext,
                                           province_key: KeyPair, out_dir: Path) -> None:
    first, second, third = (KeyPair.generate(f"PROV-{n}", NOW) for n in (1, 2, 3))
    path = publish_reference_pack(prov, province_key, out_dir, primary=first.public(),
                                  backup=second.public())
    assert import_reference_pack(tw, path).counts["province_keys"].new == 2  # 4 active now
    later(prov)
    path = publish_reference_pack(prov, province_key, out_dir, primary=third.public())
    _refused(tw, path, "akan memercayai 5 kunci provinsi aktif (paling banyak 4)")
