"""Each article's precomputed "similar" and "read also" lists, on either backend.

A row per article, both lists as JSON (``[[article_id, story_id, score, why, outlets, copies], ...]``):
an article page reads one row by its primary key. What goes in the lists is the story stage's rule
(``naba.stories.related``); the store only keeps what it is given. The stage marks the articles whose
lists its decisions made stale (``related_stale``); `naba refresh` computes them again, and a mark made
after a computation began outlives that computation's write.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from naba.store.contracts import ListedItem, StoredLists
from naba.store.dialect import Database

# articles above an id whose lists are to be computed: marked stale, or none stored
_DUE = ("SELECT article_id AS id FROM related_stale WHERE article_id > ? "
        "UNION SELECT a.id FROM articles a LEFT JOIN related_lists r ON r.article_id = a.id "
        "WHERE a.id > ? AND r.article_id IS NULL")


class SQLRelated:
    def __init__(self, db: Database):
        self._db = db

    def lists(self, article_id: int) -> StoredLists | None:
        row = self._db.one("SELECT similar_items, read_also_items FROM related_lists WHERE article_id = ?",
                           [article_id])
        if row is None:
            return None
        return _items(row["similar_items"]), _items(row["read_also_items"])

    def write(self, lists: Sequence[tuple[int, StoredLists]], computed_ts: float) -> None:
        if not lists:
            return
        rows = [(article_id, _json(similar), _json(read_also), computed_ts)
                for article_id, (similar, read_also) in lists]
        with self._db.transaction():
            self._db.many(
                "INSERT INTO related_lists (article_id, similar_items, read_also_items, computed_ts) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET similar_items = excluded.similar_items, "
                "read_also_items = excluded.read_also_items, computed_ts = excluded.computed_ts", rows)
            self._db.many("DELETE FROM related_stale WHERE article_id = ? AND marked_ts <= ?",
                          [(article_id, computed_ts) for article_id, _ in lists])

    def mark_stale(self, article_ids: Iterable[int], marked_ts: float) -> None:
        rows = [(article_id, marked_ts) for article_id in sorted(set(article_ids))]
        if rows:
            with self._db.transaction():
                self._db.many("INSERT INTO related_stale (article_id, marked_ts) VALUES (?, ?) ON CONFLICT "
                              "(article_id) DO UPDATE SET marked_ts = excluded.marked_ts", rows)

    def pending(self, after_id: int = 0, limit: int = 500) -> list[int]:
        return [row["id"] for row in self._db.all(
            f"SELECT id FROM ({_DUE}) AS due ORDER BY id LIMIT ?", [after_id, after_id, limit])]

    def count_pending(self) -> int:
        row = self._db.one(f"SELECT COUNT(*) AS n FROM ({_DUE}) AS due", [0, 0])
        return int(row["n"]) if row else 0

    def story_members(self, story_id: int, limit: int) -> list[int]:
        return [row["id"] for row in self._db.all(
            "SELECT id FROM articles WHERE story_id = ? ORDER BY published_ts DESC, id DESC LIMIT ?",
            [story_id, limit])]


def _json(items: Sequence[ListedItem]) -> str:
    return json.dumps([[i.article_id, i.story_id, i.score, list(i.why), list(i.outlets), i.copies] for i in items],
                      ensure_ascii=False)


def _items(text: str) -> tuple[ListedItem, ...]:
    return tuple(ListedItem(article_id, story_id, score, tuple(why), tuple(outlets), copies)
                 for article_id, story_id, score, why, outlets, copies in json.loads(text))
