"""Stems for the search column: Snowball (PyStemmer) Arabic for Arabic tokens, Snowball English for
ASCII tokens. Never used for names, tags or display.

Stems are computed from index-form tokens (``tokens()``), on the document side and the query side
alike, so the two always agree. Snowball was written for unfolded text, so two hand-written Arabic
rules prepare a token for it (measured on 1,500 SaudiNewsNet articles: a definite noun and its
bare form, العاصفة / عاصفة, get the same stem 83% of the time, as with raw text; 56% without the rules):
  * a final ه of a word of 4+ letters is given back as ة, which Snowball strips as a suffix; index
    folded ة → ه, and Snowball strips ه only as a pronoun and only without ال, so المدينه kept its ه
    while مدينه lost it. Where ه really is a pronoun (كتابه) Snowball strips the ة the same way.
  * و or ف before the article ال is a conjunction and is removed (والأمن → الامن → امن); Snowball
    keeps it and then cuts the word wrongly (والام).
What the folds still change: ى is already ي, which Snowball takes for the pronoun "my" (على → عل,
مستوى → مستو); hamza seats are already ء, which Snowball keeps (الرئيس → رءيس); أ is already ا, and
Snowball never strips و before ا (to spare واحد, واضح), so وأضاف stays واضاف.

PyStemmer's stemmer objects are not thread-safe, so each thread gets its own stemmers and cache.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

import Stemmer

_CONJUNCTION_BEFORE_ARTICLE_RE = re.compile(r"^[وف](?=ال...)")  # ال + 3 letters: spares والده
_FINAL_HEH_RE = re.compile(r"(?<=...)ه$")  # 4+ letters: spares وجه
_CACHE_LIMIT = 1_000_000  # distinct tokens (~200 MB at most); all of SaudiNewsNet + ANT hold ~600k


class _ThreadState(threading.local):
    def __init__(self) -> None:
        self.arabic = Stemmer.Stemmer("arabic")
        self.english = Stemmer.Stemmer("english")
        self.cache: dict[str, str] = {}


_STATE = _ThreadState()


def stem(token: str) -> str:
    """The search stem of one index-form token."""
    return stems((token,))[0]


def stems(tokens: Iterable[str]) -> list[str]:
    """Search stems of index-form tokens, in order; cached word → stem, misses stemmed in one batch."""
    tokens = tokens if isinstance(tokens, (list, tuple)) else list(tokens)
    cache = _STATE.cache
    found = list(map(cache.get, tokens))
    if None in found:
        _stem_missing({t for t, s in zip(tokens, found, strict=True) if s is None}, cache)
        found = list(map(cache.__getitem__, tokens))
    return found  # type: ignore[return-value]


def _stem_missing(missing: set[str], cache: dict[str, str]) -> None:
    if len(cache) + len(missing) > _CACHE_LIMIT:
        cache.clear()
    latin = [t for t in missing if t.isascii()]
    arabic = [t for t in missing if not t.isascii()]
    cache.update(zip(latin, _STATE.english.stemWords(latin), strict=True))
    prepared = [_FINAL_HEH_RE.sub("ة", _CONJUNCTION_BEFORE_ARTICLE_RE.sub("", t)) for t in arabic]
    stemmed = _STATE.arabic.stemWords(prepared)
    cache.update(zip(arabic, (s.replace("ة", "ه") for s in stemmed), strict=True))  # stems stay in index form
