"""Command line: `python -m indexer build …` and `python -m indexer search …`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from indexer import config
from indexer.params import ParamError, parse_params
from indexer.results import SORTS, QueryError

# How the search parameters are spelled on the command line (for error messages).
FLAGS = {
    "q": "the query",
    "publisher": "--publisher",
    "language": "--language",
    "year_from": "--year-from",
    "year_to": "--year-to",
    "undated": "--undated",
    "sort": "--sort",
    "page": "--page",
    "per_page": "--per-page",
    "collapse": "--all-copies",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m indexer", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build or update the index")
    b.add_argument("--corpus", type=Path, help="corpus folder (default: corpus/)")
    b.add_argument("--jsonl", type=Path, help="JSON Lines archive to index as well")
    b.add_argument("--index", type=Path, help="index folder (default: var/index/)")
    b.add_argument("--rebuild", action="store_true", help="start from an empty index")
    b.add_argument("--strict", action="store_true", help="fail on any warning")
    b.add_argument("--engine", choices=config.ENGINES, help="default: KHOJALY_SEARCH_ENGINE")
    b.add_argument(
        "--wait",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="how long to wait for another build of the same index (default: 600)",
    )

    s = sub.add_parser("search", help="search the index")
    s.add_argument("query", nargs="?", default="")
    s.add_argument("--index", type=Path)
    # Values are checked by indexer.params, the same validator the web API uses.
    s.add_argument("--publisher", action="append", default=[])
    s.add_argument("--language", action="append", default=[], help="a code or a name")
    s.add_argument("--year-from")
    s.add_argument("--year-to")
    s.add_argument(
        "--undated",
        action="store_true",
        help="documents without a date (or in the year range, if one is given)",
    )
    s.add_argument("--sort", help=f"{' or '.join(SORTS)} (default: {SORTS[0]})")
    s.add_argument("--page")
    s.add_argument("--per-page")
    s.add_argument(
        "--all-copies",
        action="store_true",
        help="list every copy of a text as its own hit (default: one hit per copy group)",
    )
    s.add_argument("--json", action="store_true", help="print the API's JSON structure")
    s.add_argument("--engine", choices=config.ENGINES, help="default: KHOJALY_SEARCH_ENGINE")

    args = parser.parse_args(argv)
    if args.command == "build":
        return _build(args)
    return _search(args)


def _build(args) -> int:
    from indexer.index.build import build_index
    from indexer.index.store import BuildLocked
    from indexer.ingest.catalog import CatalogError
    from indexer.ingest.jsonl import SourceChanged

    corpus = args.corpus
    if corpus is None and args.jsonl is None:
        corpus = config.corpus_dir()
    try:
        if (args.engine or config.engine_name()) == "typesense":
            from indexer.cluster.build import build_collection
            from indexer.cluster.nodes import ClusterConfig

            report = build_collection(ClusterConfig.from_env(), corpus, args.jsonl, args.rebuild)
        else:
            report = build_index(
                args.index or config.index_dir(),
                corpus_dir=corpus,
                jsonl=args.jsonl,
                rebuild=args.rebuild,
                progress=True,
                lock_timeout=args.wait,
            )
    except (CatalogError, SourceChanged) as exc:
        print(f"error: {exc}; the index was not changed", file=sys.stderr)
        return 1
    except BuildLocked as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary())
    if report.document_count == 0:
        print("error: nothing could be indexed", file=sys.stderr)
        return 1
    return 1 if args.strict and report.warnings else 0


def _search(args) -> int:
    from indexer.engine import open_engine

    pairs = [("q", args.query)]
    pairs += [("publisher", p) for p in args.publisher]
    pairs += [("language", lang) for lang in args.language]
    for name in ("year_from", "year_to", "sort", "page", "per_page"):
        if getattr(args, name) is not None:
            pairs.append((name, getattr(args, name)))
    if args.undated:
        pairs.append(("undated", "true"))
    if args.all_copies:
        pairs.append(("collapse", "false"))
    try:
        request = parse_params(pairs, spell=FLAGS.get)
    except ParamError as exc:
        print(f"error: {exc.detail}", file=sys.stderr)
        return 2
    engine = open_engine(args.index or config.index_dir(), args.engine)
    try:
        result = engine.search(request)
    except QueryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    from indexer.cli_format import format_result

    print(format_result(result))
    return 0
