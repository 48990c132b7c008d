"""Attribution: the original outlet a republished article credits (groundwork for stories, issue 3)."""

from __future__ import annotations

import json

import pytest

from naba.pipeline.clean.attribution import find_attribution
from naba.sample import sample_dir


@pytest.mark.parametrize("text,expected", [
    ("وفقا لما أورده موقع روسيا اليوم الإخباري.", ("موقع روسيا اليوم",)),
    ("نقلا عن وكالة الأنباء العربية المتحدة، أن الحملة", ("وكالة الأنباء العربية المتحدة",)),
    ("نقلاً عن فرانس برس", ("فرانس برس",)),
    ("بحسب وكالة أنباء \"الإمارات\" الرسمية", ("وكالة أنباء الإمارات",)),
    ("وذكرت وكالة رويترز اليوم أن الرئيس", ("وكالة رويترز",)),            # اليوم here is "today"
    ("ذكرت صحيفة نيويورك تايمز أن الإدارة", ("صحيفة نيويورك تايمز",)),
    ("وقالت قناة الجزيرة في تقرير", ("قناة الجزيرة",)),
    ("قالت رويترز إن الأسعار ارتفعت", ("رويترز",)),
    # not attributions: a person, a data source, a place, a generic back-reference
    ("بحسب مسؤول في الجامعة العربية", ()),
    ("بحسب تقديرات البنك الدولي", ()),
    ("وصل المحققون إلى موقع الحادث", ()),
    ("وفقا لما أورده موقع الوكالة.", ()),
])
def test_attribution_phrases(text, expected):
    assert find_attribution(text) == expected


def test_credited_source_comes_first_and_names_are_not_repeated():
    text = "بحسب وكالة الأنباء العربية المتحدة، ... ونقلا عن وكالة الانباء العربية المتحده أيضا"
    assert find_attribution(text, "بوابة الوفد") == ("بوابة الوفد", "وكالة الأنباء العربية المتحدة")


def test_the_sample_wire_copies_credit_the_wire_agency():
    articles = {json.loads(line)["id"]: json.loads(line)
                for line in (sample_dir() / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
    for copy in ("fajr-0112", "nabd-0112"):
        assert find_attribution(articles[copy]["content"]) == ("وكالة الأنباء العربية المتحدة",), copy
    assert find_attribution(articles["uana-0112"]["content"]) == ()  # the original credits nobody
