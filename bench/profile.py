"""Where the search core spends its time, per query kind (cProfile over the benchmark queries).

`python -m bench.profile --index bench/out/10000/index-ours [--kind prefix] [--top 15]`
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
from pathlib import Path

from bench.ours_engine import Searcher
from bench.queries import query_set


def profile(searcher: Searcher, label: str, repeat: int, top: int, sort: str) -> str:
    qs = [q for q in query_set() if q.label == label]
    for q in qs:  # warm caches first, as the benchmark does
        searcher.search(q)
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(repeat):
        for q in qs:
            searcher.search(q)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs().sort_stats(sort)
    out.write(f"== {label}: {len(qs)} queries x {repeat} (total {stats.total_tt:.2f} s)\n")
    stats.print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.profile")
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--kind", action="append", help="query kind label (repeatable); all if none")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    args = ap.parse_args(argv)
    searcher = Searcher(args.index)
    labels = args.kind or list(dict.fromkeys(q.label for q in query_set()))
    for label in labels:
        print(profile(searcher, label, args.repeat, args.top, args.sort))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
