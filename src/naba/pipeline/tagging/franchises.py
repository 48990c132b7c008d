"""A city's name followed by a franchise's in a sports report (تورونتو رابتورز، بوسطن سيلتيكس،
فيلادلفيا سيفنتي سيكسرز) names the club, not the city, for ``context.inside_longer``.

Hand-written Arabic rule (no gazetteer lists every league's teams): the franchise's name is one or two
rare name-like words after the city, the last an English plural as Arabic writes it, in ز or س. Without
that ending the rule took a result or a verb after a club (برشلونة بلقبين، برشلونة يستهل), a player
(داريا كاساتكينا) and Kyiv for «كيف» (how) on the corpora.
"""

from __future__ import annotations

from naba.pipeline.tagging.lexicon import given_name
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import Word

FRANCHISE_WORD_MAX_ZIPF = 3.0  # رابتورز 2.2، ليكرز 2.7 (not ويمبلي 3.1, a stadium)
MAX_FRANCHISE_WORDS = 2
PLURAL_ENDINGS = ("ز", "س")


def franchise_end(stream: Stream, words: list[Word], after: int, kind_at: dict[int, str]) -> int:
    """Where the franchise's name that starts at ``after`` (right after a city) ends; ``after`` when
    there is none."""
    end, last = after, min(after + MAX_FRANCHISE_WORDS, len(stream))
    while end < last and not stream.breaks[end] and _franchise_word(stream, words, end, kind_at):
        end += 1
    while end > after and not stream.keys[end - 1].endswith(PLURAL_ENDINGS):
        end -= 1
    return end


def _franchise_word(stream: Stream, words: list[Word], i: int, kind_at: dict[int, str]) -> bool:
    """A rare name-like word that is neither a given name nor a name the article already read."""
    return kind_at.get(i) is None and words[i].name_like and words[i].zipf < FRANCHISE_WORD_MAX_ZIPF \
        and not given_name(stream.keys[i])
