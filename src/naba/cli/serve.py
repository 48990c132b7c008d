"""naba serve: the web site and JSON API over a store (uvicorn in this process)."""

from __future__ import annotations

from typing import Annotated

import typer

from naba.cli.common import DbOption, err, from_settings
from naba.settings import Settings, setting

cli = typer.Typer()

STORE_MODE, THREADS = setting("serve_store_mode"), setting("serve_threads")
DEFAULTS = Settings()
STORE_MODES = STORE_MODE.choices


@cli.command()
def serve(
    db: DbOption = "naba.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes, each with its own store.")] = 1,
    threads: Annotated[int, typer.Option(min=THREADS.minimum, max=THREADS.maximum, callback=from_settings(THREADS.name),
                                         help=f"Worker threads per process (default: ${THREADS.env}, else "
                                              f"{THREADS.default}).")] = DEFAULTS.serve_threads,
    store_mode: Annotated[str, typer.Option(callback=from_settings(STORE_MODE.name),
                                            help="per-thread: a store per worker thread; lock: one shared store, "
                                                 f"one request at a time (default: ${STORE_MODE.env}, else "
                                                 f"{STORE_MODE.default}).")] = DEFAULTS.serve_store_mode,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = True,
) -> None:
    """Serve the web site (Arabic, right-to-left) and the JSON API under /api/."""
    import uvicorn

    from naba.serve.web.app import create_app
    from naba.serve.web.server import ServerOptions, serve_processes
    from naba.store import open_store

    if store_mode not in STORE_MODES:
        raise typer.BadParameter(f"must be one of {', '.join(STORE_MODES)}", param_hint="--store-mode")
    open_store(db, read_only=True).close()  # a missing or bad store: one line here, not a traceback a process
    err.print(f"naba: serving {db} on http://{host}:{port}/ (Ctrl+C stops)")
    if workers == 1:
        app = create_app(db, store_mode=store_mode, worker_threads=threads, freeze_heap=True)
        uvicorn.run(app, host=host, port=port, access_log=access_log, log_level="info" if access_log else "warning")
        return
    serve_processes(ServerOptions(db, host, port, store_mode, threads, access_log), workers)
