"""The export contract: one JSON object per article, the ``Article`` model of ``naba.serve.contract``.

Other tools and later issues read it; keep it stable. Its fields, their order and their meaning are the
model's (the README's table is checked against it); new fields are only ever appended. With
``naba export --related K`` each line is an ``ArticleWithRelated``: the same, then ``similar`` and
``read_also``. Absent values are null or [], never invented.
"""

from __future__ import annotations

import json
from typing import Any

from naba.models import Related, StoredArticle
from naba.serve.contract import Article, ArticleWithRelated

EXPORT_FIELDS = tuple(Article.model_fields)
RELATED_FIELDS = tuple(name for name in ArticleWithRelated.model_fields if name not in Article.model_fields)


def export_record(stored: StoredArticle) -> dict[str, Any]:
    """One article as the export writes it (a plain dict, for comparing stores and runs)."""
    return Article.of(stored).model_dump(mode="json")


def export_line(stored: StoredArticle, related: Related | None = None, *, with_related: bool = False) -> str:
    """One line of ``naba export``; ``with_related`` adds the lists of ``related`` (empty when None)."""
    model = ArticleWithRelated.of_related(stored, related) if with_related else Article.of(stored)
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False) + "\n"
