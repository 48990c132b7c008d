"""Opaque pagination cursors: a keyset position (time, id) or a search offset, as URL-safe base64.

    encode_keyset(1764400000.0, 42) -> "azoxNzY0NDAwMDAwLjA6NDI"   decode_keyset(that) -> (1764400000.0, 42)

Clients treat them as opaque strings; a malformed one is a usage error (422), never a 500.
"""

from __future__ import annotations

import base64
import binascii
import math

from naba.errors import UsageError


def _encode(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode("ascii")).decode("ascii").rstrip("=")


def _decode(cursor: str, kind: str) -> str:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise UsageError("malformed cursor", where=cursor[:80], hint="pass next_cursor back as it was") from exc
    prefix, _, rest = text.partition(":")
    if prefix != kind or not rest:
        raise UsageError("malformed cursor", where=cursor[:80], hint="pass next_cursor back as it was")
    return rest


def encode_keyset(ts: float, item_id: int) -> str:
    return _encode(f"k:{ts!r}:{item_id}")


def decode_keyset(cursor: str) -> tuple[float, int]:
    ts_text, _, id_text = _decode(cursor, "k").rpartition(":")
    try:
        ts, item_id = float(ts_text), int(id_text)
    except ValueError as exc:
        raise UsageError("malformed cursor", where=cursor[:80], hint="pass next_cursor back as it was") from exc
    if not math.isfinite(ts):
        raise UsageError("malformed cursor", where=cursor[:80], hint="pass next_cursor back as it was")
    return ts, item_id


def encode_offset(offset: int) -> str:
    return _encode(f"o:{offset}")


def decode_offset(cursor: str) -> int:
    text = _decode(cursor, "o")
    if not text.isdigit() or len(text) > 9:
        raise UsageError("malformed cursor", where=cursor[:80], hint="pass next_cursor back as it was")
    return int(text)
