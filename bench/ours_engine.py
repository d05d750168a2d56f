"""Our search core, driven through its public API exactly as the app drives it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench import queries
from bench.measure import percentiles
from bench.queries import BenchQuery
from bench.query_pool import pools


def build(jsonl: Path, index_dir: Path, rebuild: bool = True) -> dict:
    from indexer.index.build import build_index

    # Sampled from another process: a thread here would keep the build from forking helpers.
    sampler = subprocess.Popen(
        [sys.executable, "-c", _SAMPLER, str(os.getpid())],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        report = build_index(index_dir, jsonl=jsonl, rebuild=rebuild)
    finally:
        sampler.terminate()
        peaks = sampler.communicate()[0].split()
    keys = ("added", "updated", "removed", "skipped", "unchanged", "document_count", "seconds")
    out = {k: getattr(report, k) for k in keys if hasattr(report, k)}
    if peaks:
        out["peak_pss_all_processes_mib"] = int(peaks[-1]) / 2**20
    return out


# Peak of the summed proportional set size (PSS) of a process and its helpers, every 0.2 s:
# forked helpers share pages with their parent, which PSS counts once. Printed when it grows.
_SAMPLER = """
import os, sys, time, psutil
parent, me, peak = psutil.Process(int(sys.argv[1])), os.getpid(), 0
while True:
    try:
        procs = [parent, *(p for p in parent.children(recursive=True) if p.pid != me)]
    except psutil.Error:
        break
    total = 0
    for proc in procs:
        try:
            total += proc.memory_full_info().pss
        except psutil.Error:
            pass
    if total > peak:
        peak = total
        print(peak, flush=True)
    time.sleep(0.2)
"""


def replace_lines(jsonl: Path, line_nos: set[int], edit) -> dict[int, str]:
    """Rewrite `jsonl` in place with each line of `line_nos` replaced by `edit(number, line)`;
    return the old ones by line number."""
    old: dict[int, str] = {}
    tmp = jsonl.with_suffix(".edit")
    with jsonl.open(encoding="utf-8") as src, tmp.open("w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i in line_nos:
                old[i], line = line, edit(i, line)
            out.write(line)
    tmp.replace(jsonl)
    return old


BATCH_UPDATE = 1000  # documents changed at once by the last incremental step


def incremental(jsonl: Path, index_dir: Path) -> dict:
    """Updates without --rebuild, each after changing documents of the file: one document,
    one more right after it (what segment merging costs once the index holds more than one
    segment), then BATCH_UPDATE documents at once (a day's worth of corrections). The file is
    restored afterwards, and the index is brought up to the file before the first step."""
    marker = f" Edited for the incremental benchmark {time.time_ns()}."

    def edit(_number: int, line: str) -> str:
        doc = json.loads(line)
        doc["text"] += marker
        return json.dumps(doc, ensure_ascii=False) + "\n"

    with jsonl.open("rb") as f:
        lines = sum(1 for _ in f)
    steps = [("incremental_seconds", {7}), ("second_incremental_seconds", {8})]
    if lines >= 2 * BATCH_UPDATE:
        steps.append(("batch_incremental_seconds", set(range(100, 100 + BATCH_UPDATE))))
    old: dict[int, str] = {}
    report: dict = {"batch_update_documents": BATCH_UPDATE}
    # a reused index still holds the edits of the run before, whose file was restored: brought
    # up to the file first (untimed), the first step updates one document, not a thousand
    report["sync_report"] = build(jsonl, index_dir, rebuild=False)
    try:
        for key, line_nos in steps:
            old.update(replace_lines(jsonl, line_nos, edit))
            t0 = time.perf_counter()
            report[key.replace("seconds", "report")] = build(jsonl, index_dir, rebuild=False)
            report[key] = time.perf_counter() - t0
    finally:
        replace_lines(jsonl, set(old), lambda number, _line: old[number])
    return report


LONG_PUBLISHER = "Long Report Press"  # only the long document has it, so it is always on the page
LONG_NEIGHBOURS = 200  # ordinary documents indexed beside it
DENSE_WORDS = ("the", "of", "and", "to", "in", "government", "khojaly")


def long_documents(jsonl: Path, index_dir: Path, size_mb: float, docs: int) -> dict:
    """Search p50/p95/max over an index holding one document of `size_mb` MB.

    The long document is the corpus's texts run together (so it holds every kind of query's
    words, names in many spellings among them); each query filters on its publisher, so it is
    the page's hit and gets snippets, which is where the cost of a long document lies.
    """
    want = size_mb * 2**20
    neighbours: list[str] = []
    chunks, size = [], 0
    while size < want:  # a small corpus is read again until the document is long enough
        with jsonl.open(encoding="utf-8") as f:
            for line in f:
                if len(neighbours) < LONG_NEIGHBOURS:
                    neighbours.append(line)
                chunks.append(json.loads(line)["text"])
                size += len(chunks[-1].encode())
                if size >= want:
                    break
    long_doc = {
        "id": f"long-{size_mb:g}mb",
        "title": f"A report of {size_mb:g} MB",
        "text": "\n\n".join(chunks),
        "publisher": LONG_PUBLISHER,
        "published": "2012-02-26",
        "language": "en",
    }
    source = index_dir.parent / f"{index_dir.name}.jsonl"
    long_line = json.dumps(long_doc, ensure_ascii=False) + "\n"
    source.write_text("".join(neighbours) + long_line, encoding="utf-8")
    t0 = time.perf_counter()
    build(source, index_dir)
    build_seconds = time.perf_counter() - t0

    searcher = Searcher(index_dir)
    qs = pools(docs, per_kind=10)
    for q in qs.warm:
        searcher.search(q)
    # the densest words too: a long report holds thousands of each, the worst case for snippets
    dense = [BenchQuery("common", (queries.Part("word", w),)) for w in DENSE_WORDS]
    dense.append(BenchQuery("phrase", (queries.Part("phrase", "of the"),)))
    samples, missed = [], 0
    for q in [q for q in qs.timed if not q.publisher] + dense:
        t = time.perf_counter()
        res = searcher.search(BenchQuery(q.kind, q.parts, (LONG_PUBLISHER,)))
        if res["total"]:  # only queries that reach the long document count
            samples.append((time.perf_counter() - t) * 1000)
        else:
            missed += 1
    return {
        "size_mb": size_mb,
        "build_seconds": build_seconds,
        "queries": len(samples),
        "queries_not_in_it": missed,
        "latency_ms": percentiles(samples),
    }


class Searcher:
    def __init__(self, index_dir: Path):
        from indexer.engine import open_engine

        self.engine = open_engine(index_dir)
        self.engine.warm_up()  # as the app does before it serves (webapp.create_app)

    def search(self, q: BenchQuery, per_page: int = 10) -> dict:
        return search_engine(self.engine, q, per_page)


def search_engine(engine, q: BenchQuery, per_page: int = 10) -> dict:
    """One query through a `SearchEngine`'s public API, as the app sends it."""
    from indexer.results import SearchRequest

    req = SearchRequest(q=queries.ours(q), publisher=q.publisher, per_page=per_page)
    res = engine.search(req)
    hits = [(h.id, h.title, h.snippets, h.score) for h in res.hits]
    facets = {k: [(v.value, v.count) for v in vals] for k, vals in res.facets.items()}
    return {"total": res.total, "hits": hits, "facets": facets}
