"""A regular expression compiled on first use, so that importing a module of patterns costs nothing.

naba's cleaning and date rules are long hand-written alternations (every spelling of every month,
every teaser and prompt opener); compiling them took ~0.3 s of every `naba` command and every test
process, whether or not it cleaned a page. ``lazy_compile(pattern, flags)`` stands where
``re.compile(pattern, flags)`` stood: ``.pattern`` and ``.flags`` are there at once (a pattern built
from others' ``.pattern`` stays lazy); the first use of any other attribute compiles, then copies the
compiled pattern's methods onto the object, so every later call is the compiled pattern's own bound
method (no wrapper in between). Not a library's job: ``re`` compiles eagerly, and its own cache is
bounded and looked up on every call.
"""

from __future__ import annotations

import re
import threading
from typing import Any, cast

_METHODS = ("match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer", "scanner",
            "groups", "groupindex")
_LOCK = threading.Lock()


class _LazyPattern:
    """Quacks like ``re.Pattern``; see the module docstring."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:  # only for attributes not yet on the object
        if name.startswith("__"):
            raise AttributeError(name)
        with _LOCK:  # threads of a server may reach it at once: compile once
            compiled = self.__dict__.get("_compiled")
            if compiled is None:
                compiled = re.compile(self.pattern, self.flags)
                for method in _METHODS:
                    setattr(self, method, getattr(compiled, method))
                self.flags = compiled.flags  # as re reports them (UNICODE added)
                self._compiled = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self.flags})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used (see the module docstring)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
