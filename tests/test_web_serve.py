"""`mockmic serve` keeps to this machine: it listens on 127.0.0.1 unless told otherwise, answers
only requests that name localhost, and refuses changes another web site asks for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from mockmic.settings import Settings
from mockmic.web import create_app
from server_helpers import free_port, start_server, stop_server


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'm.db'}")
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as c:
        yield c


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket in LISTEN state on `port`, from the kernel's own table."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if int(hex_port, 16) == port and state == "0A":  # 0A = LISTEN
                found.add(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's socket table")
def test_serve_listens_on_loopback_only(tmp_path: Path) -> None:
    port = free_port()
    server = start_server(tmp_path / "data", port, tmp_path / "server.log")
    try:
        assert _listening_addresses(port) == {"0100007F"}, "127.0.0.1, nothing wider"
        assert httpx.get(f"http://127.0.0.1:{port}/api/questions").status_code == 200
    finally:
        stop_server(server)


def test_a_request_naming_another_host_is_refused(client: TestClient) -> None:
    # A DNS name rebound to 127.0.0.1 arrives with its own name in the Host header.
    res = client.get("/api/sessions", headers={"host": "attacker.example"})
    assert res.status_code == 403 and "localhost only" in res.text
    assert client.get("/api/sessions", headers={"host": "localhost:8000"}).status_code == 200


def test_changes_asked_by_another_site_are_refused(client: TestClient) -> None:
    session = client.post("/api/sessions", json={"question_ids": ["failure"]}).json()
    evil = {"origin": "http://attacker.example"}
    assert client.post("/history/delete-all", headers=evil).status_code == 403
    assert client.delete(f"/api/sessions/{session['id']}", headers=evil).status_code == 403
    assert client.get(f"/api/sessions/{session['id']}").status_code == 200, "still there"
    same = {"origin": "http://127.0.0.1:8000"}
    assert client.delete(f"/api/sessions/{session['id']}", headers=same).status_code == 204
