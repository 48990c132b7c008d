"""Names the gazetteer does not know, read from the patterns news Arabic puts around them.

    الرئيس الروسي فلاديمير بوتين     title, descriptors (ال-words, adjectives, places), then a person
    المتحدث باسم الخارجية الأمريكية هيذر ناورت
    وزارة الخارجية الأمريكية         a head noun and the ال-words after it: an organisation

A person's name is one to four words, stopping at punctuation, a stopword, a number, a weekday or
month, or after a word with ال (a family name: عادل الجبير). A one-word name after a title must be a
rare word (``ONE_WORD_MAX_ZIPF``), because a title is as often followed by a verb or a noun
(أكد الرئيس ضرورة ...); a longer name must hold at least one word rarer than ``NAME_MAX_ZIPF``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from naba.pipeline.tagging.lexicon import Name, lexicon
from naba.pipeline.tagging.matching import Match
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import TIME_WORDS, Word
from naba.text import ARTICLE, article_form, bare_forms, index, is_stopword, with_clitics

MAX_DESCRIPTORS = 4
MAX_NAME_WORDS = 4
ONE_WORD_MAX_ZIPF = 4.0
NAME_MAX_ZIPF = 4.0
FAMILY_NAME_MAX_ZIPF = 4.0  # an ال-word ends a name if it is a nisba (ـي) or this rare (الجبير, not الدائم)
TRAILING_WORD_MAX_ZIPF = 4.2  # a common last word without ال is the sentence going on, not the name
CLITIC_LETTERS = "وفبلك"
CLITIC_MARGIN_ZIPF = 1.0  # بتصريح is ب + a word: the bare rest is this much more common than the whole

# Words that head an organisation's name.
_ORG_HEADS = """
وزارة منظمة حزب جامعة شركة حركة هيئة مؤسسة جمعية وكالة مجلس بنك مصرف اتحاد نادي صحيفة جبهة مفوضية
محكمة برنامج صندوق مركز معهد
"""
ORG_HEADS = frozenset(index(w) for w in _ORG_HEADS.split())
_ORG_HEAD_TOKENS = frozenset(t for head in ORG_HEADS for h in (head, "ال" + head) for t in with_clitics(h))
_NOT_NAMES = "الذي التي الذين اللذين عن إن أن لدى"  # pronouns and particles: the sentence goes on
NOT_NAMES = TIME_WORDS | frozenset(index(w) for w in _NOT_NAMES.split())
_NAME_LINKS = "بن ابن بنت ولد أبو أبي أم عبد آل دي دو فون فان"  # words inside names
NAME_LINKS = frozenset(index(w) for w in _NAME_LINKS.split())


@dataclass(frozen=True, slots=True)
class NewName:
    start: int
    end: int
    keys: tuple[str, ...]  # index tokens, clitics dropped
    surface: str  # display form
    kind: str  # "person" or "org"


def titled_positions(stream: Stream, words: list[Word], titles: list[Match[int]],
                     hit_at: dict[int, Match[Name]]) -> set[int]:
    """Token positions where a title's name starts (past the title's descriptors)."""
    positions = set()
    for title in titles:
        at = _skip_descriptors(stream, words, title.end, hit_at)
        if at is not None:
            positions.add(at)
    return positions


def _skip_descriptors(stream: Stream, words: list[Word], at: int, hit_at: dict[int, Match[Name]]) -> int | None:
    """The position after the descriptors that follow a title, or None at punctuation or the end."""
    for _ in range(MAX_DESCRIPTORS + 1):
        if at >= len(stream) or stream.breaks[at]:
            return None
        hit = hit_at.get(at)
        if hit is not None and not any(o.type == "person" for o in hit.value.owners):
            at = hit.end
            continue
        key = stream.keys[at]
        if hit is None and (_has_article(stream, at) or key == "باسم" or words[at].adjective is not None):
            at += 1
            continue
        return at
    return None


def after_titles(stream: Stream, words: list[Word], titled: set[int], hit_at: dict[int, Match[Name]],
                 taken: bytearray) -> list[NewName]:
    """Unknown people named right after a title."""
    names = []
    for at in sorted(titled):
        if at in hit_at or taken[at]:
            continue
        end = _name_end(stream, words, at, taken)
        if end > at:
            names.append(_new_name(stream, at, end, "person", taken))
    return names


def _name_end(stream: Stream, words: list[Word], at: int, taken: bytearray) -> int:
    """Where the name starting at ``at`` ends (``at`` itself when there is no name)."""
    keys, end = stream.keys, at
    while end < len(stream) and end - at < MAX_NAME_WORDS and not taken[end]:
        key = keys[end]
        if (end > at and stream.breaks[end]) or not _may_be_in_name(key, words[end]):
            break
        if _has_article(stream, end):  # a family name (عادل الجبير) ends the name
            end += 1 if end > at and (key.endswith("ي") or words[end].zipf < FAMILY_NAME_MAX_ZIPF) else 0
            break
        end += 1
    while end > at and (keys[end - 1] in NAME_LINKS or (end - at > 1 and not keys[end - 1].startswith(ARTICLE)
                                                         and words[end - 1].zipf >= TRAILING_WORD_MAX_ZIPF)):
        end -= 1
    if end == at or min(w.zipf for w in words[at:end]) >= (ONE_WORD_MAX_ZIPF if end - at == 1 else NAME_MAX_ZIPF):
        return at
    return end


def _has_article(stream: Stream, i: int) -> bool:
    """Token ``i`` begins with the article as written: إلكا folds to الكا but has none."""
    return stream.keys[i].startswith(ARTICLE) and stream.surface(i).startswith(ARTICLE)


def _may_be_in_name(key: str, word: Word) -> bool:
    if not key.isalpha() or len(key) < 2 or (is_stopword(key) and key not in NAME_LINKS) or key in NOT_NAMES:
        return False
    if article_form(key) != key:  # بالعلماء, والعاملين: the sentence goes on
        return False
    # ووجهت, بتصريح, لرابطة: a clitic on a word the language knows far better bare is no name
    # (وليد, بيتر, كمال are not: their bare rest is rarer, or not much more common)
    return not (key[0] in CLITIC_LETTERS and len(key) > 3
                and _zipf_without_clitic(key) > word.zipf + CLITIC_MARGIN_ZIPF)


def _zipf_without_clitic(key: str) -> float:
    return lexicon().zipf(key[1:])


def organisations(stream: Stream, taken: bytearray) -> list[NewName]:
    """A head noun (وزارة، حزب، ...) and the one to three ال-words after it: a new organisation."""
    names = []
    keys = stream.keys
    for at in list(itertools.compress(range(len(keys)), map(_ORG_HEAD_TOKENS.__contains__, keys))):
        if taken[at]:
            continue
        end = at + 1
        while end < len(keys) and end - at <= 3 and not taken[end] and not stream.breaks[end] \
                and article_form(keys[end]).startswith(ARTICLE) and not is_stopword(keys[end]):
            end += 1
        if end > at + 1:
            names.append(_new_name(stream, at, end, "org", taken))
    return names


def _new_name(stream: Stream, at: int, end: int, kind: str, taken: bytearray) -> NewName:
    key = stream.keys[at]
    form = key
    if kind == "org":  # لوزارة → وزارة; للجمعية → الجمعية: the organisation keeps its article
        form = article_form(key)
        form = form if form.startswith(ARTICLE) else next((f for f in bare_forms(key) if f in ORG_HEADS), key)
    taken[at:end] = b"\x01" * (end - at)
    return NewName(at, end, (form, *stream.keys[at + 1:end]), stream.written(at, end, form), kind)
