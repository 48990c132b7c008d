"""naba.stories.copies.sketch: Sketcher's parameters and the TextSketch it makes."""

from __future__ import annotations

import dataclasses
import pickle

import numpy as np
import pytest

from naba.errors import UsageError
from naba.stories.copies import Sketcher, TextSketch
from naba.stories.sameness.profile import SKETCHER
from naba.text import tokens

WORDS = [f"w{i}" for i in range(100)]


@pytest.mark.parametrize("kwargs", [{"num_perm": 1}, {"bands": 7}, {"bands": 0}, {"shingle": 0}, {"lead": -1},
                                    {"guard_tokens": -1}, {"seed": -1}])
def test_sketcher_rejects_bad_parameters(kwargs):
    with pytest.raises(UsageError) as caught:
        Sketcher(**kwargs)
    assert f"{next(iter(kwargs))}=" in str(caught.value)


def test_equal_parameters_make_equal_sketches_and_the_seed_changes_them():
    a, b, other = Sketcher(), Sketcher(), Sketcher(seed=2)
    assert a == b and a != other
    first, second = a.sketch(WORDS), b.sketch(WORDS)
    assert np.array_equal(first.bands, second.bands) and np.array_equal(first.shingles, second.shingles)
    assert not np.array_equal(other.sketch(WORDS).bands, first.bands)


def test_a_sketch_holds_one_band_key_per_table():
    with_opening, without = Sketcher(num_perm=64, bands=16, lead=10), Sketcher(num_perm=64, bands=16, lead=0)
    assert with_opening.tables == 32 and without.tables == 16
    sketch = with_opening.sketch(WORDS)
    assert sketch.bands.shape == (32, 4) and sketch.bands.dtype == np.uint32
    assert len(set(sketch.band_keys()[:16])) == 16  # the whole text's bands
    assert np.array_equal(sketch.bands[16:], Sketcher(num_perm=64, bands=16, lead=0).sketch(WORDS[:13]).bands)
    assert without.sketch(WORDS).bands.shape == (16, 4)


def test_a_sketch_is_frozen_and_its_arrays_are_read_only():
    sketch = Sketcher().sketch(WORDS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        sketch.tokens = None  # type: ignore[misc]
    for array in (sketch.shingles, sketch.bands, sketch.head, sketch.window):
        with pytest.raises(ValueError):
            array[0] = 0


def test_only_short_texts_keep_their_tokens():
    sketcher = Sketcher(guard_tokens=5)
    assert sketcher.sketch(WORDS[:5]).tokens == tuple(WORDS[:5])
    assert sketcher.sketch(WORDS[:6]).tokens is None


def test_kept_tokens_are_one_string_object_per_distinct_token_also_when_unpickled():
    """Memory: the story stage keeps every short text's tokens; a fresh string per token cost ~9 kB a profile."""
    first, second = (Sketcher().sketch(["".join(("كلمة", str(n))) for n in range(9)]) for _ in range(2))
    assert first.tokens is not None and second.tokens is not None
    assert all(a is b for a, b in zip(first.tokens, second.tokens, strict=True))
    one, two = pickle.loads(pickle.dumps(first)), pickle.loads(pickle.dumps(second))
    assert one.tokens == first.tokens and all(a is b for a, b in zip(one.tokens, two.tokens, strict=True))
    assert np.array_equal(one.bands, first.bands) and np.array_equal(one.shingles, first.shingles)


def test_head_and_window_are_the_opening():
    sketcher = Sketcher(shingle=1, lead=10)
    sketch = sketcher.sketch(WORDS)
    assert np.array_equal(sketch.head, sketcher.shingles(WORDS[:10]))
    assert np.array_equal(sketch.window, sketcher.shingles(WORDS[:20]))
    assert np.array_equal(sketch.shingles, sketcher.shingles(WORDS))


def test_overlap_is_exact():
    sketcher = Sketcher(shingle=1)
    a, b = sketcher.sketch(["a", "b", "c", "d"]), sketcher.sketch(["c", "d", "e"])
    jaccard, containment = a.overlap(b)  # type: ignore[misc]
    assert jaccard == pytest.approx(2 / 5) and containment == pytest.approx(2 / 3)
    assert b.overlap(a) == a.overlap(b)
    assert a.overlap(sketcher.sketch([])) is None


def test_same_opening_tells_a_trimmed_copy_from_an_excerpt():
    sketcher = Sketcher(shingle=1, lead=10)
    whole = sketcher.sketch(WORDS)
    trimmed = sketcher.sketch(WORDS[:30])
    byline = sketcher.sketch(["بقلم", "محرر"] + WORDS[:30])  # the opening a little way in: still in the window
    excerpt = sketcher.sketch(WORDS[50:80])
    assert trimmed.same_opening(whole) and whole.same_opening(trimmed)
    assert byline.same_opening(whole)
    assert not excerpt.same_opening(whole)
    assert not sketcher.sketch([]).same_opening(whole)


def test_a_sketch_made_elsewhere_is_the_sketch_of_the_text():
    """Workers sketch, the main process compares: a pickled sketch gives the answers the text does."""
    text = tokens(" ".join(WORDS[:60]))
    local, shipped = Sketcher().sketch(text), pickle.loads(pickle.dumps(Sketcher().sketch(text)))
    assert isinstance(shipped, TextSketch)
    assert np.array_equal(shipped.bands, local.bands) and shipped.overlap(local) == (1.0, 1.0)
    assert np.array_equal(shipped.shingles, local.shingles)


def test_a_sketch_of_other_parameters_is_refused_by_the_band_tables():
    from naba.stories.copies import BandIndex

    tables = BandIndex[int](Sketcher().tables)
    with pytest.raises(UsageError):
        tables.insert(1, Sketcher(num_perm=64, bands=16).sketch(WORDS).bands)
    assert tables.query(Sketcher().sketch(WORDS).bands) == set()


def test_every_profile_is_sketched_with_the_default_parameters():
    assert SKETCHER == Sketcher()
