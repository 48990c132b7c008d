"""Count idf.tsv, stem document frequencies over SaudiNewsNet + ANT, for NABA_IDF_DIR.

    .venv/bin/python bench/build_idf.py --out DIR [--limit-per-corpus N] [--top 50000]

Reads ../shared/data and writes counts outside the repository (the data is third-party: the table is
rebuilt where it is needed, as bench/compare.py does, never committed). idf.tsv: a header line
``#docs\tN`` then ``stem\tdf`` rows for the ``--top`` most frequent stems with df >= 3 (a missing stem
is a rare one). naba.stories.similarity turns df into IDF.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import re
import tarfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from naba.stories.similarity import STEM_TABLE, count_document_frequencies, write_frequencies

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
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


def build(out: Path, limit_per_corpus: int = 40_000, top: int = 50_000) -> None:
    """Count the table over ../shared/data into ``out`` (a folder for NABA_IDF_DIR)."""
    texts = itertools.chain(saudinewsnet(limit_per_corpus), ant(limit_per_corpus))
    stem_df, docs = count_document_frequencies(texts)
    kept = dict(Counter(stem_df).most_common(top))
    out.mkdir(parents=True, exist_ok=True)
    rows = write_frequencies(out / STEM_TABLE, (kept, docs), minimum=3)
    print(f"{docs} documents: {rows} stems written to {out / STEM_TABLE}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write (then NABA_IDF_DIR=folder)")
    parser.add_argument("--limit-per-corpus", type=int, default=40_000)
    parser.add_argument("--top", type=int, default=50_000)
    args = parser.parse_args()
    build(args.out, args.limit_per_corpus, args.top)


if __name__ == "__main__":
    main()
