"""Archives are streamed: limits on member size and expansion, corrupt archives rejected alone."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

from naba.models import Record, Rejection
from naba.settings import Settings
from naba.sources.readers import iter_records, parse_record

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
ZEROS_MB = 20  # deflates about a thousandfold: far over the default ratio of 200


def _read(paths, settings=None):
    return list(iter_records([str(path) for path in paths], settings or Settings()))


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _zip_with_zeros(path: Path, before: dict[str, bytes], after: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in before.items():
            archive.writestr(name, data)
        with archive.open("bomb.txt", "w") as member:
            for _ in range(ZEROS_MB):
                member.write(bytes(1024 * 1024))
        for name, data in after.items():
            archive.writestr(name, data)
    return path


def _tar(path: Path, members: dict[str, bytes], mode: str = "w:gz", **options) -> Path:
    with tarfile.open(path, mode, **options) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_zip_members_are_dispatched_like_files(tmp_path):
    archive = _zip(tmp_path / "mixed.zip", {
        "day/articles.json": (FIXTURES / "articles.json").read_bytes(),
        "ant/two.txt": (FIXTURES / "two_docs.txt").read_bytes(),
        "__MACOSX/._two.txt": b"resource fork",
        "page.html": (FIXTURES / "article_cp1256.html").read_bytes(),
    })
    items = _read([archive])
    assert [(item.format, item.origin) for item in items] == [
        ("json", f"{archive}!day/articles.json#0"), ("json", f"{archive}!day/articles.json#1"),
        ("json", f"{archive}!day/articles.json#2"), ("ant", f"{archive}!ant/two.txt#0"),
        ("ant", f"{archive}!ant/two.txt#1"), ("html", f"{archive}!page.html"),
    ]


def test_tar_gz_with_a_nested_zip(tmp_path):
    inner = _zip(tmp_path / "inner.zip", {"a.jsonl": b'{"content": "\xd9\x86\xd8\xb5"}\n'})
    archive = _tar(tmp_path / "outer.tgz", {"x/inner.zip": inner.read_bytes(),
                                            "x/page.txt": "عنوان\n\nنص".encode()})
    items = _read([archive])
    assert [item.origin for item in items] == [f"{archive}!x/inner.zip!a.jsonl:1", f"{archive}!x/page.txt"]
    assert parse_record(items[0]).body == "نص"


def test_zip_bomb_member_is_rejected_and_the_rest_goes_on(tmp_path):
    good = (FIXTURES / "page_with_title.txt").read_bytes()
    archive = _zip_with_zeros(tmp_path / "bomb.zip", {"a.txt": good}, {"z.txt": good})
    items = _read([archive])
    assert [type(item).__name__ for item in items] == ["Record", "Rejection", "Record"]
    assert items[1].where == f"{archive}!bomb.txt"
    assert "expands more than 200 times" in items[1].reason and "\n" not in str(items[1])


def test_tar_bomb_member_is_rejected_and_the_rest_goes_on(tmp_path):
    good = (FIXTURES / "page_with_title.txt").read_bytes()
    archive = _tar(tmp_path / "bomb.tar.gz",
                   {"a.txt": good, "bomb.txt": bytes(ZEROS_MB * 1024 * 1024), "z.txt": good},
                   compresslevel=6)
    items = _read([archive])
    assert [type(item).__name__ for item in items] == ["Record", "Rejection", "Record"]
    assert items[1].where == f"{archive}!bomb.txt" and "expands more than" in items[1].reason


def test_member_over_the_file_limit_is_rejected(tmp_path):
    archive = _tar(tmp_path / "big.tar", {"big.json": b"[" + b" " * 5000 + b"]",
                                          "ok.json": b'{"content": "x"}'}, mode="w")
    items = _read([archive], Settings(max_file_bytes=1000))
    assert isinstance(items[0], Rejection) and items[0].where == f"{archive}!big.json"
    assert "larger than the limit of 1,000 bytes" in items[0].reason
    assert isinstance(items[1], Record) and items[1].origin == f"{archive}!ok.json"


def test_html_member_over_the_page_limit_is_rejected(tmp_path):
    archive = _zip(tmp_path / "pages.zip", {"big.html": b"<html>" + b"x" * 5000, "ok.txt": b"text"})
    items = _read([archive], Settings(max_page_bytes=1000))
    assert isinstance(items[0], Rejection) and items[0].where == f"{archive}!big.html"
    assert isinstance(items[1], Record) and items[1].format == "textpage"


def test_corrupt_zip_is_one_rejection_for_the_archive(tmp_path):
    broken = tmp_path / "a_broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is not a zip archive at all")
    (tmp_path / "b.txt").write_text("نص سليم", encoding="utf-8")
    items = _read([tmp_path])
    assert isinstance(items[0], Rejection) and items[0].where == str(broken)
    assert items[0].reason.startswith("corrupt zip archive")
    assert isinstance(items[1], Record)


def test_truncated_tar_xz_keeps_the_members_before_the_damage(tmp_path):
    members = {f"doc{i}.txt": f"نص رقم {i} ".encode() * 2000 for i in range(30)}
    whole = _tar(tmp_path / "whole.tar.xz", members, mode="w:xz").read_bytes()
    cut = tmp_path / "cut.tar.xz"
    cut.write_bytes(whole[: len(whole) // 2])
    items = _read([cut])
    assert isinstance(items[-1], Rejection) and items[-1].where == str(cut)
    assert "corrupt or truncated" in items[-1].reason
    assert len(items) > 1 and all(isinstance(item, Record) for item in items[:-1])


def test_tar_bomb_too_big_to_pass_ends_the_archive(tmp_path):
    good = (FIXTURES / "page_with_title.txt").read_bytes()
    archive = _tar(tmp_path / "bomb.tgz",
                   {"a.txt": good, "bomb.txt": bytes(ZEROS_MB * 1024 * 1024), "z.txt": good},
                   compresslevel=6)
    items = _read([archive], Settings(max_file_bytes=4 * 1024 * 1024))
    assert [type(item).__name__ for item in items] == ["Record", "Rejection", "Rejection"]
    assert items[1].where == f"{archive}!bomb.txt"
    assert items[2].where == str(archive) and items[2].reason.startswith("rest of the archive skipped")


ARTICLE = '{"title": "خبر", "content": "نص خبر في أرشيف"}'.encode()
UNSAFE = ("../escape.json", "../../up/deeper.json", "/etc/absolute.json", "folder/../../climb.json")


def test_zip_members_with_unsafe_names_each_get_a_rejection_line(tmp_path):
    archive = _zip(tmp_path / "crafted.zip", {**{name: ARTICLE for name in UNSAFE}, "fine.json": ARTICLE})
    items = _read([archive])
    rejected = {item.where: item.reason for item in items if isinstance(item, Rejection)}
    assert set(rejected) == {f"{archive}!{name}" for name in UNSAFE}
    assert all("unsafe member name" in reason for reason in rejected.values())
    assert [item.origin for item in items if isinstance(item, Record)] == [f"{archive}!fine.json"]


def test_tar_members_with_unsafe_names_each_get_a_rejection_line(tmp_path):
    archive = _tar(tmp_path / "crafted.tar.gz", {**{name: ARTICLE for name in UNSAFE}, "ok/fine.json": ARTICLE})
    items = _read([archive])
    rejected = [item.where for item in items if isinstance(item, Rejection)]
    assert rejected == [f"{archive}!{name}" for name in UNSAFE]
    assert [item.origin for item in items if isinstance(item, Record)] == [f"{archive}!ok/fine.json"]
