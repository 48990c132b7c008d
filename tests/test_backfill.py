"""naba backfill without Spark: the plain-Python executor against the online story stage, WARC input and
its bad records, and naba db load into both backends (the online stage then continues from the load)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from backfill_helpers import OPTIONS, SEEN_AT, every_row, from_output, from_store, online
from conftest import shared_path
from naba.cli import app
from naba.engine.backfill.load import load
from naba.engine.backfill.local import run_local
from naba.sample import sample_paths
from naba.settings import Settings
from naba.sources.readers import iter_records
from naba.store import open_store
from warc_files import Page, article_page, saudinewsnet_items, write_warc


def test_local_executor_equals_the_online_stage_on_the_sample(tmp_path, store):
    files = sample_paths()
    report = run_local(files, str(tmp_path / "out"), OPTIONS)
    online(store, files)
    assert report.stored == len(from_store(store)["articles"]) > 90
    assert from_output(str(tmp_path / "out")) == from_store(store)


def test_local_executor_gives_the_same_output_twice(tmp_path):
    files = sample_paths()
    run_local(files, str(tmp_path / "a"), OPTIONS)
    run_local(list(reversed(files)), str(tmp_path / "b"), OPTIONS)
    assert every_row(str(tmp_path / "a")) == every_row(str(tmp_path / "b"))


def _bad_warc(tmp_path: Path) -> tuple[Path, Path]:
    """Good pages among a non-HTML response, a page without a charset header (in windows-1256), a
    redirect and a page with no text; and a second file cut short in its last record."""
    snn = list(saudinewsnet_items(shared_path("data", "saudinewsnet", "2015-07-22.zip")))[:6]
    cp1256 = article_page(snn[2]).decode().replace('<meta charset="utf-8">', "").encode("cp1256")
    pages = [Page(snn[0]["url"], article_page(snn[0])),
             Page("http://example.com/logo.png", b"\x89PNG\r\n", "image/png"),
             Page(snn[2]["url"], cp1256, "text/html"),
             Page("http://example.com/moved", b"", status="301 Moved Permanently"),
             Page("http://example.com/empty", b"<html><body><nav>menu</nav></body></html>"),
             Page(snn[1]["url"], article_page(snn[1]))]
    first = write_warc(tmp_path / "a.warc.gz", pages)
    cut = write_warc(tmp_path / "b.warc.gz", [Page(s["url"], article_page(s)) for s in snn[3:6]])
    cut.write_bytes(cut.read_bytes()[:-200])
    return first, cut


def test_bad_warc_input_is_counted_and_named_the_rest_goes_on(tmp_path):
    first, cut = _bad_warc(tmp_path)
    report = run_local([str(first), str(cut)], str(tmp_path / "out"), OPTIONS)
    reasons = {r["where"].rsplit("@", 1)[0].rsplit("/", 1)[-1] + ": " + r["reason"].split(" (")[0]
               for r in report.rejections}
    assert any(r.startswith("a.warc.gz: not an HTML page") for r in reasons)
    assert any(r.startswith("a.warc.gz: HTTP status 301") for r in reasons)
    assert any(r.startswith("a.warc.gz: no article text") for r in reasons)
    assert any(r.startswith("b.warc.gz: truncated WARC") for r in reasons)
    assert report.rejected == 4 and all("@" in r["where"] for r in report.rejections)
    urls = {r["url"] for r in every_row(str(tmp_path / "out"))["articles"]}
    assert len(urls) == 5  # three of a.warc.gz (the windows-1256 page decoded without a header), two of b
    assert every_row(str(tmp_path / "out"))["rejections"] == sorted(report.rejections,
                                                                    key=lambda r: (r["where"], r["reason"]))


def test_naba_ingest_reads_warc_files_too(tmp_path):
    first, _ = _bad_warc(tmp_path)
    records = [r for r in iter_records([str(first)], Settings()) if hasattr(r, "payload")]
    # the three pages and the page without text (a Record: the HTML reader finds it empty)
    assert len(records) == 4 and all(r.hint("url").startswith("http://") for r in records)
    assert records[1].hint("charset") is None  # the header named none: the reader guesses, as for a page


def test_db_load_then_the_online_stage_continues(tmp_path, store_url):
    files = sample_paths()
    out = str(tmp_path / "out")
    run_local(files[:1], out, OPTIONS)  # the JSONL articles: the backfilled archive
    target = open_store(store_url)
    try:
        loaded = load(target, out)
        assert loaded.articles == len(from_output(out)["articles"]) and loaded.stories > 0
        assert from_store(target) == from_output(out)  # ids, decisions, links and summaries as backfilled
        assert target.stories.seq() >= 1  # the online stage takes the loaded decisions as placed
        assert target.related.count_pending() == loaded.articles  # no lists yet: naba refresh computes them
        with pytest.raises(Exception, match="already holds articles"):
            load(target, out)
        online(target, files[1:])  # new pages arrive: ids after the loaded ones, placed among them
        after = from_store(target)["articles"]
        assert [a[0] for a in after] == list(range(1, len(after) + 1)) and len(after) > loaded.articles
        identities = {a[1]: a[0] for a in from_output(out)["articles"]}
        assert all(identities.get(a[1], a[0]) == a[0] for a in after)  # loaded ids are kept
        joined = [a for a in after if a[0] > loaded.articles and a[4] <= loaded.articles]
        assert joined  # some new page joined a loaded story: the stage continued from the load
    finally:
        target.close()


def test_cli_backfill_local_and_load(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(app, ["backfill", *sample_paths(), "--out", str(out), "--executor", "local",
                                 "--seen-at", SEEN_AT])
    assert result.exit_code == 0, result.output
    assert "articles" in result.output and (out / "report.json").is_file()
    result = runner.invoke(app, ["db", "load", str(out), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0, result.output
    assert "loaded 101 articles" in result.output
    result = runner.invoke(app, ["refresh", "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0 and "related lists computed: 101" in result.output, result.output


def test_a_spark_output_folder_with_glob_characters_is_refused_before_any_work(tmp_path):
    # Spark reads its own intermediate tables back by path, and a path with [1] in it is a glob there
    from naba.engine.backfill.run import backfill
    from naba.errors import UsageError

    with pytest.raises(UsageError, match=r"as a glob"):
        backfill(sample_paths(), str(tmp_path / "local[1]"), OPTIONS, executor="spark")
    assert not (tmp_path / "local[1]").exists()
