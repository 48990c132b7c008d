"""Keep the house's layering true: data flows sources → pipeline → store → stories → serving, never back.

A whitelist: every module of the package belongs to one layer, and may import only the layers its
layer lists. The walk sees every import (also inside functions), resolves ``from naba import x`` and
relative imports to the module they name, and fails on a module that belongs to no layer, so a new
package has to be placed here on purpose.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "naba"

# layer -> the module prefixes that belong to it (the longest matching prefix decides)
LAYERS: dict[str, tuple[str, ...]] = {
    "root": ("naba",),  # the package's __init__: its version only
    "errors": ("naba.errors",),
    "text": ("naba.text",),
    "models": ("naba.models",),
    "settings": ("naba.settings",),
    "base": ("naba.dates", "naba.urls", "naba.gazetteer"),
    "sample": ("naba.sample",),
    "sources": ("naba.sources",),
    "pipeline": ("naba.pipeline",),
    "store": ("naba.store",),
    "stories": ("naba.stories",),
    "engine": ("naba.engine",),
    "serve": ("naba.serve",),
    "evaluation": ("naba.evaluation",),
    "cli": ("naba.cli", "naba.__main__"),
}

_FOUNDATION = ("root", "errors", "text", "models", "settings", "base")

# layer -> the layers it may import (its own layer is always allowed)
ALLOWED: dict[str, tuple[str, ...]] = {
    "root": (),
    "errors": (),
    "text": (),
    "models": (),
    "settings": ("errors",),
    "base": ("root", "errors", "text", "models", "settings"),
    "sample": (),
    "sources": _FOUNDATION,
    "pipeline": _FOUNDATION,
    "store": _FOUNDATION,
    "stories": (*_FOUNDATION, "store"),
    "engine": (*_FOUNDATION, "sources", "pipeline", "store", "stories"),
    # serving reads the store and the stories; it may resolve a query's names with the tagger's tables
    "serve": (*_FOUNDATION, "pipeline", "store", "stories"),
    "evaluation": (*_FOUNDATION, "sample", "sources", "pipeline", "store", "stories", "engine"),
    "cli": tuple(LAYERS),
}

# Outside its own layer, the store is reached only through its front door (naba.store): the backends,
# their SQL and their row mapping are the store's own business.
FRONT_DOORS = {"store": "naba.store"}

# Third-party modules that only one layer may use.
EXTERNAL = {
    "sqlite3": ("store",),
    "psycopg": ("store",),
    "fastapi": ("serve", "cli"),
    "starlette": ("serve",),
    "uvicorn": ("serve", "cli"),
    "jinja2": ("serve",),
    "typer": ("cli",),
    "rich": ("cli",),
    "pyspark": ("engine",),  # naba backfill's Spark executor only (naba.engine.backfill.spark)
    "warcio": ("sources",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str | None:
    best, best_len = None, -1
    for layer, prefixes in LAYERS.items():
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = layer, len(prefix)
    return best


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, by full name; ``from naba import x`` names naba.x when x is a module."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                names.add(candidate if _is_module(candidate) else base)
    return names


def _is_module(dotted: str) -> bool:
    if not dotted.startswith("naba."):
        return False
    target = PACKAGE.parent.joinpath(*dotted.split("."))
    return target.with_suffix(".py").exists() or (target / "__init__.py").exists()


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_every_module_belongs_to_a_layer(path: Path):
    assert layer_of(module_name(path)) is not None, f"{module_name(path)} is in no layer: place it in LAYERS"


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_module_imports_only_what_its_layer_may(path: Path):
    module = module_name(path)
    mine = layer_of(module)
    for name in sorted(imported_modules(path)):
        top = name.split(".")[0]
        if top == "naba":
            theirs = layer_of(name)
            assert theirs is not None, f"{module} imports {name}, which is in no layer"
            assert theirs == mine or theirs in ALLOWED[mine], \
                f"{module} ({mine}) imports {name} ({theirs}); {mine} may import {ALLOWED[mine]}"
            door = FRONT_DOORS.get(theirs)
            assert theirs == mine or door is None or name == door, \
                f"{module} imports {name}: outside {theirs}, use {door}"
        elif top in EXTERNAL:
            assert mine in EXTERNAL[top], f"{module} ({mine}) imports {top}, which only {EXTERNAL[top]} may use"


def test_the_walk_resolves_what_a_blacklist_missed(tmp_path):
    """``from naba import engine`` inside the store is an engine import, not a harmless ``naba`` one."""
    fake = PACKAGE / "store" / "_layering_probe.py"
    assert not fake.exists()
    fake.write_text("from naba import engine\nfrom . import sqlite\n", encoding="utf-8")
    try:
        assert imported_modules(fake) == {"naba.engine", "naba.store.sqlite"}
    finally:
        fake.unlink()


def test_the_walk_sees_the_whole_package():
    assert len(MODULES) > 100
    assert {layer_of(module_name(p)) for p in MODULES} == set(LAYERS)
