"""Stem IDF tables: counted over a corpus, written as TSV, read back for ``naba.stories.similarity``.

Document frequencies come from the corpus the tables were counted on and are never shipped with the
package: ``NABA_IDF_DIR`` names a folder holding ``idf.tsv`` (``bench/build_idf.py --out DIR`` counts
it over SaudiNewsNet + ANT in ../shared/data). Without it, a word's rarity in Arabic at large stands in
(``naba.text.frequency``: wordfreq's list, shipped inside that package).

    IDF(stem) = log((N + 1) / (df + 0.5))      a stem not in the table takes df = 1

The similarity score itself does not weight by IDF (raw counts predict the raters best, see the
package docstring); IDF ranks the shared words that explain a verdict, and the benchmark still
measures IDF-weighted vectors so that the claim stays checked.
"""

from __future__ import annotations

import functools
import gzip
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from naba.settings import setting
from naba.text import stems, tokens
from naba.text.frequency import rarity

IDF_DIR = setting("idf_dir")
IDF_DIR_ENV = IDF_DIR.env
STEM_TABLE = "idf.tsv"

Frequencies = tuple[dict[str, int], int]  # (key -> documents holding it, documents)


@dataclass(frozen=True, slots=True)
class Idf:
    """key → IDF, with ``top`` for a key seen in one document (or never)."""

    weights: dict[str, float]
    top: float

    def __call__(self, key: str) -> float:
        return self.weights.get(key, self.top)


def stem_idf() -> Callable[[str], float]:
    """The stem table of the folder named by ``NABA_IDF_DIR``, read once; unset or empty: how rare the
    word is in Arabic at large (``naba.text.frequency``, a table shipped inside a package)."""
    folder = str(IDF_DIR.read())
    return _table(folder) if folder else rarity


@functools.cache
def _table(folder: str) -> Idf:
    return to_idf(*read_frequencies(Path(folder) / STEM_TABLE))


def count_document_frequencies(texts: Iterable[str]) -> Frequencies:
    """Stem document frequencies over ``texts``; exact repeats are counted once (wire copies would
    otherwise inflate the df of their words)."""
    df: Counter[str] = Counter()
    seen: set[str] = set()
    for text in texts:
        if text in seen:
            continue
        seen.add(text)
        df.update(set(stems(tokens(text))))
    return dict(df), len(seen)


def write_frequencies(path: Path, frequencies: Frequencies, minimum: int = 1) -> int:
    """``#docs\tN`` then ``key\tdf`` rows (gzip when the name ends in .gz); returns the rows written."""
    table, docs = frequencies
    rows = [(k, c) for k, c in sorted(table.items(), key=lambda kc: (-kc[1], kc[0]))
            if c >= minimum and "\t" not in k and "\n" not in k]
    data = (f"#docs\t{docs}\n" + "".join(f"{k}\t{c}\n" for k, c in rows)).encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return len(rows)


def read_frequencies(path: Path) -> Frequencies:
    """The table ``write_frequencies`` wrote."""
    raw = path.read_bytes()
    table: dict[str, int] = {}
    docs = 0
    for line in (gzip.decompress(raw) if path.name.endswith(".gz") else raw).decode("utf-8").splitlines():
        key, _, value = line.partition("\t")
        if key == "#docs":
            docs = int(value)
        elif value:
            table[key] = int(value)
    return table, docs


def to_idf(table: dict[str, int], docs: int) -> Idf:
    """IDF = log((N + 1) / (df + 0.5)); a key not in the table takes df = 1."""
    return Idf({k: math.log((docs + 1) / (df + 0.5)) for k, df in table.items()}, math.log((docs + 1) / 1.5))
