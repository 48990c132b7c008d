"""The small parts of naba.pipeline.tagging: clitics, the token stream, spelling skeletons, name matching."""

from __future__ import annotations

import pytest

from naba.pipeline.tagging.lexicon import lexicon
from naba.pipeline.tagging.spelling import similar, skeleton
from naba.pipeline.tagging.stream import Stream
from naba.text import article_form, bare_forms, index, tokens, with_clitics, without_clitics


@pytest.mark.parametrize("word, forms", [
    ("بوتين", ["بوتين", "وتين"]),  # every reading; lookups try the token itself first
    ("وبوتين", ["وبوتين", "بوتين", "وتين"]),
    ("وللأردن", ["وللاردن", "للاردن", "الاردن", "لاردن"]),
    ("بالكتاب", ["بالكتاب", "الكتاب"]),
    ("الأردن", ["الاردن"]),  # the article stays: آبل must not match الإبل
    ("ولد", ["ولد"]),  # too short to strip
])
def test_bare_forms(word: str, forms: list[str]):
    assert bare_forms(index(word)) == forms


@pytest.mark.parametrize("key", ["الاردن", "بوتين", "اردن"])
def test_with_clitics_is_the_inverse_of_bare_forms(key: str):
    found = with_clitics(key)
    assert key in found and all(key in bare_forms(t) for t in found)
    assert {"و" + key, "ب" + key} <= set(found)


@pytest.mark.parametrize("surface, form, shown", [
    ("وبوتين", "بوتين", "بوتين"),
    ("للأردن", "الاردن", "الأردن"),
    ("وللأردن", "الاردن", "الأردن"),
    ("بالكتاب", "الكتاب", "الكتاب"),
    ("الرئيس", "الرءيس", "الرئيس"),
])
def test_without_clitics_keeps_the_written_letters(surface: str, form: str, shown: str):
    assert without_clitics(surface, index(surface), form) == shown


@pytest.mark.parametrize("word, form", [
    ("والأدباء", "الادباء"), ("للقراءة", "القراءه"), ("بالكتاب", "الكتاب"), ("الكتاب", "الكتاب"),
    ("الله", "الله"), ("وزير", "وزير"),
])
def test_article_form(word: str, form: str):
    assert article_form(index(word)) == form


def test_stream_tokens_breaks_and_surfaces():
    stream = Stream.of("بوتين: نراقب", "قال الرئيس الروسي فلاديمير بوتين، اليوم للأردن. كيم جونغ-أون")
    assert stream.keys == tokens("بوتين نراقب") + tokens("قال الرئيس الروسي فلاديمير بوتين اليوم للأردن كيم جونغ أون")
    assert stream.title_end == 2
    breaks = [i for i, b in enumerate(stream.breaks) if b]
    assert breaks == [0, 1, 2, 7, 9]  # title start, after ":", body start, after "،", after "."
    assert stream.surface(3) == "الرئيس"
    assert stream.written(8, 9, "الاردن") == "الأردن"
    assert stream.written(9, 12) == "كيم جونغ أون"


def test_stream_surfaces_survive_marks_and_controls():
    body = "قال الرئيسُ مُحَمَّد\u200f بن سلمان إن"
    stream = Stream.of(None, body)
    assert [stream.surface(i) for i in range(len(stream))] == ["قال", "الرئيسُ", "مُحَمَّد", "بن", "سلمان", "إن"]


@pytest.mark.parametrize("one, other", [
    ("زيلينسكي", "زيلنسكي"), ("زيلينسكي", "زيلينيسكي"), ("بيونغ يانغ", "بيونج يانج"), ("بيونغ يانغ", "بيونغيانغ"),
    ("أوزبكستان", "أوزباكستان"), ("ترامب", "ترمب"),
])
def test_transliteration_variants_share_a_skeleton(one: str, other: str):
    assert skeleton(tokens(one)) == skeleton(tokens(other))


@pytest.mark.parametrize("one, other", [("كيم جونغ أون", "كيم يو جونغ"), ("الاقراض", "القرضاوي")])
def test_different_names_do_not_pass_skeleton_and_likeness(one: str, other: str):
    same_skeleton = skeleton(tokens(one)) == skeleton(tokens(other))
    assert not (same_skeleton and similar(index(one), index(other)))


def test_the_skeleton_table_never_holds_a_shared_skeleton():
    lex = lexicon()
    kims = {lex.spelled_like(tokens(n)).id for n in ("كيم جونغ أون", "كيم يو جونغ")}
    assert kims == {"person:kim-jong-un", "person:kim-yo-jong"}


def test_adjectives_name_their_country_unless_ambiguous():
    lex = lexicon()
    assert lex.adjective_of(index("الروسي")).id == "country:rus"
    assert lex.adjective_of(index("الأمريكيين")).id == "country:usa"
    assert lex.adjective_of(index("المالي")) is None  # Malian, or financial
