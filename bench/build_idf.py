"""Build naba/data/idf.tsv and idf_chars.tsv.gz: document frequencies over SaudiNewsNet + ANT.

    .venv/bin/python bench/build_idf.py [--limit-per-corpus N] [--top 50000] [--char-every 6]

Reads ../shared/data (never copied; only counts are written). idf.tsv: a header line ``#docs\tN`` then
``stem\tdf`` rows for the ``--top`` most frequent stems with df >= 3. idf_chars.tsv.gz: the same for the
character 3-5-grams of naba.similarity (first CHAR_LIMIT characters) over every ``--char-every``-th
document, grams with df >= 5 only (a missing gram is a rare one). naba.similarity turns df into IDF.
"""

from __future__ import annotations

import argparse
import gzip
import io
import itertools
import json
import re
import tarfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from naba.similarity import CHAR_LIMIT, _char_grams
from naba.text import index, stems, tokens

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "naba" / "data" / "idf.tsv"
OUT_CHARS = OUT.with_name("idf_chars.tsv.gz")
_TAG_RE = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.DOTALL)


def saudinewsnet(limit: int) -> Iterator[str]:
    n = 0
    for path in sorted((DATA / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                for doc in json.loads(zf.read(name)):
                    yield f"{doc.get('title') or ''}\n{doc.get('content') or ''}"
                    n += 1
                    if n >= limit:
                        return


def ant(limit: int) -> Iterator[str]:
    n = 0
    with tarfile.open(DATA / "ant" / "ant-v2.1.tar.xz") as tf:
        for member in tf:
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            raw = io.TextIOWrapper(tf.extractfile(member), encoding="utf-8", errors="replace").read()
            yield "\n".join(m.group(2) for m in _TAG_RE.finditer(raw))
            n += 1
            if n >= limit:
                return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit-per-corpus", type=int, default=40_000)
    parser.add_argument("--top", type=int, default=50_000)
    parser.add_argument("--char-every", type=int, default=6)
    args = parser.parse_args()
    df: Counter[str] = Counter()
    char_df: Counter[str] = Counter()
    docs = char_docs = 0
    seen_texts: set[int] = set()
    for text in itertools.chain(saudinewsnet(args.limit_per_corpus), ant(args.limit_per_corpus)):
        key = hash(text)
        if key in seen_texts:  # exact copies would inflate df of wire-story words
            continue
        seen_texts.add(key)
        df.update(set(stems(tokens(text))))
        if docs % args.char_every == 0:
            char_df.update(_char_grams(index(text)[:CHAR_LIMIT]).keys())
            char_docs += 1
        docs += 1
    rows = [(s, c) for s, c in df.most_common(args.top) if c >= 3 and "\t" not in s]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write(f"#docs\t{docs}\n")
        f.writelines(f"{s}\t{c}\n" for s, c in rows)
    print(f"{docs} documents, {len(df)} stems, wrote {len(rows)} to {OUT}")
    grams = [(g, c) for g, c in char_df.most_common() if c >= 5 and "\t" not in g and "\n" not in g]
    with gzip.open(OUT_CHARS, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"#docs\t{char_docs}\n")
        f.writelines(f"{g}\t{c}\n" for g, c in grams)
    print(f"{char_docs} documents, {len(char_df)} char grams, wrote {len(grams)} to {OUT_CHARS}")


if __name__ == "__main__":
    main()
