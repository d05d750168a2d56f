"""The Typesense cluster (optional `cluster` extra) driven through our `TypesenseEngine`, as
the app drives it: a three-node cluster on loopback, our spelling map, disjunctive facets.

The runner starts the cluster before the build and stops it after the searches
(`running_cluster`); the build and search phases find it through its state file.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

from bench.ours_engine import search_engine
from bench.queries import BenchQuery

COLLECTION = "bench"


@contextlib.contextmanager
def running_cluster(index_dir: Path) -> Iterator[None]:
    from indexer.cluster.server import LocalCluster

    # A cluster left by an earlier run knows other ports and would never elect a leader: its
    # collection lived only as long as it did, so it goes.
    shutil.rmtree(index_dir / "cluster", ignore_errors=True)
    cluster = LocalCluster(index_dir / "cluster").start()
    try:
        yield
    finally:
        cluster.stop()


def _config(index_dir: Path):
    from indexer.cluster.nodes import ClusterConfig
    from indexer.cluster.server import LocalCluster

    cluster = LocalCluster.load(index_dir / "cluster")
    if cluster is None:
        raise RuntimeError(f"no cluster running for {index_dir}")
    return ClusterConfig(tuple(n.url for n in cluster.nodes), cluster.api_key, COLLECTION)


def build(jsonl: Path, index_dir: Path) -> dict:
    from indexer.cluster.build import build_collection

    report = build_collection(_config(index_dir), jsonl=jsonl, rebuild=True)
    keys = ("added", "updated", "removed", "skipped", "unchanged", "document_count", "seconds")
    return {k: getattr(report, k) for k in keys}


class Searcher:
    def __init__(self, index_dir: Path):
        from indexer.cluster.engine import TypesenseEngine

        self.engine = TypesenseEngine(_config(index_dir))

    def search(self, q: BenchQuery, per_page: int = 10) -> dict:
        return search_engine(self.engine, q, per_page)
