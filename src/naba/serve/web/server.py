"""Building the app in each of several server processes: uvicorn imports a factory by name in
every worker, so the store URL and options travel in the environment."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI

from naba.serve.web.app import create_app

_KEYS = ("NABA_SERVE_DB", "NABA_SERVE_STORE_MODE", "NABA_SERVE_THREADS")


@contextmanager
def app_factory_env(db: str, store_mode: str, threads: int) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in _KEYS}
    os.environ.update(dict(zip(_KEYS, (db, store_mode, str(threads)))))
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def app_from_env() -> FastAPI:
    return create_app(os.environ["NABA_SERVE_DB"], store_mode=os.environ.get("NABA_SERVE_STORE_MODE", "per-thread"),
                      worker_threads=int(os.environ.get("NABA_SERVE_THREADS", "8")))
