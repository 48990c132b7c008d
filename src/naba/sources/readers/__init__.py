"""Readers: files into Records (``iter_records``), Records into RawArticles (``parse_record``).

Two steps so that ``naba reprocess`` can parse the kept raw bytes of a Record again without the
original file. Readers decode and fix format quirks only; cleaning is the clean stage's job.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache

from naba.errors import UnsupportedFormat
from naba.models import RawArticle, Record
from naba.sources.readers.inputs import iter_records

# Record.format -> module with ``parse(record) -> RawArticle``; imported on first use so that
# reading JSON never pays for importing trafilatura.
READER_MODULES = {
    "json": "naba.sources.readers.jsonfile",
    "ant": "naba.sources.readers.ant",
    "textpage": "naba.sources.readers.textpage",
    "html": "naba.sources.readers.html",
}

__all__ = ["READER_MODULES", "iter_records", "parse_record", "reader_for"]


@cache
def reader_for(format_name: str) -> Callable[[Record], RawArticle]:
    """The parse function for a Record format."""
    module_name = READER_MODULES.get(format_name)
    if module_name is None:
        raise UnsupportedFormat(f"no reader for record format {format_name!r}",
                                hint=f"known formats: {', '.join(READER_MODULES)}")
    parse: Callable[[Record], RawArticle] = importlib.import_module(module_name).parse
    return parse


def parse_record(record: Record) -> RawArticle:
    """The article in one Record; RecordError or EncodingError (``where=record.origin``) if none."""
    try:
        reader = reader_for(record.format)
    except UnsupportedFormat as exc:
        raise UnsupportedFormat(exc.message, where=record.origin, hint=exc.hint) from None
    return reader(record)
