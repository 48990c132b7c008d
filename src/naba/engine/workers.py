"""How many processes a run uses when the user does not say: one a core, when the work pays for them.

Starting workers costs a few seconds whatever the input (the tagger's tables loaded before they fork,
the last batch written alone, the lists' pool started and ended: ~2.5 s on the project's machine), and
two workers save about 7 ms of every article's ~17 ms; so they pay from a few hundred articles on, and
a run below that is faster in one process. Inputs are judged by their size on disk (stdin, whose size
is unknown, runs in one process), a list refresh by the number of lists pending.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from naba.sources.readers.inputs import expand_path

AUTO_MIN_BYTES = 2 * 2**20  # ~1,700 zipped or ~500 plain-JSON news articles: workers pay
AUTO_MIN_LISTS = 1000  # lists pending (~25 ms each) from which a refresh starts workers
MAX_AUTO_WORKERS = 4  # each worker holds ~0.5 GB (the tagger's tables, the lists' cache)


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system says, else all)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ingest_workers(paths: Sequence[str]) -> int:
    """Processes for ``naba ingest`` of ``paths``: one a core (at most MAX_AUTO_WORKERS) when the input
    files weigh AUTO_MIN_BYTES or more, else one."""
    return _cores() if input_bytes(paths) >= AUTO_MIN_BYTES else 1


def refresh_workers(pending: int) -> int:
    """Processes for ``naba refresh`` of ``pending`` lists."""
    return _cores() if pending >= AUTO_MIN_LISTS else 1


def input_bytes(paths: Sequence[str]) -> int:
    """What the files the paths name weigh on disk (folders and globs expanded; stdin and paths that
    name nothing count 0: the run reports them)."""
    files = {file for path in paths if path != "-" for file in expand_path(path) or () if isinstance(file, str)}
    return sum(os.path.getsize(file) for file in files if os.path.isfile(file))


def _cores() -> int:
    return max(1, min(available_cores(), MAX_AUTO_WORKERS))
