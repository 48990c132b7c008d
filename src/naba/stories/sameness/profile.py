"""What one article brings to every comparison, computed once (in the pipeline's workers, if any).

    content    every stem of title and body, counted (a title word four times, body word i 1/(1 + i/200)):
               how alike two texts are, as readers judge it (Pearson 0.75 on SemEval-2022 ar-ar); the
               CONTENT_KEYS heaviest, as hashed keys and L2-normalised weights
    terms      the rarity-weighted stems of the title and lead (naba.stories.sameness.terms): what event it tells
    signature  its heaviest stems: the keys candidates are found by
    entities   the canonical names the tagger found, best first
    text       the shingle sketch of title + body (naba.stories.copies): copies and LSH candidates
    sentences  each sentence's content words, hashed: which sentences of one text trace back to the other
    title      the title's content words;  numbers  the numbers it prints

Everything here is a pure function of the article, so two processes profile alike and a pair's evidence
(naba.stories.sameness.evidence) does not depend on which article came first.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from naba.models import Article
from naba.stories.copies import Sketcher, TextSketch
from naba.stories.sameness.terms import StoryFeatures, features_of_tokens
from naba.text import WORK_CHARS, is_stopword, opening, stems, tokens

MAX_BODY_TOKENS = 3000  # the rest of a very long text adds nothing to what it is, and costs memory
MIN_SENTENCE_WORDS = 4  # content words a sentence needs to count as evidence
MAX_SENTENCES = 60
CONTENT_KEYS = 100  # the heaviest stems kept of the content vector (Pearson 0.748 on SemEval, 0.749 with all)
TITLE_WEIGHT = 4.0  # a title word counts as this many body words in the content vector
LEAD_SCALE = 200.0  # body word i counts 1 / (1 + i / LEAD_SCALE)
SKETCHER = Sketcher()  # the copy sketch's parameters: one for every process
# a sentence ends at . ! ? ؟ ; ؛ followed by a space, or at a line break (3.5 and U.S.A stay whole)
_SENTENCE_END = re.compile(r"(?<=[.!?؟;؛])\s+|\n+")


@dataclass(frozen=True, slots=True, eq=False)
class Profile:
    terms: StoryFeatures
    content_keys: np.ndarray  # uint32, sorted
    content_weights: np.ndarray  # float64, aligned with content_keys, L2-normalised
    entities: tuple[str, ...]
    text: TextSketch
    sentences: np.ndarray  # uint32 hashes of content words, sentence after sentence, unique per sentence
    bounds: np.ndarray  # start offsets of the sentences in ``sentences``, then its length
    words: np.ndarray  # the content words of all sentences, sorted unique
    title: frozenset[str]
    numbers: frozenset[str]
    length: int  # body tokens
    source: str  # the outlet ("" when unknown): one outlet rarely reports one event twice

    @property
    def signature(self) -> tuple[str, ...]:
        return self.terms.signature


def profile_of(article: Article) -> Profile:
    return profile_of_text(article.title or "", article.body, tuple(e.canonical for e in article.entities),
                           article.source or "")


def profile_of_text(title: str, body: str, entities: tuple[str, ...] = (), source: str = "") -> Profile:
    """The profile of a text; of a huge body, of its opening (``naba.text.WORK_CHARS``, as the tagger reads)."""
    body = opening(body, WORK_CHARS)
    title_tokens = tokens(title)
    sentences = [tokens(s) for s in _SENTENCE_END.split(body) if s]
    body_tokens = [t for sentence in sentences for t in sentence][:MAX_BODY_TOKENS]
    hashed, bounds = _sentence_hashes(sentences)
    keys, weights = _content(title_tokens, body_tokens)
    return Profile(
        terms=features_of_tokens(title_tokens, body_tokens),
        content_keys=keys,
        content_weights=weights,
        entities=tuple(dict.fromkeys(entities)),
        text=SKETCHER.sketch(title_tokens + body_tokens),
        sentences=hashed,
        bounds=bounds,
        words=np.unique(hashed),
        title=frozenset(t for t in title_tokens if _is_content(t)),
        numbers=frozenset(t for t in title_tokens + body_tokens if t[0].isdigit()),
        length=len(body_tokens),
        source=source,
    )


def _is_content(token: str) -> bool:
    return len(token) > 1 and not token.isdigit() and not is_stopword(token)


def _content(title: list[str], body: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The counted stem vector (see the module docstring): hashed keys, sorted, and their weights."""
    weights: dict[str, float] = defaultdict(float)
    places = _places()
    for token in title:
        weights[token] += TITLE_WEIGHT
    for i, token in enumerate(body):
        weights[token] += places[i] if i < len(places) else places[-1]
    by_stem: dict[str, float] = defaultdict(float)
    words = [w for w in weights if len(w) > 1 and not is_stopword(w)]
    for word, stem in zip(words, stems(words), strict=True):
        by_stem[stem] += weights[word]
    top = heapq.nlargest(CONTENT_KEYS, by_stem.items(), key=lambda kv: (kv[1], kv[0]))
    if not top:
        return np.empty(0, dtype=np.uint32), np.empty(0, dtype=np.float64)
    keys = np.array([_hash(stem) for stem, _ in top], dtype=np.uint32)
    values = np.array([w for _, w in top], dtype=np.float64)
    keys, first = np.unique(keys, return_index=True)  # a hash collision keeps one of the two stems
    values = values[first]
    return keys, values / np.sqrt(np.sum(values * values))


@functools.cache
def _places() -> tuple[float, ...]:
    return tuple(1.0 / (1.0 + i / LEAD_SCALE) for i in range(MAX_BODY_TOKENS))


def _sentence_hashes(sentences: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    words, bounds = [], [0]
    for sentence in sentences:
        content = sorted({_hash(t) for t in sentence if _is_content(t)})
        if len(content) >= MIN_SENTENCE_WORDS:
            words.extend(content)
            bounds.append(len(words))
            if len(bounds) > MAX_SENTENCES:
                break
    return np.array(words, dtype=np.uint32), np.array(bounds, dtype=np.uint32)


_HASHES: dict[str, int] = {}


def _hash(token: str) -> int:
    """A stable 32-bit hash of a token (the same in every process, unlike ``hash``)."""
    value = _HASHES.get(token)
    if value is None:
        if len(_HASHES) > 500_000:
            _HASHES.clear()
        value = _HASHES[token] = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=4).digest(), "little")
    return value
