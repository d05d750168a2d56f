"""A bounded HTTP load generator for /api/search, run as a process of its own.

`python -m bench.http_load --port P --docs N --clients 4 --requests 2000 --out F.json`
It only ever talks to 127.0.0.1. Against a server that has answered no search yet, it times
the first search, warms up with the warm-up queries, sends every timed query once from one
client (first-seen latency, per kind), then loads the server from several clients with the same
queries over again (throughput; repeated queries) until the request count or the time limit.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from bench import queries
from bench.measure import percentiles
from bench.query_pool import pools

HOST = "127.0.0.1"


def path(q: queries.BenchQuery) -> str:
    params = [("q", queries.ours(q))] + [("publisher", p) for p in q.publisher]
    return "/api/search?" + urlencode(params)


def timed_get(conn: http.client.HTTPConnection, p: str) -> float:
    t = time.perf_counter()
    status, _ = get(conn, p)
    if status != 200:
        raise RuntimeError(f"{p} answered HTTP {status}")
    return (time.perf_counter() - t) * 1000


def first_seen(port: int, warm: list[queries.BenchQuery], timed: list[queries.BenchQuery]):
    """The first search of a fresh server, then each timed query once, one client."""
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    first = timed_get(conn, path(warm[0]))
    for q in warm[1:]:
        get(conn, path(q))
    samples: dict[str, list[float]] = {}
    for q in timed:
        samples.setdefault(q.label, []).append(timed_get(conn, path(q)))
    conn.close()
    return {
        "first_search_after_start_ms": first,
        "latency_ms": percentiles([s for v in samples.values() for s in v]),
        "kinds": {k: percentiles(v) for k, v in samples.items()},
    }


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path, headers={"Accept": "application/json"})
    resp = conn.getresponse()
    return resp.status, resp.read()


def load(port: int, clients: int, requests: int, time_limit: float, paths: list[str]) -> dict:
    counter, lock = itertools.count(), threading.Lock()
    latencies: list[float] = []
    errors: dict[str, int] = {}
    deadline = time.perf_counter() + time_limit

    def client() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        while time.perf_counter() < deadline:
            with lock:
                i = next(counter)
            if i >= requests:
                break
            t = time.perf_counter()
            try:
                status, _ = get(conn, paths[i % len(paths)])
                key = None if status == 200 else f"HTTP {status}"
            except (OSError, http.client.HTTPException) as exc:
                key = type(exc).__name__
                conn.close()
            ms = (time.perf_counter() - t) * 1000
            with lock:
                if key:
                    errors[key] = errors.get(key, 0) + 1
                else:
                    latencies.append(ms)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    done = len(latencies) + sum(errors.values())
    return {
        "clients": clients,
        "requests_planned": requests,
        "requests_done": done,
        "seconds": elapsed,
        "throughput_rps": done / elapsed if elapsed else 0.0,
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "latency_ms": percentiles(latencies),
        "stopped_by_time_limit": done < requests,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.http_load")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--time-limit", type=float, default=300.0)
    ap.add_argument("--limit-queries", type=int, default=0, help="queries per kind")
    ap.add_argument("--docs", type=int, required=True, help="documents in the corpus")
    ap.add_argument("--seed", type=int, default=1992)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    qs = pools(args.docs, args.seed, args.limit_queries)
    result = {"first_seen": first_seen(args.port, qs.warm, qs.timed)}
    result |= load(
        args.port,
        max(1, args.clients),
        min(args.requests, 100_000),
        min(args.time_limit, 3600.0),
        [path(q) for q in qs.timed],
    )
    Path(args.out).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
