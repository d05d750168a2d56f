"""Where the search core spends its time, per query kind.

`python -m bench.profile --index DIR [--kind prefix] [--top 15]` profiles (cProfile) the small
fixed query set of `bench/queries.py`, repeated: hot figures.

`python -m bench.profile --index DIR --docs N [--split]` profiles first-seen queries as the
benchmark times them: the warm-up pool first, then every timed query once (`bench/query_pool.py`),
each kind's profile gathered across its queries. With `--split` it runs without cProfile and
prints how each kind's time divides between the steps of a search instead (resolving spellings,
matching, facets, the page's snippets, "did you mean"); `--cpu` counts the searching thread's
CPU time instead of wall time, which other work on the cores disturbs less.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from bench.ours_engine import Searcher
from bench.queries import query_set
from bench.query_pool import pools

# Steps of WhooshEngine.search, by the name it calls them under (module attribute or method).
STEPS = {
    "resolve": ("indexer.search.whoosh_engine", "resolve"),
    "match": ("indexer.search.matching", "Matcher.evaluate"),
    "facets": ("indexer.search.facets", "FacetSet.apply"),
    "page": ("indexer.search.whoosh_engine", "_order"),
    "snippets": ("indexer.search.whoosh_engine", "_hits"),
    "copies": ("indexer.search.whoosh_engine", "_fold_copies"),
    "suggest": ("indexer.search.whoosh_engine", "suggest"),
}


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
    return _stats(prof, f"{label}: {len(qs)} queries x {repeat}", top, sort)


def _stats(prof: cProfile.Profile, title: str, top: int, sort: str) -> str:
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs().sort_stats(sort)
    out.write(f"== {title} (total {stats.total_tt:.2f} s)\n")
    stats.print_stats(top)
    return out.getvalue()


def first_seen(
    searcher: Searcher, docs: int, seed: int, kinds, top: int, sort: str, per_kind: int = 0
) -> str:
    qs = pools(docs, seed, per_kind)
    for q in qs.warm:
        searcher.search(q)
    profs: dict[str, cProfile.Profile] = defaultdict(cProfile.Profile)
    counts: dict[str, int] = defaultdict(int)
    for q in qs.timed:
        if kinds and q.label not in kinds:
            continue
        prof = profs[q.label]
        prof.enable()
        searcher.search(q)
        prof.disable()
        counts[q.label] += 1
    return "\n".join(
        _stats(prof, f"{label}: {counts[label]} first-seen queries", top, sort)
        for label, prof in profs.items()
    )


@contextmanager
def _timed_steps(spent: dict[str, float], clock):
    """Wrap each of STEPS so its wall time adds to spent[step] (the outermost step only:
    "did you mean" matches again, and that is its time, not matching's)."""
    import importlib

    depth = [0]
    undo = []
    for step, (module_name, attr) in STEPS.items():
        owner = importlib.import_module(module_name)
        if not hasattr(owner, attr.split(".")[0]):  # a step this version of the core lacks
            continue
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)

        def wrapper(*args, _step=step, _original=original, **kwargs):
            depth[0] += 1
            t = clock()
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1
                if not depth[0]:
                    spent[_step] += clock() - t

        setattr(owner, name, wrapper)
        undo.append((owner, name, original))
    try:
        yield
    finally:
        for owner, name, original in undo:
            setattr(owner, name, original)


def split(
    searcher: Searcher, docs: int, seed: int, kinds, cpu: bool = False, per_kind: int = 0
) -> str:
    clock = time.thread_time if cpu else time.perf_counter
    qs = pools(docs, seed, per_kind)
    for q in qs.warm:
        searcher.search(q)
    spent: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for q in qs.timed:
        if kinds and q.label not in kinds:
            continue
        steps = spent[q.label]
        with _timed_steps(steps, clock):
            t = clock()
            searcher.search(q)
            steps["total"] += clock() - t
            steps["queries"] += 1
    head = ["kind", "queries", "total ms", *STEPS, "other"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, steps in spent.items():
        total = steps["total"]
        other = total - sum(steps[s] for s in STEPS)
        cells = [f"{1000 * steps[s] / steps['queries']:.2f}" for s in STEPS]
        lines.append(
            f"| {label} | {int(steps['queries'])} | {1000 * total / steps['queries']:.2f} | "
            + " | ".join(cells)
            + f" | {1000 * other / steps['queries']:.2f} |"
        )
    what = "CPU time of the searching thread" if cpu else "wall time"
    return f"mean ms per query, by step ({what})\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.profile")
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--kind", action="append", help="query kind label (repeatable); all if none")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    ap.add_argument("--docs", type=int, help="first-seen queries of the corpus of N documents")
    ap.add_argument("--seed", type=int, default=1992, help="the corpus's seed")
    ap.add_argument("--limit-queries", type=int, default=0, help="first-seen queries per kind")
    ap.add_argument("--split", action="store_true", help="time per step, without cProfile")
    ap.add_argument(
        "--cpu", action="store_true", help="--split in CPU time: steadier on a loaded machine"
    )
    args = ap.parse_args(argv)
    searcher = Searcher(args.index)
    if args.docs:
        if args.split:
            print(split(searcher, args.docs, args.seed, args.kind, args.cpu, args.limit_queries))
        else:
            kinds, top, sort = args.kind, args.top, args.sort
            print(first_seen(searcher, args.docs, args.seed, kinds, top, sort, args.limit_queries))
        return 0
    labels = args.kind or list(dict.fromkeys(q.label for q in query_set()))
    for label in labels:
        print(profile(searcher, label, args.repeat, args.top, args.sort))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
