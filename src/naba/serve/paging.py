"""Lists in pages: opaque cursors, and the keyset slices of articles and stories they point into.

    encode_keyset(1764400000.0, 42) -> "azoxNzY0NDAwMDAwLjA6NDI"   decode_keyset(that) -> (1764400000.0, 42)

A cursor is a keyset position (time, id) or a search offset, as URL-safe base64. It is part of the
JSON contract (``next_cursor``), which the API and the CLI both print, so it lives here rather than in
the web package. Clients treat cursors as opaque strings; a malformed one is a usage error (422 in the
API), never a 500.
"""

from __future__ import annotations

import base64
import binascii
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from naba.dates import to_timestamp
from naba.errors import UsageError
from naba.models import StoredArticle, StorySummary
from naba.store import Store

T = TypeVar("T")
MAX_ID = 2**53 - 1  # ids beyond what every backend (and JavaScript) holds are not ids
MAX_TIMESTAMP = 253402300799.0  # 9999-12-31T23:59:59Z: a cursor's time past this is none naba made


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
    if not math.isfinite(ts) or abs(ts) > MAX_TIMESTAMP or not 0 <= item_id <= MAX_ID:  # a store cannot compare
        raise UsageError("malformed cursor", where=cursor[:80], hint="pass next_cursor back as it was")
    return ts, item_id


def encode_offset(offset: int) -> str:
    return _encode(f"o:{offset}")


def decode_offset(cursor: str) -> int:
    text = _decode(cursor, "o")
    if not text.isdigit() or len(text) > 9:
        raise UsageError("malformed cursor", where=cursor[:80], hint="pass next_cursor back as it was")
    return int(text)


# -- keyset slices ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Slice(Generic[T]):
    """One page of a list, and the cursor of the next page (None: this is the last)."""

    items: tuple[T, ...]
    next_cursor: str | None


def article_key(stored: StoredArticle) -> tuple[float, int]:
    """The (published time, id) position ``store.articles.newest`` orders by."""
    return (to_timestamp(stored.article.published_at) or 0.0, stored.id)


def story_key(story: StorySummary) -> tuple[float, int]:
    """The (last time, id) position ``store.stories.newest`` orders by."""
    return (to_timestamp(story.last_at) or 0.0, story.id)


def articles_slice(store: Store, cursor: str | None, limit: int, **filters: Any) -> Slice[StoredArticle]:
    return _keyset_slice(lambda before, n: store.articles.newest(before=before, limit=n, **filters),
                         article_key, cursor, limit)


def stories_slice(store: Store, cursor: str | None, limit: int, **filters: Any) -> Slice[StorySummary]:
    return _keyset_slice(lambda before, n: store.stories.newest(before=before, limit=n, **filters),
                         story_key, cursor, limit)


def _keyset_slice(fetch: Callable[[tuple[float, int] | None, int], list[T]], key: Callable[[T], tuple[float, int]],
                  cursor: str | None, limit: int) -> Slice[T]:
    """Asks for one item more than ``limit``: whether it exists says if there is a next page."""
    items = fetch(decode_keyset(cursor) if cursor else None, limit + 1)
    more = len(items) > limit
    items = items[:limit]
    return Slice(tuple(items), encode_keyset(*key(items[-1])) if more else None)


def offset_cursor(offset: int, shown: int, total: int, limit: int) -> str | None:
    """The cursor of the next page of an offset-paged list (search), or None after the last."""
    return encode_offset(offset + limit) if offset + shown < total else None
