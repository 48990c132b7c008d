"""Static word vectors (bench/static_vectors.py, the tool of issue 11's semantic measurement): document
vectors and their cosine.

Unit tests on small hand-made tables (three stems in two dimensions, so every expected number can be
worked out by hand; random vectors for a real profile's stems). The package ships no vectors file: the
experiment of issue 11 measured them and left them out (docs/benchmarks.md, "Semantic evidence").
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from naba.stories.sameness import profile_of_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from static_vectors import WordVectors, document_vector, similarity, word_vectors  # noqa: E402


def table(idf: tuple[float, float, float] = (1.0, 1.0, 1.0)) -> WordVectors:
    """Keys 10, 20, 30: 10 points along x, 20 along y, 30 along x too (a synonym of 10)."""
    return WordVectors(keys=np.array([10, 20, 30], dtype=np.uint32),
                       vectors=np.array([[127, 0], [0, 127], [127, 0]], dtype=np.int8),
                       scale=np.array([1 / 127, 1 / 127], dtype=np.float32),
                       idf=np.array(idf, dtype=np.float32))


def doc(vectors: WordVectors, keys: list[int], weights: list[float]) -> np.ndarray:
    return vectors.document(np.array(keys, dtype=np.uint32), np.array(weights, dtype=np.float64))


def test_a_document_vector_is_normalised_and_weighs_its_stems() -> None:
    v = doc(table(), [10, 20], [3.0, 4.0])
    assert v.dtype == np.float32
    assert np.allclose(v, [0.6, 0.8], atol=1e-6)


def test_synonyms_are_alike_where_the_words_differ() -> None:
    vectors = table()
    assert similarity(doc(vectors, [10], [1.0]), doc(vectors, [30], [1.0])) == pytest.approx(1.0, abs=1e-6)
    assert similarity(doc(vectors, [10], [1.0]), doc(vectors, [20], [1.0])) == pytest.approx(0.0, abs=1e-6)


def test_unknown_stems_add_nothing_wherever_they_sort() -> None:
    vectors = table()
    known = doc(vectors, [10, 20], [1.0, 2.0])
    for unknown in (5, 15, 25, 35, 2**32 - 1):  # before, between and after the keys
        keys = sorted([10, 20, unknown])
        weights = [{10: 1.0, 20: 2.0}.get(k, 9.0) for k in keys]
        assert np.array_equal(doc(vectors, keys, weights), known)


def test_nothing_known_gives_zeros_and_similarity_zero() -> None:
    empty = doc(table(), [7, 11], [1.0, 1.0])
    assert not empty.any()
    assert similarity(empty, doc(table(), [10], [1.0])) == 0.0
    assert not doc(table(), [], []).any()


def test_idf_weighs_rare_stems_up() -> None:
    even = doc(table(), [10, 20], [1.0, 1.0])
    rare_y = doc(table(idf=(1.0, 3.0, 1.0)), [10, 20], [1.0, 1.0])
    assert even[1] == pytest.approx(even[0], abs=1e-6)
    assert rare_y[1] == pytest.approx(3 * rare_y[0], rel=1e-5)


@pytest.mark.parametrize("bad", [
    {"keys": np.array([20, 10, 30], dtype=np.uint32)},  # not sorted
    {"keys": np.array([10, 10, 30], dtype=np.uint32)},  # not unique
    {"idf": np.ones(2, dtype=np.float32)},
    {"scale": np.ones(3, dtype=np.float32)},
    {"keys": np.zeros(0, dtype=np.uint32), "vectors": np.zeros((0, 2), dtype=np.int8),
     "idf": np.zeros(0, dtype=np.float32)},  # empty: every lookup would fall off the end
])
def test_a_table_that_does_not_fit_together_is_refused(bad: dict[str, np.ndarray]) -> None:
    good = table()
    fields = {"keys": good.keys, "vectors": good.vectors, "scale": good.scale, "idf": good.idf, **bad}
    with pytest.raises(ValueError, match="word vectors"):
        WordVectors(**fields)


def test_similarity_is_symmetric_and_bounded() -> None:
    rng = np.random.default_rng(1)
    for _ in range(20):
        u, v = (x / np.linalg.norm(x) for x in rng.normal(size=(2, 64)).astype(np.float16).astype(np.float32))
        assert similarity(u.astype(np.float16), v.astype(np.float16)) == similarity(v.astype(np.float16),
                                                                                   u.astype(np.float16))
        assert -1.0 <= similarity(u, v) <= 1.0


def test_a_table_round_trips_through_a_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "vectors.npz"
    t = table(idf=(1.0, 2.0, 0.5))
    np.savez_compressed(path, keys=t.keys, vectors=t.vectors, scale=t.scale, idf=t.idf.astype(np.float16))
    loaded = word_vectors(path)
    assert np.array_equal(loaded.keys, t.keys) and np.array_equal(loaded.vectors, t.vectors)
    assert np.allclose(doc(loaded, [10, 20], [1.0, 1.0]), doc(t, [10, 20], [1.0, 1.0]))


def test_a_missing_file_is_named_with_how_to_build_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FileNotFoundError, match="missing.npz.*distil_vectors"):
        word_vectors(tmp_path / "missing.npz")


def test_profiles_look_their_stems_up_by_hash_and_the_same_text_gives_one() -> None:
    """A table keyed by the profiles' own hashed content stems (random vectors): the same text gives
    cosine 1, another text less, and the float16 vector a profile would carry is normalised."""
    storm = profile_of_text("عاصفة رملية تضرب الرياض", "ضربت عاصفة رملية قوية مدينة الرياض صباح اليوم وأدت إلى "
                            "تعطيل حركة المرور وإغلاق عدد من المدارس")
    match = profile_of_text("الهلال يفوز على النصر", "فاز فريق الهلال على النصر بهدفين في مباراة الدوري")
    keys = np.union1d(storm.content_keys, match.content_keys).astype(np.uint32)
    rng = np.random.default_rng(7)
    vectors = WordVectors(keys=keys, vectors=rng.integers(-127, 128, size=(keys.size, 16)).astype(np.int8),
                          scale=np.full(16, 1 / 127, dtype=np.float32), idf=np.ones(keys.size, dtype=np.float32))
    u = document_vector(storm.content_keys, storm.content_weights, vectors)
    again = profile_of_text("عاصفة رملية تضرب الرياض", "ضربت عاصفة رملية قوية مدينة الرياض صباح اليوم وأدت إلى "
                            "تعطيل حركة المرور وإغلاق عدد من المدارس")
    assert u.dtype == np.float16
    assert float(np.linalg.norm(u.astype(np.float32))) == pytest.approx(1.0, abs=2e-3)
    assert similarity(u, document_vector(again.content_keys, again.content_weights, vectors)) == pytest.approx(
        1.0, abs=2e-3)
    assert similarity(u, document_vector(match.content_keys, match.content_weights, vectors)) < 0.9
