"""The sample corpus that ships inside the package (original text written for naba; see sample/README.md)."""

from __future__ import annotations

from pathlib import Path


def sample_dir() -> Path:
    return Path(__file__).parent


def sample_paths() -> list[str]:
    """The corpus files to ingest: the JSONL dump and the pages, not the README or the ground truth."""
    root = sample_dir()
    pages = sorted(str(p) for p in (root / "pages").glob("*") if p.suffix in {".txt", ".html"})
    return [str(root / "articles.jsonl"), *pages]


def sample_truth_path() -> Path:
    """The sample's ground truth: stories, duplicate groups, spelling variants (see sample/README.md)."""
    return sample_dir() / "truth.json"
