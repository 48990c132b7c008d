"""Building the app in each of several server processes: uvicorn imports a factory by name in
every worker, so the parent hands the store URL and options down as the settings they are
(``NABA_DB``, ``NABA_SERVE_STORE_MODE``, ``NABA_SERVE_THREADS``), read back with ``Settings.from_env``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI

from naba.serve.web.app import create_app
from naba.settings import Settings, Value, setting


@contextmanager
def app_factory_env(db: str, store_mode: str, threads: int) -> Iterator[None]:
    given: dict[str, Value] = {"db": db, "serve_store_mode": store_mode, "serve_threads": threads}
    values = {setting(name).env: setting(name).to_env(value) for name, value in given.items()}
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def app_from_env() -> FastAPI:
    settings = Settings.from_env()
    return create_app(settings.db, store_mode=settings.serve_store_mode, worker_threads=settings.serve_threads,
                      freeze_heap=True)
