"""Benchmark: the web site and API under concurrent load, on all of SaudiNewsNet + ANT.

    .venv/bin/python bench/web.py [--db PATH] [--clients 50] [--seconds 10] [--modes per-thread,lock]
                                  [--workers 1,2] [--only cold,search] [--rate 200]

1. The store: ``--db PATH`` reuses one; by default it is built once and cached at
   /tmp/naba-bench-web.db (``naba ingest ../shared/data/saudinewsnet ../shared/data/ant/ant-v2.1.tar.xz
   --workers 2``, a few minutes).
2. ``naba serve`` runs in a subprocess on 127.0.0.1 (access log off), once per configuration
   (store access mode × server processes).
3. A load generator runs in a second process: ``--clients`` keep-alive HTTP/1.1 connections on one
   asyncio loop, each sending its next request as soon as the last answer is read, for ``--seconds``
   per endpoint, over a fixed list of URLs cut from the store (random articles, the latest stories,
   searches made of title words). Each page is measured twice: on a hot set of HOT URLs asked again and
   again (what the page caches hold) and on a cold set of thousands, each asked about once (the work
   done at request time). It records each request's latency. ``--only`` keeps the endpoints whose name
   holds one of its words (the baseline is always measured).
   With ``--rate R`` the load is an open loop instead: the clients together send R requests a
   second on a fixed schedule, whether or not earlier answers came back, and a latency counts from
   when its request was due (so a stalled server is charged for the requests it delayed). A closed
   loop of 50 clients measures the most a server answers, and its latencies are queueing: by
   Little's law 50 waiting clients at N requests/s wait 50/N s on average. "p99 ≤ 100 ms at 200
   requests/s" is the open loop's question.
4. Printed: a markdown table of p50 / p99 latency (ms) and requests/s per endpoint, with the baseline
   measured in the same run (``/healthz``: a plain-text response from the same app, no store, no
   template) and each endpoint's requests/s as a share of it.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
INPUTS = [DATA / "saudinewsnet", DATA / "ant" / "ant-v2.1.tar.xz"]
DEFAULT_DB = Path("/tmp/naba-bench-web.db")
NABA = Path(sys.executable).with_name("naba")
HOT = 300  # distinct URLs per endpoint
COLD = 20_000  # distinct articles for the cold-cache rows: each is requested about once


# -- the store ------------------------------------------------------------------------------------

def ensure_store(db: Path) -> Path:
    if db.exists():
        return db
    missing = [p for p in INPUTS if not p.exists()]
    if missing:
        sys.exit(f"real data not available: {missing[0]} is absent")
    print(f"building {db} (naba ingest, 2 workers; a few minutes)...", file=sys.stderr)
    started = time.monotonic()
    subprocess.run([str(NABA), "ingest", *map(str, INPUTS), "--workers", "2", "--db", str(db)], check=True,
                   stdout=subprocess.DEVNULL)
    print(f"built in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return db


def pick_urls(db: Path, seed: int = 7) -> dict[str, list[str]]:
    """The paths each endpoint is hit with: random stored articles (a hot set of HOT, which the related
    cache holds after the first pass, and a cold set of COLD, each requested about once), the latest
    stories and the stories of the cold articles, searches made of title words (the first HOT asked
    again and again like popular queries, the rest each asked about once)."""
    from naba.store import open_store

    rng = random.Random(seed)
    store = open_store(str(db))
    try:
        newest = store.articles.newest(limit=1)[0].id
        ids = rng.sample(range(1, newest + 1), min(newest, COLD * 2))
        stored = store.articles.get_many(ids)
        articles = [i for i in ids if i in stored][:COLD]
        stories = [s.id for s in store.stories.newest(limit=HOT)]
        titles = [t for t in (stored[i].article.title for i in articles) if t]
        cold_stories = list(dict.fromkeys(stored[i].story_id for i in articles[HOT:] if stored[i].story_id))
    finally:
        store.close()
    queries = []
    for title in titles:
        words = [w for w in title.split() if len(w) > 3]
        if words:
            queries.append(" ".join(rng.sample(words, min(len(words), rng.choice((1, 2))))))
    hot, cold = articles[:HOT], articles[HOT:]
    cold_queries = list(dict.fromkeys(queries[HOT:]))  # each asked about once: no cache helps
    return {
        "baseline: /healthz (same app, no store)": ["/healthz"],
        f"article page /article/{{id}}, {HOT} articles (related lists cached)": [f"/article/{i}" for i in hot],
        f"article page /article/{{id}}, {len(cold):,} articles (cache cold)": [f"/article/{i}" for i in cold],
        f"story page /story/{{id}}, {len(stories)} latest stories": [f"/story/{i}" for i in stories],
        f"story page /story/{{id}}, {len(cold_stories):,} stories (cache cold)": [f"/story/{i}" for i in cold_stories],
        f"search page /search?q=, {min(len(queries), HOT)} queries (popular: asked again and again)":
            [f"/search?q={quote(q)}" for q in queries[:HOT]],
        f"search page /search?q=, {len(cold_queries):,} queries (cache cold)":
            [f"/search?q={quote(q)}" for q in cold_queries],
        f"API /api/articles/{{id}}/related, {HOT} articles (cached)": [f"/api/articles/{i}/related" for i in hot],
        f"API /api/articles/{{id}}/related, {len(cold):,} articles (cache cold)":
            [f"/api/articles/{i}/related" for i in reversed(cold)],
    }


# -- the server -----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, mode: str, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(NABA), "serve", "--db", str(db), "--port", str(port), "--store-mode", mode,
         "--workers", str(workers), "--no-access-log"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"naba serve exited: {server.stderr.read()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("naba serve did not start in 60 s")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


# -- the load generator (runs in its own process) -------------------------------------------------

async def _client(host: str, port: int, paths: list[str], offset: int, stop_at: float,
                  latencies: list[float], errors: list[int], once: bool = False,
                  schedule: tuple[float, float] | None = None) -> None:
    """Closed loop: the next request as soon as the last answer is read. With ``schedule`` (first
    send time, interval), open loop: request n is due at first + n * interval, and its latency is
    counted from when it was due, so a late answer also delays (and is charged to) the next ones."""
    reader, writer = await asyncio.open_connection(host, port)
    i = offset
    sent = 0
    try:
        while time.perf_counter() < stop_at and not (once and i >= len(paths)):
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            if schedule is not None:
                due = schedule[0] + sent * schedule[1]
                sent += 1
                if due >= stop_at:
                    break
                if due > started:
                    await asyncio.sleep(due - started)
                started = due
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: naba-bench\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            if status >= 400:
                errors.append(status)
    finally:
        writer.close()


async def _load(base: str, paths: list[str], clients: int, seconds: float,
                rate: float | None = None) -> tuple[list[float], list[int], float]:
    parts = urlsplit(base)
    latencies: list[float] = []
    errors: list[int] = []
    warm: list[float] = []  # warm-up latencies, not reported
    # client k starts at the k-th of ``clients`` equal segments of the list, so on a long list the
    # clients do not walk over each other's URLs. Warm-up: a short list (a hot set) is requested
    # once through, as a site's popular pages are; on a long one, 1 s half a segment further on.
    segment = max(1, len(paths) // clients)
    if len(paths) <= HOT:  # twice: with several server processes, each keeps its own cache
        for _ in range(2):
            await asyncio.gather(*(_client(parts.hostname, parts.port, paths[k::10], 0, time.perf_counter() + 60,
                                           warm, [], once=True) for k in range(min(len(paths), 10))))
    else:
        await asyncio.gather(*(_client(parts.hostname, parts.port, paths, k * segment + segment // 2,
                                       time.perf_counter() + 1.0, warm, []) for k in range(min(clients, 10))))
    started = time.perf_counter()
    # open loop: ``rate`` requests a second in all, client k's due times spread evenly between the others'
    schedules = [None if rate is None else (started + k / rate, clients / rate) for k in range(clients)]
    await asyncio.gather(*(_client(parts.hostname, parts.port, paths, k * segment, started + seconds, latencies,
                                   errors, schedule=schedules[k]) for k in range(clients)))
    return latencies, errors, time.perf_counter() - started


def _load_process(base: str, paths: list[str], clients: int, seconds: float, rate: float | None, out) -> None:
    try:
        out.send(asyncio.run(_load(base, paths, clients, seconds, rate)))
    except Exception as exc:  # reported by the parent, which would otherwise wait for ever
        out.send(exc)
    out.close()


def measure(base: str, paths: list[str], clients: int, seconds: float, rate: float | None = None) -> dict[str, float]:
    receive, send = multiprocessing.Pipe(duplex=False)
    worker = multiprocessing.Process(target=_load_process, args=(base, paths, clients, seconds, rate, send))
    worker.start()
    if not receive.poll(seconds + 120):
        worker.kill()
        sys.exit("the load generator did not answer")
    result = receive.recv()
    worker.join()
    if isinstance(result, Exception):
        sys.exit(f"the load generator failed: {result!r}")
    latencies, errors, wall = result
    ordered = sorted(latencies)
    return {"requests": len(ordered), "errors": len(errors), "rps": len(ordered) / wall,
            "p50": 1000 * statistics.median(ordered),
            "p99": 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]}


# -- the report -----------------------------------------------------------------------------------

def table(rows: list[tuple[str, str, dict[str, float]]]) -> str:
    lines = ["| server | endpoint | requests | errors | p50 ms | p99 ms | requests/s | vs baseline |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    baselines = {config: r["rps"] for config, name, r in rows if name.startswith("baseline")}
    for config, name, r in rows:
        ratio = r["rps"] / baselines[config] if baselines.get(config) else float("nan")
        lines.append(f"| {config} | {name} | {r['requests']:,} | {r['errors']} | {r['p50']:.1f} | {r['p99']:.1f} "
                     f"| {r['rps']:,.0f} | {ratio:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="a store to reuse (built there if absent)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0, help="per endpoint")
    parser.add_argument("--modes", default="per-thread,lock", help="store access modes to compare")
    parser.add_argument("--workers", default="1,2", help="server process counts to compare")
    parser.add_argument("--rate", type=float, default=None,
                        help="open loop: offer this many requests/s in all to each endpoint but the baseline "
                             "(latency counted from when each request was due); default: closed loop")
    parser.add_argument("--only", default="", help="measure only endpoints whose name holds one of these "
                                                     "comma-separated words (the baseline is always measured)")
    args = parser.parse_args()

    db = ensure_store(args.db)
    endpoints = pick_urls(db)
    only = [w for w in args.only.split(",") if w]
    rows = []
    for workers in (int(w) for w in args.workers.split(",")):
        for mode in args.modes.split(","):
            config = f"{workers} process{'es' if workers > 1 else ''}, {mode}"
            port = free_port()
            server = start_server(db, port, mode, workers)
            try:
                for name, paths in endpoints.items():
                    if not paths:  # a small store has no cold set
                        continue
                    if only and not name.startswith("baseline") and not any(w in name for w in only):
                        continue
                    rate = None if name.startswith("baseline") else args.rate
                    result = measure(f"http://127.0.0.1:{port}", paths, args.clients, args.seconds, rate)
                    rows.append((config, name, result))
                    print(f"{config} · {name}: {result['rps']:,.0f} req/s, p99 {result['p99']:.1f} ms",
                          file=sys.stderr)
            finally:
                stop_server(server)
    size_mb = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6
    loop = ("each sending its next request as soon as the last is answered" if args.rate is None else
            f"offering {args.rate:g} requests/s in all (open loop; the baseline closed loop)")
    print(f"store {db} ({size_mb:,.0f} MB); {args.clients} concurrent keep-alive clients in a second process, "
          f"{loop}, {args.seconds:g} s per endpoint; {os.cpu_count()} cores shared by server and load "
          f"generator\n")
    print(table(rows))


if __name__ == "__main__":
    main()
