"""A spelling skeleton for transliterated names, so that زيلينسكي, زيلنسكي and زيلينيسكي meet.

Arabic writers transliterate foreign names by ear: long vowels come and go (ترامب / ترمب,
أوزبكستان / أوزباكستان), the hard g is written غ, ج, ق or ك (بيونغ يانغ / بيونج يانج), emphatic and
plain letters swap (ت / ط, س / ص, د / ض, ز / ذ / ظ) and two-word names are glued (بيونغيانغ).
The skeleton keeps what survives all that: the words joined, the first letter, then the consonants
of the rest with the swapping letters mapped to one of each group and doubled letters collapsed.
It is a key for lookups, never shown.

Skeletons are coarse by design, so the caller uses them only where a wrong merge is unlikely: a
gazetteer skeleton claimed by two entries is dropped (two Kims stay two, كيم يو جونغ and كيم جونغ
أون differ in their consonants anyway), and a single word is looked up only when it is rare in the
language and long enough (``MIN_LETTERS``).
"""

from __future__ import annotations

from difflib import SequenceMatcher

MIN_LETTERS = 5  # skeleton letters needed; measured on the gazetteer, see below
# A shared skeleton is only a candidate: the two spellings must also be this alike (difflib ratio
# of the index forms, spaces dropped). زيلينيسكي ~ زيلينسكي is 0.94; الاقراض ~ القرضاوي, which
# share a skeleton, 0.53; المنصهرة ~ المنصورة 0.88.
MIN_SIMILARITY = 0.9

_DROPPED = "اويءه"  # long vowels, hamza seats (index form) and a medial ه (ساوثهامبتون / ساوثمبتون)
# A one-word name's final ه (a folded ة) stays: with and without it are two words (القطيف / القطيفة
# "velvet", العراق / العراقة "heritage"), and a transliteration never gains or loses it. A longer
# name's may: its last adjective's gender is often written wrong (وزارة الدفاع الأمريكي).
_GROUPS = {"ج": "غ", "ق": "غ", "ك": "غ", "ط": "ت", "ص": "س", "ث": "س", "ض": "د", "ذ": "ز", "ظ": "ز"}
_TABLE = {ord(c): None for c in _DROPPED} | {ord(k): v for k, v in _GROUPS.items()}


def similar(a: str, b: str) -> bool:
    """True when two index-form spellings are alike enough to be one name (``MIN_SIMILARITY``)."""
    a, b = a.replace(" ", ""), b.replace(" ", "")
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= MIN_SIMILARITY


def skeleton(tokens: tuple[str, ...] | list[str]) -> str:
    """The skeleton of a name given as index-form tokens: ("زيلينيسكي",) → "زلنسغ".

    Only the name's first letter keeps its vowel, and a one-word name's last its ه: the words are
    joined first, so that a name written in one word or two (بيونغيانغ / بيونغ يانغ) has one skeleton.
    """
    joined = "".join(tokens)
    if not joined:
        return ""
    folded = _GROUPS.get(joined[0], joined[0]) + joined[1:].translate(_TABLE)
    if len(tokens) == 1 and len(joined) > 1 and joined[-1] == "ه":
        folded += "ه"
    return "".join(c for i, c in enumerate(folded) if i == 0 or c != folded[i - 1])
