"""How common a word is in Arabic at large, from the word lists inside the ``wordfreq`` package.

A fixed, corpus-independent weight: a story's key words must weigh the same whichever articles
arrived first, so the weight cannot come from the store's own counts (they change as it grows).
wordfreq spells words its own way, so its list is re-keyed here by naba's index form once (about
2 s, on first use; nothing is downloaded: the lists ship in the package).
"""

from __future__ import annotations

import functools
import math

from naba.text.normalize import index

UNSEEN = 1e-8  # the frequency given to a word wordfreq does not list (rarer than any it lists)


@functools.cache
def _frequencies() -> dict[str, float]:
    import wordfreq  # imported here: only the story stage needs it, and it takes a moment

    table: dict[str, float] = {}
    for word, frequency in wordfreq.get_frequency_dict("ar").items():
        key = index(word)
        table[key] = table.get(key, 0.0) + frequency
    return table


def frequency(token: str) -> float:
    """The share of Arabic running text that is this index-form token."""
    return _frequencies().get(token, UNSEEN)


def rarity(token: str) -> float:
    """-log10 of the token's frequency: 1.3 for في, about 4 for السعوديه, 8 for a word never listed."""
    value = _RARITY.get(token)
    if value is None:
        if len(_RARITY) >= _CACHE_LIMIT:
            _RARITY.clear()
        value = _RARITY[token] = -math.log10(frequency(token))
    return value


_RARITY: dict[str, float] = {}  # the story stage asks for the same words millions of times
_CACHE_LIMIT = 1_000_000
