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
from bench.query_pool import pools

HOT_PER_KIND = 10  # queries per kind repeated for the hot figures

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
    """The update's time, and the first search a serving process runs on the new version."""
    searcher = engine.Searcher(Path(args.index))
    qs = pools(args.docs, args.seed, args.limit_queries)
    for q in qs.warm:
        searcher.search(q)
    out = engine.incremental(Path(args.jsonl), Path(args.index))
    out["first_search_after_switch_ms"] = _timed(searcher, qs.timed[-1])[0]
    return out


def longdoc(engine, args) -> dict:
    return engine.long_documents(Path(args.jsonl), Path(args.index), args.size_mb, args.docs)


def _timed(searcher, q) -> tuple[float, dict]:
    t = time.perf_counter()
    res = searcher.search(q)
    return (time.perf_counter() - t) * 1000, res


def search(engine, args) -> dict:
    """First-seen figures (each timed query run once, after a disjoint warm-up), then hot ones."""
    t0 = time.perf_counter()
    searcher = engine.Searcher(Path(args.index))
    open_ms = (time.perf_counter() - t0) * 1000
    qs = pools(args.docs, args.seed, args.limit_queries)
    first_ms, _ = _timed(searcher, qs.warm[0])
    for q in qs.warm[1:]:
        searcher.search(q)
    totals = {}
    samples: dict[str, list[float]] = defaultdict(list)
    for q in qs.timed:
        ms, res = _timed(searcher, q)
        samples[q.label].append(ms)
        totals[f"{q.label}: {json.dumps(q.to_dict()['parts'], ensure_ascii=False)}"] = res["total"]
    # Hot: a few of the same queries again, as a reader repeating a search would meet them.
    again = {}
    for q in qs.timed:
        again.setdefault(q.label, [])
        if len(again[q.label]) < HOT_PER_KIND:
            again[q.label].append(q)
    hot: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.repeat):
        for label, repeated in again.items():
            hot[label] += [_timed(searcher, q)[0] for q in repeated]
    return {
        "open_ms": open_ms,
        "first_search_ms": first_ms,
        "warm_up_queries": len(qs.warm),
        "kinds": {k: percentiles(v) for k, v in samples.items()},
        "all": percentiles([s for v in samples.values() for s in v]),
        "hot_kinds": {k: percentiles(v) for k, v in hot.items()},
        "hot_all": percentiles([s for v in hot.values() for s in v]),
        "totals": totals,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.worker")
    ap.add_argument("phase", choices=["build", "incremental", "search", "longdoc"])
    ap.add_argument("--engine", choices=list(ENGINES), required=True)
    ap.add_argument("--jsonl", required=True)
    ap.add_argument("--index", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--limit-queries", type=int, default=0, help="queries per kind")
    ap.add_argument("--docs", type=int, required=True, help="documents in the corpus")
    ap.add_argument("--seed", type=int, default=1992, help="the corpus's seed")
    ap.add_argument("--size-mb", type=float, default=1.0, help="longdoc: the document's size")
    args = ap.parse_args(argv)
    engine = importlib.import_module(ENGINES[args.engine])
    phases = {"build": build, "incremental": incremental, "search": search, "longdoc": longdoc}
    result = phases[args.phase](engine, args)
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
