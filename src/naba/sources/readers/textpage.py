"""Plain-text pages: the decoded text is the body; a clear headline line becomes the title.

A first line is a headline only when it looks like one: short, without closing punctuation, and
set apart by a blank line. A first line that is a full sentence is the article's opening.
"""

from __future__ import annotations

import re

from naba.errors import RecordError
from naba.models import RawArticle, Record
from naba.sources.readers.encoding import decode

FORMAT = "textpage"
MAX_TITLE_WORDS = 15
_NEWLINES = re.compile(r"\r\n?")
_TITLE_THEN_BLANK = re.compile(r"\A[ \t]*([^\n]+?)[ \t]*\n[ \t]*\n+")
_SENTENCE_END = re.compile(r"[.!?؟:;؛,،…]$")


def parse(record: Record) -> RawArticle:
    text = _NEWLINES.sub("\n", decode(record.payload, record.origin, record.hint("charset")))
    text = text.strip()
    if not text:
        raise RecordError("page has no text", where=record.origin)
    title, body = split_title(text)
    return RawArticle(
        body=body,
        title=title,
        url=record.hint("url"),
        source=record.hint("source"),
        lang=record.hint("lang"),
    )


def split_title(text: str) -> tuple[str | None, str]:
    """(title, rest) when the text opens with a headline line, else (None, text)."""
    match = _TITLE_THEN_BLANK.match(text)
    if not match:
        return None, text
    line, rest = match.group(1), text[match.end():]
    if not rest.strip() or len(line.split()) > MAX_TITLE_WORDS or _SENTENCE_END.search(line):
        return None, text
    return line, rest
