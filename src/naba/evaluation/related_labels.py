"""Labelled samples for the related lists and the attribution, judged by a person who did not write them.

    python -m naba.evaluation.related_labels render --db STORE --out DIR   # lists and credits to judge
    python -m naba.evaluation.related_labels score --out DIR               # the figures, per half

``render`` draws, for each half (tune, test), LISTS_PER_CORPUS random articles of SaudiNewsNet (2015)
and as many of ANT (2018) from a store whose lists the story stage computed, and CREDITED articles
whose text credits an outlet (a reporting phrase before a media word or a known agency), alternately
to the tune half and the test half. It writes, per half, a text file a labeller reads (each
article's title and lead, then every shown item's title, outlet, date, why and lead; each credited
article's text and the outlets naba read from it) and a JSON file of what was shown (ids, dates),
so ``score`` needs no store.
The labeller's instructions are ``GUIDELINES`` (written beside the files); the labels come back as
JSONL, one object per judged item or article (formats in the guidelines). Tuning may read the tune
half; figures are reported on the test half.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Sequence
from pathlib import Path

from naba.dates import to_timestamp
from naba.models import StoredArticle
from naba.pipeline.clean.attribution import find_attribution
from naba.store import Store, open_store
from naba.stories.related import related
from naba.stories.summaries import headline

LISTS_PER_CORPUS = 35
CREDITED = 110
SHOWN_SIMILAR, SHOWN_READ_ALSO = 5, 3
LEAD_CHARS, ITEM_LEAD_CHARS, CREDIT_CHARS = 500, 260, 2400
_CREDIT = re.compile(r"(نقلا عن|نقلاً عن|بحسب|حسب|وفقا|وفقاً|ذكرت|أفادت|أوردت|نقلت|المصدر)\s+\S*"
                     r"(وكالة|صحيفة|جريدة|موقع|قناة|شبكة|مجلة|رويترز|فرانس|واس|قنا|وام|بنا|كونا|سبأ|سانا|الألمانية"
                     r"|الفرنسية|سكاي|الأناضول|شينخوا|إرنا)")
_CREDIT_MARK = re.compile(r"\((واس|قنا|وام|بنا|كونا|سبأ|سانا|د ب أ|أ ف ب|رويترز|أ ش أ)\)")


def pick_halves(store: Store) -> dict[str, list[int]]:
    """Two disjoint halves, each LISTS_PER_CORPUS random articles of each corpus (by year), interleaved,
    dated, with bodies of 200+ characters: "tune" (seed 17) and "test" (seed 18)."""
    snn: list[int] = []
    ant: list[int] = []
    for stored in store.articles.scan():
        ts = to_timestamp(stored.article.published_at)
        if ts is None or len(stored.article.body) < 200:
            continue
        (snn if ts < 1.45e9 else ant).append(stored.id)
    halves: dict[str, list[int]] = {}
    for half, seed in (("tune", 17), ("test", 18)):
        rng = random.Random(seed)
        taken = {i for ids in halves.values() for i in ids}
        picked = [rng.sample([i for i in pool if i not in taken], LISTS_PER_CORPUS) for pool in (snn, ant)]
        halves[half] = [i for pair in zip(*picked, strict=True) for i in pair]
    return halves


def pick_credited(store: Store, seed: int = 17) -> list[int]:
    found = [s.id for s in store.articles.scan()
             if _CREDIT.search(s.article.body) or _CREDIT_MARK.search(s.article.body)]
    return sorted(random.Random(seed).sample(found, min(CREDITED, len(found))))


def render(store: Store, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "GUIDELINES.md").write_text(GUIDELINES, encoding="utf-8")
    halves = pick_halves(store)
    credited = pick_credited(store)
    for half, parity in (("tune", 0), ("test", 1)):
        shown = _render_lists(store, halves[half], out / f"lists_{half}.txt")
        (out / f"lists_{half}.json").write_text(json.dumps(shown, ensure_ascii=False, indent=1), encoding="utf-8")
        picked = [i for n, i in enumerate(credited) if n % 2 == parity]
        read = _render_credits(store, picked, out / f"credits_{half}.txt")
        (out / f"credits_{half}.json").write_text(json.dumps(read, ensure_ascii=False, indent=1), encoding="utf-8")


def _render_lists(store: Store, ids: Sequence[int], path: Path) -> list[dict]:
    shown, lines = [], []
    for n, article_id in enumerate(ids, 1):
        found = related(store, article_id, k=SHOWN_SIMILAR, read_also=SHOWN_READ_ALSO)
        me = store.articles.get(article_id)
        assert found is not None and me is not None, article_id
        lines += [f"\n================ ARTICLE {n} ================", _brief(me, LEAD_CHARS)]
        record: dict = {"article": n, "id": article_id, "published_at": me.article.published_at,
                        "similar": [], "read_also": []}
        for name, items in (("similar", found.similar), ("read_also", found.read_also)):
            lines.append(f"\n--- {name.upper()} ({len(items)} shown) ---")
            for k, item in enumerate(items, 1):
                lines.append(f"[{name[0].upper()}{k}] why: {'، '.join(item.why) or '-'} | outlets: "
                             f"{', '.join(item.outlets)}\n" + _brief(item.article, ITEM_LEAD_CHARS))
                record[name].append({"item": f"{name[0].upper()}{k}", "id": item.article.id,
                                     "story_id": item.story_id, "published_at": item.article.article.published_at})
        shown.append(record)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return shown


def _render_credits(store: Store, ids: Sequence[int], path: Path) -> list[dict]:
    read, lines = [], []
    for n, article_id in enumerate(ids, 1):
        stored = store.articles.get(article_id)
        assert stored is not None, article_id
        body = stored.article.body
        text = body if len(body) <= CREDIT_CHARS else body[:CREDIT_CHARS - 600] + "\n[...]\n" + body[-500:]
        # what the clean stage reads from the stored text (a store written by an older naba keeps its own)
        credits = find_attribution(body, stored.article.credited_source, stored.article.title, stored.article.source)
        lines += [f"\n================ CREDITS {n} ================",
                  f"outlet: {stored.article.source} | published: {stored.article.published_at}",
                  f"TITLE: {headline(stored.article)}", f"TEXT:\n{text}",
                  "NABA READ: " + (" | ".join(credits) or "(nothing)")]
        read.append({"article": n, "id": article_id, "read": list(credits)})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read


def _brief(stored: StoredArticle, lead: int) -> str:
    body = stored.article.body.replace("\n\n", " ")
    return (f"TITLE: {headline(stored.article)}\noutlet: {stored.article.source} | published: "
            f"{stored.article.published_at or 'unknown'}\nLEAD: {body[:lead]}{'...' if len(body) > lead else ''}")


def score(out: Path, half: str) -> str:
    """The figures of one half from its rendered JSON and the labeller's JSONL."""
    shown = json.loads((out / f"lists_{half}.json").read_text(encoding="utf-8"))
    labels = _jsonl(out / f"labels_lists_{half}.jsonl")
    rows = [score_lists(shown, labels)]
    credit_labels = out / f"labels_credits_{half}.jsonl"
    if credit_labels.exists():
        rows.append(score_credits(_jsonl(credit_labels)))
    return "\n".join(f"| {half} | {key} | {value} |" for row in rows for key, value in row.items())


def score_lists(shown: list[dict], labels: list[dict]) -> dict[str, str]:
    by_item = {(label["article"], label["item"]): label for label in labels}
    similar = [by_item.get((a["article"], i["item"])) for a in shown for i in a["similar"]]
    also = [by_item.get((a["article"], i["item"])) for a in shown for i in a["read_also"]]
    judged_similar = [s for s in similar if s is not None]
    judged_also = [s for s in also if s is not None]
    within = [abs(_gap_days(a["published_at"], i["published_at"])) <= 60 for a in shown for i in a["read_also"]
              if a["published_at"] and i["published_at"]]
    twice = sum(1 for a in shown
                if any(by_item.get((a["article"], i["item"]), {}).get("repeats") for i in a["similar"]))
    return {
        "articles": str(len(shown)),
        "similar items shown (top 5)": f"{len(similar)} ({len(judged_similar)} judged); empty lists "
                                       f"{sum(1 for a in shown if not a['similar'])}",
        "similar: same event or directly linked": _share(judged_similar, {"same_event", "linked"}),
        "similar: same event": _share(judged_similar, {"same_event"}),
        "similar: unrelated": _share(judged_similar, {"unrelated"}),
        "similar: lists showing one story twice": f"{twice} of {len(shown)}",
        "read also shown": f"{len(also)} ({len(judged_also)} judged); empty lists "
                           f"{sum(1 for a in shown if not a['read_also'])}",
        "read also: relevant": _share(judged_also, {"same_event", "linked", "same_topic"}),
        "read also: within 60 days": f"{sum(within)}/{len(within)} = {sum(within) / max(1, len(within)):.2f}",
        "why: only shared, specific evidence": _why_ok(judged_similar + judged_also),
    }


def _why_ok(labels: list[dict]) -> str:
    """The share of judged items whose "why" the labeller found really shared and specific."""
    judged = [label["why_ok"] for label in labels if label.get("why_ok") is not None]
    return f"{sum(judged)}/{len(judged)} = {sum(judged) / max(1, len(judged)):.2f}"


def score_credits(labels: list[dict]) -> dict[str, str]:
    crediting = [label for label in labels if label.get("correct") or label.get("missed")]
    correct = sum(len(label.get("correct", [])) for label in labels)
    wrong = sum(len(label.get("wrong", [])) for label in labels)
    missed = sum(len(label.get("missed", [])) for label in crediting)
    return {"credits: articles judged / crediting an outlet": f"{len(labels)} / {len(crediting)}",
            "credits: precision": f"{correct}/{correct + wrong} = {correct / max(1, correct + wrong):.3f}",
            "credits: recall": f"{correct}/{correct + missed} = {correct / max(1, correct + missed):.3f}"}


def _share(labels: list[dict], good: set[str]) -> str:
    hits = sum(1 for label in labels if label["label"] in good)
    return f"{hits}/{len(labels)} = {hits / max(1, len(labels)):.2f}"


def _gap_days(a: str, b: str) -> float:
    return ((to_timestamp(a) or 0.0) - (to_timestamp(b) or 0.0)) / 86400.0


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


GUIDELINES = (Path(__file__).parent / "labels" / "RELATED_GUIDELINES.md").read_text(encoding="utf-8") \
    if (Path(__file__).parent / "labels" / "RELATED_GUIDELINES.md").exists() else ""


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("render", "score"))
    parser.add_argument("--db")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--half", default="test")
    args = parser.parse_args(argv)
    if args.command == "render":
        store = open_store(args.db, read_only=True)
        try:
            render(store, args.out)
        finally:
            store.close()
    else:
        print("| half | figure | value |\n|---|---|---|\n" + score(args.out, args.half))


if __name__ == "__main__":
    main()
