"""Search through the whole pipeline: any spelling finds the same articles; snippets show the original."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from naba import engine
from naba.serve.search import make_snippet, parse_query, search
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
