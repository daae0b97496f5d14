"""Sync keys as people handle them: make a key pair, read a public key's fingerprint, register
(trust) a key after hearing its fingerprint over the phone, revoke one, list them.

At the province the register holds each panti's keys (a bundle must be signed by one); at a panti
it holds the province's primary and backup keys (bundles are encrypted to every active one, and
receipts must be signed by one). Rotation is registering the new key, then revoking the old one
(or ``replace=True``, which does both at once).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantidesk.clock import WIB, Clock
from pantidesk.db.models import PantiKey, ProvinceKey
from pantidesk.db.uow import record_audit
from pantidesk.domain.installation import Mode
from pantidesk.domain.panti import panti_by_code
from pantidesk.domain.roles import Permission
from pantidesk.domain.sync import ProvinceKeyRole
from pantidesk.errors import ConflictError, NotFoundError, ValidationError
from pantidesk.i18n import _, format_date
from pantidesk.services.context import AppContext
from pantidesk.sync.format import MAX_AGE_STANZAS
from pantidesk.sync.keys import (
    KeyPair,
    PublicKey,
    normalize_fingerprint,
    read_key_pair,
    read_public_key,
    write_key_pair,
)

# The age header allows a few stanzas; one is pyrage's grease stanza.
MAX_PROVINCE_KEYS = MAX_AGE_STANZAS - 4


@dataclass(frozen=True)
class KeyFiles:
    key_path: Path
    pub_path: Path
    fingerprint: str
    age_recipient: str


@dataclass(frozen=True)
class KeyInfo:
    fingerprint: str
    name: str
    owner: str  # panti code, or "PROV" for a province key
    role: str  # shown as is: "kunci utama", "kunci cadangan" or "kunci panti"
    valid_from: str
    revoked: bool


def create_key_pair(directory: Path, name: str, passphrase: str, clock: Clock) -> KeyFiles:
    """``NAME.key`` (passphrase-encrypted) and ``NAME.pub`` in ``directory``."""
    pair = KeyPair.generate(name, clock.now())
    key_path, pub_path = write_key_pair(pair, directory, passphrase)
    public = pair.public()
    return KeyFiles(key_path, pub_path, public.fingerprint, public.age_recipient)


def load_key_pair(path: Path, passphrase: str) -> KeyPair:
    return read_key_pair(path, passphrase)


def load_public_key(path: Path) -> PublicKey:
    return read_public_key(path)


def _check_expected(key: PublicKey, expected: str | None) -> None:
    if expected is not None and normalize_fingerprint(expected) != key.fingerprint:
        raise ValidationError(
            _("Sidik jari kunci ini {actual}, bukan {expected} seperti yang dibacakan. Kunci "
              "tidak didaftarkan.").format(actual=key.fingerprint,
                                           expected=normalize_fingerprint(expected)),
            field="fingerprint")


def _refuse_known(session: Session, key: PublicKey) -> None:
    for model in (PantiKey, ProvinceKey):
        if session.get(model, key.fingerprint) is not None:
            raise ConflictError(_("Kunci {fingerprint} sudah pernah didaftarkan.").format(
                fingerprint=key.fingerprint))


def trust_panti_key(ctx: AppContext, panti_code: str, key: PublicKey, *,
                    expected_fingerprint: str | None = None, replace: bool = False) -> KeyInfo:
    """Province: register ``key`` as a signing key of ``panti_code``; with ``replace`` the
    panti's earlier keys are revoked in the same step (rotation)."""
    ctx.require(Permission.MANAGE_KEYS)
    if ctx.installation.mode is not Mode.PROVINCE:
        raise ValidationError(_("Kunci panti didaftarkan di instalasi provinsi. Di panti, "
                                "daftarkan kunci provinsi (--province)."))
    panti = panti_by_code(panti_code)
    _check_expected(key, expected_fingerprint)
    now = ctx.clock.now()
    with ctx.unit_of_work() as session:
        _refuse_known(session, key)
        if replace:
            for old in session.scalars(select(PantiKey).where(
                    PantiKey.panti_code == panti.code, PantiKey.revoked_at.is_(None))):
                old.revoked_at, old.revoked_by = now, ctx.user.username
                record_audit(session, "revoke_key", "panti_key", old.fingerprint,
                             _("Kunci panti {panti} dicabut (diganti)").format(panti=panti.code))
        session.add(PantiKey(
            fingerprint=key.fingerprint, panti_code=panti.code, name=key.name,
            age_recipient=key.age_recipient, signing_key=key.signing_key_b64, valid_from=now,
            registered_by=ctx.user.username))
        record_audit(session, "trust_key", "panti_key", key.fingerprint,
                     _("Kunci panti {panti} didaftarkan: {name}").format(panti=panti.code,
                                                                         name=key.name))
    return KeyInfo(key.fingerprint, key.name, panti.code, _("kunci panti"),
                   _day(now), False)


def trust_province_key(ctx: AppContext, key: PublicKey, *, backup: bool = False,
                       expected_fingerprint: str | None = None,
                       replace: bool = False) -> KeyInfo:
    """Panti: trust a province key (primary, or the offline backup); bundles are encrypted to
    every active one. With ``replace`` the earlier keys of the same role are revoked."""
    ctx.require(Permission.MANAGE_KEYS)
    if ctx.installation.mode is not Mode.PANTI:
        raise ValidationError(_("Kunci provinsi didaftarkan di instalasi panti. Di provinsi, "
                                "daftarkan kunci panti (--panti KODE)."))
    _check_expected(key, expected_fingerprint)
    role = ProvinceKeyRole.BACKUP if backup else ProvinceKeyRole.PRIMARY
    now = ctx.clock.now()
    with ctx.unit_of_work() as session:
        _refuse_known(session, key)
        active = list(session.scalars(select(ProvinceKey).where(ProvinceKey.revoked_at.is_(None))))
        if replace:
            for old in (k for k in active if k.role is role):
                old.revoked_at, old.revoked_by = now, ctx.user.username
                record_audit(session, "revoke_key", "province_key", old.fingerprint,
                             _("Kunci provinsi dicabut (diganti)"))
            active = [k for k in active if k.role is not role]
        if len(active) >= MAX_PROVINCE_KEYS:
            raise ConflictError(_("Sudah ada {n} kunci provinsi aktif; cabut yang lama lebih "
                                  "dulu.").format(n=len(active)))
        session.add(ProvinceKey(
            fingerprint=key.fingerprint, name=key.name, role=role,
            age_recipient=key.age_recipient, signing_key=key.signing_key_b64, valid_from=now,
            registered_by=ctx.user.username))
        record_audit(session, "trust_key", "province_key", key.fingerprint,
                     _("Kunci provinsi didaftarkan ({role}): {name}").format(
                         role=role.label, name=key.name))
    return KeyInfo(key.fingerprint, key.name, "PROV", role.label, _day(now), False)


def revoke_key(ctx: AppContext, fingerprint: str) -> KeyInfo:
    """Revoke a registered key: at the province a panti key (its bundles are refused from now
    on), at a panti a province key (no longer a recipient, its receipts refused)."""
    ctx.require(Permission.MANAGE_KEYS)
    fingerprint = normalize_fingerprint(fingerprint)
    now = ctx.clock.now()
    with ctx.unit_of_work() as session:
        row: PantiKey | ProvinceKey | None = (
            session.get(PantiKey, fingerprint) if ctx.installation.mode is Mode.PROVINCE
            else session.get(ProvinceKey, fingerprint))
        if row is None:
            raise NotFoundError(_("Kunci {fingerprint} tidak terdaftar di sini.").format(
                fingerprint=fingerprint))
        if row.revoked_at is not None:
            raise ConflictError(_("Kunci {fingerprint} sudah dicabut.").format(
                fingerprint=fingerprint))
        row.revoked_at, row.revoked_by = now, ctx.user.username
        record_audit(session, "revoke_key", row.__tablename__, fingerprint,
                     _("Kunci {name} dicabut").format(name=row.name))
        info = _info(row)
    return info


def list_keys(ctx: AppContext) -> list[KeyInfo]:
    with ctx.reading() as session:
        if ctx.installation.mode is Mode.PROVINCE:
            rows: list[PantiKey | ProvinceKey] = list(session.scalars(
                select(PantiKey).order_by(PantiKey.panti_code, PantiKey.valid_from)))
        else:
            rows = list(session.scalars(select(ProvinceKey).order_by(ProvinceKey.valid_from)))
        return [_info(row) for row in rows]


def _info(row: PantiKey | ProvinceKey) -> KeyInfo:
    if isinstance(row, PantiKey):
        owner, role = row.panti_code, _("kunci panti")
    else:
        owner, role = "PROV", row.role.label
    return KeyInfo(row.fingerprint, row.name, owner, role, _day(row.valid_from),
                   row.revoked_at is not None)


def _day(value: dt.datetime) -> str:
    return format_date(value.astimezone(WIB).date())
