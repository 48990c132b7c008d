"""Quoted names for ``attribution``: where a name quoted after a media word starts and ends («صحيفة
«شاتانوغا فري برس»»، «الصحيفة اليونانية (كاثيميريني)»), and whether a word sits inside such a name.
Hand-written (Arabic news puts an outlet's name in «», "" or, after its description, parentheses).
"""

from __future__ import annotations

from naba.pipeline.clean import credit_words as cw
from naba.pipeline.clean.credit_context import CreditContext
from naba.pipeline.clean.credit_words import is_adjective
from naba.text.frequency import zipf

MAX_QUOTED_WORDS = 6
MAX_DESCRIPTION = 4  # adjectives and descriptors between a media word and its quoted name
GLUED_WORD_MIN_ZIPF = 3.0  # a quote opening with ب/ل/و + a word this common is what was said, not a name
NAME_ENDS = ".,،؛:;!?؟()[]-–—\""  # a word ending in one of these ends a name
OPENING, CLOSING = "«“„", "»”″"


class QuotedNames(CreditContext):
    """The quotes around the words of a piece of text (``attribution._Piece`` fills the words)."""

    def quote_goes_on(self, at: int) -> bool:
        """Whether the word at ``at`` is inside a quoted name that closes further on («ذا تايمز» of
        «ذا تايمز أوف إنديا»)."""
        opened = next((i for i in range(at, max(-1, at - MAX_QUOTED_WORDS), -1)
                       if self.shown[i][:1] in OPENING + '"'), None)
        if opened is None or any(self.closes(i) for i in range(opened, at + 1)):
            return False
        return any(self.closes(i) for i in range(at + 1, min(len(self.keys), opened + MAX_QUOTED_WORDS)))

    def closes(self, at: int) -> bool:
        word = self.shown[at].rstrip(NAME_ENDS.replace('"', ""))
        return word[-1:] in CLOSING + '"' and (len(word) > 1 or at > 0)

    def quoted_name(self, at: int) -> int | None:
        """Where a name quoted right after the media word ends («صحيفة «شاتانوغا فري برس» خلفية»)."""
        span = self.quoted_span(at)
        return span[1] if span is not None else None

    def quoted_span(self, at: int) -> tuple[int, int] | None:
        """Where a name quoted after the media word starts and ends: right after it, or after its
        adjectives («الصحيفة اليونانية (كاثيميريني)»، «القناة الرسمية "أرت 1"»), in quotes or, there,
        in parentheses."""
        opened = at + 1
        while opened < len(self.keys) and opened - at <= MAX_DESCRIPTION and not self.ends[opened - 1] \
                and (is_adjective(self.keys[opened]) or self.keys[opened] in cw.DESCRIPTORS) \
                and self.shown[opened][:1] not in OPENING + '"(':
            opened += 1
        if opened >= len(self.keys) or self.shown[opened][:1] not in OPENING + '"(' or self.ends[opened - 1]:
            return None
        parenthesised = self.shown[opened][:1] == "("
        if parenthesised and opened == at + 1 and not self.keys[opened]:
            return None
        first = opened if self.keys[opened] else opened + 1  # a quote set apart: «شبكة " بي.بي.إس"»
        if opened > at + 1 and first < len(self.keys) and _glued_word(self.keys[first]):
            return None  # «وصفها التلفزيون الحكومي "بقضايا ضد الأمن"»: what it said, not its name
        for end in range(first, min(len(self.keys), opened + MAX_QUOTED_WORDS)):
            if self.closes(end) or (parenthesised and self.shown[end].rstrip(".,;:")[-1:] == ")"):
                return first, end + 1
            if end > first and self.shown[end][:1] in OPENING + '"(':
                return None  # another quote opens: these quotes are not the name's
        return None


def _glued_word(key: str) -> bool:
    """بقضايا، للتحقيق، والحكومة: a preposition or a conjunction on a word the language knows."""
    return len(key) > 3 and key[0] in "بلو" and zipf(key[1:]) >= GLUED_WORD_MIN_ZIPF
