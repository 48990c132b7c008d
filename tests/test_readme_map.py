"""The README's map of the code matches the tree: every package it names exists, every package is named."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "src" / "naba"


def _section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## How it is built")
    return readme[start:readme.index("\n## ", start + 1)]


def _exists(dotted: str) -> bool:
    path = PACKAGE.parent.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def test_every_module_the_map_names_exists():
    named = set(re.findall(r"`(naba(?:\.[a-z_]+)+)`", _section()))
    assert len(named) > 15
    assert sorted(n for n in named if not _exists(n)) == []


def test_every_package_is_on_the_map():
    section = _section()
    packages = {p.parent.relative_to(PACKAGE.parent) for p in PACKAGE.glob("*/__init__.py")}
    for package in packages:
        folder = f"{package.name}/"
        assert folder in section, f"{folder} is not in the README's tree"


def test_the_map_draws_no_folder_that_is_gone():
    tree = _section().split("```")[1]
    folders = re.findall(r"── ([a-z_]+)/", tree)
    assert len(folders) > 10
    for folder in folders:
        assert any(p.is_dir() for p in PACKAGE.rglob(folder)), f"the README's tree draws {folder}/, which is gone"
