"""The settings through the real console script: a bad one is one line and exit code 2; `naba serve
--workers 2` hands its worker processes their store and options as settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from web_server import free_port

NABA = Path(sys.executable).with_name("naba")


def test_a_bad_setting_is_one_line_and_exit_code_2(tmp_path):
    env = {**os.environ, "NABA_MAX_PAGE_BYTES": "abc", "NABA_DB": str(tmp_path / "never.db")}
    result = subprocess.run([str(NABA), "ingest", "x"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert result.stderr == "error: NABA_MAX_PAGE_BYTES='abc': not a whole number (bytes, >= 1)\n"
    assert not (tmp_path / "never.db").exists()


def test_serve_workers_open_the_store_given_on_the_command_line(tmp_path):
    records = tmp_path / "one.jsonl"
    record = {"title": "خبر واحد", "content": "نص خبر واحد للاختبار"}
    records.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "served.db"
    subprocess.run([str(NABA), "ingest", str(records), "--db", str(db)], check=True, capture_output=True, timeout=120)
    port = free_port()
    env = {**os.environ, "NABA_DB": str(tmp_path / "not-this.db"), "NABA_SERVE_THREADS": "2"}
    server = subprocess.Popen([str(NABA), "serve", "--db", str(db), "--port", str(port), "--workers", "2",
                               "--no-access-log"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline, body = time.monotonic() + 60, None
        while body is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2) as response:
                    body = json.loads(response.read())
            except OSError:
                time.sleep(0.2)
        assert body is not None, server.stderr.read() if server.poll() is not None else "no answer in 60 s"
        assert body["articles"] == 1
        assert not (tmp_path / "not-this.db").exists()
    finally:
        server.terminate()
        server.wait(timeout=20)
