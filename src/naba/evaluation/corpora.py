"""The real corpora in ``../shared/data``, read for the evaluations, each article under a stable key.

    snn:<zip name>#<position>   SaudiNewsNet: position in that zip file's JSON array
    ant:<DOCNO>                 ANT Corpus v2.1: the document's own number

Labels in ``labels/`` hold only these keys (the text is third-party data and is never copied into the
repository); an evaluation joins them back to the text here, at run time.
"""

from __future__ import annotations

import html
import json
import re
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

from naba.dates import to_timestamp
from naba.models import Record

ANT_ARCHIVE = ("ant", "ant-v2.1.tar.xz")
_ANT_FIELD = re.compile(r"<(DOCNO|URL|SRC|CAT|TITLE|TIME|AUTHOR|TEXT)>(.*?)</\1>", re.S)


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One article of a corpus, as the evaluations read it."""

    key: str
    source: str
    title: str
    body: str
    published: str  # ISO 8601 as far as the corpus gives it ("" when it does not)
    url: str = ""
    category: str = ""

    @property
    def ts(self) -> float:
        return to_timestamp(self.published) or 0.0

    @property
    def corpus(self) -> str:
        return self.key.split(":", 1)[0]


def saudinewsnet(data_dir: Path) -> Iterator[NewsItem]:
    """Every SaudiNewsNet article, file by file, in position order."""
    for path in sorted((data_dir / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                for i, item in enumerate(json.loads(archive.read(member))):
                    yield NewsItem(f"snn:{path.name}#{i}", item.get("source") or "", item.get("title") or "",
                                   item.get("content") or "", item.get("date_extracted") or "",
                                   item.get("url") or "")


def ant(data_dir: Path) -> Iterator[NewsItem]:
    """Every ANT article, in archive order."""
    with tarfile.open(data_dir.joinpath(*ANT_ARCHIVE), mode="r|xz") as archive:
        for member in archive:
            handle = archive.extractfile(member) if member.isfile() else None
            if handle is None:
                continue
            item = ant_item(handle.read().decode("utf-8", "replace"))
            if item is not None:
                yield item


def ant_item(raw: str) -> NewsItem | None:
    fields = {name: html.unescape(value).strip() for name, value in _ANT_FIELD.findall(raw)}
    if not fields.get("DOCNO") or not fields.get("TEXT"):
        return None
    return NewsItem(f"ant:{fields['DOCNO']}", fields.get("SRC", ""), fields.get("TITLE", ""), fields["TEXT"],
                    _rfc2822(fields.get("TIME", "")), fields.get("URL", ""), fields.get("CAT", ""))


def _rfc2822(value: str) -> str:
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


def load(data_dir: Path, corpora: tuple[str, ...] = ("snn", "ant")) -> dict[str, NewsItem]:
    """The chosen corpora by key."""
    readers = {"snn": saudinewsnet, "ant": ant}
    return {item.key: item for name in corpora for item in readers[name](data_dir)}


def records(data_dir: Path, keys: set[str]) -> dict[str, Record]:
    """The raw records of the chosen articles, as ``naba ingest`` reads them (so they go through the
    same readers, clean stage and tagger): a JSON object for SaudiNewsNet, the TREC document for ANT."""
    found: dict[str, Record] = {}
    for path in sorted((data_dir / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for i, item in enumerate(json.loads(archive.read(name))):
                    key = f"snn:{path.name}#{i}"
                    if key in keys:
                        found[key] = Record("json", json.dumps(item, ensure_ascii=False).encode(), key)
    if any(key.startswith("ant:") for key in keys):
        with tarfile.open(data_dir.joinpath(*ANT_ARCHIVE), mode="r|xz") as archive:
            for member in archive:
                key = "ant:" + member.name.rsplit("/", 1)[-1].removesuffix(".txt")
                handle = archive.extractfile(member) if member.isfile() and key in keys else None
                if handle is not None:
                    found[key] = Record("ant", handle.read(), key)
    return found
