"""One name typed by a user → the canonical entity, read the way an article is read.

"زيلنسكي", "الرئيس الأوكراني زيلينيسكي" and "فولوديمير زيلينسكي" all give the gazetteer's
فولوديمير زيلينسكي. A name the article-reader cannot settle (a bare ambiguous key such as مالي) is
taken when exactly one gazetteer entry owns it: a user who types it means a name, not the word.
"""

from __future__ import annotations

from naba.gazetteer import load_gazetteer
from naba.models import Entity
from naba.pipeline.tagging.lexicon import lexicon
from naba.pipeline.tagging.mentions import ADJECTIVE_WEIGHT, find_mentions, ref_of
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import words_of


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
