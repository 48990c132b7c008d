"""Credits judged by people: which outlets a real article credits, and how naba's reading scores on them.

    labels/credit_labels.jsonl   one article a line: its corpus key, its round, "train" or "test", and the
                                 outlets its text credits, written as the text writes them

Eight rounds of articles with a credit-like phrase (SaudiNewsNet and ANT), each labelled blind by
people who did not write the rules. "train" rounds were read while the rules were written;
"test" rounds never were. Scoring: a name read matches a label when both have the same key
(the gazetteer's canonical outlet when it knows one of the name's forms, else the name without its
media word and descriptors); a second name for an outlet already read is wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from naba.models import Article
from naba.pipeline.clean.credit_model import near_outlet
from naba.pipeline.clean.credit_words import credit_tables
from naba.text import index

LABELS = "credit_labels.jsonl"
_PUNCT = ".,،؛:;!?؟()[]-–—\"'«»“”„"
_MEDIA = frozenset(index(w) for w in ("وكالة", "صحيفة", "جريدة", "موقع", "قناة", "شبكة", "مجلة", "تلفزيون",
                                       "إذاعة", "راديو", "تليفزيون", "الوكالة"))
_TAIL = frozenset(index(w) for w in ("للأنباء", "الرسمية", "الإخبارية", "الإخباري", "الإلكترونية", "الإلكتروني",
                                      "نت"))
# how Arabic outlets credit two agencies by their adjective alone: «(الألمانية)», «(الفرنسية)»
_ADJECTIVE_CREDITS = {index("الألمانية"): "وكالة الأنباء الألمانية", index("الفرنسية"): "وكالة الأنباء الفرنسية"}


def load_labels(split: str | None = None) -> list[dict]:
    text = resources.files("naba.evaluation").joinpath("labels", LABELS).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [row for row in rows if split is None or row["split"] == split]


def cleaned(data_dir: Path, keys: Iterable[str]) -> dict[str, Article]:
    """The labelled articles read and cleaned as ``naba ingest`` does (the text is third-party data,
    read from ``data_dir`` at run time)."""
    from naba.evaluation.corpora import records
    from naba.pipeline.clean.article import clean_article
    from naba.sources.readers import parse_record

    return {key: clean_article(parse_record(record)) for key, record in records(data_dir, set(keys)).items()}


def _words(name: str) -> list[str]:
    name = re.sub(r"\s*\([^()]*\)", " ", name)  # «وكالة الأنباء الهولندية (إيه.إن.بي)»: its abbreviation
    words = [w.strip(_PUNCT) for w in index(name).replace('"', " ").replace(".", " ").split()]
    words = [w for w in words if w]
    arabic = [w for w in words if not w.isascii() or w.isdigit()]  # a figure is part of the name: سبورت 360
    return arabic if any(w not in _MEDIA for w in arabic) else words


def _forms(words: list[str]) -> list[str]:
    """The name without its leading media words and/or its trailing descriptors, longest first."""
    heads = [words]
    while heads[-1] and heads[-1][0] in _MEDIA:
        heads.append(heads[-1][1:])
    forms = []
    for head in heads:
        tail = head
        forms.append(tail)
        while len(tail) > 1 and (tail[-1] in _TAIL or (tail[-1].startswith("ال") and tail[-1].endswith(("يه", "ي")))):
            tail = tail[:-1]
            forms.append(tail)
    return [" ".join(f) for f in forms if f]


def label_key(name: str, gold: bool = False) -> str:
    """A name's key: the canonical outlet of one of its forms (or of its abbreviation, in parentheses
    or as its last word: «وكالة الأنباء اليمنية سبأ»), else its shortest form. A label's (``gold``:
    written whole by a person) may also be the longest known outlet inside it."""
    table = credit_tables().outlets
    words = _words(name)
    if gold and " ".join(words) in _ADJECTIVE_CREDITS:
        return label_key(_ADJECTIVE_CREDITS[" ".join(words)])
    forms = _forms(words)
    abbreviations = [_words(inner) for inner in re.findall(r"\(([^()]*)\)", name)]
    if len(words) > 1:
        abbreviations.append(words[-1:])
    for form in forms + [" ".join(a) for a in abbreviations if a]:
        if form in table:
            return "=" + index(table[form])
    if gold:  # a person's spelling: a paper named bare («الشرق الأوسط»), a misspelt outlet («هاأرتس»)
        papers = credit_tables().bare_papers
        for form in forms:
            if (known := papers.get(form) or near_outlet(form)) is not None:
                return "=" + index(known)
        for size in range(len(words) - 1, 0, -1):
            for at in range(len(words) - size + 1):
                for form in _forms(words[at:at + size]):
                    if form in table:
                        return "=" + index(table[form])
    return forms[-1].replace("-", " ") if forms else ""


@dataclass
class CreditScore:
    correct: int = 0
    wrong: int = 0
    missed: int = 0

    @property
    def precision(self) -> float:
        return self.correct / max(1, self.correct + self.wrong)

    @property
    def recall(self) -> float:
        return self.correct / max(1, self.correct + self.missed)

    def add(self, read: Iterable[str], credits: list[str]) -> tuple[list[str], list[str]]:
        """Score one article; returns the names read wrongly and the labels missed."""
        truth = {label_key(n, gold=True) for n in credits}
        written = {" ".join(_words(n)): label_key(n, gold=True) for n in credits}
        seen: set[str] = set()
        wrong = []
        for name in read:
            key = label_key(name)
            if key not in truth and " ".join(_words(name)) in written:
                key = written[" ".join(_words(name))]  # the very name a labeller wrote
            if key in truth and key not in seen:
                self.correct += 1
            else:
                self.wrong += 1
                wrong.append(name)
            seen.add(key)
        lost = [n for n in credits if label_key(n, gold=True) not in seen]
        self.missed += len(lost)
        return wrong, lost


def is_labelled(name: str, credits: list[str]) -> bool:
    """Whether a name read is one of the outlets labelled (the credit ranker's training target)."""
    truth = {label_key(n, gold=True) for n in credits}
    return label_key(name) in truth or " ".join(_words(name)) in {" ".join(_words(n)) for n in credits}
