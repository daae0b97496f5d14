"""Receipts: the province's signed word that it imported a bundle, up to which change.

A receipt holds no personal data (ids, numbers, counts), so it travels as a small readable JSON
file: ``{"receipt": {...}, "signature": base64}``, the signature being Ed25519 by the province key
over the canonical JSON of ``receipt``. The panti checks it against the province keys it trusts and
only then stops re-sending what the province confirmed.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pantidesk.i18n import _
from pantidesk.sync.format import (
    MAX_SEQ,
    BundleRefused,
    canonical_json,
    parse_utc,
    receipt_file_name,
    utc_text,
)
from pantidesk.sync.keys import KeyPair, PublicKey

RECEIPT_FORMAT = "pantidesk-receipt"
RECEIPT_VERSION = 1
MAX_RECEIPT_SIZE = 256 * 1024
_HEX64 = re.compile(r"[0-9a-f]{64}")


class ReceiptRefused(BundleRefused):
    """A receipt that is not accepted; nothing was changed."""


def refuse_receipt(reason: str) -> ReceiptRefused:
    return ReceiptRefused(_("Tanda terima ditolak: {reason}").format(reason=reason))


@dataclass(frozen=True)
class Receipt:
    bundle_id: str
    panti: str
    seq: int
    change_to: int  # the panti's changes up to here are at the province
    bundle_sha256: str
    status: str  # "imported" or "duplicate"
    state_match: bool
    imported_at: dt.datetime
    rows_changed: int
    signer: str  # fingerprint of the province key

    def to_json(self) -> dict[str, Any]:
        return {
            "format": RECEIPT_FORMAT, "version": RECEIPT_VERSION, "bundle_id": self.bundle_id,
            "panti": self.panti, "seq": self.seq, "change_to": self.change_to,
            "bundle_sha256": self.bundle_sha256, "status": self.status,
            "state_match": self.state_match, "imported_at": utc_text(self.imported_at),
            "rows_changed": self.rows_changed, "signer": self.signer,
        }


def write_receipt(receipt: Receipt, key: KeyPair, directory: Path) -> Path:
    body = receipt.to_json()
    document = {"receipt": body,
                "signature": base64.b64encode(key.sign(canonical_json(body))).decode("ascii")}
    path = directory / receipt_file_name(receipt.panti, receipt.seq)
    temporary = path.with_name(path.name + ".part")
    try:
        temporary.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n",
                             encoding="utf-8")
        os.replace(temporary, path)  # a re-issued receipt replaces the earlier copy
    finally:
        temporary.unlink(missing_ok=True)
    return path


def read_receipt(data: bytes, trusted: Callable[[str], PublicKey | None]) -> Receipt:
    """A verified receipt; ``trusted`` finds an active province key by fingerprint."""
    if len(data) > MAX_RECEIPT_SIZE:
        raise refuse_receipt(_("berkas terlalu besar untuk tanda terima."))
    try:
        document = json.loads(data.decode("utf-8"))
        body = document["receipt"]
        signature = base64.b64decode(document["signature"], validate=True)
        if not isinstance(body, dict) or body.get("format") != RECEIPT_FORMAT:
            raise ValueError("not a receipt")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, binascii.Error):
        raise refuse_receipt(_("berkas ini bukan tanda terima PantiDesk.")) from None
    version = body.get("version")
    if not isinstance(version, int) or version > RECEIPT_VERSION:
        raise refuse_receipt(_("dibuat oleh PantiDesk yang lebih baru; perbarui aplikasi."))
    signer = str(body.get("signer", ""))
    key = trusted(signer)
    if key is None:
        raise refuse_receipt(_("ditandatangani kunci {fingerprint} yang bukan kunci provinsi "
                               "terpercaya.").format(fingerprint=signer[:19]))
    if not key.verify(signature, canonical_json(body)):
        raise refuse_receipt(_("tanda tangan tidak sah (berkas diubah atau bukan dari "
                               "provinsi)."))
    try:
        return _receipt_from(body)
    except (KeyError, TypeError, ValueError):
        raise refuse_receipt(_("isi tanda terima tidak lengkap.")) from None


def _receipt_from(body: dict[str, Any]) -> Receipt:
    seq, change_to, rows = body["seq"], body["change_to"], body["rows_changed"]
    for number in (seq, change_to, rows):
        if not isinstance(number, int) or isinstance(number, bool) or not 0 <= number <= MAX_SEQ:
            raise ValueError("number")
    sha = body["bundle_sha256"]
    if not isinstance(sha, str) or not _HEX64.fullmatch(sha):
        raise ValueError("hash")
    if body["status"] not in ("imported", "duplicate") or not isinstance(body["state_match"],
                                                                         bool):
        raise ValueError("status")
    return Receipt(str(body["bundle_id"]), str(body["panti"]), seq, change_to, sha,
                   body["status"], body["state_match"], parse_utc(body["imported_at"]), rows,
                   str(body["signer"]))
