"""Cutting text at a word: derived titles and the opening per-article analysis reads."""

from __future__ import annotations

import pytest

from naba.text import WORK_CHARS, derived_title, opening
from naba.text.cut import TITLE_CHARS


@pytest.mark.parametrize("body, title", [
    ("قال المتحدث باسم الكرملين إن المقترح يفتقر إلى الجدية. وأضاف أن موسكو ستدرسه.",
     "قال المتحدث باسم الكرملين إن المقترح يفتقر إلى الجدية"),
    ("هل تنجح الهدنة؟ يسأل المراقبون.", "هل تنجح الهدنة؟"),
    ("ارتفع النفط 1.2 في المئة اليوم، وفق (أ.ف.ب). ثم تراجع.", "ارتفع النفط 1.2 في المئة اليوم، وفق (أ.ف.ب)"),
    ("سطر أول بلا نقطة\n\nفقرة ثانية.", "سطر أول بلا نقطة"),
    ("  نص قصير", "نص قصير"),
    ("The Kremlin said the offer lacks seriousness. More later.", "The Kremlin said the offer lacks seriousness"),
])
def test_derived_title_is_the_first_sentence(body, title):
    assert derived_title(body) == title


def test_a_long_first_sentence_is_cut_at_a_word_with_an_ellipsis():
    body = " ".join(["كلمة"] * 60) + ". جملة ثانية."
    title = derived_title(body)
    assert title.endswith("…") and len(title) <= TITLE_CHARS + 1
    assert title[:-1].split() == ["كلمة"] * len(title[:-1].split())  # whole words only


def test_the_derived_title_reads_only_the_opening_of_the_body():
    body = "افتتاحية طويلة " * 40 + "."
    assert derived_title(body) == derived_title(body[:120]) == derived_title(body + " ذيل " * 10_000)


def test_opening_cuts_at_the_last_space_before_the_limit():
    assert opening("short text", 100) == "short text"
    assert opening("one two three four", 12) == "one two"
    assert opening("x" * 50, 10) == "x" * 10  # no space: cut at the limit
    huge = "كلمة " * 100_000
    assert len(opening(huge, WORK_CHARS)) <= WORK_CHARS and opening(huge, WORK_CHARS).endswith("كلمة")
