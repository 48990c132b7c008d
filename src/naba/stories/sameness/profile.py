"""What one article brings to every comparison, computed once (in the pipeline's workers, if any).

    content    every stem of title and body, counted (a title word four times, body word i 1/(1 + i/200)):
               how alike two texts are, as readers judge it (Pearson 0.75 on SemEval-2022 ar-ar); the
               CONTENT_KEYS heaviest, as hashed keys and L2-normalised weights
    terms      the rarity-weighted stems of the title and lead (naba.stories.sameness.terms): what event it tells
    signature  its heaviest stems: the keys candidates are found by
    entities   the canonical names the tagger found, best first
    text       the shingle sketch of title + body (naba.stories.copies): copies and LSH candidates
    sentences  each sentence's content words by their stems, hashed: which sentences of one text trace
               back to the other (stems, so that a light rewording, وأعلن for أعلنت, still traces)
    title      the title's content words;  numbers  the numbers it prints
    days       the weekdays its title and lead name (الخميس), and TODAY when it says its news is of
               the day it appeared (لهذا اليوم، اليوم الخميس): the day a routine bulletin is for
    act        ARRIVAL or DEPARTURE when its title tells a journey's arrival (يصل، وصول) or departure
               (يغادر، مغادرة) and not both, else "": a visit's stages are other happenings

Everything here is a pure function of the article, so two processes profile alike and a pair's evidence
(naba.stories.sameness.evidence) does not depend on which article came first. It reads the pipeline's
one tokenization of the article (``naba.text.tokenize_article``) and does its per-token work as numpy
gathers over the tokens' ids (``naba.text.vocabulary``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from naba.models import Article
from naba.stories.copies import Sketcher, TextSketch
from naba.stories.sameness.terms import StoryFeatures, features_of_ids
from naba.text import WORK_CHARS, index, opening, with_clitics
from naba.text.tokenize import TokenizedText, tokenize_article
from naba.text.vocabulary import Vocabulary, top_ids, vocabulary

MAX_BODY_TOKENS = 3000  # the rest of a very long text adds nothing to what it is, and costs memory
MIN_SENTENCE_WORDS = 4  # content words a sentence needs to count as evidence
MAX_SENTENCES = 60
CONTENT_KEYS = 100  # the heaviest stems kept of the content vector (Pearson 0.748 on SemEval, 0.749 with all)
TITLE_WEIGHT = 4.0  # a title word counts as this many body words in the content vector
LEAD_SCALE = 200.0  # body word i counts 1 / (1 + i / LEAD_SCALE)
SKETCHER = Sketcher()  # the copy sketch's parameters: one for every process
_PLACES = 1.0 / (1.0 + np.arange(MAX_BODY_TOKENS) / LEAD_SCALE)
LEAD_DAY_TOKENS = 60  # body tokens read for the weekday a text is about
# every written form of a weekday (بالخميس، والجمعة) → the day; hand-written: no library lists them
_WEEKDAYS = {form: day for day in map(index, "السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة".split())
             for form in with_clitics(day)}
TODAY = index("اليوم")  # not alone: «عين اليوم» and «اليوم» are papers; «هذا اليوم», «اليوم الخميس»
_THIS = frozenset(map(index, "هذا لهذا وهذا بهذا".split()))
ARRIVAL, DEPARTURE = "arrival", "departure"
# a journey's two ends as titles write them (verb and verbal noun, with و or ف); hand-written: no library lists
# them. Not the farewell words (توديع، وداع): a funeral is a farewell too.
_ACTS = {conjunction + index(word): act
         for act, words in ((ARRIVAL, "يصل تصل وصل وصلت وصول يصلان تصلان يصلون وصلوا"),
                            (DEPARTURE, "يغادر تغادر غادر غادرت مغادرة يغادران تغادران يغادرون غادروا"))
         for word in words.split() for conjunction in ("", "و", "ف")}
# غادر after an attack is the adjective "treacherous" (عمل إرهابي غادر، هجوم غادر), no departure
_TREACHEROUS_AFTER = frozenset(map(index, "إرهابي هجوم عمل اعتداء تفجير عدوان جبان وجبان إجرامي".split()))
_LOW32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True, slots=True, eq=False)
class Profile:
    terms: StoryFeatures
    content_keys: np.ndarray  # uint32, sorted
    content_weights: np.ndarray  # float64, aligned with content_keys, L2-normalised
    entities: tuple[str, ...]
    text: TextSketch
    sentences: np.ndarray  # uint32 hashes of content words' stems, sentence after sentence, unique per sentence
    bounds: np.ndarray  # start offsets of the sentences in ``sentences``, then its length
    words: np.ndarray  # the content words' stems of all sentences, sorted unique
    title: tuple[str, ...]  # distinct, sorted (a tuple is 40 + 8n bytes, a frozenset of 5 to 18 strings 728)
    numbers: tuple[str, ...]  # distinct, sorted
    days: tuple[str, ...]  # distinct, sorted
    act: str  # ARRIVAL, DEPARTURE or ""
    length: int  # body tokens
    source: str  # the outlet ("" when unknown): one outlet rarely reports one event twice

    @property
    def signature(self) -> tuple[str, ...]:
        return self.terms.signature


def profile_of(article: Article, text: TokenizedText | None = None) -> Profile:
    """The article's profile; ``text``, when given, is its title and body opening already tokenized."""
    if text is None:
        text = tokenize_article(article.title, opening(article.body, WORK_CHARS))
    return profile_of_tokens(text, tuple(e.canonical for e in article.entities), article.source or "")


def profile_of_text(title: str, body: str, entities: tuple[str, ...] = (), source: str = "") -> Profile:
    """The profile of a text; of a huge body, of its opening (``naba.text.WORK_CHARS``, as the tagger reads)."""
    return profile_of_tokens(tokenize_article(title, opening(body, WORK_CHARS)), entities, source)


def profile_of_tokens(text: TokenizedText, entities: tuple[str, ...] = (), source: str = "") -> Profile:
    vocab = vocabulary()
    ids = vocab.ids(text.tokens)
    title, whole_body = ids[:text.title_end], ids[text.title_end:]
    body = whole_body[:MAX_BODY_TOKENS]
    head = ids[:text.title_end + body.size]  # title and the body's first MAX_BODY_TOKENS
    hashed, bounds = _sentence_hashes(vocab, whole_body, np.array(text.sentence_starts) - text.title_end)
    keys, weights = _content(vocab, title, body)
    return Profile(
        terms=features_of_ids(vocab, title, body),
        content_keys=keys,
        content_weights=weights,
        entities=tuple(dict.fromkeys(entities)),
        text=SKETCHER.sketch_hashed(vocab.hash64[head], _kept_tokens(vocab, head, text.tokens)),
        sentences=hashed,
        bounds=bounds,
        words=np.unique(hashed),
        title=tuple(sorted(set(vocab.strings(title[_sentence_words(vocab, title)])))),
        numbers=tuple(sorted(set(vocab.strings(np.unique(head[vocab.numeric[head]]))))),
        days=_days(vocab.strings(ids[:text.title_end + LEAD_DAY_TOKENS])),
        act=_act(vocab.strings(title)),
        length=int(body.size),
        source=source,
    )


def _days(tokens: list[str]) -> tuple[str, ...]:
    days = {_WEEKDAYS[t] for t in tokens if t in _WEEKDAYS}
    if any(t == TODAY and ((i and tokens[i - 1] in _THIS) or (i + 1 < len(tokens) and tokens[i + 1] in _WEEKDAYS))
           for i, t in enumerate(tokens)):
        days.add(TODAY)
    return tuple(sorted(days))


def _act(title: list[str]) -> str:
    acts = {_ACTS[t] for i, t in enumerate(title) if t in _ACTS and not (i and title[i - 1] in _TREACHEROUS_AFTER)}
    return acts.pop() if len(acts) == 1 else ""


def _kept_tokens(vocab: Vocabulary, head: np.ndarray, tokens: list[str]) -> list[str]:
    """The tokens the sketch reads; a short text's (which the sketch keeps) as the vocabulary's string
    objects, shared by every profile, not the tokenizer's fresh strings (~9 kB a profile)."""
    return vocab.strings(head) if head.size <= SKETCHER.guard_tokens else tokens[:head.size]


def _sentence_words(vocab: Vocabulary, ids: np.ndarray) -> np.ndarray:
    """Which tokens are content words: two letters or more, not a number, not a stopword."""
    words: np.ndarray = (vocab.length[ids] > 1) & ~vocab.digits[ids] & ~vocab.stop[ids]
    return words


def _content(vocab: Vocabulary, title: np.ndarray, body: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The counted stem vector (see the module docstring): hashed keys, sorted, and their weights."""
    ids = np.concatenate((title, body))
    places = np.concatenate((np.full(title.size, TITLE_WEIGHT), _PLACES[:body.size]))
    kept = (vocab.length[ids] > 1) & ~vocab.stop[ids]
    stems, slot = np.unique(vocab.stem[ids[kept]], return_inverse=True)
    if stems.size == 0:
        return np.empty(0, dtype=np.uint32), np.empty(0, dtype=np.float64)
    top, values = top_ids(vocab, stems, np.bincount(slot, weights=places[kept]), CONTENT_KEYS, ties="descending")
    keys, first = np.unique(vocab.hash32[top], return_index=True)  # a hash collision keeps the heavier stem
    values = values[first]
    return keys, values / np.sqrt(np.sum(values * values))


def _sentence_hashes(vocab: Vocabulary, body: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's distinct content words' stems, hashed and sorted, for the first MAX_SENTENCES
    sentences with at least MIN_SENTENCE_WORDS of them; and where each starts (then the total).

    Stems, not words: an outlet that republishes a release sentence by sentence with light rewording
    (a clitic, another person or tense of the verb) keeps the stems; on the tune half of the labelled
    pairs this moved out-of-fold duplicate F1 0.900 → 0.908 at the same memory."""
    sentence_of = np.zeros(body.size, dtype=np.uint64)
    inner = starts[(starts > 0) & (starts < body.size)]
    sentence_of[inner] = 1
    sentence_of = np.cumsum(sentence_of, dtype=np.uint64)
    words = _sentence_words(vocab, body)
    pairs = np.unique((sentence_of[words] << np.uint64(32)) | vocab.hash32[vocab.stem[body[words]]].astype(np.uint64))
    sentence = (pairs >> np.uint64(32)).astype(np.int64)
    sizes = np.bincount(sentence) if sentence.size else np.zeros(0, dtype=np.int64)
    kept = np.flatnonzero(sizes >= MIN_SENTENCE_WORDS)[:MAX_SENTENCES]
    hashed = (pairs[np.isin(sentence, kept)] & _LOW32).astype(np.uint32)
    bounds = np.concatenate(([0], np.cumsum(sizes[kept]))).astype(np.uint32)
    return hashed, bounds
