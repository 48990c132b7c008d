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

    def around(self, canonicals: Sequence[str], ts: float, days: float, per_entity: int) -> dict[int, list[str]]:
        """Two index range reads per entity (nearest before, nearest after), so a common name
        (السعودية) costs no more than a rare one."""
        shared: dict[int, list[str]] = {}
        reach = days * 86400.0
        for canonical in canonicals:
            before = self._db.all(
                "SELECT article_id FROM article_entities WHERE canonical = ? AND published_ts <= ? "
                "AND published_ts >= ? ORDER BY published_ts DESC LIMIT ?", [canonical, ts, ts - reach, per_entity])
            after = self._db.all(
                "SELECT article_id FROM article_entities WHERE canonical = ? AND published_ts > ? "
                "AND published_ts <= ? ORDER BY published_ts LIMIT ?", [canonical, ts, ts + reach, per_entity])
            for row in before + after:
                names = shared.setdefault(row["article_id"], [])
                if canonical not in names:
                    names.append(canonical)
        return shared
