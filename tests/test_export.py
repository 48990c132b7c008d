"""`naba export` in its three formats: the same records and contract as JSONL, streamed in batches.

The real console script on the sample corpus, on both backends; pandas reads what it writes.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import pty
import subprocess
import sys

import pytest

from cli_runner import Ran
from cli_runner import naba as naba_in_process
from naba import engine
from naba.sample import sample_paths
from naba.settings import Settings
from naba.store import open_store

pd = pytest.importorskip("pandas", reason="the test extra installs pandas: pip install -e '.[test]'")
pq = pytest.importorskip("pyarrow.parquet", reason="the test extra installs pyarrow: pip install -e '.[test]'")

NABA = [sys.executable, "-m", "naba"]


def naba(*args: str) -> Ran:
    """In-process, bytes out (the real process: the two tests that need one, below)."""
    return naba_in_process(*args, env={"COLUMNS": "200"}, text=False)


@pytest.fixture
def sample_store(store_url) -> str:
    store = open_store(store_url)
    try:
        engine.ingest(store, sample_paths(), Settings())
    finally:
        store.close()
    return store_url


def _jsonl(db: str, *args: str) -> list[dict]:
    result = naba("export", "--db", db, *args)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def _plain(value):
    """A value read back by pandas as the JSON types: arrays as lists, NaN/NA as None, numpy scalars as Python."""
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)  # an integer column with nulls comes back as floats
    return value


def test_parquet_round_trips_into_pandas_with_the_same_rows_as_jsonl(sample_store, tmp_path):
    expected = _jsonl(sample_store)
    path = tmp_path / "export.parquet"
    result = naba("export", "--db", sample_store, "--format", "parquet", "--output", str(path))
    assert result.returncode == 0, result.stderr
    frame = pd.read_parquet(path)
    assert list(frame.columns) == list(expected[0])  # the contract's fields, in its order
    rows = [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]
    assert len(rows) == len(expected) > 100
    assert rows == expected


def test_parquet_keeps_the_structure_of_lists_and_objects(sample_store, tmp_path):
    path = tmp_path / "export.parquet"
    assert naba("export", "--db", sample_store, "--format", "parquet", "-o", str(path)).returncode == 0
    schema = pq.read_schema(path)
    assert str(schema.field("entities").type.value_type) == "struct<name: string, canonical: string, kind: string>"
    assert str(schema.field("page_read_also").type) == "struct<title: string, lede: string>"
    assert str(schema.field("page_tags").type.value_type) == "string"
    assert str(schema.field("id").type) == "int64" and not schema.field("id").nullable
    assert schema.field("duplicate_of").nullable
    table = pq.read_table(path)
    with_read_also = [r for r in table.column("page_read_also").to_pylist() if r]
    assert with_read_also and all(set(r) == {"title", "lede"} for r in with_read_also)


def test_parquet_on_stdout_with_related_lists(sample_store):
    expected = _jsonl(sample_store, "--related", "2")
    result = naba("export", "--db", sample_store, "--format", "parquet", "--related", "2")
    assert result.returncode == 0, result.stderr.decode()
    table = pq.read_table(io.BytesIO(result.stdout))
    assert table.column_names == list(expected[0])
    assert str(table.schema.field("similar").type.value_type) == "struct<id: int64, story_id: int64, score: double>"
    assert table.to_pylist() == expected


def test_csv_holds_the_same_records_with_lists_as_json_text(sample_store):
    expected = _jsonl(sample_store)
    result = naba("export", "--db", sample_store, "--format", "csv")
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout.decode(), newline=""))
    assert tuple(reader.fieldnames) == tuple(expected[0])
    rows = list(reader)
    assert len(rows) == len(expected)
    for row, record in zip(rows, expected, strict=True):
        for name, value in record.items():
            if isinstance(value, (list, dict, bool)):
                assert json.loads(row[name]) == value, name
            else:
                assert row[name] == ("" if value is None else str(value)), name
    frame = pd.read_csv(io.BytesIO(result.stdout), keep_default_na=False)
    assert frame["body"].tolist() == [r["body"] for r in expected]  # multi-line bodies stay whole


def test_parquet_is_written_a_row_group_per_batch(sample_store, tmp_path, monkeypatch):
    from naba.serve import export

    monkeypatch.setattr(export, "BATCH_ROWS", 10)
    path = tmp_path / "batched.parquet"
    store = open_store(sample_store)
    try:
        with path.open("wb") as sink:
            written = export.write_export(store, "parquet", sink)
    finally:
        store.close()
    assert pq.ParquetFile(path).metadata.num_row_groups == math.ceil(written / 10) > 1
    assert pq.read_table(path).num_rows == written


def test_without_pyarrow_parquet_is_one_clear_line_and_exit_2(tmp_path):
    no_pyarrow = "import sys; sys.modules['pyarrow'] = None; from naba.cli import main; sys.argv[0] = 'naba'; main()"
    result = subprocess.run([sys.executable, "-c", no_pyarrow, "export", "--format", "parquet", "--db",
                             str(tmp_path / "x.db"), "-o", str(tmp_path / "x.parquet")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: --format parquet needs pyarrow, which is not installed (pip install 'naba[parquet]')"]


def test_parquet_is_not_written_to_a_terminal(tmp_path):
    main, secondary = pty.openpty()
    try:
        result = subprocess.run([*NABA, "export", "--format", "parquet", "--db", str(tmp_path / "x.db")],
                                stdout=secondary, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(secondary)
        os.close(main)
    assert result.returncode == 2 and b"redirect stdout" in result.stderr


def test_an_unknown_format_is_a_usage_error(tmp_path):
    result = naba("export", "--format", "xml", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2 and b"jsonl, parquet, csv" in result.stderr
