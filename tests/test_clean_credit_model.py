"""Outlets naba has never seen (issue 17, fifth round): the learned outlet recogniser of ``credit_model``.

Sentences written for these tests (not taken from the corpora); the outlets in them are not in the
gazetteer unless a test says so.
"""

from __future__ import annotations

import pytest

from naba.gazetteer import load_gazetteer
from naba.pipeline.clean.attribution import find_attribution
from naba.pipeline.clean.credit_model import near_outlet, read_name
from naba.text import index


def test_the_outlets_in_these_tests_are_unknown_to_the_gazetteer():
    """The recall tests below are about names naba has never seen: if one is added to the gazetteer,
    they would pass on the table alone and test nothing."""
    gazetteer = load_gazetteer()
    for name in ("كوستانيا", "ستار تريبيون", "زيتونغ", "فالدورف", "مارانيتو", "سبونتيك", "تريبيون"):
        assert not gazetteer.lookup(name), name


@pytest.mark.parametrize("text,expected", [
    # a new agency after «وكالة», with no «أنباء» in its name: a name the language does not know
    ("وذكرت وكالة كوستانيا أن الحريق امتد إلى ثلاثة أحياء.", ("وكالة كوستانيا",)),
    ("وأفاد مسعفون، بحسب ما نقلت وكالة \"مارانيتو\"، بأن عدد المصابين ارتفع.", ("وكالة مارانيتو",)),
    # a foreign paper after «صحيفة», a name of several words ending before «أن»
    ("وقالت صحيفة ستار تريبيون أن المجلس سيصوت غدا.", ("صحيفة ستار تريبيون",)),
    # and before a verb: the sentence goes on after the name
    ("وبحسب صحيفة فالدورف زيتونغ يستعد الفريق لموسم صعب.", ("صحيفة فالدورف زيتونغ",)),
    ("ووفقا لصحيفة فالدورف زيتونغ بالعربية فإن المفاوضات انتهت.", ("صحيفة فالدورف زيتونغ",)),
    # the present tense of a reporting verb, and an outlet's view
    ("وتقول صحيفة ستار تريبيون إن المدينة تغيرت.", ("صحيفة ستار تريبيون",)),
    ("واعتبرت صحيفة \"فالدورف زيتونغ\" أن الخطة فشلت.", ("صحيفة فالدورف زيتونغ",)),
    # a known outlet misspelt (one letter swapped): the gazetteer's outlet, once
    ("وفقا لوكالة سبونتيك الروسية فإن الاجتماع تأجل.", ("سبوتنيك",)),
    ("وقالت وكالة الأنباء اليمينة الرسمية \"سبأ\" إن الحكومة اجتمعت.", ("وكالة الأنباء اليمنية سبأ",)),
])
def test_unknown_outlets_are_read(text, expected):
    assert find_attribution(text) == expected


@pytest.mark.parametrize("text", [
    # a common noun after «وكالة» or «موقع» is no outlet
    "وقالت وكالة الفضاء الأوروبية إن المسبار وصل.",
    "وذكر موقع الحادث أن الطريق أغلق.",
    # an agency that is no news agency: its field follows the name, or the gazetteer knows it as such
    "وقالت وكالة كوستانيا للإحصاءات إن البطالة ارتفعت.",
    "وقالت وكالة موديز إنها خفضت تصنيف البلاد.",
    "وأعلنت وكالة ناسا أن الإطلاق تأجل.",
    # a ministry and a person are never credits
    "وبحسب وزارة الصحة فإن عدد الإصابات ارتفع.",
    "ونقلا عن المتحدث باسم الحكومة فإن الاجتماع تأجل.",
    # what an agency said, quoted, is not its name
    "وأفادت الوكالة \"قواتنا تتقدم نحو المدينة\" في بيان قصير.",
    # «يذكر أن» is "it is worth saying", not an outlet's report
    "يذكر أن مجلة \"ستار تريبيون\" البريطانية قد حذرت من الأزمة.",
])
def test_what_is_not_an_outlet_is_not_read(text):
    assert find_attribution(text) == ()


def test_an_outlet_that_is_the_subject_of_the_story_is_not_its_source():
    text = "وقالت صحيفة \"كوستانيا\" إنها ستعود إلى الصدور الأسبوع المقبل."
    assert find_attribution(text) == ("صحيفة كوستانيا",)
    # the story is about the paper: its title names it, though the gazetteer does not know it
    assert find_attribution(text, title="السلطات تسمح لصحيفة «كوستانيا» باستئناف الصدور") == ()
    # an outlet opening a title before a colon is the story's source, as in a credit line
    text = "وذكرت وكالة بلومبرغ أن الشركة ستبيع حصتها."
    assert find_attribution(text, title="بلومبرغ: الشركة ترحل عن السوق") == ("بلومبرغ",)
    # but not when the rest of the title is about it
    assert find_attribution(text, title="بلومبرغ: إغلاق مكتب الوكالة في المدينة") == ()


def test_misspellings_match_only_one_known_outlet_closely():
    assert near_outlet(index("سبونتيك")) == "سبوتنيك"  # two letters swapped
    assert near_outlet(index("وكالة أنباء شينوا")) == "وكالة أنباء شينخوا"  # a letter dropped inside
    # a known word is another name, not a misspelling: Spain's agency is not Iran's, Tunisia's
    # «الصباح» is not Turkey's «صباح», Time is not The Times (a letter added at the end)
    assert near_outlet(index("وكالة الأنباء الإسبانية")) is None
    assert near_outlet(index("صحيفة الصباح")) is None
    assert near_outlet(index("مجلة التايمز")) is None  # (Time is now known itself: مجلة تايم)
    assert near_outlet(index("مجلة التايم")) == "مجلة تايم"
    # the letters of an abbreviation: ABC is not NBC
    assert near_outlet(index("إيه.بي.سي")) is None


def test_a_known_name_whose_first_word_is_only_the_article_once_indexed_is_compared_safely():
    """«إل موندو» indexes to «ال موندو»: its first word, the article alone, has no letter to compare."""
    assert near_outlet(index("الموندو ديبورتيفو")) == "موندو ديبورتيفو"


def test_the_name_tagger_reads_the_words_after_a_media_word():
    # Bloomberg: a name (the tagger's organisation), a proper one (no common noun)
    reading = read_name(("افادت", "وكاله"), ("بلومبرغ", "نقلا", "عن"))
    assert reading.proper
    # «الفضاء»: a common noun the language writes with the article
    assert not read_name(("قالت", "وكاله"), ("الفضاء", "الاوروبيه", "ان")).proper
    # the name stops before an imperfect verb
    assert read_name(("بحسب", "صحيفه"), ("فالدورف", "زيتونغ", "يستعد", "الفريق")).stops == 2
