"""Grow the gazetteer's people from the corpora: the names the tagger learns most often, vetted by a person.

    .venv/bin/python bench/mine_people.py candidates TAGGED.jsonl OUT_DIR [--min 8]
    .venv/bin/python bench/mine_people.py write OUT_DIR/items.json ANSWERS.json [...] --en EN.json [...] \
        --tagged TAGGED.jsonl [--append]

``TAGGED.jsonl``: one JSON object an article (``key``, ``title``, ``body``, ``entities`` as ``[name,
canonical, kind]``), the tagger's output on SaudiNewsNet + ANT. ``candidates`` lists the people the
gazetteer lacks that at least ``--min`` articles name (two words or more: a given name alone names no
one), their spellings grouped (one spelling skeleton and alike letters, ``tagging.spelling``) and a
shorter form folded into the one longer name its nasab opens (فيصل بن خالد → فيصل بن خالد بن عبدالعزيز;
a shorter form two longer names open is left out), each shown in one passage: ``items.json`` and
``items.md`` for a labeller who did not write this, who answers ``keep`` (a real person's complete
name, every listed spelling the same person), ``first`` (the first spelling only) or ``drop``.
``write`` turns the answers into ``naba/gazetteer/data/people_corpus.tsv`` (``--append``: after the people
a round before wrote), with each person's English name from ``--en`` (JSON objects mapping the written ids
to English names, given by a helper). A kept
name of two words (عزام الدخيل) and the one kept name that adds a nasab between them (عزام بن محمد
الدخيل) are one entry when some article of ``--tagged`` lists both: one man named both ways, canonical
in the form more articles use.

Why: a name the gazetteer knows is found wherever it is written, a learned one only where the article
gives the tagger enough to learn it (a title before it, the headline, a repeat). On the corpora, 616
multi-word people learned in 10 articles or more went untagged in 6,801 other articles that write them.
The names are facts about the world (who is in the news), not the corpora's text.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

from naba.gazetteer import load_gazetteer
from naba.pipeline.tagging.spelling import similar, skeleton
from naba.text import index

OUT = Path(__file__).resolve().parents[1] / "src" / "naba" / "gazetteer" / "data" / "people_corpus.tsv"
NASAB = ("بن", "ال", "ابن")  # index forms: a longer name goes on with its nasab or its family
# the letters of an index form (naba.text.index has folded أ إ آ ى ة ؤ ئ already)
_LATIN = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويء",
                  ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "a",
                   "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", ""], strict=True))


def candidates(tagged: Path, out_dir: Path, least: int) -> None:
    gazetteer = load_gazetteer()
    count: collections.Counter[str] = collections.Counter()
    where: dict[str, list[str]] = collections.defaultdict(list)
    written: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    texts = {}
    for line in tagged.open(encoding="utf-8"):
        article = json.loads(line)
        texts[article["key"]] = (article["title"] or "") + " || " + article["body"]
        for name, canonical, kind in article["entities"]:
            if kind == "person" and not gazetteer.lookup(canonical) and not gazetteer.lookup(name):
                count[canonical] += 1
                where[canonical].append(article["key"])
                written[canonical][name] += 1
    names = sorted((n for n, c in count.items() if c >= least and len(n.split()) >= 2), key=lambda n: -count[n])
    groups = _grouped(names)
    rng = random.Random(46)
    items = []
    for number, group in enumerate(groups, 1):
        head = group[0]
        usual = written[head].most_common(1)[0][0]
        passage = next((_passage(texts[key], usual) for key in rng.sample(where[head], min(6, len(where[head])))
                        if usual in texts[key]), "")
        items.append({"item": number, "names": group, "articles": sum(count[n] for n in group), "passage": passage})
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "items.json").write_text(json.dumps(items, ensure_ascii=False, indent=0), encoding="utf-8")
    (out_dir / "items.md").write_text("\n".join(
        f"## Item {it['item']}: " + " / ".join(f"«{n}»" for n in it["names"]) + f"\n…{it['passage']}…\n"
        for it in items), encoding="utf-8")
    print(f"{len(names)} names in {len(groups)} items: {out_dir / 'items.md'}")


def _grouped(names: list[str]) -> list[list[str]]:
    """Spellings of one name together (most frequent first); a shorter name opening exactly one longer
    one's nasab folded into it; one opening several longer names left out."""
    keys = {n: [index(w) for w in n.split()] for n in names}
    groups: list[list[str]] = []
    for name in names:
        for group in groups:
            head = keys[group[0]]
            if skeleton(head) == skeleton(keys[name]) and similar(" ".join(head), " ".join(keys[name])):
                group.append(name)
                break
        else:
            groups.append([name])
    heads = {group[0]: group for group in groups}
    kept = []
    for group in groups:
        k = keys[group[0]]
        longer = [h for h in heads if len(keys[h]) > len(k) and keys[h][:len(k)] == k]
        if len(longer) == 1 and keys[longer[0]][len(k)] in NASAB:
            heads[longer[0]].extend(group)
        elif len(longer) < 2:  # two longer names open it (فيصل بن خالد of two princes): which is unknown
            kept.append(group)
    return kept


def _passage(text: str, name: str) -> str:
    at = text.find(name)
    return text[max(0, at - 90):at + len(name) + 60].replace("\n", " ")


def write(items_path: Path, answer_paths: list[Path], english_paths: list[Path], tagged: Path,
          append: bool = False) -> None:
    items = {it["item"]: it for it in json.loads(items_path.read_text(encoding="utf-8"))}
    verdicts: dict[int, str] = {}
    for path in answer_paths:
        verdicts.update((int(k), v) for k, v in json.loads(path.read_text(encoding="utf-8")).items() if k != "notes")
    missing = set(items) - set(verdicts)
    if missing:
        sys.exit(f"no verdict for items {sorted(missing)[:10]} ...")
    english: dict[str, str] = {}
    for path in english_paths:
        english.update(json.loads(path.read_text(encoding="utf-8")))
    kept = {number: item["names"] if verdicts[number] == "keep" else item["names"][:1]
            for number, item in items.items() if verdicts[number] != "drop"}
    for short, long_ in _named_both_ways(kept, tagged):  # the name more articles use is the canonical one
        first, then = (short, long_) if items[short]["articles"] > items[long_]["articles"] else (long_, short)
        kept[long_] = kept[first] + kept[then]
        items[long_]["articles"] += items[short]["articles"]
        del kept[short]
    kept_rows = OUT.read_text(encoding="utf-8").rstrip("\n").split("\n")[1:] if append else []
    rows, ids = [], {row.split("\t", 1)[0] for row in kept_rows}
    for number, item in sorted(items.items()):
        if number in kept:
            names = kept[number]
            rows.append(_row(_unique_id(names[0], ids), names, english,
                             f"named in {item['articles']} articles of the corpora; vetted by a labeller"))
        if verdicts[number] == "first":
            # the spellings judged another man (محمد العويس beside محمد العيسى) are that man: as an entry of
            # his own, the spelling skeleton the two share reads neither (``lexicon.spelled_like``); a
            # shorter form of the first name (فهد بن خالد) stays out, as ambiguous
            head = item["names"][0].split()
            for other in item["names"][1:]:
                if other.split() != head[:len(other.split())]:
                    rows.append(_row(_unique_id(other, ids), [other], english,
                                     f"read beside {item['names'][0]}, another man to a labeller"))
    OUT.write_text("id\tcanonical\ttype\tvariants\ten\tnote\n" + "\n".join(kept_rows + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} people of {len(items)} items: {OUT}")


def _named_both_ways(kept: dict[int, list[str]], tagged: Path) -> list[tuple[int, int]]:
    """(short, long) items: a given name and family (عزام الدخيل) and the one kept name with a nasab
    between them (عزام بن محمد الدخيل), listed together in at least one tagged article."""
    longer: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    for number, names in kept.items():
        words = names[0].split()
        if len(words) > 2 and "بن" in words:
            longer[(words[0], words[-1])].append(number)
    pairs = {number: found[0] for number, names in kept.items() if len(words := names[0].split()) == 2
             and len(found := longer.get((words[0], words[1]), [])) == 1}
    if not pairs:
        return []
    wanted = {kept[n][0]: n for pair in pairs.items() for n in pair}
    together: set[tuple[int, int]] = set()
    for line in tagged.open(encoding="utf-8"):
        named = {wanted[c] for _, c, _ in json.loads(line)["entities"] if c in wanted}
        together.update((s, long_) for s, long_ in pairs.items() if s in named and long_ in named)
    return sorted(together)


def _unique_id(name: str, ids: set[str]) -> str:
    slug = base = "person:" + _slug(name)
    n = 2
    while slug in ids:
        slug, n = f"{base}-{n}", n + 1
    ids.add(slug)
    return slug


def _row(slug: str, names: list[str], english: dict[str, str], note: str) -> str:
    return "\t".join([slug, names[0], "person", "|".join(names[1:]), english.get(slug, ""), note])


def _slug(name: str) -> str:
    """An ASCII id from the Arabic name, letter by letter (ids are stable keys, not display names)."""
    latin = "".join(_LATIN.get(c, "-" if c == " " else "") for c in index(name))
    return "-".join(part for part in latin.split("-") if part)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    found = sub.add_parser("candidates")
    found.add_argument("tagged", type=Path)
    found.add_argument("out_dir", type=Path)
    found.add_argument("--min", type=int, default=8)
    written = sub.add_parser("write")
    written.add_argument("items", type=Path)
    written.add_argument("answers", type=Path, nargs="+")
    written.add_argument("--en", type=Path, nargs="+", default=[])
    written.add_argument("--tagged", type=Path, required=True)
    written.add_argument("--append", action="store_true", help="keep the people already written (a later round)")
    args = parser.parse_args()
    if args.command == "candidates":
        candidates(args.tagged, args.out_dir, args.min)
    else:
        write(args.items, args.answers, args.en, args.tagged, args.append)


if __name__ == "__main__":
    main()
