"""Command line: `python -m indexer build …` and `python -m indexer search …`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from indexer import config
from indexer.results import SORTS, QueryError, SearchRequest


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

    s = sub.add_parser("search", help="search the index")
    s.add_argument("query", nargs="?", default="")
    s.add_argument("--index", type=Path)
    s.add_argument("--publisher", action="append", default=[])
    s.add_argument("--language", action="append", default=[])
    s.add_argument("--year-from", type=int)
    s.add_argument("--year-to", type=int)
    s.add_argument("--sort", choices=SORTS, default="relevance")
    s.add_argument("--page", type=int, default=1)
    s.add_argument("--per-page", type=int, default=10)
    s.add_argument("--json", action="store_true", help="print the API's JSON structure")
    s.add_argument("--engine", choices=config.ENGINES, help="default: KHOJALY_SEARCH_ENGINE")

    args = parser.parse_args(argv)
    if args.command == "build":
        return _build(args)
    return _search(args)


def _build(args) -> int:
    corpus = args.corpus
    if corpus is None and args.jsonl is None:
        corpus = config.corpus_dir()
    if (args.engine or config.engine_name()) == "typesense":
        from indexer.cluster.build import build_collection
        from indexer.cluster.nodes import ClusterConfig

        report = build_collection(ClusterConfig.from_env(), corpus, args.jsonl, args.rebuild)
    else:
        from indexer.index.build import build_index

        report = build_index(
            args.index or config.index_dir(),
            corpus_dir=corpus,
            jsonl=args.jsonl,
            rebuild=args.rebuild,
            progress=True,
        )
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary())
    if report.document_count == 0:
        print("error: nothing could be indexed", file=sys.stderr)
        return 1
    return 1 if args.strict and report.warnings else 0


def _search(args) -> int:
    from indexer.engine import open_engine

    if not 1 <= args.per_page <= 100 or args.page < 1:
        print("error: --page must be ≥ 1 and --per-page between 1 and 100", file=sys.stderr)
        return 2
    request = SearchRequest(
        q=args.query,
        publisher=tuple(args.publisher),
        language=tuple(args.language),
        year_from=args.year_from,
        year_to=args.year_to,
        sort=args.sort,
        page=args.page,
        per_page=args.per_page,
    )
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
