"""Moving a store to another backend (``naba db copy``): everything as it is.

A copy keeps ids, first-seen and fetch times, identities, content hashes, the SearchDoc each article
was indexed with, its raw input (so ``naba reprocess`` still works on the target), and the story
stage's decisions, links and story summaries, and the followed sources (their poll history starts
afresh on the target). Nothing is re-run through the pipeline or the story
stage: the store imports neither.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from naba.errors import StoreError
from naba.store.contracts import Store

COPY_BATCH = 500
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CopyReport:
    articles: int
    sources: int


def copy_store(source: Store, target: Store, progress: Callable[[int], None] | None = None,
               batch_size: int = COPY_BATCH) -> CopyReport:
    """Copy every article and followed source of ``source`` into the empty store ``target``.

    Each batch is one transaction on the target, so an interrupted copy leaves whole batches; copy
    again into a fresh target. ``progress`` is called with the running count after each batch.
    """
    if next(iter(target.articles.scan()), None) is not None:
        raise StoreError("the target store already holds articles", where=target.url,
                         hint="copy into a new, empty database")
    copied = 0
    for batch in _batches(source.transfer.dump(), batch_size):
        target.transfer.load(batch)
        copied += len(batch)
        if progress:
            progress(copied)
    for groupings in _batches(source.transfer.groupings(), batch_size):
        target.transfer.load_stories(groupings, (), ())
    for summaries in _batches(source.transfer.summaries(), batch_size):
        target.transfer.load_stories((), (), summaries)
    target.transfer.load_stories((), list(source.transfer.links()), ())
    return CopyReport(copied, _copy_sources(source, target))


def _copy_sources(source: Store, target: Store) -> int:
    copied = 0
    for followed in source.sources.list():
        added = target.sources.add(followed.url, followed.name, followed.kind, followed.every_seconds,
                                   followed.created_at)
        if followed.paused:
            target.sources.set_paused(added.id, True)
        copied += 1
    return copied


def _batches(items: Iterable[T], size: int) -> Iterator[Sequence[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
