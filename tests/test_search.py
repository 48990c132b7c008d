"""Search through the whole pipeline: any spelling finds the same articles; snippets show the original."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from naba import engine
from naba.serve.search import SNIPPET_REGION_CHARS, make_snippet, parse_query, search
from naba.settings import Settings
from naba.text import index

ARTICLES = [
    {"id": "1", "source": "الخبر اليومي", "url": "https://khabar.example/1", "date": "2026-11-24T09:00:00+03:00",
     "title": "زيلينسكي يلتقي المسؤولين الأوروبيين في بروكسل",
     "content": "التقى الرَّئيسُ الأوكراني فولوديمير زيلينسكي اليوم كبار المسؤولين الأوروبيين في بروكسل، "
                "وبحث معهم الدعم العسكري والمساعدات الإنسانية.\n\nوقال مسؤول أوروبي إن الاجتماع كان مثمرا."},
    {"id": "2", "source": "موقع نبض", "url": "https://nabd.example/2", "date": "2026-11-25 12:00:00",
     "title": "ارتفاع أسعار النفط بعد قرار أوبك",
     "content": "ارتفعت أسعار النفط في تعاملات اليوم بعد أن أعلنت منظمة أوبك خفض الإنتاج، "
                "وأكد مسئول في المنظمة أن القرار يهدف إلى استقرار السوق."},
    {"id": "3", "source": "الخبر اليومي", "url": "https://khabar.example/3", "date": "2026-11-26T18:00:00+03:00",
     "title": "عاصفة ممطرة تضرب المدينة الساحلية",
     "content": "ضربت عاصفة ممطرة المدينة الساحلية مساء أمس، وأعلنت السلطات إغلاق المدارس في المستشفى "
                "والمناطق المجاورة حتى إشعار آخر."},
    {"id": "4", "source": "Orbit News", "url": "https://orbit.example/4", "date": "2026-11-25T08:00:00Z",
     "title": "Oil prices rise after OPEC cut",
     "content": "Oil prices rose on Tuesday after OPEC announced a cut in production, officials said."},
]


@pytest.fixture
def loaded(store, tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    report = engine.ingest(store, [str(path)], Settings())
    assert report.stored == 4 and not report.rejected
    return store


def ids(page):
    return [r.hit.stored.article.external_id for r in page.results]


@pytest.mark.parametrize("query,expected", [
    ("زيلينسكي", ["1"]),
    ("زِيلِينْسْكِي", ["1"]),                # diacritics in the query
    ("زيلـــينسكي", ["1"]),                 # tatweel
    ("المسئولين", ["1", "2"]),              # ئ/ؤ folded (1 writes المسؤولين); 2's مسئول shares the stem
    ("مسؤول", ["1", "2"]),                   # both hamza seats, in two articles
    ("اسعار النفط", ["2"]),                  # ا for أ
    ("أسعار النفط", ["2"]),
    ("المستشفي", ["3"]),                     # ي for ى
    ("المدينه الساحليه", ["3"]),             # ه for ة
    ("الرئيس", ["1"]),                       # the text has diacritics: الرَّئيسُ
    ("oil OPEC", ["4"]),                     # Latin, any case
    ("\"أسعار النفط\"", ["2"]),              # a phrase
])
def test_any_spelling_finds_the_same_articles(loaded, query, expected):
    assert sorted(ids(search(loaded, query))) == expected


def test_stemmed_column_finds_inflected_forms(loaded):
    # "عواصف" (storms) is not in the text; the stem of "العاصفة"-like forms is shared with "عاصفة"
    assert ids(search(loaded, "العاصفة")) == ["3"]


def test_title_match_ranks_first(loaded):
    assert ids(search(loaded, "النفط"))[0] == "2"


def test_filters_by_outlet_and_dates(loaded):
    assert sorted(ids(search(loaded, "مسؤول", source="موقع نبض"))) == ["2"]
    since = datetime(2026, 11, 25, tzinfo=UTC)
    assert sorted(ids(search(loaded, "مسؤول", since=since))) == ["2"]
    assert sorted(ids(search(loaded, "مسؤول", until=since))) == ["1"]


def test_snippet_highlights_the_original_spelling(loaded):
    result = next(r for r in search(loaded, "المسئولين").results if r.hit.stored.article.external_id == "1")
    highlighted = [result.snippet.text[s:e] for s, e in result.snippet.highlights]
    assert "المسؤولين" in highlighted


def test_snippet_window_and_ellipsis():
    text = " ".join(["كلمة"] * 50 + ["النفط"] + ["كلمة"] * 50)
    snippet = make_snippet(text, parse_query("النفط"), words=10)
    assert snippet.text.startswith("… ") and snippet.text.endswith(" …")
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["النفط"]


def test_stopwords_are_dropped_unless_alone():
    assert [t.token for t in parse_query("قال الرئيس")] == [index("الرئيس")]
    assert len(parse_query("قال")) == 1


def test_empty_query_finds_nothing(loaded):
    assert search(loaded, "   ").total == 0


def test_exact_form_ranks_above_a_stem_only_match(loaded):
    assert ids(search(loaded, "المسئولين"))[0] == "1"


def test_snippet_is_one_line_and_offsets_still_hold():
    text = "الفقرة الأولى عن النفط.\n\nالفقرة الثانية عن النفط أيضا."
    snippet = make_snippet(text, parse_query("النفط"))
    assert "\n" not in snippet.text
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["النفط", "النفط"]


# -- a common query: the newest matches ranked, the total estimated (issue 13) ----------------------

def test_a_query_matching_more_than_the_pool_ranks_only_the_newest(loaded):
    every = search(loaded, "اليوم", limit=10)  # in articles 1 and 2
    assert every.total == 2 and every.total_exact and every.pages_through == 2
    pooled = search(loaded, "اليوم", limit=10, pool=1)
    assert not pooled.total_exact and pooled.total >= 2 and pooled.pages_through == 1
    newest = max(r.hit.stored.id for r in every.results)
    assert [r.hit.stored.id for r in pooled.results] == [newest]
    assert search(loaded, "اليوم", limit=10, offset=1, pool=1).results == ()  # past the pool: no page


def test_the_pages_of_a_pooled_query_stop_at_the_pool(loaded):
    from naba.serve.web.views import search_view

    view = search_view(loaded, "اليوم", limit=1)
    assert view.next_cursor is not None  # 2 matches, both reachable
    pooled = search(loaded, "اليوم", limit=1, pool=1)
    from naba.serve.paging import offset_cursor
    assert offset_cursor(0, len(pooled.results), pooled.pages_through, 1) is None


@pytest.mark.parametrize("newest, oldest, expected", [
    ([1000, 999, 998, 997, 996, 995, 994, 993, 992, 991], 1, 1000),  # every id matches: all 1,000
    ([1000, 990, 980, 970, 960, 950, 940, 930, 920, 910], 1, 100),  # one id in ten
    ([1000, 990, 980, 970, 960, 950, 940, 930, 920, 910], 905, 11),  # nothing older: at least one more
    ([123_456, 123_455, 123_454, 123_453, 123_452, 123_451, 123_450, 123_449, 123_448, 123_447], 1, 120_000),
])
def test_the_estimated_total_spreads_the_newest_matches_density(newest, oldest, expected):
    from naba.serve.search import estimate_total

    assert estimate_total(len(newest), newest[0], newest[-1], oldest) == expected


# -- snippets: the same window as before, found in one pass ------------------------------------------

def _best_window_start_by_every_window(tokens, matched, words):
    """The definition, window by window (quadratic): what the one-pass version must agree with."""
    if not matched:
        return 0
    best, best_score = matched[0], -1
    for i in matched:
        inside = [j for j in matched if i <= j < i + words]
        score = len({tokens[j] for j in inside}) * 100 + len(inside)
        if score > best_score:
            best, best_score = i, score
    return max(0, best - 4)


def test_the_snippet_window_is_the_best_by_its_definition():
    import random

    from naba.serve.search import _best_window_start

    rng = random.Random(13)
    for _ in range(500):
        n = rng.randint(0, 300)
        tokens = [rng.choice("abcdefgh") for _ in range(n)]
        matched = sorted(rng.sample(range(n), rng.randint(0, n)))
        words = rng.choice((1, 3, 8, 32))
        assert (_best_window_start(tokens.__getitem__, matched, words)
                == _best_window_start_by_every_window(tokens, matched, words))


def test_a_long_body_gives_the_region_around_its_first_match():

    filler = "كلام عادي عن أمور شتى " * (SNIPPET_REGION_CHARS // 5)
    terms = parse_query("النفط")
    early = make_snippet("ارتفع النفط اليوم. " + filler, terms)
    assert early.highlights and not early.text.startswith("…") and early.text.endswith(" …")
    late = make_snippet(filler + " ارتفعت أسعار النفط اليوم. " + filler, terms)
    assert late.text.startswith("… ") and late.text.endswith(" …")
    assert [late.text[a:b] for a, b in late.highlights] == ["النفط"]
    nowhere = make_snippet(filler + filler, terms)  # matched by its title only
    assert nowhere.highlights == () and nowhere.text.startswith("كلام عادي")
    english = make_snippet("word " * 400 + "The countries agreed.", parse_query("country"))
    assert [english.text[a:b] for a, b in english.highlights] == ["countries"]  # its stem changes a letter


def test_a_verb_whose_stem_snowball_rewrites_is_found_and_highlighted():
    # Snowball stems يستخدم and تستخدم to استخدم: the region search must still find تستخدم late in a body
    filler = "كلام عادي عن أمور شتى " * (SNIPPET_REGION_CHARS // 5)
    snippet = make_snippet(filler + " الدول تستخدم الطاقة الشمسية. " + filler, parse_query("يستخدم"))
    assert snippet.text.startswith("… ")
    assert [snippet.text[a:b] for a, b in snippet.highlights] == ["تستخدم"]


def test_a_result_names_its_article_in_brief():
    from naba.models import Article, Entity, StoredArticle
    from naba.serve.search import brief

    body = "أعلنت الوزارة اليوم نتائج المسابقة. وقال المتحدث إن النتائج نهائية."
    stored = StoredArticle(7, Article(body=body, source="صحيفة", url="https://x.example/7", published_at="2026-11-24",
                                      entities=(Entity("الوزارة", "الوزارة", "org"),), keywords=("المسابقة",)),
                           "2026-11-24", "2026-11-24", duplicate_of=3, story_id=5)
    shown = brief(stored)
    assert (shown.id, shown.duplicate_of, shown.story_id) == (7, 3, 5)
    assert shown.article.title == "أعلنت الوزارة اليوم نتائج المسابقة"  # the headline of a page without one
    assert (shown.article.source, shown.article.url, shown.article.published_at) == ("صحيفة", "https://x.example/7",
                                                                                      "2026-11-24")
    assert shown.article.body == "" and shown.article.entities == () and shown.article.keywords == ()
