"""A name the gazetteer lacks gets one canonical form whichever way an article spells it."""

from __future__ import annotations

import json

import pytest

from cli_runner import naba
from naba.pipeline.tagging import tag_article
from naba.serve.web.views import entity_key, entity_view
from naba.settings import Settings
from naba.store import open_store
from naba.text.frequency import usual_spelling


@pytest.mark.parametrize(("written", "usual"), [
    ("ساره", "سارة"),  # a final ه for ة
    ("اوروبا", "أوروبا"),  # a bare alef for a hamza
    ("الاسكان", "الإسكان"),
    ("مصطفي", "مصطفى"),  # a final ي for ى
    ("سيرغى", "سيرغي"),  # unlisted as written, listed as its index form
    ("الدخيّل", "الدخيل"),  # marks dropped
    ("الداخليــة", "الداخلية"),  # tatweel dropped
])
def test_a_word_takes_the_spelling_arabic_text_uses_most(written, usual):
    assert usual_spelling(written) == usual


@pytest.mark.parametrize("word", [
    "علي",  # a common name in its own right, not على misspelt
    "سارة",  # already the usual spelling
    "ارسين",  # أرسين is commoner, but not by far: either may be the name's
    "زيلينيسكي",  # unlisted: stays as written
    "CNN",  # another script
    "قلمة",  # a family name: a written ة is meant, though قلمه ("his pen") is commoner
    "إدوار",  # a written hamza is meant: أدوار ("roles") is commoner
])
def test_a_word_common_in_its_own_right_or_unknown_stays_as_written(word):
    assert usual_spelling(word) == word


def _canonicals(title: str, body: str) -> dict[str, str]:
    return {e.name: e.canonical for e in tag_article(title, body).entities if e.kind == "person"}


def test_two_spellings_of_a_learned_name_share_one_canonical_form():
    first = _canonicals("المتحدثة سارة ساندرز: اللقاء مثمر", "قالت المتحدثة سارة ساندرز اليوم إن اللقاء مثمر.")
    second = _canonicals("المتحدثة ساره ساندرز: اللقاء مثمر", "قالت المتحدثة ساره ساندرز اليوم إن اللقاء مثمر.")
    assert first == {"سارة ساندرز": "سارة ساندرز"}
    assert second == {"ساره ساندرز": "سارة ساندرز"}  # shown as written, canonical in the usual spelling


def test_abd_is_glued_to_the_name_after_it_in_the_canonical_form_only():
    spaced = _canonicals("أمير عسير يستقبل المهنئين", "استقبل الأمير فيصل بن خالد بن عبد العزيز أمير منطقة "
                                                        "عسير اليوم المهنئين بالعيد.")
    assert spaced == {"فيصل بن خالد بن عبد العزيز": "فيصل بن خالد بن عبدالعزيز"}


def test_naba_entity_finds_a_learned_name_by_either_spelling(tmp_path):
    records = tmp_path / "two.jsonl"
    records.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"title": "المتحدثة سارة ساندرز: لا لقاء قريبا", "url": "https://a.example/1", "source": "a",
         "published": "2018-06-01T10:00:00Z", "body": "قالت المتحدثة سارة ساندرز اليوم إنه لا لقاء قريبا مع الوفد."},
        {"title": "المتحدثة ساره ساندرز تنفي خبر الاستقالة", "url": "https://b.example/2", "source": "b",
         "published": "2018-06-09T10:00:00Z", "body": "نفت المتحدثة ساره ساندرز أمس خبر استقالتها من منصبها."},
    ]), encoding="utf-8")
    db = tmp_path / "names.db"
    assert naba("ingest", records, "--db", db).returncode == 0
    for typed in ("ساره ساندرز", "سارة ساندرز"):
        page = json.loads(naba("entity", typed, "--json", "--db", db).stdout)
        assert page["name"] == "سارة ساندرز"
        assert len(page["articles"]["items"]) == 2  # one page for both spellings
    key, kind = entity_key("ساره ساندرز")  # the site's entity page
    store = open_store(str(db), Settings())
    try:
        view = entity_view(store, key, kind, None, 10)
    finally:
        store.close()
    assert key == "سارة ساندرز" and len(view.articles.items) == 2 and view.mentions is None
