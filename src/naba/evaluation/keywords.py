"""Keyword evaluation: ``naba.pipeline.tagging`` against YAKE and TF-IDF, in one run, on two third-party sets.

AKEC (``akec/``): 160 Arabic articles with crowd-sourced keyphrases (``keyphrases/sort_frequency``,
about 63 a document); scored on ``test.ids`` (``train.ids`` is for tuning). Per document, the top k
predictions are matched one to one, greedily in rank order, to gold phrases:
    exact    the normalized phrases are equal
    partial  one normalized phrase is a contiguous run of the other's words (الكتب ~ الكتب الفكرية)
    P@k = matched / k (a list shorter than k is not excused), R@k = matched / gold, F1 macro-averaged.
Normalization (the same for gold and every system): ``naba.text.tokens`` (index folds), then each
word loses glued clitics and the article (والكتب, بالكتب, للكتب → كتب) if three letters remain.

ANT (``ant/ant-v2.1.tar.xz``, Al Arabiya files only): editors tag people, places and topics inline as
``#word_word``. A hashtag *names an entity* when the gazetteer knows the name (``Gazetteer.lookup``,
with or without ال), or when it has two or more words none of which starts with ال or is a stopword
(a proper name such as سيرغي_سكريبال; not الاتفاق_النووي). Hashtags are cut out of the text before
any system sees it. Recall@10 per document (macro), a hashtag found when a top-10 prediction matches:
    strict   exact match as above
    entity   strict, or both resolve (``naba.pipeline.tagging.resolve_entity``) to the same canonical entity
             (ترمب ~ دونالد ترامب), applied to every system alike
TF-IDF's IDF is fitted at run time on the AKEC train documents (for AKEC) and on the ANT documents
evaluated (for ANT). Throughput is documents per CPU second over both sets, extraction only, twice: cold
(the first pass, naba's per-word memo emptied before it) and warm (a second pass over the same
documents, as in a long ingest where the news vocabulary has been seen; YAKE and TF-IDF keep no
per-word state, so their two passes differ only by noise).
"""

from __future__ import annotations

import html
import re
import tarfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from naba.gazetteer import load_gazetteer
from naba.pipeline.tagging import TagOptions, forget_words, resolve_entity, tag_article
from naba.text import index, is_stopword, stopword_set, stripped, tokens

Extractor = Callable[[str | None, str], list[str]]
TOP = 10
_HASHTAG_RE = re.compile(r"#(\w+)")


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    title: str | None
    text: str
    gold: tuple[str, ...]


# --- data -------------------------------------------------------------------------------------

def akec_docs(data_dir: Path, split: str) -> list[Doc]:
    """The AKEC documents of ``split`` ("train" or "test") with their crowd keyphrases."""
    root = data_dir / "akec"
    gold = {}
    for line in (root / "keyphrases" / "sort_frequency" / "pure.txt").read_text(encoding="utf-8-sig").splitlines():
        doc_id, _, phrases = line.partition(" : ")
        gold[doc_id.strip()] = tuple(p.strip() for p in phrases.split(",") if p.strip())
    ids = (root / f"{split}.ids").read_text(encoding="utf-8").split()
    docs = []
    for name in ids:
        text = (root / "documents" / "pure" / name).read_text(encoding="utf-8-sig")
        docs.append(Doc(name.removesuffix(".txt"), None, text, gold[name.removesuffix(".txt")]))
    return docs


def ant_docs(data_dir: Path, limit: int | None = None) -> list[Doc]:
    """Al Arabiya articles with at least one entity hashtag, hashtags cut out of title and text."""
    docs = []
    with tarfile.open(data_dir / "ant" / "ant-v2.1.tar.xz") as archive:
        for member in archive:
            if not (member.isfile() and member.name.startswith("Alarabia/")):
                continue
            handle = archive.extractfile(member)
            if handle is None:
                continue
            raw = handle.read().decode("utf-8", errors="replace")
            doc = _ant_doc(member.name, raw)
            if doc is not None:
                docs.append(doc)
                if limit is not None and len(docs) >= limit:
                    break
    return docs


def _ant_doc(name: str, raw: str) -> Doc | None:
    title, text = _field(raw, "TITLE"), _field(raw, "TEXT")
    tags = dict.fromkeys(t.replace("_", " ").strip() for t in _HASHTAG_RE.findall(f"{title}\n{text}"))
    gold = tuple(t for t in tags if names_entity(t))
    if not gold or not text:
        return None
    return Doc(name, _HASHTAG_RE.sub(" ", title) or None, _HASHTAG_RE.sub(" ", text), gold)


def _field(raw: str, name: str) -> str:
    start, end = raw.find(f"<{name}>"), raw.find(f"</{name}>")
    return html.unescape(raw[start + len(name) + 2:end]).strip() if 0 <= start < end else ""


def names_entity(hashtag: str) -> bool:
    """The rule for "this hashtag names an entity" (see the module docstring)."""
    if not re.search(r"[^\W\d_]", hashtag):
        return False
    gaz = load_gazetteer()
    if gaz.lookup(hashtag):
        return True
    words = hashtag.split()
    return len(words) >= 2 and not any(w.startswith("ال") or is_stopword(index(w)) for w in words)


# --- metrics ----------------------------------------------------------------------------------

def normalize(phrase: str) -> tuple[str, ...]:
    return tuple(stripped(t) for t in tokens(phrase))


def _exact(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return a == b


def _partial(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    size = len(small)
    return size > 0 and any(big[i:i + size] == small for i in range(len(big) - size + 1))


def matched(predicted: list[str], gold: Iterable[str], same: Callable[[tuple, tuple], bool]) -> int:
    """One-to-one greedy matches, predictions in rank order."""
    free = [normalize(g) for g in dict.fromkeys(gold)]
    count = 0
    for phrase in dict.fromkeys(map(normalize, predicted)):
        for i, candidate in enumerate(free):
            if same(phrase, candidate):
                count += 1
                del free[i]
                break
    return count


def f1_at(predicted: list[str], gold: tuple[str, ...], k: int, same: Callable[[tuple, tuple], bool]) -> float:
    hits = matched(predicted[:k], gold, same)
    if not hits:
        return 0.0
    precision, recall = hits / k, hits / len(set(gold))
    return 2 * precision * recall / (precision + recall)


def _entity_key(phrase: str) -> str | None:
    entity = resolve_entity(phrase)
    return entity.canonical if entity else None


def recall_at(predicted: list[str], gold: tuple[str, ...], resolve: bool) -> float:
    top = predicted[:TOP]
    found = 0
    keys = {normalize(p) for p in top}
    canon = {c for c in map(_entity_key, top) if c} if resolve else set()
    for tag in gold:
        if normalize(tag) in keys or (resolve and _entity_key(tag) in canon):
            found += 1
    return found / len(gold)


# --- systems ----------------------------------------------------------------------------------

def naba_extractor(options: TagOptions | None = None) -> Extractor:
    if options is None:
        return lambda title, text: list(tag_article(title, text).keywords)
    return lambda title, text: list(tag_article(title, text, options).keywords)


def yake_extractor() -> Extractor:
    import yake

    extractor = yake.KeywordExtractor(lan="ar", n=3, top=TOP)
    return lambda title, text: [k for k, _ in extractor.extract_keywords(f"{title}\n{text}" if title else text)]


def tfidf_extractor(fit_texts: list[str]) -> Extractor:
    """Top TF-IDF terms (one to three words, index form, naba's stopwords left out)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(preprocessor=index, tokenizer=tokens, token_pattern=None, lowercase=False,
                                 ngram_range=(1, 3), stop_words=sorted(stopword_set()), sublinear_tf=True)
    vectorizer.fit(fit_texts)
    vocabulary = vectorizer.get_feature_names_out()

    def extract(title: str | None, text: str) -> list[str]:
        row = vectorizer.transform([f"{title}\n{text}" if title else text]).tocoo()
        best = sorted(zip(row.data, row.col, strict=True), key=lambda pair: (-pair[0], pair[1]))[:TOP]
        return [str(vocabulary[col]) for _, col in best]

    return extract


# --- runs -------------------------------------------------------------------------------------

def _predict(extract: Extractor, docs: list[Doc]) -> tuple[list[list[str]], float]:
    """Predictions and the CPU seconds they took (CPU time, not wall time: the benchmark machine
    may be shared, and other processes' load should not count against a system)."""
    start = time.process_time()
    predictions = [extract(doc.title, doc.text) for doc in docs]
    return predictions, time.process_time() - start


def akec_scores(predictions: list[list[str]], docs: list[Doc]) -> dict[str, float]:
    scores = {}
    for name, same in (("exact", _exact), ("partial", _partial)):
        for k in (5, 10):
            values = [f1_at(p, d.gold, k, same) for p, d in zip(predictions, docs, strict=True)]
            scores[f"AKEC F1@{k} {name}"] = sum(values) / len(values)
    return scores


def ant_scores(predictions: list[list[str]], docs: list[Doc]) -> dict[str, float]:
    return {f"ANT R@10 {name}": sum(recall_at(p, d.gold, resolve) for p, d in zip(predictions, docs, strict=True))
            / len(docs) for name, resolve in (("strict", False), ("entity", True))}


def run_keyword_eval(data_dir: Path, ant_limit: int | None = 1000, split: str = "test") -> list[dict]:
    """One row per system: AKEC F1 on ``split``, ANT recall, docs/s and µs/doc."""
    akec, ant, fit = akec_docs(data_dir, split), ant_docs(data_dir, ant_limit), akec_docs(data_dir, "train")
    tag_article(None, "تهيئة")  # build the lexicon before the clock starts (once per process)
    no_frequencies = TagOptions(word_frequencies=False)  # phrases weighed by article statistics alone
    systems: list[tuple[str, Extractor, Extractor]] = [
        ("naba", naba_extractor(), naba_extractor()),
        ("naba, no word frequencies", naba_extractor(no_frequencies), naba_extractor(no_frequencies)),
        ("YAKE", yake_extractor(), yake_extractor()),
        ("TF-IDF", tfidf_extractor([d.text for d in fit]), tfidf_extractor([d.text for d in ant])),
    ]
    rows = []
    count = len(akec) + len(ant)
    for name, on_akec, on_ant in systems:
        forget_words()  # every system starts cold: naba's per-word memo is empty
        akec_predictions, akec_seconds = _predict(on_akec, akec)
        ant_predictions, ant_seconds = _predict(on_ant, ant)
        warm_seconds = _predict(on_akec, akec)[1] + _predict(on_ant, ant)[1]
        row = {"system": name, **akec_scores(akec_predictions, akec), **ant_scores(ant_predictions, ant),
               "docs/s cold": count / (akec_seconds + ant_seconds), "docs/s warm": count / warm_seconds,
               "µs/doc warm": warm_seconds / count * 1e6}
        rows.append(row)
    rows.append({"system": f"(AKEC {split} docs: {len(akec)}, ANT docs: {len(ant)})"})
    return rows


def format_table(rows: list[dict]) -> str:
    """A markdown table; numbers to three decimals (throughput to whole numbers)."""
    columns = list(dict.fromkeys(c for row in rows for c in row))
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join(_cell(row.get(c, "")) for c in columns) + " |")
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.0f}" if value >= 100 else f"{value:.3f}"
    return str(value)
