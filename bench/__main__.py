"""`python -m bench run --docs N`: run the benchmark and write RESULTS.md and results-N.json."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench import report
from bench.runner import ALL_ENGINES, Options, log, run

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench")
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="generate a corpus, build, search, load over HTTP, report")
    r.add_argument("--docs", type=int, default=10_000)
    r.add_argument(
        "--repeat", type=int, default=20, help="rounds over the few queries timed hot (repeated)"
    )
    r.add_argument("--engines", default=",".join(ALL_ENGINES))
    r.add_argument("--http-clients", type=int, default=4)
    r.add_argument("--http-requests", type=int, default=2000)
    r.add_argument("--http-time-limit", type=float, default=300.0, help="seconds")
    r.add_argument(
        "--limit-queries",
        type=int,
        default=0,
        help="time only N first-seen queries per kind and filter state (default: 100)",
    )
    r.add_argument(
        "--long-docs",
        default="1,5,20",
        help="sizes in MB of the long-document runs, comma-separated ('' for none)",
    )
    r.add_argument("--seed", type=int, default=1992)
    r.add_argument(
        "--reuse-indexes",
        action="store_true",
        help="skip builds whose index is still there from a run on the same corpus",
    )
    r.add_argument("--work", type=Path, default=HERE / "out", help="corpus and indexes")
    r.add_argument("--results", type=Path, default=HERE, help="where RESULTS.md goes")
    rep = sub.add_parser("report", help="rewrite RESULTS.md sections from results-N.json files")
    rep.add_argument("json", type=Path, nargs="+")
    rep.add_argument("--results", type=Path, default=HERE, help="where RESULTS.md goes")
    args = ap.parse_args(argv)
    if args.command == "report":
        for path in args.json:
            md = report.write(json.loads(path.read_text()), args.results)
        log(f"wrote {md}")
        return 0
    engines = tuple(e for e in args.engines.split(",") if e)
    unknown = set(engines) - set(ALL_ENGINES)
    if unknown:
        ap.error(f"unknown engines: {', '.join(sorted(unknown))}")
    opt = Options(
        docs=args.docs,
        work=args.work,
        results=args.results,
        repeat=args.repeat,
        engines=engines,
        http_clients=args.http_clients,
        http_requests=args.http_requests,
        http_time_limit=args.http_time_limit,
        limit_queries=args.limit_queries,
        reuse_indexes=args.reuse_indexes,
        long_docs=tuple(float(x) for x in args.long_docs.split(",") if x),
        seed=args.seed,
    )
    results = run(opt)
    md = report.write(results, opt.results)
    log(f"wrote {md} and results-{opt.docs}.json")
    print(report.section(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
