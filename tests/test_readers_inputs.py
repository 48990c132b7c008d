"""iter_records: paths, folders, globs and stdin dispatched to readers; bad inputs rejected alone."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from naba.errors import EncodingError, UnsupportedFormat
from naba.models import Record, Rejection
from naba.settings import Settings
from naba.sources.readers import iter_records, parse_record
from naba.sources.readers.inputs import detect_format, sniff_content

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SETTINGS = Settings()


def _read(paths, settings=SETTINGS, hints=None, stdin=None):
    return list(iter_records([str(path) for path in paths], settings, hints or {}, stdin=stdin))


def _where(item):
    return item.origin if isinstance(item, Record) else item.where


@pytest.mark.parametrize("name, head, kind", [
    ("a.zip", b"", "zip"),
    ("a.tar", b"", "tar"), ("a.tar.gz", b"", "tar"), ("a.TGZ", b"", "tar"),
    ("a.tar.xz", b"", "tar"), ("a.tar.bz2", b"", "tar"),
    ("a.json", b"[", "json"), ("a.jsonl", b"{", "jsonl"), ("a.ndjson", b"{", "jsonl"),
    ("a.txt", b"<DOC>\n<DOCNO>", "ant"), ("a.xml", b"\n<DOC>", "ant"), ("a.sgml", b"<DOC>", "ant"),
    ("a.txt", "نص عادي".encode(), "textpage"),
    ("a.html", b"<html>", "html"), ("a.HTM", b"", "html"),
])
def test_detect_format(name, head, kind):
    assert detect_format(name, head) == kind


@pytest.mark.parametrize("name, head", [("a.docx", b"PK"), ("README", b"x"), ("a.xml", b"<rss>")])
def test_detect_format_refuses_unknown_files(name, head):
    with pytest.raises(UnsupportedFormat):
        detect_format(name, head)


@pytest.mark.parametrize("data, kind", [
    (b'[{"content": "x"}]', "json"),
    (b'  {"content": "x"}', "json"),
    (b'{"content": "x"}\n{"content": "y"}\n', "jsonl"),
    (b"<DOC>\n<TEXT>x</TEXT>\n</DOC>", "ant"),
    (b"<!DOCTYPE html>\n<html><body>x</body></html>", "html"),
    ("نص عادي\n".encode(), "textpage"),
    (b"PK\x03\x04rest", "zip"),
    (b"\xfd7zXZ\x00rest", "tar"),
])
def test_sniff_content(data, kind):
    assert sniff_content(data) == kind


def test_folder_is_walked_sorted_and_hidden_files_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / "b" / "2.txt").write_text("نص ٢", encoding="utf-8")
    (tmp_path / "a.txt").write_text("نص ١", encoding="utf-8")
    assert [_where(item) for item in _read([tmp_path])] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt")]


def test_glob_is_expanded():
    items = _read([FIXTURES / "*.json*"])
    assert {_where(item).split("#")[0].split(":")[0] for item in items} == {
        str(FIXTURES / "articles.json"), str(FIXTURES / "articles.jsonl")}


def test_missing_path_is_rejected_and_the_rest_goes_on(tmp_path):
    missing = tmp_path / "nope.json"
    items = _read([missing, FIXTURES / "page_with_title.txt", tmp_path / "*.zip"])
    assert isinstance(items[0], Rejection) and items[0].where == str(missing)
    assert items[0].reason.startswith("no such file")
    assert isinstance(items[1], Record) and items[1].format == "textpage"
    assert isinstance(items[2], Rejection) and items[2].where == str(tmp_path / "*.zip")


def test_unknown_extension_is_an_unsupported_format_rejection(tmp_path):
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK\x03\x04")
    (item,) = _read([odd])
    assert item.where == str(odd) and item.reason.startswith("unsupported format")


def test_hints_travel_sorted_on_every_record():
    items = _read([FIXTURES / "two_docs.txt"], hints={"source": "alwafd", "lang": "ar"})
    assert {item.hints for item in items} == {(("lang", "ar"), ("source", "alwafd"))}
    assert parse_record(items[0]).source == "alwafd"


@pytest.mark.parametrize("fixture, formats", [
    ("articles.json", ["json"] * 3),
    ("two_docs.txt", ["ant", "ant"]),
    ("page_with_title.txt", ["textpage"]),
    ("article_cp1256.html", ["html"]),
])
def test_stdin_is_sniffed(fixture, formats):
    items = _read(["-"], stdin=io.BytesIO((FIXTURES / fixture).read_bytes()))
    assert [item.format for item in items] == formats
    assert all(item.origin.startswith("<stdin>") for item in items)


def test_stdin_zip(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("day.json", (FIXTURES / "articles.json").read_bytes())
    items = _read(["-"], stdin=io.BytesIO(buffer.getvalue()))
    assert [item.origin for item in items] == [f"<stdin>!day.json#{i}" for i in range(3)]


def test_fifty_megabyte_page_is_rejected_and_the_rest_goes_on(tmp_path):
    big = tmp_path / "a_big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    shutil.copy(FIXTURES / "page_with_title.txt", tmp_path / "b_small.txt")
    items = _read([tmp_path])
    assert isinstance(items[0], Rejection) and items[0].where == str(big)
    assert "larger than the limit of 10,485,760 bytes" in items[0].reason
    assert isinstance(items[1], Record) and items[1].origin == str(tmp_path / "b_small.txt")


def test_undecodable_page_is_an_encoding_error_naming_the_file(tmp_path):
    page = tmp_path / "garbage.txt"
    page.write_bytes(bytes(range(256)) * 8)
    (record,) = _read([page])
    with pytest.raises(EncodingError) as caught:
        parse_record(record)
    assert caught.value.where == str(page) and "\n" not in str(caught.value)


def test_unknown_record_format_is_refused():
    with pytest.raises(UnsupportedFormat, match="no reader") as caught:
        parse_record(Record("pdf", b"%PDF", "x.pdf"))
    assert caught.value.where == "x.pdf"


def test_json_record_over_the_page_limit_is_rejected(tmp_path):
    path = tmp_path / "big.jsonl"
    lines = [{"content": "نص قصير"}, {"content": "ب" * 2000}, {"content": "نص آخر"}]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    items = _read([path], settings=Settings(max_page_bytes=1000))
    assert [type(item).__name__ for item in items] == ["Record", "Rejection", "Record"]
    assert items[1].where == f"{path}:2" and "larger than the limit" in items[1].reason


def _listed_by_an_unprivileged_process(folder: Path) -> list[tuple[str, str, str]]:
    """(kind, where, reason) of each item iter_records yields for ``folder``, read by a forked process
    that folder permissions really stop: root reads every folder, so as root the child first becomes
    the unprivileged ``nobody`` (uid 65534)."""
    import os

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            items = [("rejected", item.where, item.reason) if isinstance(item, Rejection) else
                     ("record", item.origin, "") for item in _read([folder])]
            os.write(write_end, json.dumps(items).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return [tuple(item) for item in json.loads(data)]


def test_unreadable_sub_folders_and_folder_links_each_get_a_rejection_line():
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="naba-unreadable-"))  # not under pytest's root-only tmp folder
    try:
        (top / "open").mkdir()
        (top / "open" / "a.txt").write_text("نص يمكن قراءته", encoding="utf-8")
        (top / "locked" / "inner").mkdir(parents=True)
        (top / "locked" / "inner" / "b.txt").write_text("نص مخفي خلف مجلد مقفل", encoding="utf-8")
        (top / "link").symlink_to(top / "open", target_is_directory=True)
        for folder in (top, top / "open"):
            folder.chmod(0o755)
        (top / "locked").chmod(0)
        items = _listed_by_an_unprivileged_process(top)
        assert ("record", str(top / "open" / "a.txt"), "") in items
        rejected = {where: reason for kind, where, reason in items if kind == "rejected"}
        assert set(rejected) == {str(top / "locked"), str(top / "link")}
        assert "cannot read the folder" in rejected[str(top / "locked")]
        assert "link to a folder" in rejected[str(top / "link")]
    finally:
        (top / "locked").chmod(0o755)
        shutil.rmtree(top)
