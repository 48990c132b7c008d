"""What only the SQLite store has: WAL mode, and a clear error for a file that is not a store.

Everything the Protocol promises is tested on both backends in test_store_backends.py.
"""

from __future__ import annotations

import sqlite3

import pytest

from naba.errors import StoreError
from naba.store import open_store
from naba.store.sqlite_schema import MIGRATIONS


def test_migrations_are_recorded_and_wal_is_on(tmp_path):
    path = tmp_path / "naba.db"
    open_store(str(path)).close()
    open_store(f"sqlite:///{path}").close()  # reopening applies nothing twice
    conn = sqlite3.connect(path)
    versions = [row[0] for row in conn.execute("SELECT version FROM naba_migrations")]
    assert versions == [m.version for m in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_not_a_naba_store_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_store(str(junk))


@pytest.mark.parametrize("compress", [
    lambda data: __import__("lz4.frame").frame.compress(data),
    lambda data: __import__("zlib").compress(data, 6),  # rows written before raw inputs moved to LZ4
], ids=["lz4", "zlib"])
def test_raw_payloads_decompress_whatever_codec_wrote_them(compress):
    from naba.store.rows import decompress_payload

    payload = "خبر عاجل: نص الخبر الكامل".encode() * 50
    assert decompress_payload(compress(payload)) == payload
