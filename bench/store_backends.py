"""Benchmark: the PostgreSQL store against the SQLite store on real data (SaudiNewsNet + ANT).

    .venv/bin/python bench/store_backends.py [--limit N] [--queries 200] [--pg-url postgresql://...]

Measured for each backend, in one process, one after the other:
- ingest: ``naba.engine.ingest`` of the first N/2 SaudiNewsNet and N/2 ANT articles into a fresh store
  (the pipeline costs the same on both; the difference is the store);
- write only: the same articles prepared beforehand, then ``store.write`` in batches of 500;
- search: ``naba.serve.search.search`` (limit 10, with the total) for queries cut from real titles (one word,
  two words, a quoted two-word phrase), each run once cold and timed warm; p50 / p99 in milliseconds.
The sets of matches are compared too: any query whose matches differ between backends is listed.

Without --pg-url, a throwaway cluster is started (tests/pg_server.py) with fsync on and
synchronous_commit off: about SQLite's WAL + synchronous=NORMAL durability.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SAUDI = sorted((DATA / "saudinewsnet").glob("*.zip"))
ANT = DATA / "ant" / "ant-v2.1.tar.xz"
sys.path.insert(0, str(ROOT / "tests"))

from naba import engine  # noqa: E402
from naba.models import MatchQuery, Record  # noqa: E402
from naba.serve.search import parse_query, search  # noqa: E402
from naba.settings import Settings  # noqa: E402
from naba.sources.readers import iter_records  # noqa: E402
from naba.store import open_store  # noqa: E402


class _Enough(Exception):
    pass


def _ingest(store, paths: list[str], limit: int | None) -> int:
    """engine.ingest, stopped once ``limit`` records were read (checked after each batch)."""
    def stop(report):
        if limit and report.read >= limit:
            raise _Enough

    try:
        return engine.ingest(store, paths, Settings(), progress=stop).read
    except _Enough:
        return limit or 0


def _prepared(limit: int | None) -> list:
    out = []
    for paths in ([str(p) for p in SAUDI], [str(ANT)]):
        records = (r for r in iter_records(paths, Settings(), {}) if isinstance(r, Record))
        for record in islice(records, limit // 2 if limit else None):
            try:
                out.append(engine.prepare(record))
            except Exception:  # rejected records are not this benchmark's business
                pass
    return out


def _queries(store, count: int) -> list[str]:
    titles = [s.article.title for s in store.articles.scan() if s.article.title]
    rng = random.Random(7)
    queries = []
    for n, title in enumerate(rng.sample(titles, min(count, len(titles)))):
        words = [w for w in title.split() if len(w) > 3] or title.split()
        start = rng.randrange(len(words))
        pair = words[start:start + 2]
        queries.append(words[start] if n % 3 == 0 or len(pair) < 2
                       else " ".join(pair) if n % 3 == 1 else f'"{" ".join(pair)}"')
    return queries


def _search_times(store, queries: list[str]) -> tuple[list[float], dict[str, frozenset[int]]]:
    totals = {q: frozenset(hit.stored.id for hit in store.search.query(MatchQuery(parse_query(q), limit=10**7)))
              for q in queries}  # cold pass, and every match
    times = []
    for q in queries:
        start = time.perf_counter()
        search(store, q)
        times.append((time.perf_counter() - start) * 1000)
    return times, totals


def _run(url: str, limit: int | None, prepared: list, queries: list[str] | None, write_url: str) -> dict:
    store = open_store(url)
    start = time.perf_counter()
    read = _ingest(store, [str(p) for p in SAUDI], limit // 2 if limit else None)
    read += _ingest(store, [str(ANT)], limit // 2 if limit else None)
    ingest_seconds = time.perf_counter() - start
    articles = store.articles.stats().articles
    queries = queries or _queries(store, 200)
    times, totals = _search_times(store, queries)
    store.close()

    target = open_store(write_url)
    start = time.perf_counter()
    for i in range(0, len(prepared), 500):
        target.articles.write(prepared[i:i + 500], "2026-01-01T00:00:00+00:00")
    write_seconds = time.perf_counter() - start
    target.close()
    return {"read": read, "articles": articles, "ingest_s": ingest_seconds, "write_s": write_seconds,
            "written": len(prepared), "times": times, "totals": totals, "queries": queries}


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="articles to take (half SaudiNewsNet, half ANT)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--pg-url", help="an empty database to use (default: start a throwaway cluster)")
    args = parser.parse_args()
    if not SAUDI or not ANT.exists():
        print(f"skipped: the data is not in {DATA}", file=sys.stderr)
        return 0
    cluster = None
    if args.pg_url:
        pg_urls = [args.pg_url, args.pg_url]
        print("note: --pg-url is used for both the ingest and the write-only run; give an empty database",
              file=sys.stderr)
    else:
        import psycopg

        from pg_server import LocalCluster

        cluster = LocalCluster()
        base = cluster.start(durable=True)
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench_ingest")
            conn.execute("CREATE DATABASE bench_write")
        pg_urls = [base.rsplit("/", 1)[0] + "/bench_ingest", base.rsplit("/", 1)[0] + "/bench_write"]
    try:
        prepared = _prepared(args.limit)
        with tempfile.TemporaryDirectory() as tmp:
            lite = _run(f"{tmp}/ingest.db", args.limit, prepared, None, f"{tmp}/write.db")
            lite["db_mb"] = sum(f.stat().st_size for f in Path(tmp).glob("ingest.db*")) / 2**20
            pg = _run(pg_urls[0], args.limit, prepared, lite["queries"][:args.queries], pg_urls[1])
            store = open_store(pg_urls[0])
            pg["db_mb"] = sum(store.articles.stats().sizes.values()) / 2**20
            store.close()
    finally:
        if cluster:
            cluster.stop()
    _print(lite, pg)
    return 0


def _print(lite: dict, pg: dict) -> None:
    print(f"{lite['articles']:,} articles ({lite['read']:,} records read), {len(lite['queries'])} queries\n")
    print("| backend | ingest art/s | write-only art/s | search p50 ms | search p99 ms | mean ms | store MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in (("SQLite (WAL, FTS5)", lite), ("PostgreSQL (tsvector + GIN)", pg)):
        print(f"| {name} | {r['articles'] / r['ingest_s']:,.0f} | {r['written'] / r['write_s']:,.0f} | "
              f"{_percentile(r['times'], 50):.2f} | {_percentile(r['times'], 99):.2f} | "
              f"{statistics.fmean(r['times']):.2f} | {r['db_mb']:.0f} |")
    differ = [(q, lite["totals"][q], pg["totals"][q]) for q in lite["queries"] if lite["totals"][q] != pg["totals"][q]]
    print(f"\nqueries whose totals differ between the backends: {len(differ)}")
    for q, a, b in differ[:20]:
        print(f"  {q!r}: SQLite {len(a)}, PostgreSQL {len(b)}; only SQLite {sorted(a - b)[:5]}, "
              f"only PostgreSQL {sorted(b - a)[:5]}")
    if pg["articles"] != lite["articles"]:
        print(f"articles differ: SQLite {lite['articles']}, PostgreSQL {pg['articles']}")


if __name__ == "__main__":
    sys.exit(main())
