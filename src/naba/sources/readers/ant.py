"""ANT corpus files: TREC-style ``<DOC>`` blocks, one article each.

The files are not well-formed XML (bare ``&``, ``<`` inside text), so blocks and fields are cut
out by their tags with ``find`` (several times faster than lazy ``.*?`` regexes on 31k files). Al Arabiya
marks editor tags inline as ``#word_word``: those become tags and
read as plain words in the text. ANT abstracts are mostly a truncated copy of the text's opening;
such a copy says nothing new and is dropped, a real abstract is kept as the summary.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping

from naba.errors import RecordError
from naba.models import RawArticle, Record, Rejection
from naba.sources.readers.encoding import decode

FORMAT = "ant"
DOC_OPEN, DOC_CLOSE = b"<DOC>", b"</DOC>"
FIELDS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "TIME", "AUTHOR", "ABSTRACT", "TEXT")
# Starting on the literal "#" lets the regex engine skip ahead fast; whether a match is a tag
# (not a URL fragment, an entity or "C#") is decided in Python on each match.
_HASHTAG = re.compile(r"#(\w+)")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_NOT_AFTER = frozenset("&/#_")
TATWEEL = "\u0640"
_ELLIPSIS = ("...", "…")
SNIFF_BYTES = 4096


def looks_like_ant(head: bytes) -> bool:
    """True when the opening bytes hold a ``<DOC>`` tag."""
    return DOC_OPEN in head[:SNIFF_BYTES]


def split_docs(data: bytes, where: str, hints: Mapping[str, str]) -> Iterator[Record | Rejection]:
    """One Record per ``<DOC>`` block; ``where#index`` only when a file holds several."""
    chunks = _doc_chunks(data)
    if not chunks:
        yield Rejection(where=where, reason="no complete <DOC>...</DOC> block")
        return
    hint_pairs = tuple(sorted(hints.items()))
    for index, chunk in enumerate(chunks):
        origin = f"{where}#{index}" if len(chunks) > 1 else where
        yield Record(FORMAT, chunk, origin, hint_pairs)


def _doc_chunks(data: bytes) -> list[bytes]:
    """Each complete ``<DOC>...</DOC>`` block (``bytes.find`` is far faster than a lazy regex)."""
    chunks, start = [], data.find(DOC_OPEN)
    while start >= 0:
        end = data.find(DOC_CLOSE, start)
        if end < 0:
            break
        end += len(DOC_CLOSE)
        chunks.append(data[start:end])
        start = data.find(DOC_OPEN, end)
    return chunks


def parse(record: Record) -> RawArticle:
    """The article in one ``<DOC>`` block."""
    fields = _fields(decode(record.payload, record.origin))
    tags: dict[str, None] = {}
    title = _untag(fields.get("TITLE"), tags)
    summary = _untag(fields.get("ABSTRACT"), tags)
    body = _untag(fields.get("TEXT"), tags)
    if not body:
        raise RecordError("<DOC> has no <TEXT>", where=record.origin)
    category = fields.get("CAT")
    return RawArticle(
        body=body,
        title=title,
        url=fields.get("URL") or record.hint("url"),
        source=record.hint("source") or fields.get("SRC"),
        published=fields.get("TIME"),
        author=fields.get("AUTHOR"),
        external_id=fields.get("DOCNO"),
        summary=None if summary and _is_opening_of(summary, body) else summary,
        tags=tuple(tags),
        categories=(category,) if category else (),
    )


def _fields(text: str) -> dict[str, str]:
    """Each field's stripped, entity-unescaped text; empty fields are left out."""
    fields = {}
    for name in FIELDS:
        start = text.find(f"<{name}>")
        end = text.find(f"</{name}>", start)
        if start < 0 or end < 0:
            continue
        value = text[start + len(name) + 2:end].strip()
        if "&" in value:
            value = html.unescape(value)
        if value:
            fields[name] = value
    return fields


def _untag(text: str | None, tags: dict[str, None]) -> str | None:
    """``text`` with ``#a_b`` read as ``a b``; each hashtag is added to ``tags`` in order."""
    if not text or "#" not in text:
        return text

    def plain(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else " "
        if (before.isascii() and (before.isalnum() or before in _NOT_AFTER)) \
                or not _HAS_LETTER.search(match.group(1)):
            return match.group(0)
        words = " ".join(match.group(1).replace("_", " ").split())
        tags.setdefault(words, None)
        return _glue(text, match.start()) + words

    return _HASHTAG.sub(plain, text)


def _glue(text: str, start: int) -> str:
    """What replaces the "#": nothing after a one-letter prefix (و#مصر, بـ#مصر), else a space
    (a missing space in the source: السوري#فيصل_خرتش)."""
    begin = start
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
        begin -= 1
    word = text[begin:start]
    return "" if len(word) <= 1 or word.endswith(TATWEEL) else " "


def _is_opening_of(summary: str, body: str) -> bool:
    """True when the summary (maybe cut short, maybe ending in "...") opens the body."""
    words = summary.rstrip().removesuffix(_ELLIPSIS[0]).removesuffix(_ELLIPSIS[1]).split()
    if not words:
        return True
    opening = body[: len(summary) * 2 + 200].split()[: len(words)]
    # The last word of a cut-short abstract may itself be cut.
    return opening[:-1] == words[:-1] and len(opening) == len(words) and opening[-1].startswith(words[-1])
