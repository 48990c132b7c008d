"""Sports reports (``sporting``) and the clubs they name, for ``context``.

A city's name followed by a franchise's in a sports report (تورونتو رابتورز، بوسطن سيلتيكس، فيلادلفيا
سيفنتي سيكسرز) names the club, not the city, for ``context.inside_longer``; so does a name a city shares
with a club after a team's word or before its country's adjective (فريق روما، نابولي الإيطالي: the club
the gazetteer knows, not a new one).

Hand-written Arabic rule (no gazetteer lists every league's teams): the franchise's name is one or two
rare name-like words after the city, the last an English plural as Arabic writes it, in ز or س. Without
that ending the rule took a result or a verb after a club (برشلونة بلقبين، برشلونة يستهل), a player
(داريا كاساتكينا) and Kyiv for «كيف» (how) on the corpora.
"""

from __future__ import annotations

import operator

from naba.pipeline.tagging.lexicon import Name, given_name
from naba.pipeline.tagging.matching import Match
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import Word
from naba.text import ARTICLE, index

FRANCHISE_WORD_MAX_ZIPF = 3.0  # رابتورز 2.2، ليكرز 2.7 (not ويمبلي 3.1, a stadium)
MAX_FRANCHISE_WORDS = 2
PLURAL_ENDINGS = ("ز", "س")
TEAM_WORDS = frozenset(("فريق", "نادي", "ناد"))  # index forms, the article off
# Words a sports report uses and other news seldom does (not هدف، جولة، فريق، ملعب: a goal, a round
# of talks, a team of experts, "the ball is in their court"): two of them make the article sport.
SPORTS_WORDS = frozenset(index(w).removeprefix(ARTICLE) for w in """مباراة مباراتين مباريات دوري لاعب لاعبين لاعبي
مدرب منتخب تعادل شوط ركلة ركلات مهاجم مدافع هداف بطولة أندية استاد فريقي مرمى""".split())
SPORTING_MIN = 2
_SPORTS_SHOWN = SPORTS_WORDS | {ARTICLE + word for word in SPORTS_WORDS}  # as Word.shown holds them
# «لكرة القدم»: football's two words side by side count as one more (كرة alone is also "the ball is in
# their court", القدم alone "antiquity" or "the foot")
_BALL = frozenset(("كره", "الكره", "لكره"))
_SHOWN = operator.attrgetter("shown")


def sporting(words: list[Word]) -> bool:
    """The article reports sport: ``SPORTING_MIN`` different ``SPORTS_WORDS`` in it, football's name
    counting as one. (Two clubs' names do not count: الاتفاق على التعاون is an agreement to cooperate.)"""
    shown = list(map(_SHOWN, words))  # one pass in C: it runs on many articles
    found = len({key.removeprefix(ARTICLE) for key in _SPORTS_SHOWN.intersection(shown)})
    if found == SPORTING_MIN - 1 and "القدم" in shown and not _BALL.isdisjoint(shown):
        found += any(shown[i - 1] in _BALL for i, key in enumerate(shown) if i and key == "القدم")
    return found >= SPORTING_MIN


def named_club(words: list[Word], hit: Match[Name], before: int, after: int) -> bool:
    """Whether a name a city shares with a club is the club: after a team's word, or before the
    adjective of the club's country (``before``/``after``: the words around it, -1 across a break)."""
    clubs = [owner for owner in hit.value.owners if owner.subtype == "club"]
    if not clubs:
        return False
    if before >= 0 and words[before].shown.removeprefix(ARTICLE) in TEAM_WORDS:
        return True
    adjective = words[after].adjective if after >= 0 else None
    return adjective is not None and any(club.country == adjective.id for club in clubs)


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
