"""Who an article is: its identity across re-ingests, and a hash that changes when it changes.

Identity is the canonical URL when there is one; without a URL it is the outlet plus a hash of the
index-normalized text, so the same page re-read with other whitespace or diacritics is still one article.
"""

from __future__ import annotations

import hashlib
from dataclasses import fields

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
# Categories are filing, not content: an article filed under a second section is merged, not updated.
_NOT_CONTENT = ("url", "external_id", "categories")


_CONTENT_FIELDS = tuple(f.name for f in fields(Article) if f.name not in _NOT_CONTENT)


def content_hash(article: Article) -> str:
    """A digest of every stored field that is content; equal digests mean an unchanged re-ingest."""
    # field by field, repr for the non-strings (deterministic for None, tuples and ReadAlso):
    # far cheaper than dataclasses.asdict + json (measured ~200 µs per article)
    digest = hashlib.blake2b(digest_size=16)
    for name in _CONTENT_FIELDS:
        value = getattr(article, name)
        digest.update((value if isinstance(value, str) else repr(value)).encode())
        digest.update(b"\x1f")
    return digest.hexdigest()
