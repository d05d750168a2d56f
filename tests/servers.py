"""Real server processes for tests over HTTP: Flask's development server or gunicorn."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60.0  # seconds; a cold interpreter on a busy machine is slow to import Whoosh


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def flask_command(port: int) -> list[str]:
    return [sys.executable, "-m", "flask", "--app", "webapp", "run", "--port", str(port)]


def gunicorn_command(port: int, workers: int = 2) -> list[str]:
    bind = f"127.0.0.1:{port}"
    return [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", bind, "webapp:create_app()"]


@contextlib.contextmanager
def running_server(command: Callable[[int], list[str]], index: Path) -> Iterator[str]:
    """Starts `command(port)` serving `index`, waits until /api/health answers, yields the URL."""
    port = free_port()
    env = {**os.environ, "KHOJALY_SEARCH_INDEX": str(index)}
    # A file, not a pipe: an unread pipe fills up with request logs and blocks the server.
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed once the server has stopped)
    proc = subprocess.Popen(command(port), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(proc, base_url, log)
        yield base_url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait_until_healthy(proc: subprocess.Popen, base_url: str, log) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            output = log.read().decode(errors="replace")
            raise RuntimeError(f"server exited with {proc.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(base_url + "/api/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"server at {base_url} did not answer /api/health in {START_TIMEOUT} s")
