"""Names that neither the gazetteer nor a title rule finds, read by a statistical sequence tagger.

A linear-chain CRF (python-crfsuite) labels the tokens of a clause as the start or inside of a
person (PER), organisation (ORG) or place (LOC), or none. It was trained at build time by
``bench/train_names.py`` on silver labels: the names the rule-based tagger is sure of across the
SaudiNewsNet and ANT corpora (gazetteer names, names introduced by a title: «المدرب X»، «وزير ...
X»), with the articles drawn for judging left out. The model file ships inside the package
(``data/names.crfsuite``, a few hundred kB) and is opened on first use; nothing is downloaded.

Why a model and not one more rule: a name the gazetteer lacks is recognised from how the text
treats it (after «اللاعب», before «الإيطالي», a rare word that never takes the article), and the
weights of dozens of such cues are learned from the corpus rather than hand-set. So that the model
learns those cues and not the gazetteer by heart, a rare word's own identity is never a feature
(only its ending, its frequency and its neighbours are); a common word's identity is.

Cheap on purpose (it runs on every article): only clauses holding a *candidate* (a word not already
a name, not a noun or adjective the language writes with the article, no clitic or pronoun on it,
not common) are tagged, and a span counts only when every token's marginal is at least
``MIN_MARGINAL`` and the name is in the headline or said twice (``accept``): a name known only from
this text is central when the article repeats it.
"""

from __future__ import annotations

import functools
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from naba.pipeline.tagging import newnames
from naba.pipeline.tagging.lexicon import lexicon
from naba.pipeline.tagging.newnames import NewName
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import Word

MODEL_PATH = Path(__file__).with_name("data") / "names.crfsuite"
KINDS = {"PER": "person", "ORG": "org", "LOC": "place"}
CANDIDATE_MAX_ZIPF = 4.5  # a word this common is read as a word, not tried as a name
IDENTITY_MIN_ZIPF = 4.0  # a word at least this common is a feature by itself (قال، اللاعب)
MIN_MARGINAL = 0.6  # every token of an accepted span is at least this sure
RARE_ZIPF = 3.5  # a one-word name needs a word this rare
PLURAL_BASE_ZIPF = 3.0  # صحافيون is a plural (not a name) when صحافي is at least this common
_LOCK = threading.Lock()


def said(stream: Stream, words: Sequence[Word]) -> tuple[Counter[str], frozenset[str]]:
    """How often the article says each clitic-free word, and the words of its headline."""
    return Counter(w.shown for w in words), frozenset(w.shown for w in words[:stream.title_end])


def features(stream: Stream, words: Sequence[Word], i: int, doc: tuple[Counter[str], frozenset[str]]
             ) -> list[str]:
    """The features of token ``i`` (the same at training and tagging time); ``doc`` is ``said``'s:
    a name is repeated and in the headline more often than a word."""
    word, shown = words[i], words[i].shown or stream.keys[i]
    zipf = word.zipf
    feats = ["b", f"z={min(int(zipf * 2), 14)}", f"s2={shown[-2:]}", f"s3={shown[-3:]}", f"p2={shown[:2]}",
             f"n={min(len(shown), 9)}"]
    if zipf >= IDENTITY_MIN_ZIPF:
        feats.append("w=" + shown)
    if shown.startswith("ال"):
        feats.append("art")
    if stream.keys[i] != shown:
        feats.append("clitic")
    for flag, on in (("nom", word.nominal), ("glued", word.glued), ("suf", word.suffixed), ("nisba", word.nisba),
                     ("num", word.number), ("adj", word.adjective is not None), ("content", word.content)):
        if on:
            feats.append(flag)
    if i < stream.title_end:
        feats.append("title")
    elif shown in doc[1]:
        feats.append("headline")
    feats.append(f"said={min(doc[0][shown], 3)}")
    if stream.breaks[i]:
        feats.append("brk")
    feats += _context(stream, words, i, -1) + _context(stream, words, i, 1)
    return feats


def _context(stream: Stream, words: Sequence[Word], i: int, step: int) -> list[str]:
    """The neighbours on one side, two deep, stopping at a break (punctuation, a new clause)."""
    out = []
    at = i
    for depth in (1, 2):
        nxt = at + step
        if nxt < 0 or nxt >= len(stream) or stream.breaks[at if step < 0 else nxt]:
            out.append(f"{step * depth}=|")
            break
        at = nxt
        word = words[at]
        shown = word.shown or stream.keys[at]
        out.append(f"{step * depth}={shown}")
        if depth == 1:
            out.append(f"{step}z={min(int(word.zipf * 2), 14)}")
            if word.adjective is not None:
                out.append(f"{step}adj")
            if shown.startswith("ال"):
                out.append(f"{step}art")
    return out


def candidate(stream: Stream, words: Sequence[Word], taken: bytearray | bytes, i: int) -> bool:
    """A token the model may read as (part of) a new name."""
    word = words[i]
    return (not taken[i] and word.content and not word.nominal and not word.glued and not word.suffixed
            and not word.number and word.adjective is None and word.zipf < CANDIDATE_MAX_ZIPF)


def clauses(stream: Stream) -> Iterator[tuple[int, int]]:
    """The clauses (runs between breaks; the title is one run of its own) as ``(start, end)``."""
    start = 0
    for i in range(1, len(stream)):
        if stream.breaks[i] or i == stream.title_end:
            yield start, i
            start = i
    if start < len(stream):
        yield start, len(stream)


@functools.cache
def _tagger() -> Any:
    """The model, opened once per process (python-crfsuite's Tagger is not shared across threads:
    tagging holds ``_LOCK``)."""
    import pycrfsuite  # imported here: nothing heavy at import time

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


def spans(stream: Stream, words: Sequence[Word], taken: bytearray) -> list[tuple[int, int, str]]:
    """Predicted name spans ``(start, end, kind)`` over untaken tokens, each token at least
    ``MIN_MARGINAL`` sure, in clauses that hold a candidate."""
    found: list[tuple[int, int, str]] = []
    flags = [candidate(stream, words, taken, i) for i in range(len(stream))]
    if not any(flags):
        return found
    doc = said(stream, words)
    for start, end in clauses(stream):
        if not any(flags[start:end]):
            continue
        xseq = [features(stream, words, i, doc) for i in range(start, end)]
        with _LOCK:
            tagger = _tagger()
            labels = tagger.tag(xseq)
            sure = [tagger.marginal(label, k) for k, label in enumerate(labels)]
        found += _read_spans(labels, sure, start, taken)
    return found


def _read_spans(labels: list[str], sure: list[float], offset: int, taken: bytearray
                ) -> list[tuple[int, int, str]]:
    out = []
    k = 0
    while k < len(labels):
        if not labels[k].startswith("B-"):
            k += 1
            continue
        kind = labels[k][2:]
        end = k + 1
        while end < len(labels) and labels[end] == "I-" + kind:
            end += 1
        if all(p >= MIN_MARGINAL for p in sure[k:end]) and not any(taken[offset + k:offset + end]):
            out.append((offset + k, offset + end, KINDS[kind]))
        k = end
    return out


def model_names(stream: Stream, words: Sequence[Word], taken: bytearray) -> list[NewName]:
    """The model's spans, trimmed to what reads as a name (``trim``), that the article leans on
    (``accept``), as new names (their tokens are marked taken). A single word that is the surname of
    a person already found here is left to that person's repeats."""
    found: list[NewName] = []
    predicted = spans(stream, words, taken)
    if not predicted:
        return found
    counts = Counter(word.shown for word in words)
    surnames: set[str] = set()
    for start, end, kind in predicted:
        start, end = trim(stream, words, start, end)
        if end <= start or any(taken[start:end]) or (end - start == 1 and words[start].shown in surnames) \
                or not accept(stream, words, start, end, kind, counts):
            continue
        name = newnames.new_name(stream, start, end, kind, taken)
        if kind == "person" and end - start > 1:
            surnames.add(name.keys[-1])
        found.append(name)
    return found


def trim(stream: Stream, words: Sequence[Word], start: int, end: int) -> tuple[int, int]:
    """The name inside a predicted span: it stops before a word that is not a name's (a verb, a
    clitic, a noun's case ending: ``not_name``) and sheds ال-words and common nouns at its ends
    (الأمينة دانيوس, مايك شروبفر كبير مديري), as the title rules' names do (``newnames``)."""
    for i in range(start, end):
        if not_name(stream, words, i) or (i > start and (stream.keys[i] != words[i].shown or _common(words[i]))):
            end = i
            break
    while start < end and _loose_end(stream, words, start, first=True):
        start += 1
    while end > start and _loose_end(stream, words, end - 1, first=False):
        end -= 1
    return start, end


def _loose_end(stream: Stream, words: Sequence[Word], i: int, *, first: bool) -> bool:
    word = words[i]
    if word.shown.startswith("ال"):  # a family name (الكثيري، الجبير) is rare; a title word is not
        return first or word.zipf >= newnames.FAMILY_NAME_MAX_ZIPF
    return not first and _common(word)


def _common(word: Word) -> bool:
    """A common noun or adjective (كبير): the sentence going on after a name, not part of it."""
    return word.nominal and not word.shown.startswith("ال") and word.zipf >= newnames.TRAILING_WORD_MAX_ZIPF


def not_name(stream: Stream, words: Sequence[Word], i: int) -> bool:
    """Hand-written Arabic rules for a word that is never inside a name: not Arabic letters, a verb
    or clitic (``newnames.may_be_in_name``), a clitic letter before a common word (لاستقبال), an
    accusative noun (ترويعا: ترويع is common) or a sound plural of a common word (صحافيون، بارزون)."""
    key = stream.keys[i]
    if not all("\u0621" <= ch <= "\u064a" for ch in key) or not newnames.may_be_in_name(stream, words, i):
        return True
    zipf = lexicon().zipf
    if key[0] in "وفبلك" and zipf(key[1:]) >= newnames.COMMON_REST_ZIPF:
        return True
    if key.endswith("ا") and zipf(key[:-1]) >= PLURAL_BASE_ZIPF:
        return True
    return len(key) >= 5 and key.endswith(("ون", "ات")) and zipf(key[:-2]) >= PLURAL_BASE_ZIPF


def accept(stream: Stream, words: Sequence[Word], start: int, end: int, kind: str, counts: Counter[str]) -> bool:
    """A span is a name the article is about when one word of it is rare and it is in the headline
    or said twice (its first word, or a person's last word: وقال بولريتش)."""
    span = words[start:end]
    if min(w.zipf for w in span) >= (RARE_ZIPF if end - start == 1 else newnames.NAME_MAX_ZIPF):
        return False
    if start < stream.title_end:
        return True
    return counts[span[0].shown] >= 2 or (kind == "person" and end - start > 1 and counts[span[-1].shown] >= 2)
