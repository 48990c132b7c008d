"""Helpers for the web tests: a store loaded with the bundled sample corpus, an in-process client,
and a real uvicorn server on 127.0.0.1 for the browser tests."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from pathlib import Path

import pytest

from naba import engine
from naba.sample import sample_paths
from naba.settings import Settings
from naba.store import open_store

EVIL_TITLE = "عنوان <script>alert('xss')</script> خطير & \"مقتبس\""
EVIL = {
    "id": "evil-1", "source": "موقع <b>خبيث</b>", "url": "javascript:alert(1)",
    "date": "2026-11-26T10:00:00+03:00", "title": EVIL_TITLE,
    "content": "نص فيه <img src=x onerror=alert(1)> وسم مكتوب في خبر عن زيلنسكي.\n\nفقرة ثانية <b>غامقة</b>.",
    "tags": ["<i>وسم</i>"],
}


def load_sample(path: Path, extra: list[dict] | None = None) -> str:
    """A SQLite store at ``path`` with the sample corpus (and ``extra`` JSON records) ingested."""
    inputs = list(sample_paths())
    if extra:
        jsonl = path.with_suffix(".extra.jsonl")
        jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in extra), encoding="utf-8")
        inputs.append(str(jsonl))
    store = open_store(str(path))
    try:
        engine.ingest(store, inputs, Settings())
    finally:
        store.close()
    return str(path)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> str:
    """The sample corpus plus one article whose fields carry HTML, shared (read-only) by the web tests."""
    return load_sample(tmp_path_factory.mktemp("web") / "sample.db", [EVIL])


@pytest.fixture(scope="module")
def client(sample_db):
    from fastapi.testclient import TestClient

    from naba.serve.web import create_app

    with TestClient(create_app(sample_db), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def failing_client(sample_db):
    """A client of an app with one API route and one page that crash, as a bug in a handler would."""
    from fastapi.testclient import TestClient

    from naba.serve.web import create_app

    app = create_app(sample_db)

    @app.get("/api/boom")
    def boom():
        raise RuntimeError("secret internals")

    @app.get("/boom")
    def boom_page():
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve_in_thread(db: str):
    """A real uvicorn server on ``db`` in a thread on a free port of 127.0.0.1; yields its base URL."""
    import uvicorn

    from naba.serve.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(sample_db):
    """The site on the sample store, served for real; yields its base URL."""
    with serve_in_thread(sample_db) as url:
        yield url
