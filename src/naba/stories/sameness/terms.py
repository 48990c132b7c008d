"""The event words of an article: its rarity-weighted stems, title and lead first.

A story is one specific event, and news says what happened in the title and the first paragraph; so
a word counts double in the title and half again in the lead. Each stem weighs (1 + ln tf) times its
rarity in Arabic at large (``naba.text.frequency``: fixed, so a profile does not change with the order
articles arrive in), and only the TERMS heaviest stems are kept: enough to tell events apart, small
enough to keep a few hundred thousand articles in memory. The SIGNATURE heaviest are the keys by which
the story stage finds an article's candidates; the cosine of two term vectors is one of the sameness
model's features (``naba.stories.sameness.evidence``).

Memory: the story stage keeps every article's features, so they are a tuple of the stems and one
array of their weights (~0.9 kB), not a dict of stem to float (~1.9 kB); ``terms`` builds the dict
when a pair is compared.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from naba.text.vocabulary import Vocabulary, top_ids

TERMS = 40  # stems kept per article
SIGNATURE = 10  # the heaviest stems, by which candidates are found
TITLE_WEIGHT, LEAD_WEIGHT = 2.0, 1.5
LEAD_TOKENS = 80
MAX_TOKENS = 400  # the rest of a long article adds background, not the event
MIN_RARITY = 2.5  # words more common than this (Zipf 6.5, about one in 300 words) say nothing of the event


_NONE = np.zeros(0, dtype=np.float64)
_NONE.flags.writeable = False


@dataclass(frozen=True, slots=True, eq=False)
class StoryFeatures:
    words: tuple[str, ...]  # the stems kept, heaviest first
    weights: np.ndarray  # float64, read-only, aligned with ``words``, L2-normalised

    @property
    def terms(self) -> dict[str, float]:
        """stem -> weight."""
        return dict(zip(self.words, self.weights.tolist(), strict=True))

    @property
    def signature(self) -> tuple[str, ...]:
        """The SIGNATURE heaviest stems, by which candidates are found."""
        return self.words[:SIGNATURE]


def features_of_ids(vocab: Vocabulary, title: np.ndarray, body: np.ndarray) -> StoryFeatures:
    """The features of an article from its title's and body's token ids (``naba.text.vocabulary``).

    Vectorized: a token's count is a weighted bincount over its stem, a stem's rarity the minimum over
    the forms the article uses (a stem is as common as its most common form)."""
    lead, whole = body[:LEAD_TOKENS], body[:MAX_TOKENS]
    ids = np.concatenate((whole, lead, title))
    counts = np.concatenate((np.ones(len(whole)), np.full(len(lead), LEAD_WEIGHT - 1.0),
                             np.full(len(title), TITLE_WEIGHT)))
    kept = (vocab.rarity[ids] >= MIN_RARITY) & (vocab.length[ids] > 2) & ~vocab.stop[ids]
    ids, counts = ids[kept], counts[kept]
    if ids.size == 0:
        return StoryFeatures(words=(), weights=_NONE)
    stems, slot = np.unique(vocab.stem[ids], return_inverse=True)
    tf = np.bincount(slot, weights=counts)
    rarity = np.full(stems.size, np.inf)
    np.minimum.at(rarity, slot, vocab.rarity[ids])
    weights = (1.0 + np.log(tf)) * rarity
    best, best_weights = top_ids(vocab, stems, weights, TERMS, ties="ascending")
    norm = float(np.sqrt(np.sum(best_weights * best_weights))) or 1.0
    weights = best_weights / norm
    weights.flags.writeable = False
    return StoryFeatures(words=tuple(vocab.strings(best)), weights=weights)
