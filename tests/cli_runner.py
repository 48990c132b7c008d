"""`naba` run in this process (Typer's CliRunner), answering like ``subprocess.run`` did.

Most CLI tests run a command this way: a fresh interpreter per command cost each test its own start
(imports included). Each command module keeps one subprocess smoke test of the real entry point
(``tests/test_cli_startup.py``). The answer has ``returncode``, ``stdout`` and ``stderr`` (text, or
bytes with ``text=False``), as a ``subprocess.CompletedProcess`` does; an exception no command turned
into an exit code is appended to ``stderr`` as its traceback, as the interpreter would print it.
"""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass

from typer.testing import CliRunner

from naba.cli import app


@dataclass(frozen=True)
class Ran:
    args: tuple[str, ...]
    returncode: int
    stdout: str | bytes
    stderr: str | bytes


def naba(*args: object, env: dict[str, str] | None = None, input: str | bytes | None = None,
         text: bool = True) -> Ran:
    """``naba ARGS`` in-process; ``env`` is set over the current environment for the command's run."""
    argv = tuple(str(a) for a in args)
    environ = {k: v for k, v in (env or {}).items() if os.environ.get(k) != v}
    result = CliRunner().invoke(app, list(argv), env=environ, input=input)
    stderr = result.stderr_bytes or b""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception)).encode()
    if text:
        return Ran(argv, result.exit_code, result.stdout_bytes.decode(), stderr.decode())
    return Ran(argv, result.exit_code, result.stdout_bytes, stderr)
