"""One measured phase of one engine, in a process of its own: build, incremental or search.

`python -m bench.worker PHASE --engine NAME --jsonl FILE --index DIR --out RESULT.json`
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from collections import defaultdict
from pathlib import Path

from bench.measure import dir_size, percentiles
from bench.queries import query_set

ENGINES = {
    "ours": "bench.ours_engine",
    "fts5": "bench.fts5_engine",
    "tantivy": "bench.tantivy_engine",
    "typesense": "bench.typesense_engine",
}


def build(engine, args) -> dict:
    t0 = time.perf_counter()
    report = engine.build(Path(args.jsonl), Path(args.index))
    seconds = time.perf_counter() - t0
    with Path(args.jsonl).open(encoding="utf-8") as f:
        docs = sum(1 for _ in f)
    return {
        "build_seconds": seconds,
        "docs_per_second": docs / seconds,
        "index_bytes": dir_size(Path(args.index)),
        "report": report,
    }


def incremental(engine, args) -> dict:
    return engine.incremental(Path(args.jsonl), Path(args.index))


def search(engine, args) -> dict:
    t0 = time.perf_counter()
    searcher = engine.Searcher(Path(args.index))
    open_ms = (time.perf_counter() - t0) * 1000
    qs = query_set(args.limit_queries)
    totals, first = {}, {}
    for q in qs:  # warm-up round, also the cold figure of each query
        t = time.perf_counter()
        res = searcher.search(q)
        first.setdefault(q.label, []).append((time.perf_counter() - t) * 1000)
        totals[f"{q.label}: {json.dumps(q.to_dict()['parts'], ensure_ascii=False)}"] = res["total"]
    samples: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.repeat):
        for q in qs:
            t = time.perf_counter()
            searcher.search(q)
            samples[q.label].append((time.perf_counter() - t) * 1000)
    every = [s for v in samples.values() for s in v]
    return {
        "open_ms": open_ms,
        "kinds": {k: percentiles(v) for k, v in samples.items()},
        "all": percentiles(every),
        "warmup_max_ms": {k: max(v) for k, v in first.items()},
        "totals": totals,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.worker")
    ap.add_argument("phase", choices=["build", "incremental", "search"])
    ap.add_argument("--engine", choices=list(ENGINES), required=True)
    ap.add_argument("--jsonl", required=True)
    ap.add_argument("--index", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--limit-queries", type=int, default=0, help="queries per kind")
    args = ap.parse_args(argv)
    engine = importlib.import_module(ENGINES[args.engine])
    result = {"build": build, "incremental": incremental, "search": search}[args.phase](
        engine, args
    )
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
