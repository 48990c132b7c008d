"""From paths on the command line to Records: files, folders, globs, archives and stdin.

Each input is dispatched by its name and, where the name says too little (``.txt``, stdin), by its
first bytes. Nothing stops at a bad input: a missing path, an unknown format, a corrupt archive or
an oversized member becomes a Rejection naming it, and the next input is read.
"""

from __future__ import annotations

import glob
import io
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import BinaryIO

from naba.errors import InputError, TooLarge, UnsupportedFormat
from naba.models import Record, Rejection
from naba.settings import Settings
from naba.sources.readers import ant, archives, jsonfile, warc

STDIN_NAME = "<stdin>"
MAX_ARCHIVE_DEPTH = 2  # an archive inside an archive is read; deeper nesting is rejected
_GLOB_CHARS = frozenset("*?[")
SNIFF_BYTES = 4096
PAGE_FORMATS = frozenset({"textpage", "html"})
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".tbz")
_BY_SUFFIX = {".zip": "zip", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
              ".html": "html", ".htm": "html"}
_ANT_SUFFIXES = (".xml", ".sgml", ".txt")
_COMPRESSED_MAGIC = (b"\x1f\x8b", b"\xfd7zXZ\x00", b"BZh")
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b",
                         re.IGNORECASE | re.DOTALL)
_JSON_LINES_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*\{[^\n]*\}[ \t\r]*\n\s*\{")

Item = Record | Rejection


def iter_records(paths: Sequence[str], settings: Settings, hints: Mapping[str, str] = {},
                 stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every Record in ``paths`` (``-`` reads stdin), and a Rejection for each input refused."""
    given = dict(hints)
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, settings, given)
            continue
        found = expand_path(path)
        if found is None:
            yield Rejection(where=path, reason="no such file or folder, or a glob that matches nothing")
        elif not found:
            yield Rejection(where=path, reason="folder holds no visible files")
        for file in found or ():
            if isinstance(file, Rejection):
                yield file
            else:
                yield from _read_file(file, settings, given)


def expand_path(path: str) -> list[str | Rejection] | None:
    """The files a path names, sorted: itself, a folder's visible files, or a glob's matches; a
    Rejection in their place for each sub-folder that cannot be read (nothing is skipped silently)."""
    if os.path.isfile(path):
        return [path]
    if os.path.isdir(path):
        return _walk(path)
    if _GLOB_CHARS.intersection(path):
        matches = sorted(glob.glob(path, recursive=True))
        files = [found for match in matches
                 for found in (_walk(match) if os.path.isdir(match) else [match])]
        return files or None
    return None


def _walk(folder: str) -> list[str | Rejection]:
    found: list[str | Rejection] = []

    def unreadable(error: OSError) -> None:
        where = error.filename if isinstance(error.filename, str) else folder
        found.append(Rejection(where=where, reason=f"cannot read the folder ({error.strerror or error})"))

    for root, folders, names in os.walk(folder, onerror=unreadable):
        visible = sorted(name for name in folders if not name.startswith("."))
        # os.walk lists a link to a folder among the folders but does not go into it (a link may
        # loop): say so rather than skip it
        found += [Rejection(where=os.path.join(root, name), reason="a link to a folder is not followed "
                            "(give the folder it points to)") for name in visible
                  if os.path.islink(os.path.join(root, name))]
        folders[:] = [name for name in visible if not os.path.islink(os.path.join(root, name))]
        found += [os.path.join(root, name) for name in sorted(names) if not name.startswith(".")]
    return found


def _read_file(path: str, settings: Settings, hints: dict[str, str]) -> Iterator[Item]:
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
            kind = detect_format(path, head)
            if kind == warc.FORMAT:  # streamed: a WARC file is read record by record, never whole
                handle.seek(0)
                yield from warc.split_warc(handle, path, hints, settings.max_page_bytes)
                return
            if kind in ("zip", "tar"):
                handle.seek(0)
                yield from _read_archive(kind, handle, path, settings, hints, depth=1)
                return
            _check_size(kind, os.fstat(handle.fileno()).st_size, path, settings)
            data = head + handle.read()
        yield from _split(kind, data, path, settings, hints, depth=0)
    except InputError as exc:
        yield _rejection(exc, path)
    except OSError as exc:
        yield Rejection(where=path, reason=f"cannot read the file ({exc.strerror or exc})")


def _read_stdin(stream: BinaryIO, settings: Settings, hints: dict[str, str]) -> Iterator[Item]:
    data = stream.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        yield Rejection(where=STDIN_NAME, reason=f"over the limit of {settings.max_file_bytes:,} bytes")
        return
    try:
        yield from _split(sniff_content(data), data, STDIN_NAME, settings, hints, depth=0)
    except InputError as exc:
        yield _rejection(exc, STDIN_NAME)


def _split(kind: str, data: bytes, where: str, settings: Settings, hints: dict[str, str],
           depth: int) -> Iterator[Item]:
    """The Records of one file's bytes, already known to be of format ``kind``."""
    if kind == "json":
        yield from jsonfile.split_document(data, where, hints, settings.max_page_bytes)
    elif kind == "jsonl":
        yield from jsonfile.split_lines(data, where, hints, settings.max_page_bytes)
    elif kind == "ant":
        yield from ant.split_docs(data, where, hints)
    elif kind == warc.FORMAT:
        yield from warc.split_warc(io.BytesIO(data), where, hints, settings.max_page_bytes)
    elif kind in PAGE_FORMATS:
        _check_size(kind, len(data), where, settings)
        yield Record(kind, data, where, tuple(sorted(hints.items())))
    elif depth >= MAX_ARCHIVE_DEPTH:
        yield Rejection(where=where, reason=f"archive nested more than {MAX_ARCHIVE_DEPTH} deep")
    else:
        yield from _read_archive(kind, io.BytesIO(data), where, settings, hints, depth + 1)


def _read_archive(kind: str, stream: BinaryIO, where: str, settings: Settings,
                  hints: dict[str, str], depth: int) -> Iterator[Item]:
    def limit_for(name: str) -> int:
        return settings.max_page_bytes if name.lower().endswith((".html", ".htm")) \
            else settings.max_file_bytes

    reader = archives.iter_zip if kind == "zip" else archives.iter_tar
    for member in reader(stream, where, settings, limit_for):
        if isinstance(member, Rejection):
            yield member
            continue
        try:
            member_kind = detect_format(member.name, member.data[:SNIFF_BYTES])
            yield from _split(member_kind, member.data, member.where, settings, hints, depth)
        except InputError as exc:
            yield _rejection(exc, member.where)


def detect_format(name: str, head: bytes) -> str:
    """The format of a file from its name, and its first bytes where the name is ambiguous."""
    lower = name.lower()
    if warc.is_warc(lower):
        return warc.FORMAT
    if lower.endswith(TAR_SUFFIXES):
        return "tar"
    suffix = os.path.splitext(lower)[1]
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if suffix in _ANT_SUFFIXES:
        if ant.looks_like_ant(head):
            return "ant"
        if suffix == ".txt":
            return "textpage"
        raise UnsupportedFormat(f"{suffix} file without a <DOC> block (ANT/TREC expected)", where=name)
    raise UnsupportedFormat(f"unknown file type {suffix or '(no extension)'!r}",
                            hint="expected .json, .jsonl, .txt, .html, .xml, .warc[.gz], .zip or .tar[.gz|.xz|.bz2]")


def sniff_content(data: bytes) -> str:
    """The format of unnamed bytes (stdin), from their first bytes."""
    head = data[:SNIFF_BYTES]
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(_COMPRESSED_MAGIC) or head[257:262] == b"ustar":
        return "tar"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        return "jsonl" if _JSON_LINES_START.match(head) else "json"
    if ant.looks_like_ant(head):
        return "ant"
    return "html" if _HTML_START.match(head) else "textpage"


def _check_size(kind: str, size: int, where: str, settings: Settings) -> None:
    limit = settings.max_page_bytes if kind in PAGE_FORMATS else settings.max_file_bytes
    if size > limit:
        what = "page" if kind in PAGE_FORMATS else "file"
        raise TooLarge(f"{what} of {size:,} bytes is larger than the limit of {limit:,} bytes",
                       where=where)


def _rejection(error: InputError, where: str) -> Rejection:
    reason = f"{error.message} ({error.hint})" if error.hint else error.message
    if isinstance(error, UnsupportedFormat):
        reason = f"unsupported format: {reason}"
    return Rejection(where=error.where or where, reason=reason)
