"""Several server processes on one port, with the connections spread evenly between them.

uvicorn's ``--workers`` shares one listening socket, and whichever process wakes first accepts: in
``bench/web.py`` 50 keep-alive clients split 39/11 between two processes, the busier one queued
(cold searches at 200 requests/s: p99 ~200 ms) while the other idled. Here each process listens on
a socket of its own with SO_REUSEPORT, so the kernel spreads new connections across them by a hash
of the client's address and port (nginx's ``reuseport``). The parent keeps the port bound (not
listening) from the start, so a port in use fails at once and port 0 becomes one real port for all;
it replaces a process that dies and stops them all on SIGINT or SIGTERM. (As with any reuseport
server, a second naba serve started on the same port by the same user would share its connections.)
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
import threading
from dataclasses import dataclass, replace
from multiprocessing.process import BaseProcess

from naba.errors import UsageError

STARTUP_FAILED = 3  # a process's exit code when it could not start serving (as uvicorn's)
BACKLOG = 2048


@dataclass(frozen=True, slots=True)
class ServerOptions:
    """What each server process needs to build its app and serve it."""

    db: str
    host: str
    port: int
    store_mode: str
    threads: int
    access_log: bool


def serve_processes(options: ServerOptions, processes: int) -> None:
    """Serve with ``processes`` processes until SIGINT or SIGTERM (see the module docstring)."""
    try:
        reserved = _reuseport_socket(options.host, options.port)
    except OSError as exc:
        raise UsageError(f"cannot listen on {options.host}:{options.port}: {exc.strerror}",
                         hint="choose another --port or --host") from exc
    options = replace(options, port=reserved.getsockname()[1])
    spawn = multiprocessing.get_context("spawn")  # no forked copy of this process's state or threads
    stopping = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stopping.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    children = [_start(spawn, options) for _ in range(processes)]
    try:
        while not stopping.wait(0.5):
            for i, child in enumerate(children):
                if child.is_alive():
                    continue
                if child.exitcode == STARTUP_FAILED:
                    raise UsageError("a server process could not start: see its error above")
                children[i] = _start(spawn, options)  # a process that died after starting is replaced
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.join(30)
            if child.is_alive():
                child.kill()
                child.join()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        reserved.close()


def _start(spawn: multiprocessing.context.SpawnContext, options: ServerOptions) -> BaseProcess:
    child = spawn.Process(target=serve_one, args=(options,), daemon=True)
    child.start()
    return child


def serve_one(options: ServerOptions) -> None:
    """One server process: its own listening socket on the shared port, its own app and store."""
    import uvicorn

    from naba.serve.web.app import create_app

    try:
        listening = _reuseport_socket(options.host, options.port)
        listening.listen(BACKLOG)
        app = create_app(options.db, store_mode=options.store_mode, worker_threads=options.threads,
                         freeze_heap=True)
    except Exception as exc:  # noqa: BLE001 - reported, and the parent stops instead of restarting
        print(f"naba: a server process could not start: {exc}", file=sys.stderr)
        sys.exit(STARTUP_FAILED)
    server = uvicorn.Server(uvicorn.Config(app, access_log=options.access_log,
                                           log_level="info" if options.access_log else "warning"))
    server.run(sockets=[listening])
    if not server.started:
        sys.exit(STARTUP_FAILED)


def _reuseport_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock
