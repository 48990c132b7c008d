"""The text a store indexes for an article: naba.text tokens, and their light stems."""

from __future__ import annotations

from naba.models import Article, SearchDoc
from naba.text import stems, tokens


def search_doc(article: Article) -> SearchDoc:
    title_tokens = tokens(article.title or "")
    body_tokens = tokens(article.body)
    return SearchDoc(
        title=" ".join(title_tokens),
        body=" ".join(body_tokens),
        stems=" ".join(stems(title_tokens + body_tokens)),
    )
