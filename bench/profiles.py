"""Benchmark: what the story stage holds per article, part by part, in bytes (its memory is the ingest's).

    .venv/bin/python bench/profiles.py [--limit N]     (default: the first 2,000 SaudiNewsNet articles)

The story stage keeps a profile (naba.stories.sameness.profile) of every article it can reach, and the
band index of their copy sketches; on a backfill of a whole corpus that is every article. Each part is
measured deep (numpy arrays with their data), objects shared by several profiles counted once (the
vocabulary's strings are the process's, counted in none). Baseline, in the same run: the same profiles
laid out as before issue 13: the short texts' kept tokens as the tokenizer's strings (the vocabulary
kept the first string of each token, so this counts some ~10% too many), the band keys as a tuple of
bytes, a dict per band table with a bytes key per band, the story terms as a dict of floats, the
title's words and the numbers as frozensets.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SAUDI = sorted((DATA / "saudinewsnet").glob("*.zip"))


def deep(obj: Any, seen: set[int]) -> int:
    """Bytes of ``obj`` and everything it holds that is not in ``seen`` (which it then joins)."""
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, np.ndarray):
        return size + (deep(obj.base, seen) if obj.base is not None else 0)
    if isinstance(obj, dict):
        return size + sum(deep(k, seen) + deep(v, seen) for k, v in obj.items())
    if isinstance(obj, (tuple, list, set, frozenset)):
        return size + sum(deep(x, seen) for x in obj)
    for cls in type(obj).__mro__:
        size += sum(deep(getattr(obj, s), seen) for s in getattr(cls, "__slots__", ()) if hasattr(obj, s))
    return size + (deep(obj.__dict__, seen) if hasattr(obj, "__dict__") else 0)


def profiles(limit: int) -> Iterator[tuple[Any, list[str]]]:
    """Each article's profile, and its tokens as the tokenizer gives them (the baseline's kept tokens)."""
    from naba.engine.prepare import prepare_checked
    from naba.settings import Settings
    from naba.sources.readers import iter_records
    from naba.text import WORK_CHARS, opening
    from naba.text.tokenize import tokenize_article

    records = iter_records([str(p) for p in SAUDI], Settings())
    for prepared in itertools.islice(map(prepare_checked, records), limit):
        if hasattr(prepared, "profile"):
            article = prepared.article
            yield prepared.profile, tokenize_article(article.title, opening(article.body, WORK_CHARS)).tokens


def measure(kept: list[tuple[Any, list[str]]]) -> tuple[Counter[str], Counter[str]]:
    """Bytes by part, now and in the baseline layout, summed over ``kept``."""
    from naba.stories.copies import BandIndex
    from naba.text.vocabulary import vocabulary

    now: Counter[str] = Counter()
    before: Counter[str] = Counter()
    seen = {id(word) for word in vocabulary().words}
    seen_before = set(seen)
    held: list[Any] = []  # the baseline's objects, alive while measured: a freed object's id is reused
    # merged every 100 articles here, so the figure is the sorted arrays' (the stage's waiting dict holds
    # at most ``merge_at`` band keys, ~1,000 articles' or ~10 MB, whatever the corpus)
    tables = kept[0][0].text.bands.shape[0]
    index: BandIndex[int] = BandIndex(tables, merge_at=100 * tables)
    plain: list[dict[bytes, int]] = [{} for _ in range(tables)]
    for n, (profile, fresh) in enumerate(kept):
        for name in type(profile).__slots__:
            value = getattr(profile, name)
            parts = [(f"text.{s}", getattr(value, s)) for s in type(value).__slots__] if name == "text" else [
                (name, value)]
            for part, item in parts:
                now[part] += deep(item, seen)
                if part == "text.tokens" and item is not None:  # the tokenizer's strings, as the sketch kept them
                    item = tuple(fresh[:len(item)])
                elif part == "text.bands":  # a tuple of bytes, the opening's prefixed b"L"
                    item = tuple(before_keys(profile))
                elif part == "terms":  # a dict of stem to weight and the signature's tuple, in an object of two slots
                    before[part] += sys.getsizeof(item)
                    item = (item.terms, tuple(item.signature))
                elif part in ("title", "numbers"):
                    item = frozenset(item)
                held.append(item)
                before[part] += deep(item, seen_before)
        now["(the objects)"] += sys.getsizeof(profile) + sys.getsizeof(profile.text)
        before["(the objects)"] += sys.getsizeof(profile) + sys.getsizeof(profile.text)
        index.insert(n, profile.text.bands)
        for table, row in zip(plain, before_keys(profile), strict=True):
            table[row] = n
    now["band index (stage)"] = deep(index, seen)
    before["band index (stage)"] = deep(plain, seen_before)
    return now, before


def before_keys(profile: Any) -> list[bytes]:
    half = len(profile.text.bands) // 2
    return [(b"L" if t >= half else b"") + row.tobytes() for t, row in enumerate(profile.text.bands)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="articles (default 2,000)")
    args = parser.parse_args()
    if not SAUDI:
        print(f"skipped: the data is not in {DATA}", file=sys.stderr)
        return 0
    kept = list(profiles(args.limit))
    now, before = measure(kept)
    print(f"{len(kept):,} SaudiNewsNet profiles, bytes a profile (deep, shared objects counted once)\n")
    print("| part | bytes | baseline: before issue 13 | ratio |")
    print("|---|---:|---:|---:|")
    for part in sorted(now, key=lambda p: -before[p]):
        print(f"| {part} | {now[part] / len(kept):,.0f} | {before[part] / len(kept):,.0f} | "
              f"{now[part] / max(before[part], 1):.2f} |")
    total, total_before = sum(now.values()) / len(kept), sum(before.values()) / len(kept)
    print(f"| **all** | **{total:,.0f}** | **{total_before:,.0f}** | **{total / total_before:.2f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
