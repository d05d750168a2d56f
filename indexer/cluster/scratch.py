"""A throwaway collection for measurements (evaluation, benchmarks): on the cluster the
environment names, or on a one-node local server started for the occasion."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from indexer import config
from indexer.cluster import nodes as cluster_nodes
from indexer.cluster.build import build_collection
from indexer.cluster.engine import TypesenseEngine
from indexer.cluster.server import LocalCluster


@contextlib.contextmanager
def cluster_config(workdir: Path) -> Iterator[cluster_nodes.ClusterConfig]:
    """The configured cluster, else a one-node server in `workdir`, stopped afterwards."""
    if config.typesense_nodes():
        yield cluster_nodes.ClusterConfig.from_env()
        return
    local = LocalCluster(Path(workdir) / "typesense", size=1).start()
    try:
        yield cluster_nodes.ClusterConfig(tuple(n.url for n in local.nodes), local.api_key)
    finally:
        local.stop()


@contextlib.contextmanager
def scratch_engine(
    workdir: Path, corpus_dir: Path | None = None, jsonl: Path | None = None
) -> Iterator[TypesenseEngine]:
    """An engine over a new collection of `corpus_dir` and/or `jsonl`, dropped afterwards."""
    with cluster_config(workdir) as base:
        cfg = replace(base, collection=f"scratch{uuid.uuid4().hex[:12]}")
        report = build_collection(cfg, corpus_dir, jsonl, rebuild=True)
        try:
            yield TypesenseEngine(cfg)
        finally:
            client = cluster_nodes.write_client(cfg)
            with contextlib.suppress(Exception):
                client.aliases[cfg.collection].delete()
            with contextlib.suppress(Exception):
                client.collections[report.version].delete()
