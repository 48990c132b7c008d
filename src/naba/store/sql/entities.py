"""Which articles name which canonical entity, on either backend (rows written with the articles)."""

from __future__ import annotations

from collections.abc import Sequence

from naba.store.dialect import Database


class SQLEntities:
    def __init__(self, db: Database):
        self._db = db

    def spellings(self, canonical: str) -> dict[str, int]:
        return {row["name"]: row["n"] for row in self._db.all(
            "SELECT name, count(*) AS n FROM article_entities WHERE canonical = ? GROUP BY name ORDER BY 2 DESC, 1",
            [canonical])}

    def recent_articles(self, canonicals: Sequence[str], per_entity: int) -> dict[int, list[str]]:
        shared: dict[int, list[str]] = {}
        for canonical in canonicals:
            for row in self._db.all("SELECT article_id FROM article_entities WHERE canonical = ? "
                                    "ORDER BY published_ts DESC LIMIT ?", [canonical, per_entity]):
                shared.setdefault(row["article_id"], []).append(canonical)
        return shared
