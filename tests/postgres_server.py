"""A throwaway PostgreSQL server for the tests that ask for one.

MOCKMIC_TEST_POSTGRES_URL wins when set. Otherwise, when the machine has PostgreSQL's server
binaries (Debian's `postgresql` package, installed by scripts/setup.sh), a cluster is made in a
temporary folder, started on a free port on 127.0.0.1, and removed afterwards. PostgreSQL refuses
to run as root, so as root the cluster belongs to the `postgres` user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def postgres_url() -> Iterator[str | None]:
    """Yield a database URL, or None when no server can be had here."""
    if url := os.environ.get("MOCKMIC_TEST_POSTGRES_URL"):
        yield url
        return
    bin_dir = _bin_dir()
    if bin_dir is None:
        yield None
        return
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    root = Path(tempfile.mkdtemp(prefix="mockmic-pg-"))
    data = root / "data"
    port = _free_port()
    if as_user:
        shutil.chown(root, "postgres")
        root.chmod(0o700)

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120)

    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres")
        run(
            str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"),
            "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1", "start",
        )  # fmt: skip
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                capture_output=True, timeout=120,
            )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)
