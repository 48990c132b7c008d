"""How common a word is in Arabic at large, from the word list inside the ``wordfreq`` package.

A fixed, corpus-independent weight: a story's key words must weigh the same whichever articles
arrived first, so the weight cannot come from the store's own counts (they change as it grows); the
tagger reads it too. wordfreq spells words its own way, so its list is re-keyed by naba's index form
once per process (about 1 s; nothing is downloaded: the list ships in the package).

    zipf(token)    wordfreq's Zipf scale, log10 of occurrences per billion words: 7.5 for في, about
                   5.8 for السعوديه; a word rarer than MIN_ZIPF_KEPT (or unlisted) reads UNSEEN_ZIPF
    rarity(token)  9 - zipf: -log10 of the word's share of running text
"""

from __future__ import annotations

import functools

from naba.text.normalize import index

MIN_ZIPF_KEPT = 2.0  # rarer words are left out of the table (~200k words kept)
UNSEEN_ZIPF = 1.5


@functools.cache
def zipf_table() -> dict[str, float]:
    """Index form → Zipf frequency (the highest of the forms that fold together).

    Read with ``wordfreq.read_cBpack``, not ``get_frequency_dict``: the latter keeps all 620k
    Arabic words cached for the life of the process (~150 MB); this keeps the ~200k used.
    """
    import wordfreq  # deferred: reading the Arabic list takes about a second

    buckets = wordfreq.read_cBpack(wordfreq.available_languages("best")["ar"])
    last = round((9 - MIN_ZIPF_KEPT) * 100)  # bucket i holds words of Zipf 9 - i / 100
    kept = [(word, 9 - i / 100) for i, bucket in enumerate(buckets[:last + 1]) for word in bucket]
    del buckets
    folded = index("\n".join(w.replace("\n", " ") for w, _ in kept)).split("\n")
    if len(folded) != len(kept):  # a word folded to nothing shifted the lines: one at a time
        folded = [index(w) for w, _ in kept]
    table: dict[str, float] = {}
    for key, (_, zipf_value) in zip(folded, kept, strict=True):
        if zipf_value > table.get(key, 0.0):
            table[key] = zipf_value
    return table


def zipf(token: str) -> float:
    return zipf_table().get(token, UNSEEN_ZIPF)


def rarity(token: str) -> float:
    """-log10 of the index-form token's share of Arabic running text."""
    return 9.0 - zipf_table().get(token, UNSEEN_ZIPF)
