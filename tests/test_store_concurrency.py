"""Four `naba ingest` processes on overlapping inputs at once, into one PostgreSQL database.

The result must equal one process ingesting everything once: the same articles (compared without
ids and timestamps, which depend on who came first), no identity stored twice, every article with
its raw input and its search row.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from naba.engine import prepare
from naba.sample import sample_dir, sample_paths
from naba.serve.export import export_record
from naba.settings import Settings
from naba.sources.readers import iter_records
from naba.store import open_store
from pg_server import create_database_or_skip, drop_database

psycopg = pytest.importorskip("psycopg")
WORKERS = 4


def _identity_groups(jsonl: Path) -> list[list[str]]:
    """The lines of the sample JSONL grouped by article identity, in file order (a correction stays
    after the version it corrects, so every worker ends on the same text)."""
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    groups: dict[str, list[str]] = defaultdict(list)
    for record in iter_records([str(jsonl)], Settings(), {}):
        line_number = int(record.origin.rsplit(":", 1)[1])  # origin is path:line
        groups[prepare(record).identity].append(lines[line_number - 1])
    return list(groups.values())


def _worker_inputs(tmp_path: Path) -> list[list[str]]:
    """Each worker gets three identity groups in four, starting at a different place, plus the pages."""
    groups = _identity_groups(sample_dir() / "articles.jsonl")
    pages = [p for p in sample_paths() if not p.endswith(".jsonl")]
    inputs = []
    for worker in range(WORKERS):
        shift = worker * len(groups) // WORKERS
        mine = [g for n, g in enumerate(groups[shift:] + groups[:shift]) if (n + shift) % WORKERS != worker]
        path = tmp_path / f"worker{worker}.jsonl"
        path.write_text("\n".join(line for group in mine for line in group) + "\n", encoding="utf-8")
        inputs.append([str(path), *(pages if worker % 2 else reversed(pages))])
    return inputs


def _ingest_process(url: str, paths: list[str]) -> subprocess.Popen:
    env = {**os.environ, "NABA_BATCH_SIZE": "5"}  # many small transactions, so they interleave
    return subprocess.Popen([sys.executable, "-m", "naba", "ingest", "--db", url, "--json", *paths],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _articles(url: str) -> set[str]:
    """Each article's export without id and timestamps (categories as a set), as sortable JSON; the
    story and the original are named by that article's URL and body, as ids differ between runs."""
    store = open_store(url)
    try:
        out = set()
        everything = list(store.articles.scan())
        name = {s.id: f"{s.article.canonical_url} {s.article.body[:80]}" for s in everything}
        for stored in everything:
            record = {k: v for k, v in export_record(stored).items()
                      if k not in ("id", "fetched_at", "first_seen_at")}
            record["categories"] = sorted(record["categories"])
            record["story_id"] = name[record["story_id"]]
            record["duplicate_of"] = name.get(record["duplicate_of"])
            out.add(json.dumps(record, ensure_ascii=False, sort_keys=True))
        return out
    finally:
        store.close()


def _differences(extra: set[str], missing: set[str]) -> str:
    """Field by field, how the articles only in one run differ from their twins (same body) in the other."""
    lines = []
    others = {json.loads(m)["body"]: json.loads(m) for m in missing}
    for item in map(json.loads, extra):
        twin = others.get(item["body"], {})
        lines += [f"{item['canonical_url']}: {k}={item[k]!r}, single run {twin.get(k)!r}"
                  for k in item if twin.get(k) != item[k]]
    return "\n".join(lines) or f"{len(extra)} extra, {len(missing)} missing"


@pytest.fixture
def reference_url():
    url = create_database_or_skip()
    yield url
    drop_database(url)


def test_four_ingest_processes_at_once_equal_one(pg_url, reference_url, tmp_path):
    inputs = _worker_inputs(tmp_path)
    assert len(set.union(*(set(open(p[0], encoding="utf-8")) for p in inputs))) >= 100  # all lines covered
    workers = [_ingest_process(pg_url, paths) for paths in inputs]  # they also migrate the fresh database
    outputs = [worker.communicate(timeout=300) for worker in workers]
    for worker, (_stdout, stderr) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, stderr
    reports = [json.loads(stdout) for stdout, _ in outputs]

    single = _ingest_process(reference_url, sample_paths())
    stdout, stderr = single.communicate(timeout=300)
    assert single.returncode == 0, stderr
    reference = json.loads(stdout)

    assert sum(r["stored"] for r in reports) == reference["stored"]
    concurrent, one = _articles(pg_url), _articles(reference_url)
    assert concurrent == one, _differences(concurrent - one, one - concurrent)
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT identity FROM articles GROUP BY 1 HAVING count(*) > 1").fetchall() == []
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == reference["stored"]
        assert conn.execute(
            "SELECT count(*) FROM articles a JOIN raw_inputs r ON r.article_id = a.id "
            "JOIN article_search s ON s.article_id = a.id").fetchone()[0] == reference["stored"]


def test_workers_opening_a_fresh_database_together_migrate_it_once(pg_url):
    code = "import sys; from naba.store import open_store; open_store(sys.argv[1]).close()"
    workers = [subprocess.Popen([sys.executable, "-c", code, pg_url], stderr=subprocess.PIPE, text=True)
               for _ in range(WORKERS)]
    for worker in workers:
        _, stderr = worker.communicate(timeout=120)
        assert worker.returncode == 0, stderr
    with psycopg.connect(pg_url) as conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM naba_migrations ORDER BY 1")]
    from naba.store.postgres_schema import MIGRATIONS

    assert versions == [m.version for m in MIGRATIONS]
