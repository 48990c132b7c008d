"""The `naba` command line: each command opens the store, calls one library function, prints.

Exit codes: 0 done; 1 an error stopped the command; 2 bad usage (a UsageError too, e.g. a bad
``NABA_*`` setting); 3 done, but some input was rejected.
"""

from __future__ import annotations

import sys

from naba.cli import articles, backfill, db, evaluate, serve, sources, stories  # noqa: F401 - importing registers the commands
from naba.cli.common import app, exit_code, print_error
from naba.errors import NabaError

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except NabaError as exc:  # raised outside a command: the app turns a command's own into an exit code
        print_error(exc)
        sys.exit(exit_code(exc))
