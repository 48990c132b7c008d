"""Train the name tagger (``naba.pipeline.tagging.namemodel``) on silver labels from the corpora.

    .venv/bin/python bench/train_names.py [--articles 6000] [--exclude /work/labels/tags/sample.jsonl] [--write]

Silver labels: the rule-based tagger (``naba.pipeline.tagging.mentions``, without the model) is run
on a seeded random draw of SaudiNewsNet and ANT articles, half each; every mention of a person,
organisation or place it finds (gazetteer names, names after a title, head-noun organisations, their
repeats) labels its tokens PER/ORG/LOC in BIO form, every other token O. Only clauses the model would
be asked about at run time are kept (those holding a candidate word or a labelled name), and a clause
with a very rare word left unlabelled (``NOISE_ZIPF``: most likely a name the rules missed, which
would teach the model that such a word is not a name) is dropped.

Articles listed in ``--exclude`` (the sample drawn for judging, both halves) are never trained on.
Prints the held-out token and span scores of the silver labels (a tenth of the articles, for
sanity: silver is not truth) and, with ``--write``, writes the model into the package data.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from naba.evaluation import corpora
from naba.pipeline.tagging import namemodel
from naba.pipeline.tagging.lexicon import lexicon
from naba.pipeline.tagging.mentions import find_mentions
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import words_of

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
LABEL = {"person": "PER", "org": "ORG", "place": "LOC"}
NOISE_ZIPF = 3.5
MAX_TOKENS = 600  # tokens an article: the lede holds its names; the long tail only slows training


def silver(title: str, body: str) -> list[tuple[list[list[str]], list[str]]]:
    """The kept clauses of one article as (features, labels)."""
    lex = lexicon()
    stream = Stream.of(title, body[:6000])
    words = words_of(stream.keys, lex)
    mentions, taken = find_mentions(stream, words, lex, None, model=False)
    labels = ["O"] * len(stream)
    for m in mentions:
        kind = LABEL.get(m.ref.kind)
        if kind is None or m.weight < 1.0 or m.end - m.start > 6:
            continue
        labels[m.start] = "B-" + kind
        for i in range(m.start + 1, m.end):
            labels[i] = "I-" + kind
    out = []
    doc = namemodel.said(stream, words)
    for start, end in namemodel.clauses(stream):
        if start >= MAX_TOKENS:
            break
        named = any(label != "O" for label in labels[start:end])
        cands = [i for i in range(start, end) if namemodel.candidate(stream, words, taken, i)]
        if not named and not cands:
            continue
        if any(words[i].zipf < NOISE_ZIPF for i in cands):
            continue
        out.append(([namemodel.features(stream, words, i, doc) for i in range(start, end)], labels[start:end]))
    return out


def _spans(labels: list[str]) -> set[tuple[int, int, str]]:
    found, k = set(), 0
    while k < len(labels):
        if labels[k].startswith("B-"):
            end = k + 1
            while end < len(labels) and labels[end] == "I-" + labels[k][2:]:
                end += 1
            found.add((k, end, labels[k][2:]))
            k = end
        else:
            k += 1
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=6000)
    parser.add_argument("--exclude", type=Path, default=Path("/work/labels/tags/sample.jsonl"))
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    import pycrfsuite

    if not DATA.exists():
        sys.exit(f"{DATA}: the corpora are not there")
    excluded = {json.loads(line)["key"] for line in args.exclude.open()} if args.exclude.exists() else set()
    items = corpora.load(DATA)
    rng = random.Random(args.seed)
    draw = []
    for corpus in ("snn", "ant"):
        keys = sorted(k for k in items if k.startswith(corpus + ":") and k not in excluded)
        draw += rng.sample(keys, args.articles // 2)
    rng.shuffle(draw)
    held = set(draw[: len(draw) // 10])
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"c1": 0.5, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True})
    test: list[tuple[list[list[str]], list[str]]] = []
    sequences = tokens = 0
    for key in draw:
        for xseq, yseq in silver(items[key].title, items[key].body):
            if key in held:
                test.append((xseq, yseq))
            else:
                trainer.append(xseq, yseq)
                sequences += 1
                tokens += len(yseq)
    print(f"silver: {sequences} clauses, {tokens} tokens ({time.perf_counter() - started:.0f} s)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "names.crfsuite"
        trainer.train(str(path))
        print(f"trained ({time.perf_counter() - started:.0f} s), {path.stat().st_size // 1024} kB")
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        gold = pred = hit = 0
        for xseq, yseq in test:
            want, got = _spans(yseq), _spans(tagger.tag(xseq))
            gold, pred, hit = gold + len(want), pred + len(got), hit + len(want & got)
        print(f"held-out silver spans: P {hit / max(pred, 1):.3f} R {hit / max(gold, 1):.3f} ({gold} spans)")
        if args.write:
            namemodel.MODEL_PATH.parent.mkdir(exist_ok=True)
            namemodel.MODEL_PATH.write_bytes(path.read_bytes())
            print("wrote", namemodel.MODEL_PATH)


if __name__ == "__main__":
    main()
