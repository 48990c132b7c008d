"""The entity filter (naba.pipeline.tagging.entity_filter): the fitted model's say on an entity."""

from naba.pipeline.tagging import entity_filter
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.tagger import judged_entities


def _features(title: str, body: str, canonical: str) -> list[str]:
    return next(found for entity, found in judged_entities(title, body) if entity.canonical == canonical)


def test_a_name_the_headline_holds_is_never_dropped():
    found = ["title", "kind=other", "origin=new", "other&new", "size=1", "named=1", "most_zipf=2-3"]
    assert not entity_filter.judged(found) and entity_filter.keep(found)


def test_a_known_place_the_article_names_again_and_again_is_kept():
    body = "قصفت الطائرات مدينة حلب. وقال سكان في حلب إن القصف استمر. وأضافوا أن حلب تعاني. وغادر كثيرون حلب."
    found = _features("قصف جديد", body, "حلب")
    assert "origin=known" in found and entity_filter.keep(found)


def test_a_rare_word_read_once_as_a_name_in_the_body_is_dropped():
    stream = Stream.of("عنوان الخبر", "نص الخبر هنا")
    found = entity_filter.features(stream, "other", False, ["تلبيسه"], [5], 0, False, False)
    assert entity_filter.judged(found) and not entity_filter.keep(found)
