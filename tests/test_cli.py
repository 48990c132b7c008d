"""The `naba` commands as a user runs them, on a temporary SQLite file: in-process (Typer's CliRunner),
as each would answer from the console script (whose own start is tested in test_cli_startup.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_runner import Ran, naba


def run(*args: str, db: Path, stdin: str | None = None) -> Ran:
    return naba(*args, env={"NABA_DB": str(db), "COLUMNS": "200"}, input=stdin)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "naba.db"
    result = run("ingest", "--sample", "--json", db=db)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["stored"] >= 80 and summary["rejected"] == 0
    return db


def test_reingest_is_all_unchanged(sample_db):
    summary = json.loads(run("ingest", "--sample", "--json", db=sample_db).stdout)
    assert summary["stored"] == 0 and summary["updated"] == 0
    assert summary["unchanged"] == summary["read"] > 0


def test_search_json_and_show(sample_db):
    result = run("search", "زيلنسكي", "--json", "-n", "3", db=sample_db)
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout)
    assert 0 < len(page["items"]) <= 3
    first = page["items"][0]
    assert first["highlights"] and first["snippet"]
    assert (page["next_cursor"] is None) == (page["total"] <= 3)
    shown = json.loads(run("show", str(first["article"]["id"]), "--json", db=sample_db).stdout)
    assert shown["id"] == first["article"]["id"] and shown["title"] == first["article"]["title"]


def test_show_by_url_with_tracking_parameters(sample_db):
    exported = [json.loads(line) for line in run("export", db=sample_db).stdout.splitlines()]
    with_url = next(a for a in exported if a["url"])
    tracked = with_url["url"] + ("&" if "?" in with_url["url"] else "?") + "utm_source=rss"
    shown = json.loads(run("show", tracked, "--json", db=sample_db).stdout)
    assert shown["id"] == with_url["id"]


def test_stats_json(sample_db):
    stats = json.loads(run("stats", "--json", db=sample_db).stdout)
    assert stats["articles"] == sum(stats["per_source"].values()) == sum(stats["per_lang"].values())
    assert {"ar", "en"} <= set(stats["per_lang"])
    assert stats["sizes_bytes"]["article_fts"] > 0


def test_export_contract(sample_db):
    from naba.serve.export import EXPORT_FIELDS

    lines = run("export", "--format", "jsonl", db=sample_db).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == json.loads(run("stats", "--json", db=sample_db).stdout)["articles"]
    assert all(list(r) == list(EXPORT_FIELDS) for r in records)
    assert any(r["credited_source"] for r in records)
    assert any(r["page_similar"] for r in records)


def test_export_since_filters(sample_db):
    everything = run("export", db=sample_db).stdout.splitlines()
    later = run("export", "--since", "2026-11-26", db=sample_db).stdout.splitlines()
    assert 0 < len(later) < len(everything)


def test_reprocess_keeps_everything(sample_db):
    before = run("export", db=sample_db).stdout
    result = run("reprocess", "--json", db=sample_db)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["rejected"] == 0
    assert run("export", db=sample_db).stdout == before


def test_rejections_are_one_line_each_and_exit_3(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"title": "خبر", "content": "نص خبر قصير للاختبار"}, ensure_ascii=False) + "\n"
                    + "{not json\n", encoding="utf-8")
    result = run("ingest", str(good), str(tmp_path / "missing.json"), db=tmp_path / "x.db")
    assert result.returncode == 3
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected:")]
    assert len(rejected) == 2
    assert any("good.jsonl:2" in line for line in rejected)
    assert any("missing.json" in line for line in rejected)
    assert json.loads(run("stats", "--json", db=tmp_path / "x.db").stdout)["articles"] == 1


def test_stdin(tmp_path):
    line = json.dumps({"title": "خبر من المدخل القياسي", "content": "نص يصل عبر المدخل القياسي"}, ensure_ascii=False)
    result = run("ingest", "-", "--source", "اختبار", "--json", db=tmp_path / "s.db", stdin=line + "\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["stored"] == 1


def test_errors_are_one_clear_line(tmp_path):
    result = run("show", "999", db=tmp_path / "empty.db")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "999" in result.stderr
    bad_date = run("search", "النفط", "--since", "not a date", db=tmp_path / "empty.db")
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr


def test_db_upgrade_and_copy_to_postgresql_and_back(sample_db, tmp_path, pg_url):
    assert "up to date" in run("db", "upgrade", db=sample_db).stdout
    copied = run("db", "copy", "--from", str(sample_db), "--to", pg_url, db=sample_db)
    assert copied.returncode == 0, copied.stderr
    back = tmp_path / "back.db"
    assert run("db", "copy", "--from", pg_url, "--to", str(back), db=sample_db).returncode == 0
    original = run("export", db=sample_db).stdout
    assert run("export", db=pg_url).stdout == original
    assert run("export", db=back).stdout == original
    page = json.loads(run("search", "أسعار النفط", "--json", db=pg_url).stdout)
    assert page["total"] == json.loads(run("search", "أسعار النفط", "--json", db=sample_db).stdout)["total"] > 0


def test_copy_into_a_store_that_has_articles_is_refused(sample_db):
    result = run("db", "copy", "--from", str(sample_db), "--to", str(sample_db), db=sample_db)
    assert result.returncode == 1 and "error:" in result.stderr


def test_demo_loads_the_sample_and_shows_a_parsed_page(tmp_path):
    result = run("demo", db=tmp_path / "demo.db")
    assert result.returncode == 0, result.stderr
    assert "104 stored" in result.stdout
    assert "credited source" in result.stdout and "leaked headlines" in result.stdout


def test_compare_two_articles(sample_db):
    truth = json.loads((Path(__file__).parents[1] / "src/naba/sample/truth.json").read_text(encoding="utf-8"))
    exported = {json.loads(line)["external_id"]: json.loads(line)
                for line in run("export", db=sample_db).stdout.splitlines()}
    stories = {}
    for external_id, facts in truth["articles"].items():
        if external_id in exported:
            stories.setdefault(facts["story"], []).append(exported[external_id]["id"])
    same = next(ids for ids in stories.values() if len(ids) >= 2)
    other = next(ids[0] for story, ids in stories.items() if ids[0] not in same)
    together = json.loads(run("compare", str(same[0]), str(same[1]), "--json", db=sample_db).stdout)
    apart = json.loads(run("compare", str(same[0]), str(other), "--json", db=sample_db).stdout)
    assert 0.0 <= apart["similarity"] < together["similarity"] <= 1.0
    assert isinstance(together["same_story"], bool) and apart["same_story"] is False
    assert together["ruled_out_by"] is None  # no rule overrules the models on these
    shown = run("compare", str(same[0]), str(same[1]), db=sample_db)
    assert shown.returncode == 0 and "similarity" in shown.stdout
