"""`naba serve --workers N` through the real console script: each process listens on the port with its
own socket, so keep-alive connections spread over all of them; a port in use fails at once."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from web_server import free_port

NABA = Path(sys.executable).with_name("naba")
pytestmark = pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc to find who holds a connection")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("serve")
    records = folder / "one.jsonl"
    records.write_text(json.dumps({"title": "خبر واحد", "content": "نص خبر واحد للاختبار"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    db = folder / "served.db"
    subprocess.run([str(NABA), "ingest", str(records), "--db", str(db)], check=True, capture_output=True, timeout=120)
    return db


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _connections_held(pid: int, port: int) -> int:
    """How many established TCP connections to ``port`` process ``pid`` holds (from /proc)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    held = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local_port, state, inode = int(fields[1].split(":")[1], 16), fields[3], fields[9]
        held += local_port == port and state == "01" and inode in inodes  # 01: ESTABLISHED
    return held


def _wait_for(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(server.stderr.read() if server.poll() is not None else "no answer in 60 s")


def test_keep_alive_connections_spread_over_every_server_process(store):
    port = free_port()
    server = subprocess.Popen([str(NABA), "serve", "--db", str(store), "--port", str(port), "--workers", "2",
                               "--no-access-log"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    connections: list[http.client.HTTPConnection] = []
    try:
        _wait_for(port, server)
        time.sleep(1)  # both processes listening
        # all at once, as a burst of clients arrives: with one shared socket the process that wakes
        # first accepts the whole backlog
        connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for _ in range(40)]
        for connection in connections:
            connection.connect()
        for connection in connections:  # each kept open: it stays with the process that accepted it
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            response.read()
            assert response.status == 200
        # the children are the two server processes and multiprocessing's resource tracker
        held = [n for n in (_connections_held(pid, port) for pid in _children(server.pid)) if n]
        assert sum(held) == 40
        # the kernel hashes each connection to a process: 40 fall 20 ± 3; one shared socket gave 39/11 of 50
        assert len(held) == 2 and min(held) >= 8, held
    finally:
        for connection in connections:
            connection.close()
        server.terminate()
        server.wait(timeout=30)
    assert server.returncode == 0


def test_a_port_in_use_fails_at_once_with_a_clear_error(store):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([str(NABA), "serve", "--db", str(store), "--port", str(port), "--workers", "2"],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
