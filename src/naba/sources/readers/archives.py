"""Zip and tar archives read as streams: members come out as bytes, nothing touches the disk.

Every member is read in chunks against two limits from ``Settings``: its size
(``max_file_bytes``, or ``max_page_bytes`` for an HTML page) and its expansion over the compressed
bytes it came from (``max_compression_ratio``). Both are counted while reading, so a member whose
header lies about its size is caught too. A member over a limit is rejected and the rest goes on;
a corrupt archive ends with one rejection for the archive.
"""

from __future__ import annotations

import io
import lzma
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, BinaryIO

from naba.errors import InputError, TooLarge
from naba.models import Rejection
from naba.settings import Settings

CHUNK_BYTES = 1024 * 1024
SKIP_CHUNK_BYTES = 16 * 1024 * 1024
# A member smaller than this cannot exhaust memory, whatever its ratio (a page of one repeated
# character compresses a thousand times and is still harmless).
BOMB_FLOOR_BYTES = 1024 * 1024
UNSAFE_NAME = "unsafe member name: absolute or climbing out of the archive with ../ (not read)"
_DRIVE = re.compile(r"[A-Za-z]:[\\/]")  # C:\ or C:/, absolute on Windows
# Errors the decompressors and archive parsers raise on damaged input.
CORRUPT_ERRORS = (zipfile.BadZipFile, tarfile.TarError, lzma.LZMAError, zlib.error, EOFError, OSError)


@dataclass(frozen=True, slots=True)
class Member:
    """One archive member, read whole: its name inside the archive and where it is for messages."""

    name: str
    data: bytes
    where: str


# Maps a member name to the largest size accepted for it.
SizeLimit = Callable[[str], int]


def iter_zip(source: str | BinaryIO, where: str, settings: Settings,
             limit_for: SizeLimit) -> Iterator[Member | Rejection]:
    """Each regular file of a zip archive, in archive order."""
    try:
        archive = zipfile.ZipFile(source)
    except CORRUPT_ERRORS as exc:
        yield Rejection(where=where, reason=f"corrupt zip archive ({exc})")
        return
    with archive:
        for info in archive.infolist():
            member_where = f"{where}!{info.filename}"
            if _unsafe_name(info.filename):
                yield Rejection(where=member_where, reason=UNSAFE_NAME)
                continue
            if info.is_dir() or _is_hidden(info.filename):
                continue
            try:
                with archive.open(info) as stream:
                    data = _read_limited(stream, member_where, settings, limit_for(info.filename),
                                         compressed=_constant(info.compress_size))
            except InputError as exc:
                yield Rejection(where=member_where, reason=exc.message)
                continue
            except CORRUPT_ERRORS as exc:
                yield Rejection(where=member_where, reason=f"corrupt zip member ({exc})")
                continue
            yield Member(info.filename, data, member_where)


def iter_tar(raw: BinaryIO, where: str, settings: Settings,
             limit_for: SizeLimit) -> Iterator[Member | Rejection]:
    """Each regular file of a tar stream (plain, gz, bz2 or xz), in one forward pass."""
    counted = _CountingReader(raw)
    try:
        with tarfile.open(fileobj=counted, mode="r|*") as archive:
            for info in archive:
                stream = archive.extractfile(info) if info.isfile() else None
                member: Member | Rejection
                if _unsafe_name(info.name):
                    member = Rejection(where=f"{where}!{info.name}", reason=UNSAFE_NAME)
                elif stream is None or _is_hidden(info.name):
                    continue
                else:
                    member = _read_tar_member(stream, info, counted, f"{where}!{info.name}",
                                              settings, limit_for(info.name))
                yield member
                if isinstance(member, Rejection) and stream is not None and \
                        not _skip_rest(stream, counted, settings):
                    yield Rejection(where=where, reason=f"rest of the archive skipped: {info.name} "
                                    f"expands beyond {settings.max_file_bytes:,} bytes")
                    return
    except CORRUPT_ERRORS as exc:
        yield Rejection(where=where, reason=f"corrupt or truncated tar archive ({exc})")


def _read_tar_member(stream: IO[bytes], info: tarfile.TarInfo, counted: _CountingReader,
                     where: str, settings: Settings, limit: int) -> Member | Rejection:
    if info.size > limit:
        return Rejection(where=where, reason=_too_large_message(info.size, limit))
    start = counted.count
    try:
        data = _read_limited(stream, where, settings, limit,
                             compressed=lambda: counted.count - start)
    except InputError as exc:
        return Rejection(where=where, reason=exc.message)
    return Member(info.name, data, where)


def _skip_rest(stream: IO[bytes], counted: _CountingReader, settings: Settings) -> bool:
    """Read past the rest of a rejected member; False when that means expanding a bomb.

    A tar stream cannot seek, and tarfile's own skipping reads in 10 KB steps that each copy its
    whole decompressed buffer (quadratic on a bomb), so we read in big steps here. Passing a
    member costs at most ``max_file_bytes`` of expansion unless it expands at a sane ratio.
    """
    start, skipped = counted.count, 0
    while chunk := stream.read(SKIP_CHUNK_BYTES):
        skipped += len(chunk)
        sane = skipped <= settings.max_compression_ratio * (counted.count - start + tarfile.RECORDSIZE)
        if skipped > settings.max_file_bytes and not sane:
            return False
    return True


def _constant(value: int) -> Callable[[], int]:
    return lambda: value


def _read_limited(stream: IO[bytes], where: str, settings: Settings, limit: int,
                  compressed: Callable[[], int]) -> bytes:
    """Read ``stream`` whole, raising TooLarge past ``limit`` or past the compression ratio."""
    buffer = io.BytesIO()
    while chunk := stream.read(CHUNK_BYTES):
        buffer.write(chunk)
        size = buffer.tell()
        if size > limit:
            raise TooLarge(_too_large_message(size, limit, at_least=True), where=where)
        ratio = size / max(compressed(), 1)
        if size > BOMB_FLOOR_BYTES and ratio > settings.max_compression_ratio:
            raise TooLarge(f"expands more than {settings.max_compression_ratio} times its compressed "
                           f"size (zip bomb?): {size:,} bytes from {compressed():,}", where=where)
    return buffer.getvalue()


def _too_large_message(size: int, limit: int, at_least: bool = False) -> str:
    return f"{'over ' if at_least else ''}{size:,} bytes, larger than the limit of {limit:,} bytes"


def _unsafe_name(name: str) -> bool:
    """An absolute name or one that climbs out of the archive (``../``): a crafted archive. Nothing
    is ever written to disk here, but such a member is refused, with a line, not read nor skipped."""
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or _DRIVE.match(name) is not None or ".." in parts


def _is_hidden(name: str) -> bool:
    """Dot-files and macOS resource forks (``__MACOSX/``) are not content."""
    return any(part.startswith(".") or part == "__MACOSX" for part in name.split("/") if part)


class _CountingReader(io.RawIOBase):
    """Counts the compressed bytes a tar stream has consumed, for the ratio check."""

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self.count += len(data)
        return data
