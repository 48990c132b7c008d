"""The tagger's tunable weights, as one value. Defaults were tuned on the AKEC train ids only
(``bench/keywords.py``); the test ids and ANT were not looked at while tuning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TagOptions:
    max_tags: int = 12
    min_tags: int = 5
    cutoff: float = 0.08  # past min_tags, a tag scoring under this share of the best one is left out
    title_boost: float = 3.0  # a word in the title counts this many times an opening word
    position_scale: float = 300.0  # tokens: a word's weight halves this far into the article
    max_phrase_words: int = 3
    min_phrase_count: int = 2  # a phrase of two or more words must occur this often (or in the title)
    idf_ceiling: float = 6.5  # a word's specificity is (idf_ceiling - its Zipf frequency) ** idf_power
    idf_power: float = 0.3
    tf_power: float = 0.75  # a phrase's summed occurrence weights count as weight ** tf_power
    entity_boost: float = 3.0  # a named entity against a key phrase of equal weight
    phrase_boost: float = 1.5  # a phrase of two or more words against a single word
    drop_overlaps: bool = False  # also drop a phrase that contains one already picked (not only inside one)
    word_frequencies: bool = True  # False: every word is equally specific (article statistics only)


DEFAULT = TagOptions()
