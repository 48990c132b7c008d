"""Benchmark: crawl 100 feeds x 50 items from local servers, end to end, politeness delays at zero.

    .venv/bin/python bench/crawl.py [--feeds 100] [--items 50] [--hosts 20] [--workers 8]

Two runs against the same servers, in one invocation:
  * baseline: the polite client polls every feed and fetches every page, and does nothing with them;
  * naba: the real thing, ``naba.engine.crawler.crawl_once`` on a fresh SQLite store with every feed
    registered as a source: poll, fetch new pages, extract (trafilatura + Arabic rules), clean,
    index, store. Time is summed over threads and split into fetching, feed parsing, extraction,
    the rest of the pipeline (cleaning, tokenizing, hashing) and writing the store.

The servers run in a child process (so they do not share the GIL with the crawler), one per
loopback address 127.0.0.2, 127.0.0.3, ... (all loopback on Linux), each a separate "host" for the
client's per-host rules. Feeds (RSS 2.0 in windows-1256 and Atom in UTF-8, half each) and article
pages are generated in memory. Each host is crawled by one task (per-host concurrency 1 anyway);
a thread pool runs the hosts in parallel.

"""

from __future__ import annotations

import argparse
import html
import multiprocessing
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test suite's local HTTP server

from fetch_server import Answer, FetchServer  # noqa: E402
from naba.sources.fetch import FeedItem, FetchPolicy, FetchResult, PoliteClient, dedup_items, poll_source  # noqa: E402

PARAGRAPHS = (
    "أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم صغار المزارعين في المناطق الريفية وتوفير البذور المحسنة.",
    "وقال المتحدث باسم الوزارة إن البرنامج يشمل تدريب الشباب على أساليب الري الحديثة وترشيد استهلاك المياه.",
    "وأشار التقرير إلى أن إنتاج القمح ارتفع بنسبة ملحوظة خلال الموسم الماضي بفضل الأمطار الغزيرة.",
    "من جهة أخرى، طالب عدد من التجار بتحسين الطرق الزراعية لتسهيل نقل المحاصيل إلى الأسواق الكبرى.",
    "ويأمل المسؤولون أن تسهم هذه الإجراءات في خفض أسعار الخضار والفواكه خلال الأشهر المقبلة.",
)


DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
_REAL: dict[tuple[int, int, int], tuple[str, str]] = {}  # (host, feed, item) -> (title, text), in the server


def real_articles(count: int) -> list[tuple[str, str]]:
    """The first ``count`` SaudiNewsNet articles with a title and text (the pages' content), or none
    when the data is absent (the generated paragraphs then stand in)."""
    import json
    import zipfile

    found: list[tuple[str, str]] = []
    for path in sorted(DATA.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for item in json.loads(archive.read(name)):
                    if item.get("title") and len(item.get("content") or "") > 300:
                        found.append((item["title"], item["content"]))
                        if len(found) >= count:
                            return found
    return found


def article_page(host: int, feed: int, item: int) -> bytes:
    """A page of a real article when the data is there (the story stage then sees real news, not one
    template ten thousand times), else of generated paragraphs."""
    if (host, feed, item) in _REAL:
        title, text = _REAL[host, feed, item]
        paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
        title = html.escape(title)
    else:
        title = f"خبر رقم {item} من الموجز {feed}"
        paragraphs = "\n".join(f"<p>{PARAGRAPHS[(item + k) % len(PARAGRAPHS)]} ({host}-{feed}-{item}-{k})</p>"
                               for k in range(6))
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
            f"<title>{title}</title></head><body><nav><a href='/'>الرئيسية</a></nav>"
            f"<article><h1>{title}</h1>\n{paragraphs}\n</article>"
            f"<footer>جميع الحقوق محفوظة</footer></body></html>").encode()


def feed_document(base: str, host: int, feed: int, items: int) -> tuple[bytes, str]:
    """(body, content type): even feeds are RSS 2.0 in windows-1256 without a charset header, odd ones Atom."""
    links = [f"{base}/news/{feed}/{item}.html?utm_source=rss" for item in range(items)]
    if feed % 2 == 0:
        entries = "".join(f"<item><title>خبر رقم {i} من الموجز {feed}</title><link>{link.replace('&', '&amp;')}"
                          f"</link><description>{PARAGRAPHS[i % 5]}</description>"
                          f"<pubDate>Sun, 29 Nov 2026 08:{i % 60:02d}:00 +0300</pubDate></item>"
                          for i, link in enumerate(links))
        text = (f'<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel>'
                f"<title>موجز {host}-{feed}</title><link>{base}/</link>{entries}</channel></rss>")
        return text.encode("cp1256"), "application/rss+xml"
    entries = "".join(f'<entry><title>خبر رقم {i} من الموجز {feed}</title><link href="{link}"/>'
                      f"<id>{link}</id><updated>2026-11-29T08:{i % 60:02d}:00+03:00</updated>"
                      f"<summary>{PARAGRAPHS[i % 5]}</summary></entry>" for i, link in enumerate(links))
    text = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>موجز {host}-{feed}</title><id>{base}/</id>{entries}</feed>")
    return text.encode("utf-8"), "application/atom+xml"


def serve(hosts: int, feeds_per_host: int, items: int, ready, stop) -> None:
    """Child process: one server per loopback address, until ``stop`` is set."""
    keys = [(h, f, i) for h in range(hosts) for f in range(feeds_per_host) for i in range(items)]
    _REAL.update(zip(keys, real_articles(len(keys)), strict=False))
    servers = []
    for host in range(hosts):
        server = FetchServer(f"127.0.0.{host + 2}")
        for feed in range(feeds_per_host):
            body, content_type = feed_document(server.base, host, feed, items)
            server.add(f"/feeds/{feed}.xml", Answer(body=body, headers=(("Content-Type", content_type),)))
        server.add("/robots.txt", Answer(body=b"User-agent: *\nDisallow: /admin/\n"))
        server.fallback = _page_route(host)
        servers.append(server.start())
    ready.send([server.base for server in servers])
    stop.wait()
    for server in servers:
        server.stop()


def _page_route(host: int) -> Callable[[str], Answer | None]:
    def route(path: str) -> Answer | None:
        parts = path.partition("?")[0].strip("/").split("/")  # news/<feed>/<item>.html
        if len(parts) != 3 or parts[0] != "news":
            return None
        body = article_page(host, int(parts[1]), int(parts[2].removesuffix(".html")))
        return Answer(body=body, headers=(("Content-Type", "text/html; charset=utf-8"),))
    return route


def extract_page(item: FeedItem, result: FetchResult) -> None:
    """The default per-page step: naba.sources.readers' HTML extraction, as ingest would run it."""
    from naba.models import Record
    from naba.sources.readers import parse_record

    hints = (("charset", result.charset),) if result.charset else ()
    parse_record(Record("html", result.body, result.final_url, hints + (("url", result.final_url),)))


@dataclass
class Tally:
    """Seconds summed over worker threads, and counts."""

    fetch: float = 0.0
    parse: float = 0.0
    on_page: float = 0.0
    total: float = 0.0
    feeds: int = 0
    items: int = 0
    pages: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, **amounts) -> None:
        with self.lock:
            for name, value in amounts.items():
                setattr(self, name, getattr(self, name) + value)


def crawl_host(client: PoliteClient, feed_urls: list[str], on_page, tally: Tally) -> None:
    """Poll every feed of one host, then fetch and process each new item's page."""
    start = time.perf_counter()
    seen: set[str] = set()
    for url in feed_urls:
        t0 = time.perf_counter()
        poll = poll_source(client, url)
        total = time.perf_counter() - t0
        if not poll.ok:
            tally.errors.append(str(poll.error))
            continue
        tally.add(fetch=poll.result.elapsed, parse=total - poll.result.elapsed, feeds=1)
        for item in dedup_items(poll.listing.items):
            if item.canonical_url in seen:
                continue
            seen.add(item.canonical_url)
            result = client.fetch(item.url)
            if not result.ok:
                tally.errors.append(str(result.error))
                continue
            t1 = time.perf_counter()
            on_page(item, result)
            tally.add(fetch=result.elapsed, on_page=time.perf_counter() - t1, items=1, pages=1)
    tally.add(total=time.perf_counter() - start)


def run(bases: list[str], feeds_per_host: int, workers: int, on_page) -> tuple[Tally, float]:
    policy = FetchPolicy(min_delay=0.0, allowed_networks=("127.0.0.0/8",), connect_timeout=5, read_timeout=30)
    tally = Tally()
    start = time.perf_counter()
    with PoliteClient(policy) as client, ThreadPoolExecutor(workers) as pool:
        jobs = [pool.submit(crawl_host, client, [f"{base}/feeds/{feed}.xml" for feed in range(feeds_per_host)],
                            on_page, tally) for base in bases]
        for job in jobs:
            job.result()
    return tally, time.perf_counter() - start


class Timers:
    """CPU seconds spent inside wrapped callables, summed over threads (``time.thread_time``: a
    thread waiting for the GIL or the network is not counted, so the shares say where the work is)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._lock = threading.Lock()

    def wrap(self, name: str, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            start = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                with self._lock:
                    self.seconds[name] = self.seconds.get(name, 0.0) + time.thread_time() - start
        return timed


def run_naba(bases: list[str], feeds_per_host: int, workers: int, processes: int = 1) -> tuple[dict, float, int]:
    """The real crawler into a fresh SQLite store; returns (seconds per stage, wall seconds, articles).
    With ``processes`` > 1 the pages are prepared in worker processes, whose time the stages miss."""
    import tempfile

    import naba.sources.fetch.listing
    import naba.sources.readers.html
    from naba import engine
    from naba.engine import crawler
    from naba.engine.crawler import CrawlOptions
    from naba.settings import Settings
    from naba.sources.readers import reader_for
    from naba.store import open_store

    timers = Timers()
    originals = (naba.sources.fetch.listing.read_listing, engine.prepare_checked, naba.sources.readers.html.parse,
                 engine.group_written, engine.refresh_lists)
    naba.sources.fetch.listing.read_listing = timers.wrap("parse", naba.sources.fetch.listing.read_listing)
    engine.prepare_checked = timers.wrap("prepare", engine.prepare_checked)
    engine.group_written = timers.wrap("stories", engine.group_written)
    engine.refresh_lists = timers.wrap("lists", engine.refresh_lists)
    naba.sources.readers.html.parse = timers.wrap("extract", naba.sources.readers.html.parse)
    reader_for.cache_clear()
    policy = FetchPolicy(min_delay=0.0, allowed_networks=("127.0.0.0/8",), connect_timeout=5, read_timeout=30)
    try:
        with tempfile.TemporaryDirectory() as folder, PoliteClient(policy) as client:
            store = open_store(f"{folder}/crawl.db")
            for base in bases:
                for feed in range(feeds_per_host):
                    store.sources.add(f"{base}/feeds/{feed}.xml", None, "rss", 600, "2026-11-29")
            store.articles.write = timers.wrap("store", store.articles.write)
            client.fetch = timers.wrap("fetch", client.fetch)
            start = time.perf_counter()
            report = crawler.crawl_once(store, client, Settings(), CrawlOptions(workers=workers, processes=processes))
            wall = time.perf_counter() - start
            articles = store.articles.stats().articles
            store.close()
    finally:
        (naba.sources.fetch.listing.read_listing, engine.prepare_checked, naba.sources.readers.html.parse,
         engine.group_written, engine.refresh_lists) = originals
        reader_for.cache_clear()
    if report.ingest.rejected or any(r.status != "ok" for r in report.sources):
        print(f"warning: {len(report.ingest.rejected)} rejected, "
              f"{sum(r.status != 'ok' for r in report.sources)} sources failed", file=sys.stderr)
    return timers.seconds, wall, articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--processes", type=int, default=1,
                        help="also crawl with this many worker processes preparing pages (naba crawl --workers N)")
    args = parser.parse_args()
    if args.feeds % args.hosts:
        parser.error("--feeds must be a multiple of --hosts")
    receive, send = multiprocessing.Pipe(duplex=False)
    stop = multiprocessing.Event()
    child = multiprocessing.Process(target=serve, args=(args.hosts, args.feeds // args.hosts, args.items, send, stop))
    child.start()
    try:
        bases = receive.recv()
        baseline, baseline_wall = run(bases, args.feeds // args.hosts, args.workers, lambda item, result: None)
        stages, wall, articles = run_naba(bases, args.feeds // args.hosts, args.workers)
        parallel = None
        if args.processes > 1:  # the servers keep their pages: a second crawl into a fresh store fetches them again
            parallel = run_naba(bases, args.feeds // args.hosts, args.workers, args.processes)
    finally:
        stop.set()
        child.join()
    print_table(args, baseline, baseline_wall, stages, wall, articles, parallel)
    return 1 if baseline.errors else 0


def print_table(args, baseline: Tally, baseline_wall: float, stages: dict, wall: float, articles: int,
                parallel: tuple[dict, float, int] | None = None) -> None:
    print(f"{args.feeds} feeds x {args.items} items on {args.hosts} local hosts, {args.workers} threads, "
          f"politeness delays 0, 2 cores shared by servers and crawler\n")
    print("| run | items | wall s | items/s | vs baseline |")
    print("|---|---:|---:|---:|---:|")
    base_rate = baseline.items / baseline_wall
    print(f"| baseline: poll + fetch every page, no processing | {baseline.items:,} | {baseline_wall:.1f} | "
          f"{base_rate:,.0f} | 1.00 |")
    print(f"| naba crawl --once: fetch, extract, clean, tag, index, store, stories, lists | {articles:,} | "
          f"{wall:.1f} | {articles / wall:,.0f} | {articles / wall / base_rate:.2f} |")
    if parallel is not None:
        _, p_wall, p_articles = parallel
        print(f"| naba crawl --once --workers {args.processes}: the same, pages prepared and lists computed in "
              f"{args.processes} processes | {p_articles:,} | {p_wall:.1f} | {p_articles / p_wall:,.0f} | "
              f"{p_articles / p_wall / base_rate:.2f} |")
    fetch = stages.get("fetch", 0.0)
    parse = stages.get("parse", 0.0)
    extract = stages.get("extract", 0.0)
    rest = max(stages.get("prepare", 0.0) - extract, 0.0)
    store = stages.get("store", 0.0)
    stories = stages.get("stories", 0.0)
    lists = stages.get("lists", 0.0)
    busy = fetch + parse + extract + rest + store + stories + lists
    print("\nwhere naba's CPU time goes (thread CPU seconds inside each stage, summed over threads):\n")
    print("| fetching | feed parsing | extraction (trafilatura + rules) | rest of the pipeline (clean, tag, "
          "index) | store writes | story stage | related lists |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(" | ".join(f"{v / busy:.0%} ({v:.1f} s)" for v in (fetch, parse, extract, rest, store, stories, lists))
          .join(("| ", " |")))


if __name__ == "__main__":
    sys.exit(main())
