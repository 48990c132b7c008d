"""naba.text stopwords, stems and language detection."""

from __future__ import annotations

import json
import threading
import zipfile
from collections import Counter

import pytest

import naba.text
from conftest import shared_path
from naba.text import STOPWORDS, detect_lang, index, is_stopword, stem, stems, tokens

# --- stopwords --------------------------------------------------------------------------------

@pytest.mark.parametrize("word", [
    "في", "من", "على", "إلى", "الذي", "أن",  # from Arabic-Stopwords
    "قال", "وأضاف", "أكد", "وأشار", "أمس", "اليوم", "خلال", "حيث",  # the news list
    "the", "and", "of", "said",  # English
])
def test_stopwords_hold_function_words_and_news_fillers(word):
    [token] = tokens(word)
    assert is_stopword(token)


@pytest.mark.parametrize("word", ["بوتين", "روسيا", "الأسلحة", "النووية", "زيلينسكي", "mbc", "putin", "2023"])
def test_content_words_are_not_stopwords(word):
    [token] = tokens(word)
    assert not is_stopword(token)


def test_stopwords_are_index_normal_single_tokens():
    assert len(STOPWORDS) > 10_000
    assert all(index(word) == word for word in STOPWORDS)
    assert all(tokens(word) == [word] for word in STOPWORDS if word.isalpha())
    assert naba.text.STOPWORDS is STOPWORDS


def test_news_stopwords_cut_the_commonest_tokens_of_real_articles():
    path = shared_path("data", "saudinewsnet", "2015-07-21.zip")
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))
    counts = Counter(t for r in records[:500] for t in tokens(r["content"]))
    top = [token for token, _ in counts.most_common(20)]
    assert sum(map(is_stopword, top)) >= 17, top


# --- stems ------------------------------------------------------------------------------------

@pytest.mark.parametrize("variants", [
    ("المسؤولية", "المسئولية"),  # the index folds make query and document agree
    ("مسؤول", "مسئول", "المسؤول"),
    ("مستشفى", "مستشفي", "المستشفى"),
    ("الأمن", "والأمن", "الامن"),  # conjunction before the article removed
    ("العاصفة", "عاصفة", "العاصفه"),  # ة given back to Snowball: definite and bare forms meet
    ("المدينة", "مدينة", "والمدينة", "بالمدينة"),
    ("المدارس", "بالمدارس"),
    ("يستخدمون", "يستخدم"),
    ("running", "runs", "Run"),  # English stemmer for Latin tokens
])
def test_stems_merge_inflections_and_spellings(variants):
    assert len({stem(t) for word in variants for t in tokens(word)}) == 1


@pytest.mark.parametrize(("word", "expected"), [
    ("والأمن", "امن"),
    ("كتبوا", "كتب"),
    ("cities", "citi"),
    ("2023", "2023"),
    ("والده", "والد"),  # و + ال + 2 letters is a word, not conjunction + article
])
def test_stem_examples(word, expected):
    [token] = tokens(word)
    assert stem(token) == expected


def test_stems_equal_stem_one_by_one_in_order():
    words = tokens("قال الرئيس الروسي فلاديمير بوتين إن الولايات المتحدة أرادت التفاوض مع روسيا running")
    assert stems(words) == [stem(w) for w in words]
    assert stems(iter(words)) == stems(words)
    assert stems([]) == []


def test_stems_give_the_same_answer_in_every_thread():
    words = tokens("وشددت روسيا على أن نظام الرقابة على الأسلحة النووية يجب أن يشمل الترسانات النووية")
    expected = stems(words)
    results: list[list[str]] = []
    threads = [threading.Thread(target=lambda: results.append(stems(words))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


# --- language ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("قال الرئيس الروسي فلاديمير بوتين اليوم الثلاثاء إن الولايات المتحدة أرادت التفاوض", "ar"),
    ("Saudi Arabia announced on Monday a new plan for the energy sector", "en"),
    ("قناة MBC تعرض برنامج The Voice في موسمه الجديد على الشاشة", "ar"),
    ("The deal, known locally as «الاتفاق النووي», was signed in Vienna on Tuesday", "en"),
    ("", "und"),
    ("   \n ", "und"),
    ("2023 - 2025", "und"),
    ("بوتين", "und"),  # too short to call
    ("mbc", "und"),
    ("بوتين يقول Putin says", "und"),  # evenly mixed
])
def test_detect_lang(text, expected):
    assert detect_lang(text) == expected


def test_detect_lang_calls_real_saudi_articles_arabic():
    path = shared_path("data", "saudinewsnet", "2015-07-21.zip")
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))
    langs = Counter(detect_lang(r["content"]) for r in records[:500])
    assert langs["ar"] >= 495 and langs["en"] == 0, langs
