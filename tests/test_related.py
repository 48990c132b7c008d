"""Similar articles and read-also picks on the sample corpus, on both backends."""

from __future__ import annotations

import json

import pytest

from cli_runner import Ran, naba
from naba import engine
from naba.sample import sample_paths
from naba.settings import Settings
from naba.stories.related import Judged, candidates, lists_of, related
from naba.stories.related_rank import READ_ALSO, SIMILAR


@pytest.fixture
def sample_store(store):
    engine.ingest(store, sample_paths(), Settings())
    return store


def _by_external_id(store, external_id):
    return next(s for s in store.articles.scan() if s.article.external_id == external_id)


def test_every_list_shows_a_story_once_and_never_the_article_or_its_copies(sample_store):
    checked = 0
    for stored in sample_store.articles.scan():
        found = related(sample_store, stored.id)
        assert found is not None
        shown = [r.story_id for r in found.similar + found.read_also]
        assert len(shown) == len(set(shown)), (stored.id, shown)
        mine = stored.duplicate_of or stored.id
        for item in found.similar + found.read_also:
            assert item.article.id != stored.id
            assert (item.article.duplicate_of or item.article.id) != mine
            assert 0.0 <= item.score <= 1.0
        assert len(found.read_also) <= 3
        checked += 1
    assert checked == 104


def test_similar_lists_find_the_other_outlets_of_a_story(sample_store):
    offer = _by_external_id(sample_store, "uana-0102")  # Zelensky's ceasefire offer, six outlets
    found = related(sample_store, offer.id, k=10)
    outlets = {o for item in found.similar for o in item.outlets}
    assert {"الخبر اليومي", "موقع نبض"} <= outlets
    assert all(item.why for item in found.similar)
    best = found.similar[0]
    assert "فولوديمير زيلينسكي" in best.why or "أوكرانيا" in best.why


def test_read_also_picks_other_stories_that_share_the_main_entities(sample_store):
    offer = _by_external_id(sample_store, "uana-0102")
    found = related(sample_store, offer.id)
    assert 1 <= len(found.read_also) <= 3
    similar_stories = {item.story_id for item in found.similar}
    entities = {e.canonical for e in offer.article.entities[:3]}
    for item in found.read_also:
        assert item.story_id not in similar_stories and item.story_id != offer.story_id
        assert entities & {e.canonical for e in item.article.article.entities}


def test_lists_are_the_same_when_candidates_that_cannot_be_shown_skip_the_costly_evidence(sample_store):
    """A candidate is judged in full only when the upper bounds of its scores could show it; the lists
    are those of judging every candidate in full (both scores rise with P(same event))."""
    assert SIMILAR.weights[1] > 0 and READ_ALSO.weights[1] > 0  # the bound's premise
    cache, bounded = Judged(sample_store), 0
    for stored in sample_store.articles.scan():
        quick, full = candidates(sample_store, stored.id, cache), candidates(sample_store, stored.id, cache, exact=True)
        assert quick is not None and full is not None
        bounded += sum(item.judgement.bounded for item in quick[2])
        assert not any(item.judgement.bounded for item in full[2])
        assert lists_of(*quick) == lists_of(*full)
    assert bounded > 100


def test_an_unknown_article_has_no_related_lists(sample_store):
    assert related(sample_store, 10_000) is None


def _naba(*args: str, db: str) -> Ran:
    return naba(*args, "--db", db)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "naba.db")
    assert _naba("ingest", "--sample", db=db).returncode == 0
    return db


def test_cli_stories_story_related_and_entity_as_json(sample_db):
    listed = json.loads(_naba("stories", "--json", "-n", "200", db=sample_db).stdout)
    stories = listed["items"]
    assert listed["next_cursor"] is None  # all of them fit in 200
    assert sum(s["articles"] for s in stories) == 104
    biggest = max(stories, key=lambda s: len(s["outlets"]))
    story = json.loads(_naba("story", str(biggest["id"]), "--json", db=sample_db).stdout)
    assert story["story"] == biggest
    assert story["first_reporter"]["id"] == story["timeline"][0]["article_id"] == story["members"][0]["id"]
    assert len(story["timeline"]) == len(story["members"]) == biggest["articles"]

    found = json.loads(_naba("related", str(biggest["first_article_id"]), "-k", "5", "--json", db=sample_db).stdout)
    assert set(found) == {"article_id", "similar", "read_also"}
    assert found["article_id"] == biggest["first_article_id"]
    for item in found["similar"] + found["read_also"]:
        assert {"id", "story_id", "score", "why"} <= set(item)

    for spelling in ("زيلنسكي", "زيلينيسكي", "الرئيس الأوكراني زيلينسكي"):
        entity = json.loads(_naba("entity", spelling, "--json", db=sample_db).stdout)
        assert entity["name"] == "فولوديمير زيلينسكي"
        assert entity["kind"] == "person"
        assert len(entity["articles"]["items"]) >= 5 and entity["stories"]
        assert len(entity["spellings"]) >= 2


def test_cli_story_of_an_unknown_id_is_an_error(sample_db):
    result = _naba("story", "99999", db=sample_db)
    assert result.returncode == 1 and "no such story" in result.stderr


def test_export_carries_the_story_fields_and_related_lists(sample_db):
    lines = _naba("export", "--related", "3", db=sample_db).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 104
    for record in records:
        assert {"keywords", "entities", "duplicate_of", "story_id", "attribution", "similar", "read_also"} <= set(record)
        assert record["story_id"] is not None
        assert all(set(e) == {"name", "canonical", "kind"} for e in record["entities"])
        assert len(record["similar"]) <= 3
    copies = [r for r in records if r["duplicate_of"] is not None]
    assert copies and all(r["story_id"] == next(o for o in records if o["id"] == r["duplicate_of"])["story_id"]
                          for r in copies)
    # an editor's tags: as many as the article warrants (1 to 12), 2.8 an article on the reviewed snapshot
    # (tests/fixtures/sample_tags.json); a tagger that lost its phrases or entities would fall well below
    assert all(1 <= len(r["keywords"]) <= 12 for r in records)
    assert sum(len(r["keywords"]) for r in records) / len(records) >= 2.5


def test_a_place_or_a_platform_is_a_reason_only_when_nothing_else_is_shared():
    from naba.stories.related_facets import Facets

    def facets(*names: str) -> Facets:
        return Facets(names, {n: 1.0 for n in names}, frozenset(), (), {})

    match = facets("موسكو", "تويتر", "كريستيانو رونالدو")
    assert match.shared(facets("كريستيانو رونالدو", "تويتر", "موسكو"), 4) == ("كريستيانو رونالدو",)
    assert match.shared(facets("موسكو", "تويتر"), 4) == ("موسكو", "تويتر")
