"""Our search core, driven through its public API exactly as the app drives it."""

from __future__ import annotations

import time
from pathlib import Path

from bench import queries
from bench.queries import BenchQuery


def build(jsonl: Path, index_dir: Path, rebuild: bool = True) -> dict:
    from indexer.build import build_index

    report = build_index(index_dir, jsonl=jsonl, rebuild=rebuild)
    keys = ("added", "updated", "removed", "skipped", "seconds")
    return {k: getattr(report, k) for k in keys if hasattr(report, k)}


def change_one_line(jsonl: Path, line_no: int, marker: str) -> None:
    """Rewrite `jsonl` in place with `marker` appended to one document's text (or removed again)."""
    import json

    tmp = jsonl.with_suffix(".edit")
    with jsonl.open(encoding="utf-8") as src, tmp.open("w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i == line_no:
                doc = json.loads(line)
                text = doc["text"]
                doc["text"] = text[: -len(marker)] if text.endswith(marker) else text + marker
                line = json.dumps(doc, ensure_ascii=False) + "\n"
            out.write(line)
    tmp.replace(jsonl)


def incremental(jsonl: Path, index_dir: Path) -> dict:
    """Change one document, bring the index up to date without --rebuild, then change it back."""
    marker = " Edited for the incremental benchmark."
    change_one_line(jsonl, 7, marker)
    try:
        t0 = time.perf_counter()
        report = build(jsonl, index_dir, rebuild=False)
        report["incremental_seconds"] = time.perf_counter() - t0
    finally:
        change_one_line(jsonl, 7, marker)
    return report


class Searcher:
    def __init__(self, index_dir: Path):
        from indexer.engine import open_engine

        self.engine = open_engine(index_dir)

    def search(self, q: BenchQuery, per_page: int = 10) -> dict:
        from indexer.results import SearchRequest

        req = SearchRequest(q=queries.ours(q), publisher=q.publisher, per_page=per_page)
        res = self.engine.search(req)
        hits = [(h.id, h.title, h.snippets, h.score) for h in res.hits]
        facets = {k: [(v.value, v.count) for v in vals] for k, vals in res.facets.items()}
        return {"total": res.total, "hits": hits, "facets": facets}
