"""One model per concept: the CLI's ``--json``, the API and the export print the same JSON for the same thing.

The CLI runs in-process (Typer's CliRunner) on the web tests' sample store, the API through an
in-process client on the same file, so any difference is a difference of shape or of filling.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from naba.cli import app as cli_app
from naba.models import Recommendation, Related
from naba.serve.contract import Article, ArticleWithRelated, export_fields_table
from naba.serve.contract import Recommendation as RecommendationModel
from naba.serve.export import EXPORT_FIELDS, RELATED_FIELDS, export_line
from naba.serve.web import create_app
from naba.store import open_store
from web_server import client, sample_db  # noqa: F401 (fixtures)

README = Path(__file__).parents[1] / "README.md"

# The export contract as first promised, then as extended: a released field never moves or goes away.
RELEASED_EXPORT_FIELDS = (
    "id", "external_id", "url", "source", "title", "body", "published_at", "fetched_at", "author",
    "lang", "credited_source", "page_tags", "page_read_also", "page_similar", "page_related_leaks",
    "tags", "canonical_url", "first_seen_at", "summary", "categories", "feed_only",
    "keywords", "entities", "duplicate_of", "story_id", "attribution",
)


def cli_json(*args: str, db: str):
    result = CliRunner().invoke(cli_app, [*args, "--json", "--db", db])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _readme_section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else len(text)]


# -- the export contract ------------------------------------------------------------------------

def test_the_readme_lists_the_export_models_fields_in_order():
    section = _readme_section("Export contract")
    documented = re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE)
    assert documented == [*EXPORT_FIELDS, *RELATED_FIELDS], "README's export table is not the model's fields"
    assert export_fields_table() in section, "README's export table differs from export_fields_table(): paste it"


def test_released_export_fields_never_move():
    assert EXPORT_FIELDS[:len(RELEASED_EXPORT_FIELDS)] == RELEASED_EXPORT_FIELDS
    assert RELATED_FIELDS == ("similar", "read_also")
    assert list(ArticleWithRelated.model_fields)[:len(EXPORT_FIELDS)] == list(EXPORT_FIELDS)


def test_an_export_line_is_the_article_of_the_api_and_of_naba_show(client, sample_db):
    story = client.get("/api/stories", params={"limit": 1}).json()["items"][0]
    article_id = story["first_article_id"]
    store = open_store(sample_db, read_only=True)
    try:
        line = json.loads(export_line(store.articles.get(article_id)))
    finally:
        store.close()
    assert list(line) == list(EXPORT_FIELDS)
    assert line == client.get(f"/api/articles/{article_id}").json() == cli_json("show", str(article_id), db=sample_db)


# -- the same concept through the CLI and the API ----------------------------------------------------

def _stories(client) -> list[dict]:
    return client.get("/api/stories", params={"limit": 100}).json()["items"]


def test_an_article_is_the_same_in_the_cli_and_the_api(client, sample_db):
    stories = _stories(client)
    ids = {s["first_article_id"] for s in stories[:5]}
    copy = next(m for s in stories if s["articles"] > 1
                for m in client.get(f"/api/stories/{s['id']}").json()["members"] if m["duplicate_of"])
    for article_id in ids | {copy["id"]}:
        api = client.get(f"/api/articles/{article_id}").json()
        assert cli_json("show", str(article_id), db=sample_db) == api
        assert list(api) == list(Article.model_fields)


def test_a_story_is_the_same_in_the_cli_and_the_api(client, sample_db):
    multi = [s for s in _stories(client) if len(s["outlets"]) > 1][:3]
    assert multi
    for story in multi:
        api = client.get(f"/api/stories/{story['id']}").json()
        cli = cli_json("story", str(story["id"]), db=sample_db)
        assert cli == api
        assert list(cli) == ["story", "first_reporter", "members", "timeline", "attribution", "entities", "linked"]
        assert cli["story"] == story


@pytest.mark.parametrize("limit", [7, 100])
def test_a_list_of_stories_is_the_same_in_the_cli_and_the_api(client, sample_db, limit):
    api = client.get("/api/stories", params={"limit": limit}).json()
    assert cli_json("stories", "-n", str(limit), db=sample_db) == api
    assert (api["next_cursor"] is None) == (limit == 100)  # the sample has fewer than 100 stories


def test_related_lists_are_the_same_in_the_cli_and_the_api(client, sample_db):
    article_id = next(s["first_article_id"] for s in _stories(client) if len(s["outlets"]) > 1)
    api = client.get(f"/api/articles/{article_id}/related", params={"k": 5}).json()
    assert api["similar"]
    assert cli_json("related", str(article_id), "-k", "5", db=sample_db) == api


@pytest.mark.parametrize("query", ["النفط", "المسئولين"])
def test_search_is_the_same_in_the_cli_and_the_api(client, sample_db, query):
    api = client.get("/api/search", params={"q": query, "limit": 3}).json()
    assert api["items"] and api["next_cursor"]  # more than one page, so the cursors are compared too
    assert cli_json("search", query, "-n", "3", db=sample_db) == api


def test_an_entity_is_the_same_in_the_cli_and_the_api(client, sample_db):
    api = client.get("/api/entities/زيلنسكي", params={"limit": 10}).json()
    assert api["name"] == "فولوديمير زيلينسكي" and api["articles"]["items"]
    assert cli_json("entity", "زيلنسكي", "-n", "10", db=sample_db) == api


def test_the_clis_stats_are_the_apis_and_more(client, sample_db):
    api = client.get("/api/stats").json()
    cli = cli_json("stats", db=sample_db)
    assert {k: cli[k] for k in api} == api
    assert list(cli)[:len(api)] == list(api)
    assert set(cli) - set(api) == {"sizes_bytes", "sources"}


# -- scores are clamped to [0, 1] everywhere alike ------------------------------------------------------

@pytest.fixture
def overscored(sample_db, monkeypatch):
    """Every related list holds one pick scored 1.7 and one scored -0.2: out of range either way."""
    store = open_store(sample_db, read_only=True)
    try:
        picks = list(store.articles.newest(limit=2))
    finally:
        store.close()

    def pick(stored, score: float) -> Recommendation:
        return Recommendation(stored, stored.story_id, score, ("سبب",), ("منفذ",), 1)

    def fake_related(_store, article_id, k=10, read_also=3, **_):
        return Related(similar=(pick(picks[0], 1.7),), read_also=(pick(picks[1], -0.2),))

    monkeypatch.setattr("naba.cli.stories.related_articles", fake_related)
    monkeypatch.setattr("naba.serve.web.views.related", fake_related)
    monkeypatch.setattr("naba.serve.export.related", fake_related)
    return picks


def test_a_score_above_1_is_clamped_in_the_cli_the_api_and_the_export(sample_db, overscored):
    article_id = overscored[0].id
    with TestClient(create_app(sample_db)) as fresh:  # a fresh app: nothing cached from other tests
        api = fresh.get(f"/api/articles/{article_id}/related").json()
    cli = cli_json("related", str(article_id), db=sample_db)
    assert cli == api
    assert [r["score"] for r in api["similar"]] == [1.0]
    assert [r["score"] for r in api["read_also"]] == [0.0]
    exported = CliRunner().invoke(cli_app, ["export", "--related", "2", "--db", sample_db])
    assert exported.exit_code == 0, exported.output
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert {r["score"] for line in lines for r in line["similar"]} == {1.0}
    assert {r["score"] for line in lines for r in line["read_also"]} == {0.0}


def test_the_model_refuses_an_unclamped_score():
    with pytest.raises(ValueError):
        RecommendationModel(id=1, story_id=1, score=1.5, why=[], title=None, source=None, published_at=None,
                            outlets=[], copies=1)


def test_clamping_keeps_a_score_in_range_as_it_is(overscored):
    rec = Recommendation(overscored[0], None, 0.4321, (), (), 1)
    assert RecommendationModel.of(rec).score == 0.4321
    assert RecommendationModel.of(replace(rec, score=3.0)).score == 1.0


def test_a_followed_source_is_the_whole_source_record_in_its_order():
    """``naba sources list --json`` printed ``asdict(source)``; the model keeps that shape."""
    from dataclasses import fields

    from naba.models import Source
    from naba.serve.contract import FollowedSource

    assert list(FollowedSource.model_fields) == [f.name for f in fields(Source)]
