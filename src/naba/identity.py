"""Who an article is: its identity across re-ingests, and a hash that changes when it changes.

Identity is the canonical URL when there is one; without a URL it is the outlet plus a hash of the
index-normalized text, so the same page re-read with other whitespace or diacritics is still one article.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from naba.models import Article
from naba.text import tokens


def article_identity(article: Article) -> str:
    if article.canonical_url:
        return f"url:{article.canonical_url}"
    normalized = " ".join(tokens(f"{article.title or ''}\n{article.body}"))
    digest = hashlib.blake2b(normalized.encode(), digest_size=16).hexdigest()
    return f"text:{article.source or ''}:{digest}"


# How an article was reached (the URL as given, with its tracking parameters; the feed's item id)
# is not what it says: the same story re-read through another link is an unchanged re-ingest.
_NOT_CONTENT = ("url", "external_id")


def content_hash(article: Article) -> str:
    """A digest of every stored field that is content; equal digests mean an unchanged re-ingest."""
    fields = asdict(article)
    for name in _NOT_CONTENT:
        del fields[name]
    payload = json.dumps(fields, ensure_ascii=False, sort_keys=True, default=list)
    return hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()
