"""Stored text is printed as text: console markup in a title, an outlet, a tag, a source's name or a query
neither stops a command (``[/x]`` was a rich.errors.MarkupError) nor turns into a terminal link or style.

The real `naba` command, in a process of its own, on a store of each backend.
"""

from __future__ import annotations

import json

import pytest

from cli_runner import Ran
from cli_runner import naba as naba_in_process
from naba import engine
from naba.settings import Settings
from naba.store import open_store

CLOSE = "[/x]"
LINK = "[link=https://evil.example/]انقر هنا[/link]"
STYLE = "[bold red]"
EMOJI = ":thumbs_up:"
MARKUP = (CLOSE, LINK, STYLE, EMOJI)
RECORD = {
    "id": "markup-1", "url": "https://markup.example/1",
    "source": f"موقع {CLOSE} {STYLE}", "date": "2026-11-25T10:00:00+03:00",
    "title": f"عنوان فيه {CLOSE} و {LINK} و {EMOJI}",
    "content": f"نص الخبر عن الكرملين وزيلينسكي {CLOSE} و {LINK}.\n\nفقرة ثانية فيها {STYLE} و {EMOJI}.",
    "tags": [f"وسم {CLOSE}"],
}


@pytest.fixture
def markup_store(store_url, tmp_path) -> str:
    path = tmp_path / "markup.jsonl"
    path.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    store = open_store(store_url)
    try:
        report = engine.ingest(store, [str(path)], Settings())
        assert report.stored == 1 and not report.rejected
        store.sources.add(f"https://feeds.example/{CLOSE}", f"مصدر {CLOSE} {LINK}", "rss", 600,
                          "2026-11-25T10:00:00+00:00")
    finally:
        store.close()
    return store_url


def naba(*args: str) -> Ran:
    return naba_in_process(*args, env={"COLUMNS": "1000"})  # wide: a table must not fold a cell mid-word


def _article_id(db: str) -> str:
    return str(json.loads(naba("export", "--db", db).stdout.splitlines()[0])["id"])


@pytest.mark.parametrize("command, shown", [
    (["show", "{id}"], (CLOSE, LINK, STYLE, EMOJI)),
    (["stats"], (CLOSE, STYLE)),
    (["stories"], (CLOSE, LINK)),
    (["story", "{id}"], (CLOSE, LINK)),
    (["sources", "list"], (CLOSE, LINK)),
    (["search", "الكرملين"], (CLOSE, LINK)),
    (["search", f"زيلينسكي {CLOSE}"], (CLOSE,)),  # the query itself, echoed back
])
def test_markup_in_stored_text_and_queries_is_printed_as_text(markup_store, command, shown):
    article_id = _article_id(markup_store)
    result = naba(*[part.format(id=article_id) for part in command], "--db", markup_store)
    assert result.returncode == 0, result.stderr
    for text in shown:
        assert text in result.stdout, f"{text!r} is not printed as it is stored by `naba {' '.join(command)}`"
    assert "\x1b]8;" not in result.stdout  # no terminal hyperlink
