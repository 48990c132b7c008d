"""The text a store indexes for an article: naba.text tokens, and the light stems that differ from them.

The stems column holds each distinct stem of the article once, and only where the stem is not the
token itself (a query's stem is also looked for in the title and body columns, so a word that is its
own stem is found there). Stopwords get no stem: a query keeps them only when it has nothing else,
and then the exact columns answer it. This keeps the stem index about a third of the body's size.
"""

from __future__ import annotations

import numpy as np

from naba.models import Article, SearchDoc
from naba.text import tokens
from naba.text.tokenize import TokenizedText, tokenize_article
from naba.text.vocabulary import vocabulary


def search_doc(article: Article, text: TokenizedText | None = None) -> SearchDoc:
    """The article's search document; ``text``, when given, is its title and body (or the body's
    opening: the rest is tokenized here) already tokenized by ``naba.text.tokenize_article``."""
    if text is None:
        text = tokenize_article(article.title, article.body)
    body_tokens = text.body
    if len(article.body) > len(text.parts[1]):
        body_tokens += tokens(article.body[len(text.parts[1]):])
    vocab = vocabulary()
    # the stems column is a bag of words (never queried as a phrase): distinct ids, sorted words
    distinct = np.unique(np.concatenate((vocab.ids(text.title), vocab.ids(body_tokens))))
    differing = distinct[~vocab.stop[distinct] & (vocab.stem[distinct] != distinct)]
    stems = sorted(set(vocab.strings(vocab.stem[differing])))
    return SearchDoc(title=" ".join(text.title), body=" ".join(body_tokens), stems=" ".join(stems))
