"""The story stage's per-article work, done where the rest of the pipeline runs (in workers, if any)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from naba.stories.copies import DuplicateIndex
from naba.models import Article, SearchDoc
from naba.stories.features import StoryFeatures, features_of_tokens
from naba.text import tokens


@dataclass(frozen=True, slots=True)
class ArticleSketch:
    features: StoryFeatures
    duplicate: Any  # DuplicateIndex.sketch of "title + body"


@functools.cache
def duplicate_index_parameters() -> DuplicateIndex:
    """An index with the story stage's parameters, used only to sketch (its tables stay empty)."""
    return DuplicateIndex()


def sketch_search_doc(search: SearchDoc) -> ArticleSketch:
    """A sketch from the tokens the search document already holds (no second tokenization)."""
    title, body = search.title.split(), search.body.split()
    return ArticleSketch(features_of_tokens(title, body), duplicate_index_parameters().sketch(title + body))


def sketch_article(article: Article) -> ArticleSketch:
    title, body = tokens(article.title or ""), tokens(article.body)
    return ArticleSketch(features_of_tokens(title, body), duplicate_index_parameters().sketch(title + body))
