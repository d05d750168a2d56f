"""Serve the app under gunicorn on 127.0.0.1 for the HTTP benchmark, and watch its memory."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total


def tree_memory(proc: psutil.Process) -> tuple[int, int]:
    """(PSS of the whole tree, RSS of its largest process). The workers map the same index
    files: summed RSS counts those pages once per worker, PSS once in all."""
    pss = largest = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            info = p.memory_full_info()
            pss += info.pss
            largest = max(largest, info.rss)
    return pss, largest


class Server:
    """gunicorn with `workers` sync workers; peak and current RSS of the whole process tree,
    its peak PSS and the peak RSS of its largest process."""

    def __init__(self, index_dir: Path, workers: int = 2, log: Path | None = None):
        self.port = free_port()
        self.peak_rss = self.peak_pss = self.peak_process_rss = 0
        env = {**os.environ, "KHOJALY_SEARCH_INDEX": str(Path(index_dir).resolve())}
        cmd = [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            str(workers),
            "-b",
            f"{HOST}:{self.port}",
            "--timeout",
            "120",
            "webapp:create_app()",
        ]
        self.log = open(log or os.devnull, "w")  # noqa: SIM115 - closed in stop()
        self.started = time.monotonic()
        self.ready_seconds: float | None = None
        self.proc = subprocess.Popen(cmd, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.ps = psutil.Process(self.proc.pid)
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        url = f"http://{HOST}:{self.port}/api/health"  # not a search: the first one is timed
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}")
            try:
                with urllib.request.urlopen(url, timeout=30) as resp:
                    if resp.status == 200:
                        self.ready_seconds = time.monotonic() - self.started
                        self._sampler.start()
                        return
            except urllib.error.HTTPError as exc:
                raise RuntimeError(f"/api/health answered HTTP {exc.code}") from exc
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"server not ready after {timeout:.0f} s")

    def _sample(self) -> None:
        ticks = 0
        while not self._stop.wait(0.25):
            try:
                self.peak_rss = max(self.peak_rss, tree_rss(self.ps))
                ticks += 1
                if ticks % 4 == 0:  # PSS walks every mapping: once a second is enough
                    self.sample_pss()
            except psutil.NoSuchProcess:
                return

    def sample_pss(self) -> None:
        pss, largest = tree_memory(self.ps)
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_process_rss = max(self.peak_process_rss, largest)

    def rss(self) -> int:
        return tree_rss(self.ps)

    def stop(self) -> None:
        self._stop.set()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
