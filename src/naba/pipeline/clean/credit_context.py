"""Where an outlet named in a text is credited, for ``attribution``: what is glued to its first word, the
reporting phrase before it, the outlet told («قال ... لرويترز»), a piece it ran («في مقال بصحيفة ...»),
a journal publishing a study (no credit). Hand-written (Arabic credit phrases; the words are in
``credit_words``).
"""

from __future__ import annotations

from naba.pipeline.clean import credit_words as cw
from naba.pipeline.clean.credit_text import split_glued
from naba.pipeline.clean.credit_words import credit_tables
from naba.text import without_conjunction
from naba.text.morphology import inflected

_VERB_FORMS = frozenset({"past verb", "future", "imperfect plural", "plural verb"})
TOLD_WINDOW = 8  # words back from «لوكالة ...» to the verb of saying
AGENCY_WINDOW = 14  # words back from a news agency told («وقال بائع الصحف في منطقة ... (59 عاما) لوكالة ...»)
MAX_RELATIVE = 16  # words of a clause set off by commas between who spoke and the outlet told


class CreditContext:
    """The words of a piece of text around an outlet: each word's key, its folded form and whether it
    ends a sentence (``attribution._Piece`` fills them, and ``bares`` with ``split_glued``)."""

    keys: list[str]
    bares: list[str | None]  # ``bare`` of each word, read once: the rules ask it of every word several times
    shown: list[str]
    ends: list[bool]

    def bare(self, at: int) -> str | None:
        """The word at ``at`` without a glued و، ل or ب when it opens an outlet's name, else None."""
        return self.bares[at]

    def glued(self, at: int) -> str:
        """What is glued to the outlet's first word: "", "و", "ل", "ب" ..."""
        return split_glued(self.keys[at])[0]

    def journal(self, at: int, before: int) -> bool:
        """«الدراسة التي نشرتها مجلة "لانست نيورولوجي"»: a journal publishing a study (a study word in
        the sentence around it) is not a news outlet credited."""
        if self.bare(at) != "مجله" or before == 0 or self.keys[before - 1] not in cw.PUBLISHING:
            return False
        return self.back_to(before - 1, cw.STUDIES, 12) or any(
            key in cw.STUDIES for key in self.keys[at + 1:at + 8])

    def in_piece(self, at: int) -> bool:
        """«وقال هيغ في مقالة بصحيفة ...»، «في افتتاحية في صحيفة "حرييت"»: «في», a piece's noun (and «له»،
        «رأي») right before the outlet's preposition at ``at``."""
        back = at - 1
        while back > 0 and at - back <= 3 and self.keys[back] in cw.PIECES and not self.ends[back]:
            if self.keys[back - 1] in ("في", "وفي") and self.keys[back] in cw.PIECE_NOUNS:  # «وفي مقال بصحيفة»
                return True
            back -= 1
        return False

    def said_in(self, at: int) -> bool:
        """«وحذر المستشار السابق في صحيفة "ذي صن" بأنه»، «وكتب بابشينكو في فبراير في صحيفة الغارديان»،
        «ورأى الكاتب في صحيفة وطن أن»: words said or written in a paper or a magazine (``at`` after
        «في»), in one run of words: no sentence end, comma, quote or parenthesis between (not «قال: "تأثر
        بشخصين في جريدة ..."», «كتبت (قبل عشرين عاما في جريدة ...)»), no relative clause; and not a place
        of work («قال مسؤول في صحيفة ...»، «يقول بروك، الصحافي منذ سنوات في جريدة ...»)."""
        if at < 2 or self.keys[at - 1] != "في" or self.glued(at) or self.bare(at) not in cw.WRITTEN_MEDIA:
            return False
        who = without_conjunction(self.keys[at - 2])
        if who in cw.WRITERS:
            return self.back_to(at - 2, cw.SAYING | cw.REPORTING_AFTER, TOLD_WINDOW)
        for back in range(at - 2, max(-1, at - 2 - TOLD_WINDOW), -1):
            cue = without_conjunction(self.keys[back])
            if self.ends[back] or cue in cw.RELATIVES or cue in cw.STAFF or self.shown[back][-1:] in ",،:(" \
                    or self.shown[back + 1][:1] in '«"“(':
                return False
            if cue in cw.SAYING or cue in cw.WROTE:
                return True
        return False

    def told_directly(self, at: int) -> bool:
        """«وأبلغ المدرب البرتغالي قناة روسيا اليوم»: an outlet the object of a verb of telling, its
        subject between; right after a plural verb («كانوا قد أخبروا شبكة سي بي إس»). Not a wire's short
        name, unquoted: «أخبر الأجهزة الفرنسية» told French services, not Agence France-Presse."""
        # read for every outlet no other rule credits: the few words before it are looked up at once first
        if at == 0 or cw.ANY_TELLING.isdisjoint(self.keys[max(0, at - 4):at]) or self.glued(at) \
                or self.bare(at) in credit_tables().short:
            return False
        return without_conjunction(self.keys[at - 1]) in cw.TELLING_PLURAL or self.back_to(at - 1, cw.TELLING, 3)

    def reporting_ends(self, at: int, fitted: bool = False) -> bool:
        """Whether a reporting phrase ends right before ``at`` (``fitted``: one the ranker was fitted with)."""
        tables = credit_tables()
        phrases = tables.fitted_reporting if fitted else tables.reporting
        return bool(phrases.search(" ".join(self.keys[max(0, at - 4):at])))

    def told(self, at: int) -> bool:
        """«وقال مدير المرصد لوكالة فرانس برس»، «بحسب حصيلة لوكالة فرانس برس»: the outlet told, within the
        sentence and outside a relative clause; not the outlet one writes or works for. A news agency is
        told further back and past a relative clause that describes who spoke («وقال ابنه الذي أصيب إصابة
        طفيفة لوكالة فرانس برس»): words are given to an agency, rarely written for it."""
        bare = self.bare(at) or ""
        tables = credit_tables()
        if at == 0 or without_conjunction(self.keys[at - 1]) in cw.NOT_TOLD or bare in tables.ambiguous:
            return False
        agency = bare in cw.AGENCY_WORDS or bare in tables.agencies
        start = self.past_clause(at)
        for back in range(start - 1, max(-1, start - 1 - (AGENCY_WINDOW if agency else TOLD_WINDOW)), -1):
            cue = without_conjunction(self.keys[back])
            if self.ends[back] or (cue in cw.RELATIVES and not agency):
                return False
            if cue in cw.SAYING or (start - back <= 3 and self.reporting_ends(back + 1)):
                return True
        return False

    def past_clause(self, at: int) -> int:
        """Where a clause set off by commas right before ``at`` opens, else ``at``: a relative one («وقال
        بيناز صالح، الذي أتى من أوسلو، لوكالة الصحافة الفرنسية») or an apposition («قالت ديبوراه راميرز،
        زميلة القاضي في جامعة يال، لصحيفة النيويوركر»): who spoke is described, then the outlet told."""
        if not self.shown[at - 1].endswith(("،", ",")):
            return at
        for back in range(at - 2, max(-1, at - 2 - MAX_RELATIVE), -1):
            if self.ends[back]:
                return at
            if self.shown[back].endswith(("،", ",")):
                clause = self.keys[back + 1:at]
                # an apposition has no verb («ووفقا لذلك، ستقوم الهيئة ... بتاريخ 6 يونيو، لإذاعة مباريات»)
                return back + 1 if clause[0] in cw.RELATIVES or not any(map(_verb, clause)) else at
        return at

    def back_to(self, at: int, words: frozenset[str], window: int) -> bool:
        """Whether one of ``words`` is among the ``window`` words before ``at``, in the same sentence."""
        for back in range(at - 1, max(-1, at - 1 - window), -1):
            if self.ends[back]:
                return False
            if without_conjunction(self.keys[back]) in words:
                return True
        return False


def _verb(key: str) -> bool:
    return key in cw.SAYING or key in cw.OUTLET_DEEDS or inflected(key) in _VERB_FORMS
