"""One name typed by a user → the canonical entity, read the way an article is read.

    resolve_entity(name)   the Entity a typed name means, or None
    query_names(text)      the names inside a search query, as token spans of ``naba.text.tokens``
    plus_as_word(text)     أوبك+ → أوبك بلس: the plus the tokenizer would drop, as the word it is

"زيلنسكي", "الرئيس الأوكراني زيلينيسكي" and "فولوديمير زيلينسكي" all give the gazetteer's
فولوديمير زيلينسكي. A name the article-reader cannot settle (a bare ambiguous key such as مالي) is
taken when exactly one gazetteer entry owns it: a user who types it means a name, not the word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from naba.gazetteer import load_gazetteer
from naba.models import Entity
from naba.pipeline.tagging.lexicon import lexicon
from naba.pipeline.tagging.mentions import ADJECTIVE_WEIGHT, find_mentions, ref_of
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import words_of

# "أوبك+" / "OPEC+" is said أوبك بلس: the plus is a word (the tokenizer would drop it)
_PLUS_RE = re.compile(r"(?<=[^\W\d_])\+")


@dataclass(frozen=True, slots=True)
class QueryName:
    """A name inside a query: tokens ``start:end`` of ``naba.text.tokens(query)`` (a title and its
    descriptors before a person included: الرئيس الروسي فلاديمير بوتين is one name)."""

    start: int
    end: int
    canonical: str
    kind: str


def query_names(text: str) -> list[QueryName]:
    """The gazetteer names a search query holds, left to right, not overlapping.

    The query's tokens are those of ``naba.text.tokens(plus_as_word(text))``; a name the tagger
    would only take with context (an ambiguous key) is taken when one gazetteer entry owns it.
    """
    stream = Stream.of(None, plus_as_word(text))
    if not len(stream):
        return []
    lex = lexicon()
    mentions, taken = find_mentions(stream, words_of(stream.keys, lex), lex)
    names = [m for m in mentions if not m.ref.key.startswith("new:")]
    names.sort(key=lambda m: (m.start, m.weight <= ADJECTIVE_WEIGHT))
    found: list[QueryName] = []
    covered = bytearray(len(stream))
    for m in names:
        if any(covered[m.start:m.end]):
            continue
        start = m.start
        if m.ref.kind == "person":  # the title and descriptors before the name belong to it
            while start > 0 and taken[start - 1] and not stream.breaks[start]:
                start -= 1
            found = [f for f in found if f.end <= start]
        covered[start:m.end] = b"\x01" * (m.end - start)
        found.append(QueryName(start, m.end, m.ref.canonical, m.ref.kind))
    rest = [i for i in range(len(stream)) if not covered[i]]
    for i in rest:  # a bare ambiguous key that one entry owns (مالي): the user means the name
        owners = load_gazetteer().lookup(stream.keys[i])
        if len(owners) == 1 and owners[0].type != "person":
            found.append(QueryName(i, i + 1, ref_of(owners[0]).canonical, ref_of(owners[0]).kind))
    return sorted(found, key=lambda f: f.start)


def plus_as_word(text: str) -> str:
    """أوبك+ → أوبك بلس, OPEC+ → OPEC plus: the reading of a plus glued to a name."""
    return _PLUS_RE.sub(lambda m: " plus" if m.string[m.start() - 1].isascii() else " بلس", text)


def resolve_entity(name: str) -> Entity | None:
    """The canonical Entity for any spelling of a name, or None if it names nothing known."""
    stream = Stream.of(None, name)
    if not len(stream):
        return None
    lex = lexicon()
    mentions, _ = find_mentions(stream, words_of(stream.keys, lex), lex)
    if mentions:
        # a name beats the adjective of a title's descriptor (الرئيس الأوكراني زيلينيسكي)
        best = max(mentions, key=lambda m: (m.weight > ADJECTIVE_WEIGHT, m.ref.kind == "person",
                                            m.end - m.start, -m.start))
        ref = best.ref
        written = stream.written(best.start, best.end, best.form) if best.form else name.strip()
        return Entity(written, ref.canonical, ref.kind)
    owners = load_gazetteer().lookup(" ".join(stream.keys))
    if len(owners) == 1:
        ref = ref_of(owners[0])
        return Entity(name.strip(), ref.canonical, ref.kind)
    return None
