"""The structure of a press review, for ``attribution``: a round-up gives each paper a sentence or a
paragraph, and names it where the sentence opens rather than after a reporting verb.

    «وفي صحيفة X مقال يرى ...»            a sentence opening «(و)في» and the paper: what follows is read there
    «أما صحيفة X القريبة من ... فكتبت»    «أما» the paper, then its comment after «ف»: whatever lies between
    «على غلاف صحيفة X صورة ...»           what a paper's cover or front page shows
    «افتتاحية صحيفة X تحمل ...»           a sentence opening with a piece of the paper
    «كصحيفة X التي قالت إن ...»           the paper, then «التي» and its verb of saying
    «الغد الأردنية» (a paragraph alone)    a paper's name as the heading of its paragraphs

Hand-written (Arabic press reviews; the words are in ``credit_words``).
"""

from __future__ import annotations

from naba.pipeline.clean import credit_words as cw
from naba.pipeline.clean.credit_unknown import UnknownNames, opens_comment
from naba.pipeline.clean.credit_words import credit_tables, is_adjective

AS_FOR_WINDOW = 14  # words after «أما صحيفة» its comment after ف may stand (its name, adjectives, a clause)
_IN = frozenset({"في", "وفي"})
_REVIEWED = cw.MEDIA - cw.AGENCY_WORDS
_AS_FOR = frozenset({"اما", "واما"})  # أما in index form
MAX_HEADING = 5  # words of a paragraph that is a paper's name alone
MAX_BARE_PAPER = 3  # words of a paper's name without its media word («الغد الأردنية»)
MAX_CLAUSE = 12  # words of a relative clause set off by a comma between a paper and its verb


class PressForms(UnknownNames):
    """Where a press review names its papers (``attribution._Piece`` fills the words)."""

    def opens_review(self, at: int) -> bool:
        """«وفي صحيفة "الحياة" مقال لحسام عيتاني»، «في الغد الأردنية يرى فهد الخيطان»: a sentence opening
        «(و)في» and a paper, magazine, site or channel (not an agency: «وفي وكالة الفضاء» is a place of
        work), or a paper named bare (``bare_paper``)."""
        return at > 0 and self.keys[at - 1] in _IN and (at == 1 or self.ends[at - 2]) and not self.glued(at) \
            and (self.bare(at) in _REVIEWED or self.bare_paper(at) is not None)

    def bare_paper(self, at: int, shown: bool = False) -> tuple[str, int] | None:
        """A paper named without its media word nor quotes («الغد»، «الشرق الأوسط»: also common words),
        where its name is ``shown`` to be one (after a piece's noun: «تقول افتتاحية القدس الفلسطينية») or
        right after it: a feminine nationality adjective («الغد الأردنية»), what it ran («نشرت الشرق
        الأوسط مقالا») or «التي» and a verb of saying («تقول الحياة التي نقلت تصريحات»)."""
        papers = credit_tables().bare_papers
        found = next(((papers[name], at + size) for size in range(MAX_BARE_PAPER, 0, -1)
                      if (name := " ".join(self.keys[at:at + size])) in papers), None)
        if found is None or shown:
            return found
        end = found[1]  # the adjective may be the name's own last word («الغد الأردنية»)
        if any(is_adjective(key) and key.endswith("يه") for key in self.keys[at + 1:end + 1]):
            return found
        if end >= len(self.keys) or self.ends[end - 1]:
            return None
        return found if self.keys[end] in cw.PIECE_OBJECTS or self.says_after(end) else None

    def opens_piece(self, before: int, at: int) -> bool:
        """«افتتاحية صحيفة القدس العربي تحمل ...»، «وفي مقال صحيفة X ...»: a sentence opening with a paper's
        piece (its words ``before`` to ``at``), the review's way of giving the paper its say."""
        if before == at or self.keys[before] not in cw.PIECE_NOUNS or self.glued(at):
            return False
        if before > 0 and self.keys[before - 1] in _IN:
            before -= 1
        return before == 0 or self.ends[before - 1]

    def as_for(self, at: int, saying: bool = False) -> bool:
        """«وأما صحيفة "افتاب" الإصلاحية، فأشادت»، «أما صحيفة "جوان" القريبة من الحرس الثوري فكتبت»:
        «أما» and the paper, then a verb or «قد» glued to ف in the sentence: the paper's comment;
        ``saying``, a reporting verb («أما موقع اللواء فقد وصف»، not «أما موقع الحادث فكان مغلقا»)."""
        if at == 0 or self.keys[at - 1] not in _AS_FOR or self.glued(at):
            return False
        for after in range(at + 2, min(len(self.keys), at + AS_FOR_WINDOW)):
            if self.ends[after - 1]:
                return False
            if opens_comment(self.keys[after]):
                verb = self.keys[after][1:] if self.keys[after] != "فقد" or after + 1 == len(self.keys) \
                    else self.keys[after + 1]
                return not saying or verb in cw.REPORTING_AFTER
        return False

    def on_cover(self, at: int) -> bool:
        """«على غلاف صحيفة آراب نيوز صورة»، «نجده على الصفحة الأولى لصحيفة لوفيغارو»."""
        if at > 0 and self.keys[at - 1] in cw.COVERS and not self.glued(at):
            return True
        return at > 1 and self.glued(at) == "ل" and tuple(self.keys[at - 2:at]) in cw.FRONT_PAGES

    def heading(self, found: tuple[str, int] | None) -> tuple[str, int] | None:
        """«الغد الأردنية»، «لوريون لوجور»: a paragraph of two words or more that is an outlet's name
        alone (its adjectives after it), the heading of a press review's paragraphs; the outlet ``found``
        opening it or a paper named without its media word. Not an agency's: a photo's credit line
        («فرانس برس») is no credit of the text."""
        if not 2 <= len(self.keys) <= MAX_HEADING:
            return None
        papers = credit_tables().bare_papers
        found = found or next(((papers[name], size) for size in range(MAX_BARE_PAPER, 0, -1)
                               if (name := " ".join(self.keys[:size])) in papers), None)
        if found is None or found[0] in credit_tables().agencies.values():
            return None
        rest = self.keys[found[1]:]
        return found if all(is_adjective(key) or key in cw.DESCRIPTORS for key in rest) else None

    def relative_says(self, at: int) -> bool:
        """Whether «التي قالت» follows a media word at ``at`` within an unquoted name's few words."""
        return any(self.says_after(i) for i in range(at + 2, min(len(self.keys), at + MAX_HEADING + 1)))

    def says_after(self, at: int) -> bool:
        """«كصحيفة لويمانيتيه التي قالت إن»: «التي» (or «الذي») after the name, then a verb of saying (not
        «التي نشرت الرسوم»: what a paper did is its story)."""
        return at + 1 < len(self.keys) and self.keys[at] in cw.RELATIVES and not self.ends[at] \
            and self.keys[at + 1] in cw.SAYS_AFTER_RELATIVE

    def says_past_clause(self, at: int) -> bool:
        """«لكن صحيفة "ذي ناشونال" التي تصدر بالإنكليزية، قالت إن»: a relative clause at ``at`` describes
        the paper up to a comma, then the paper's verb of saying and «إن/أن» (not «..., قالت الشرطة إن»:
        a verb with a subject of its own)."""
        for comma in range(at + 1, min(len(self.keys) - 2, at + MAX_CLAUSE)):
            if self.ends[comma]:
                return False
            if self.shown[comma].endswith(("،", ",")):
                return self.keys[comma + 1] in cw.REPORTING_AFTER and self.keys[comma + 2] in cw.THAT
        return False
