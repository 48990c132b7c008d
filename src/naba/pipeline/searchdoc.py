"""The text a store indexes for an article: naba.text tokens, and the light stems that differ from them.

The stems column holds each distinct stem of the article once, and only where the stem is not the
token itself (a query's stem is also looked for in the title and body columns, so a word that is its
own stem is found there). Stopwords get no stem: a query keeps them only when it has nothing else,
and then the exact columns answer it. This keeps the stem index about a third of the body's size.
"""

from __future__ import annotations

from naba.models import Article, SearchDoc
from naba.text import stems, stopword_set, tokens


def search_doc(article: Article) -> SearchDoc:
    title_tokens = tokens(article.title or "")
    body_tokens = tokens(article.body)
    # set algebra runs in C: about twice as fast as ordered dedup here, and the stems column is a
    # bag of words (never queried as a phrase), so its order does not matter; sorted for stable output
    distinct = set(title_tokens)
    distinct.update(body_tokens)
    distinct.difference_update(stopword_set())
    candidates = list(distinct)
    differing = {s for t, s in zip(candidates, stems(candidates), strict=True) if s != t}
    return SearchDoc(title=" ".join(title_tokens), body=" ".join(body_tokens), stems=" ".join(sorted(differing)))
