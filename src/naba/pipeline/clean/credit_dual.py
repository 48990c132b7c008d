"""Two outlets after one dual media word, for ``attribution``: «وذكرت صحيفتا «ذي دايلي مايل» و«دايلي
تلغراف»»، «صحيفتا خبر ترك وحرييت»، «لصحيفتي "أوبزرفر" البريطانية و"نيويورك تايمز"»: the first name is read
as after any media word, the second one here. Hand-written (Arabic duals).
"""

from __future__ import annotations

from naba.pipeline.clean.credit_names import MAX_OUTLET_WORDS, QUOTES_AND_PUNCTUATION
from naba.pipeline.clean.credit_press import PressForms
from naba.pipeline.clean.credit_quotes import CLOSING, MAX_QUOTED_WORDS, OPENING
from naba.pipeline.clean.credit_unknown import singular
from naba.pipeline.clean.credit_words import credit_tables, is_adjective
from naba.text import index


class TwoOutlets(PressForms):
    """The second outlet after a dual media word (``attribution._Piece`` fills the words)."""

    def second_of_two(self, media: int, at: int) -> tuple[str, int] | None:
        """The second name after a dual media word, quoted after و where the first one ends (its
        adjectives skipped: «لصحيفتي "أوبزرفر" البريطانية و"نيويورك تايمز"»)."""
        while at < len(self.keys) and not self.ends[at - 1] and is_adjective(self.keys[at]):
            at += 1
        if at >= len(self.keys) or self.shown[at][:1] != "و":
            return None
        if self.shown[at][1:2] not in OPENING + CLOSING + '"(':  # «صحيفتا خبر ترك وحرييت»: a known name, unquoted
            return self.known_at_key(self.keys[at][1:], at)
        for end in range(at, min(len(self.keys), at + MAX_QUOTED_WORDS)):
            word = self.shown[end].rstrip(".,;:")
            if (end > at or len(word) > 2) and word[-1:] in CLOSING + '")':
                name = " ".join(w for w in (self.display(i) for i in range(at, end + 1)) if w)
                name = name.removeprefix("و").strip(QUOTES_AND_PUNCTUATION + " ")
                outlets = credit_tables().outlets  # «و(إن تي في)»: the name as shown, or its words' keys
                known = outlets.get(index(name)) or outlets.get(" ".join([self.keys[at][1:],
                                                                          *self.keys[at + 1:end + 1]]))
                return known or f"{singular(self.display(media)[len(self.glued(media)):])} {name}", end + 1
        return None

    def known_at_key(self, first: str, at: int) -> tuple[str, int] | None:
        """The longest known outlet whose name is ``first`` then the words after ``at``."""
        outlets = credit_tables().outlets
        for size in range(min(MAX_OUTLET_WORDS, len(self.keys) - at), 0, -1):
            if (hit := outlets.get(" ".join([first, *self.keys[at + 1:at + size]]))) is not None:
                return hit, at + size
        return None
