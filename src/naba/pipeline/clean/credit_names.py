"""Outlets named outside a credit phrase, and one canonical name per outlet, for ``attribution``.

A credit in parentheses («(واس)»), an agency in the dateline («الرياض - واس»), the outlets a title
names (the story is about them, so they are not its source), the canonical name of a credited or a
publishing outlet (a store may name its publisher in Latin: «BBC»), and each outlet once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from naba.pipeline.clean.credit_words import MEDIA, SITE_WORDS, credit_tables, latin_key
from naba.text import index

MAX_SIGN_OFF = 60  # characters of a paragraph that signs a text off («فرانس24/ أ ف ب»)
MAX_OUTLET_WORDS = 7  # the longest outlet name the gazetteer holds, in words
QUOTES_AND_PUNCTUATION = ".,،؛:;!?؟()[]-–—\"'«»“”„″"
_NEWS_KINDS = frozenset({"media", "agency"})  # the gazetteer's subtypes of news outlets
_CLUB = index("نادي")


def parenthesised(folded: str) -> Iterable[str]:
    """Outlets credited in parentheses: «(واس)»، «(د ب أ)»."""
    tables = credit_tables()
    for found in re.finditer(r"\(\s*([^()\n]{2,30}?)\s*\)", folded):
        hit = tables.outlets.get(" ".join(w.strip(QUOTES_AND_PUNCTUATION) for w in found.group(1).split()))
        if hit is not None:
            yield hit


def signed_off(folded: str) -> list[str]:
    """A paragraph that is a sign-off of outlets joined by slashes: «فرانس24/ أ ف ب»، «فرانس 24 / أ ف ب /
    رويترز» (France 24 ends its wire stories so). Every part must be a known outlet («الرقم : أ / 267» is
    a form's number)."""
    if "/" not in folded or len(folded) > MAX_SIGN_OFF:
        return []
    tables = credit_tables()
    parts = [" ".join(w.strip(QUOTES_AND_PUNCTUATION) for w in part.split()) for part in folded.split("/")]
    named = [tables.outlets.get(part) for part in parts]
    return [name for name in named if name] if all(named) and len(named) > 1 else []


def in_dateline(dateline: str) -> Iterable[str]:
    """Agencies named in the dateline (its index form): «الرياض - واس»."""
    tables = credit_tables()
    if dateline:
        parts = re.split(r"[\s\-–—()]+", dateline)
        for size in (3, 2, 1):
            for start in range(len(parts) - size + 1):
                hit = tables.agencies.get(" ".join(parts[start:start + size]))
                if hit is not None:
                    yield hit


def named_outlets(title: str) -> frozenset[str]:
    """Outlets a title names: the story is about them (index forms of their canonical names)."""
    keys = [w.strip(QUOTES_AND_PUNCTUATION) for w in index(title).split()]
    outlets = credit_tables().outlets
    named = set()
    for at in range(len(keys)):
        for size in range(min(MAX_OUTLET_WORDS, len(keys) - at), 0, -1):
            hit = outlets.get(" ".join(keys[at:at + size]))
            if hit is not None:
                named.add(index(hit))
                break
    return frozenset(named)


def canonical(name: str) -> str:
    """The gazetteer's name of a credited outlet, else the name without its abbreviation in parentheses
    («وكالة الأنباء العربية المتحدة (أونا)» is one outlet with «وكالة الأنباء العربية المتحدة»)."""
    name = re.sub(r"\s*\([^()]{1,30}\)\s*$", "", name) or name
    return credit_tables().outlets.get(index(name).strip(QUOTES_AND_PUNCTUATION), name)


def own_site(name: str) -> bool:
    """«موقع مانشستر سيتي»، «موقع نادي نيويورك سيتي»: a site named after a club, or after a body the
    gazetteer knows that is no news outlet (a company, a sports federation, a ministry, an international
    body), is that body's own site: it publishes its news, it does not report it (only news outlets are
    credited). A city's name is left alone: «الرياض» is a paper too."""
    words = index(name).split()
    if len(words) < 2 or words[0] not in SITE_WORDS or " ".join(words) in credit_tables().known:
        return False
    if words[1] == _CLUB:
        return True
    from naba.gazetteer import load_gazetteer  # loaded already by the credit tables; read here only when asked

    entries = load_gazetteer().lookup(" ".join(words[1:]))
    return bool(entries) and all(e.type == "org" and e.subtype not in _NEWS_KINDS for e in entries)


def publisher(outlet: str) -> str:
    """The outlet that published a text, canonical: a store may name it in Latin («BBC»)."""
    return credit_tables().latin.get(latin_key(outlet)) or canonical(outlet)


def unique(names: Iterable[str]) -> tuple[str, ...]:
    """Each outlet once: one name, or two transliterations of one unknown name (below)."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(_skeleton(name), name)
    heads = {_head(name) for name in seen.values()}
    return tuple(name for name in seen.values() if not _shortened(name, heads))


def _head(name: str) -> str:
    """A name's index form without its media word."""
    words = index(name).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in MEDIA else words)


def _shortened(name: str, heads: set[str]) -> bool:
    """«صحيفة "لا غازيتا"» after «لا غازيتا ديلو سبورت»: an unknown name of two words or more that opens
    another outlet's name is that outlet named short (not one word: «صحيفة الشرق» is no «الشرق الأوسط»)."""
    head = _head(name)
    return index(name) not in credit_tables().known and len(head.split()) > 1 \
        and any(other.startswith(head + " ") for other in heads)


def _skeleton(name: str) -> str:
    """An unknown name's index form without its media word and the long vowels inside its words: a
    foreign name is transliterated with or without them («صحيفة تليغراف»، «موقع تلغراف» are one outlet).
    A known outlet keeps its own name (قناة الجزيرة is not صحيفة الجزيرة)."""
    key = index(name)
    if key in credit_tables().known:
        return key
    words = key.split()
    if len(words) > 1 and words[0] in MEDIA:
        words = words[1:]
    return " ".join(word[0] + re.sub("[اويى]", "", word[1:]) for word in words)
