"""A story's summary (naba.stories.summaries) is the same whichever order its articles were stored in."""

from __future__ import annotations

from naba.models import Article, StoredArticle
from naba.stories.summaries import summarize_story

AT = "2015-07-22T10:00:00+03:00"


def _stored(article_id: int, title: str, url: str) -> StoredArticle:
    article = Article(body=f"نص الخبر {title}", title=title, url=url, canonical_url=url, published_at=AT,
                      source="aleqtisadiya")
    return StoredArticle(article_id, article, first_seen_at=AT, fetched_at=AT)


def test_two_reports_at_one_moment_summarize_alike_in_either_arrival_order():
    # two titles that share as many words with each other: the representative title is a tie
    a_title, b_title = "الشركة الأولى توزع أرباح النصف الأول", "الشركة الثانية توزع أرباح النصف الأول"
    first_way = summarize_story(1, [_stored(1, a_title, "https://x.example/b"), _stored(2, b_title, "https://x.example/a")])
    other_way = summarize_story(1, [_stored(2, a_title, "https://x.example/b"), _stored(1, b_title, "https://x.example/a")])
    assert first_way.title == other_way.title == b_title  # the tie goes to the content key, not the id
    assert first_way.first_source == other_way.first_source
