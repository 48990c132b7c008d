"""Keep the house's layering true: data flows sources → stages → store → serving, never back.

Walks every module's imports with ``ast`` and checks each against the layers it may use.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "naba"

BASE = {"naba.errors", "naba.models", "naba.settings", "naba.text", "naba.dates", "naba.urls"}

# module prefix -> naba modules it must never import
FORBIDDEN = {
    "naba.text": {"naba.sources.readers", "naba.pipeline.clean", "naba.store", "naba.engine.ingest", "naba.serve.search", "naba.cli",
                  "naba.dates", "naba.urls"},
    "naba.models": {"naba.text", "naba.sources.readers", "naba.pipeline.clean", "naba.store", "naba.engine.ingest", "naba.cli"},
    "naba.errors": {"naba."},
    "naba.settings": {"naba.text", "naba.sources.readers", "naba.pipeline.clean", "naba.store", "naba.engine.ingest", "naba.cli"},
    "naba.sources.readers": {"naba.pipeline.clean", "naba.store", "naba.engine.ingest", "naba.serve.search", "naba.cli"},
    "naba.pipeline.clean": {"naba.sources.readers", "naba.store", "naba.engine.ingest", "naba.serve.search", "naba.cli"},
    "naba.store": {"naba.sources.readers", "naba.pipeline.clean", "naba.engine.ingest", "naba.serve.search", "naba.cli",
                   "naba.pipeline.identity", "naba.pipeline.searchdoc"},
    "naba.engine.ingest": {"naba.cli", "sqlite3"},
    "naba.serve.search": {"naba.cli", "naba.engine.ingest", "sqlite3"},
    "naba.engine.crawler": {"naba.cli", "sqlite3"},
    "naba.stories.copies": {"naba.store", "naba.sources.readers", "naba.engine.ingest", "naba.cli", "sqlite3"},
    "naba.stories.similarity": {"naba.store", "naba.sources.readers", "naba.engine.ingest", "naba.cli", "sqlite3"},
    "naba.sources.fetch": {"naba.store", "naba.pipeline.clean", "naba.engine.ingest", "naba.serve.search", "naba.cli"},
    "naba.pipeline.tagging": {"naba.store", "naba.sources.readers", "naba.pipeline.clean", "naba.engine.ingest", "naba.cli", "sqlite3"},
    "naba.stories": {"naba.sources.readers", "naba.pipeline.clean", "naba.engine.ingest", "naba.serve.search", "naba.cli", "sqlite3"},
    "naba.stories.related": {"naba.sources.readers", "naba.pipeline.clean", "naba.engine.ingest", "naba.stories", "naba.cli", "sqlite3"},
    "naba.evaluation": {"naba.cli", "naba.serve.web"},
    "naba.serve.web": {"naba.engine.ingest", "naba.sources.readers", "naba.pipeline.clean", "naba.sources.fetch", "naba.engine.crawler", "naba.cli", "sqlite3"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_module_respects_its_layer(path: Path):
    module = _module_name(path)
    for prefix, forbidden in FORBIDDEN.items():
        if module == prefix or module.startswith(prefix + "."):
            bad = {name for name in _imports(path)
                   for banned in forbidden if name == banned or name.startswith(banned.rstrip(".") + ".")}
            bad.discard(module)
            assert not bad, f"{module} imports {sorted(bad)}, which its layer forbids"


def test_the_walk_sees_the_package():
    assert len(MODULES) > 10
