"""naba.text.lazy_pattern: a pattern compiled on first use behaves as re.compile's."""

from __future__ import annotations

import re
import threading

import pytest

from naba.text.lazy_pattern import lazy_compile

CASES = [
    (r"(?P<day>[0-9]{1,2})\s+(?P<month>فبراير|february)", re.IGNORECASE, ["18 فبراير 2018", "x 3 FEBRUARY", "none"]),
    (r"^[ \t]*(?:اقرأ أيضا)[:\s]+(?P<headline>\S.*)$", 0, ["اقرأ أيضا: عنوان", "  اقرأ أيضا عنوان آخر", "نص"]),
]


@pytest.mark.parametrize("pattern, flags, texts", CASES)
def test_every_method_answers_as_the_compiled_pattern(pattern, flags, texts):
    lazy, eager = lazy_compile(pattern, flags), re.compile(pattern, flags)
    for text in texts:
        for method in ("match", "search", "fullmatch"):
            got, want = getattr(lazy, method)(text), getattr(eager, method)(text)
            assert (got and got.groupdict()) == (want and want.groupdict()), (method, text)
        assert lazy.findall(text) == eager.findall(text)
        assert lazy.sub("_", text) == eager.sub("_", text)
        assert lazy.split(text) == eager.split(text)
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.groupindex == eager.groupindex and lazy.groups == eager.groups
    assert lazy.flags == eager.flags


def test_the_pattern_is_not_compiled_until_used_and_then_once():
    lazy = lazy_compile(r"(unbalanced")  # a bad pattern: compiling it would raise
    assert lazy.pattern == "(unbalanced"  # its text is there without compiling (patterns are built from others')
    with pytest.raises(re.error):
        lazy.search("x")
    good = lazy_compile(r"a+")
    good.search("aa")
    first = good.search
    good.match("a")
    assert good.search is first  # the compiled pattern's own bound method, set once


def test_threads_that_reach_it_at_once_get_the_same_answers():
    lazy = lazy_compile(r"(?P<w>\w+)\s(?P=w)")
    barrier = threading.Barrier(8)
    results: list[object] = []

    def use() -> None:
        barrier.wait()
        results.append(lazy.search("قال قال").group("w"))

    threads = [threading.Thread(target=use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["قال"] * 8
