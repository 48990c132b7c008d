"""The story stage's per-article work, done where the rest of the pipeline runs (in workers, if any)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from naba.models import Article, SearchDoc
from naba.stories.copies import DuplicateIndex, Sketcher, TextSketch
from naba.stories.features import StoryFeatures, features_of_tokens
from naba.text import tokens


@dataclass(frozen=True, slots=True)
class ArticleSketch:
    features: StoryFeatures
    duplicate: TextSketch  # of "title + body", for the story stage's DuplicateIndex


@functools.cache
def duplicate_index_parameters() -> Sketcher:
    """The sketch parameters of the story stage's index (``DuplicateIndex()``, its defaults)."""
    return DuplicateIndex().sketcher


def sketch_search_doc(search: SearchDoc) -> ArticleSketch:
    """A sketch from the tokens the search document already holds (no second tokenization)."""
    title, body = search.title.split(), search.body.split()
    return ArticleSketch(features_of_tokens(title, body), duplicate_index_parameters().sketch(title + body))


def sketch_article(article: Article) -> ArticleSketch:
    title, body = tokens(article.title or ""), tokens(article.body)
    return ArticleSketch(features_of_tokens(title, body), duplicate_index_parameters().sketch(title + body))
