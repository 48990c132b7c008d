"""Keywords an editor would keep: the article's central entities, then the key noun phrases of the
event, then its other entities.

A phrase is shown only when it reads as a tag (hand-written rules over ``Word``'s flags):
    every word a noun or adjective (``Word.nominal``): no verb-led fragment (يتجه لتكبد، عسير يتسابقون)
    no word with a pronoun glued after it (حملاتهم، أرضية زرعها), no number or number-word (ثاني أكبر)
    a phrase of two or more words has no preposition glued on (لضحايا تفجير، رسائل جنسية لابتزاز)
    a single word is no bare relational or nationality adjective (التراثي، الأمريكي), shown without clitics
No two keywords where one contains the other, unless the shorter is said on its own at least as
often as inside the longer (``OWN_USE``); a phrase that shares a word with a chosen one is a second
cut of the same words (لتكبد ثاني / ثاني أكبر) and is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from naba.pipeline.tagging.options import TagOptions
from naba.pipeline.tagging.phrases import Phrase
from naba.pipeline.tagging.words import Word

OWN_USE = 3.0  # a word inside a chosen phrase stays a tag when said this many times as often as the phrase


@dataclass(slots=True)
class Candidate:
    score: float
    first: int
    label: str  # "" for a phrase until it is considered: reading its surface costs a regex pass
    phrase: Phrase | None = None
    central: bool = False  # an entity named in the title or mentioned more than once


def readable(phrase: Phrase, words: Sequence[Word]) -> bool:
    """True when the phrase reads as a tag (see the module docstring)."""
    at = phrase.first if phrase.shown < 0 else phrase.shown
    span = words[at:at + len(phrase.words)]
    if any(not w.nominal or w.suffixed or w.number for w in span):
        return False
    if len(span) == 1:
        return not span[0].nisba and span[0].adjective is None
    return not any(w.glued for w in span)


def pick(entities: list[Candidate], phrases: list[Phrase], label: Callable[[Candidate], str],
         words: Sequence[Word], options: TagOptions) -> tuple[str, ...]:
    """``min_tags`` to ``max_tags`` labels: central entities, readable phrases, other entities."""
    central = [e for e in entities if e.central]
    others = [e for e in entities if not e.central]
    chosen_phrases = _phrases(phrases, words, options)
    picked: list[str] = []
    seen: set[str] = set()
    for item in [*central, *chosen_phrases, *others]:
        if len(picked) >= options.max_tags:
            break
        text = label(item)
        if text in seen:
            continue
        seen.add(text)
        picked.append(text)
    return tuple(picked)


def _phrases(phrases: list[Phrase], words: Sequence[Word], options: TagOptions) -> list[Candidate]:
    """The readable phrases (given best first), cut at ``cutoff`` of the best, without overlapping cuts."""
    chosen: list[Candidate] = []
    top = phrases[0].score if phrases else 0.0
    for phrase in phrases:
        if len(chosen) >= options.max_tags or (len(chosen) >= options.min_tags and phrase.score < options.cutoff * top):
            break
        if not readable(phrase, words):
            continue
        item = Candidate(phrase.score, phrase.first, "", phrase)
        placed = _place(chosen, item)
        if placed == len(chosen):
            chosen.append(item)
        elif placed is not None:
            chosen[placed] = item
    return chosen


def _place(chosen: list[Candidate], item: Candidate) -> int | None:
    """Where ``item`` goes among the chosen phrases: appended (``len(chosen)``), in place of a shorter
    phrase it contains that is not said often on its own (its index), or nowhere (None)."""
    new = item.phrase
    assert new is not None
    for index, other in enumerate(chosen):
        old = other.phrase
        assert old is not None
        shared = set(new.words) & set(old.words)
        if not shared:
            continue
        if _inside(old.words, new.words):  # النفط chosen, أسعار النفط comes
            return None if old.count >= OWN_USE * new.count else index
        if _inside(new.words, old.words) and new.count >= OWN_USE * old.count:
            continue  # a word used on its own as well as in the phrase
        return None
    return len(chosen)


def _inside(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    size = len(small)
    return size < len(big) and any(big[i:i + size] == small for i in range(len(big) - size + 1))
