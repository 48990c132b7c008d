"""What an article can show as evidence of being related: its names and words, its dateline left out.

"Why" lists only what two articles really share and what says something specific:

- a name counts only where the article itself names it: in its title or its text after the dateline
  (``naba.text.dateline``). «دبي، الإمارات العربية المتحدة (CNN)--» is where CNN filed, not what the
  report is about, and two reports filed in Dubai share nothing by it;
- a country or a region (الخليج، أوروبا) is generic when the article also names something narrower (a
  city, a person, a body): it then weighs little (COUNTRY_WEIGHT) and is never shown as the reason;
- a place or a platform (a venue city, Twitter) is shown as the reason only when nothing else is shared;
- keywords that are outlet names (the tagger finds «CNN» in «(CNN)»), dateline words or common words
  («شركة»، «العالم»، «تم تخفيض»: a keyword counts when its rarest word is at least SPECIFIC_RARITY and
  none is below COMMON_RARITY, by the word's rarity in Arabic at large) are dropped.

Entity weights follow the tagger's order (the best first): rank r weighs 1 / (1 + r).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from naba.gazetteer import load_gazetteer
from naba.models import StoredArticle
from naba.text import dateline_end, index, is_stopword, tokens
from naba.text.frequency import rarity

MAX_ENTITIES = 10
COUNTRY_WEIGHT = 0.25  # a country's weight when the article names something narrower
SPECIFIC_RARITY = 4.6  # Zipf 4.4: rarer than about one word in 25,000 (مستخدم، حريق، الميليشيات)
COMMON_RARITY = 3.5  # no word more common than this (تم، العالم)
_GENERIC_TYPES = frozenset({"country", "region"})
_PLACE_TYPES = _GENERIC_TYPES | {"city"}
_PLATFORMS = frozenset({"org:twitter", "org:facebook", "org:youtube", "org:instagram", "org:snapchat"})


@dataclass(frozen=True, slots=True)
class Facets:
    entities: tuple[str, ...]  # canonical names the article itself names, best first
    weights: dict[str, float]  # canonical -> weight
    generic: frozenset[str]  # countries that something narrower outranks: never a reason shown
    keywords: tuple[str, ...]  # display forms, no outlet name, no dateline word
    key_of: dict[str, str]  # keyword index form -> display form

    def share(self, other: Facets) -> float:
        """The share of this article's entity weight that the other article names too."""
        total = sum(self.weights.values())
        return sum(w for name, w in self.weights.items() if name in other.weights) / total if total else 0.0

    def shared(self, other: Facets, shown: int) -> tuple[str, ...]:
        """What both name, specific names first, then shared keywords, at most ``shown``; a backdrop (a
        place, a platform) only when nothing else is shared."""
        names = [e for e in self.entities if e in other.weights and e not in self.generic and e not in other.generic]
        taken = {index(n) for n in names}
        words = [self.key_of[k] for k in self.key_of if k in other.key_of and k not in taken
                 and not any(k in t or t in k for t in taken)]
        return tuple(([n for n in names if not _is_backdrop(n)] + words or names)[:shown])


def facets_of(stored: StoredArticle) -> Facets:
    article = stored.article
    cut = dateline_end(article.body)
    own = index(f"{article.title or ''}\n{article.body[cut:]}")
    dateline = index(article.body[:cut])
    names: dict[str, None] = {}
    for entity in article.entities:
        if entity.canonical in names or _is_outlet(entity.canonical):
            continue
        if index(entity.name) in own or index(entity.canonical) in own:
            names[entity.canonical] = None
    entities = tuple(names)[:MAX_ENTITIES]
    narrower = any(not _is_country(e) for e in entities)
    generic = frozenset(e for e in entities if narrower and _is_country(e))
    weights = {e: (COUNTRY_WEIGHT if e in generic else 1.0) / (1 + rank) for rank, e in enumerate(entities)}
    key_of: dict[str, str] = {}
    for keyword in article.keywords:
        key = index(keyword)
        if key and _specific(key) and not _is_outlet(keyword) and not (key in dateline and key not in own) \
                and not any(key == index(c) for c in generic):
            key_of.setdefault(key, keyword)
    return Facets(entities, weights, generic, tuple(key_of.values()), key_of)


@functools.cache
def _is_backdrop(canonical: str) -> bool:
    """Where news happens or is posted, not what it is about: a place (the venue city, the capital a
    statement came from) or a platform (Twitter). Two reports sharing one say little, so it is shown as
    a reason only when nothing else is shared (19 of the 36 reasons a labeller of the tune lists flagged hold one)."""
    return any(entry.type in _PLACE_TYPES or entry.id in _PLATFORMS for entry in load_gazetteer().lookup(canonical))


@functools.cache
def _is_country(canonical: str) -> bool:
    """A country or a region: what something narrower in the same article makes generic."""
    return any(entry.type in _GENERIC_TYPES for entry in load_gazetteer().lookup(canonical))


def _specific(key: str) -> bool:
    values = [rarity(word) for word in tokens(key) if not is_stopword(word)]
    return bool(values) and max(values) >= SPECIFIC_RARITY and min(values) >= COMMON_RARITY


@functools.cache
def _is_outlet(name: str) -> bool:
    return load_gazetteer().is_outlet(name)
