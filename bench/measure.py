"""Measuring helpers: a child process's wall time and peak memory, sizes, percentiles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np


def run_child(args: list[str], out: Path, timeout: float, env: dict | None = None) -> dict:
    """Run `python -m bench.worker ARGS --out OUT` and return its JSON plus wall time and peak RSS.

    os.wait4 gives this child's own rusage, so one engine's memory never counts for another.
    """
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "bench.worker", *args, "--out", str(out)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**os.environ, **(env or {})})
    deadline = t0 + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            return {"error": f"timed out after {timeout:.0f} s"}
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    result = {"wall_seconds": time.perf_counter() - t0, "peak_rss_mib": usage.ru_maxrss / 1024}
    if proc.returncode != 0 or not out.exists():
        return {**result, "error": f"exit code {proc.returncode}"}
    return {**json.loads(out.read_text()), **result}


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def percentiles(samples_ms: list[float]) -> dict:
    if not samples_ms:
        return {}
    a = np.asarray(samples_ms)
    p50, p95, p99 = np.percentile(a, [50, 95, 99])
    return {
        "n": len(a),
        "mean": float(a.mean()),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "max": float(a.max()),
    }


def machine() -> dict:
    import platform

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(mem / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": _cpu_model(),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return platform.processor()
