"""The one pass over an article's text (``tokenize_article``) and the per-process vocabulary that the
tagger, the search document, the sameness profile and the copy sketch share."""

from __future__ import annotations

import hashlib
import heapq
import threading

import numpy as np

from naba.text import stem, stopword_set, tokenize_article, tokens
from naba.text.vocabulary import Vocabulary, top_ids

TITLE = "الرئيس يزور الرياض"
BODY = "وصل الرئيس إلى الرياض اليوم. وقال إن النمو بلغ 3.5 في المئة\nثم غادر"


def test_one_pass_gives_the_tokens_of_title_and_body_with_sentences_and_surfaces():
    text = tokenize_article(TITLE, BODY)
    assert text.tokens == tokens(TITLE) + tokens(BODY)
    assert text.title == tokens(TITLE) and text.body == tokens(BODY)
    assert "3.5" in text.tokens  # a decimal number is one token
    # sentences of the body start after a full stop and after a line break
    assert [text.tokens[i] for i in text.sentence_starts] == ["وصل", "وقال", "ثم"]
    # the written form comes back, hamza and all, though the index form folds it
    assert [text.surface(i) for i in (0, 5, 14)] == ["الرئيس", "إلى", "المئة"]


def test_a_token_keeps_one_id_and_its_properties():
    vocab = Vocabulary()
    words = ["الرياض", "والرياض", "في", "2015", "3.5"]
    ids = vocab.ids(words)
    assert (vocab.ids(list(reversed(words))) == ids[::-1]).all()
    assert vocab.strings(vocab.stem[ids]) == [stem(w) for w in words]
    assert int(vocab.hash64[ids[0]]) == int.from_bytes(hashlib.blake2b(words[0].encode(), digest_size=8).digest(),
                                                       "little")
    assert vocab.stop[ids].tolist() == [w in stopword_set() for w in words]
    assert vocab.digits[ids].tolist() == [False, False, False, True, False]
    assert vocab.numeric[ids].tolist() == [False, False, False, True, True]


def test_threads_adding_words_at_once_agree_on_their_ids():
    vocab = Vocabulary()
    words = [f"كلمة{i}" for i in range(3000)]
    seen: list[np.ndarray] = []

    def add(shift: int) -> None:
        order = words[shift:] + words[:shift]
        ids = vocab.ids(order)
        seen.append(np.roll(ids, shift))  # back in the order of ``words``

    threads = [threading.Thread(target=add, args=(shift,)) for shift in (0, 700, 1500, 2900)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all((ids == seen[0]).all() for ids in seen)
    assert vocab.strings(seen[0]) == words
    assert len(set(seen[0].tolist())) == len(words)


def test_top_ids_break_ties_like_heapq_over_weight_and_word():
    vocab = Vocabulary()
    words = ["ب", "أ", "ج", "د", "ه"]
    ids = vocab.ids(words)
    weights = np.array([2.0, 2.0, 1.0, 3.0, 2.0])
    expected = {"ascending": [w for _, w in sorted((-x, w) for x, w in zip(weights, words, strict=True))][:3],
                "descending": [w for _, w in heapq.nlargest(3, zip(weights, words, strict=True))]}
    for ties, words_expected in expected.items():
        chosen, chosen_weights = top_ids(vocab, ids, weights, 3, ties=ties)
        assert vocab.strings(chosen) == words_expected
        assert chosen_weights.tolist() == sorted(chosen_weights.tolist(), reverse=True)
