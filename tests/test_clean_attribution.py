"""Attribution: the original outlet a republished article credits (groundwork for stories, issue 3)."""

from __future__ import annotations

import json

import pytest

from naba.pipeline.clean.attribution import MAX_PIECE, find_attribution
from naba.sample import sample_dir


@pytest.mark.parametrize("text,expected", [
    # outlets the gazetteer knows come out under their one canonical name
    ("وفقا لما أورده موقع روسيا اليوم الإخباري.", ("روسيا اليوم",)),
    ("نقلا عن وكالة الأنباء العربية المتحدة، أن الحملة", ("وكالة الأنباء العربية المتحدة",)),
    ("نقلاً عن فرانس برس", ("وكالة الأنباء الفرنسية",)),
    ("بحسب وكالة أنباء \"الإمارات\" الرسمية", ("وكالة أنباء الإمارات",)),
    ("وذكرت وكالة رويترز اليوم أن الرئيس", ("رويترز",)),            # اليوم here is "today"
    ("ذكرت صحيفة نيويورك تايمز أن الإدارة", ("نيويورك تايمز",)),
    ("وقالت قناة الجزيرة في تقرير", ("قناة الجزيرة",)),
    ("قالت رويترز إن الأسعار ارتفعت", ("رويترز",)),
    # the forms issue 17 found missed or broken
    ('وقتل ثلاثة بحسب "الألمانية".', ("وكالة الأنباء الألمانية",)),
    ("بحسب سكاي نيوز، فإن", ("سكاي نيوز عربية",)),
    ("وفقا لوكالة الأنباء الفرنسية، قال", ("وكالة الأنباء الفرنسية",)),
    ('وفقا لـ"رويترز" فإن', ("رويترز",)),
    ('ذكرت وكالة الأنباء اليمنية "سبأ" أن', ("وكالة الأنباء اليمنية سبأ",)),
    ("ذكرت صحيفة هافنغتون بوست الأميركية أهم", ("هافنغتون بوست",)),
    ("ذكرت صحيفة الغد الأردنية أن", ("صحيفة الغد",)),                  # a nationality adjective ends a name
    ("ذكرت شبكة سي إن إن أن", ("سي إن إن",)),                          # not cut at إن
    ("حسبما أفادت وكالة إرنا. وذكرت وكالة الجمهورية الإسلامية للأنباء", ("وكالة الجمهورية الإسلامية للأنباء",)),
    ("ذكرت وكالة شينخوا. وقالت وكالة أنباء الصين الجديدة", ("وكالة أنباء شينخوا",)),
    ("الرياض - واس\nأعلن وزير", ("وكالة الأنباء السعودية",)),         # an agency in the dateline
    ("وأضاف (د ب أ) أن", ("وكالة الأنباء الألمانية",)),                # a credit in parentheses
    # forms found on the tune half of the labelled credits
    ("نقلا عن قناة الإخبارية السعودية، كما", ("قناة الإخبارية",)),
    ("حسب وكالة الأنباء الإثيوبية. وقال", ("وكالة الأنباء الإثيوبية",)),
    ('وفق ما ذكرت وكالة الأنباء الإماراتية "وام"، الجمعة', ("وكالة أنباء الإمارات",)),
    ("وذكرت شبكة سكاي سبورتس التلفزيونية أن", ("شبكة سكاي سبورتس",)),
    ("بحسب وكالة الفضاء الأوروبية", ()),                              # not a news agency
    # not attributions: a person, a data source, a place, a generic back-reference
    ("بحسب مسؤول في الجامعة العربية", ()),
    ("بحسب تقديرات البنك الدولي", ()),
    ("وصل المحققون إلى موقع الحادث", ()),
    ("وفقا لما أورده موقع الوكالة.", ()),
    ("تحدث عن صحيفة الوطن", ()),
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


def test_the_subject_of_a_story_is_not_its_source():
    text = "ذكرت وكالة الأناضول أن مراسلها أصيب. وقالت رويترز إن الشرطة تحقق."
    assert find_attribution(text, title="الأناضول: إصابة مراسل الوكالة في غزة") == ("رويترز",)
    assert find_attribution(text) == ("وكالة الأناضول", "رويترز")
    # the page's own credit line is a credit, whatever the title says
    assert find_attribution("نص", "وكالة الأناضول", title="الأناضول تفتتح مكتبا") == ("وكالة الأناضول",)


def test_credits_are_read_in_a_page_far_longer_than_one_piece():
    filler = "خبر " * MAX_PIECE
    text = f"{filler}. وقالت وكالة رويترز إن {filler}\n{filler}وذكرت (واس) {filler}"
    assert find_attribution(text) == ("رويترز", "وكالة الأنباء السعودية")
