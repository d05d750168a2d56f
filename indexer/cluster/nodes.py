"""Where the cluster is, and the clients that talk to it.

Reads and writes use separate clients: a client that sends writes to a follower while there is
no leader gets 500s, and if the same client also served reads it would mark that healthy
follower as down for its searches too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from indexer import config

WRITE_RETRY_SECONDS = 30.0  # long enough for a leader election (7-9 s measured)


@dataclass(frozen=True)
class ClusterConfig:
    nodes: tuple[str, ...]  # API base URLs
    api_key: str
    collection: str = config.DEFAULT_COLLECTION

    @classmethod
    def from_env(cls) -> ClusterConfig:
        nodes = tuple(
            n.strip().rstrip("/") for n in config.typesense_nodes().split(",") if n.strip()
        )
        if not nodes:
            raise ValueError(
                "KHOJALY_SEARCH_TYPESENSE_NODES is empty: give the cluster's API URLs, "
                "e.g. http://127.0.0.1:8108,http://127.0.0.1:8109"
            )
        return cls(nodes, config.typesense_api_key(), config.typesense_collection())

    def client_nodes(self) -> list[dict]:
        out = []
        for url in self.nodes:
            parts = urlsplit(url if "://" in url else "http://" + url)
            port = parts.port or (443 if parts.scheme == "https" else 8108)
            out.append({"host": parts.hostname, "port": port, "protocol": parts.scheme or "http"})
        return out


def read_client(cfg: ClusterConfig):
    """Searches: any node answers; a node that fails is skipped for a few seconds."""
    import typesense

    return typesense.Client(
        {
            "nodes": cfg.client_nodes(),
            "api_key": cfg.api_key,
            "connection_timeout_seconds": 2,
            "num_retries": 2 * len(cfg.nodes),
            "retry_interval_seconds": 0.05,
            "healthcheck_interval_seconds": 2,
        }
    )


def write_client(cfg: ClusterConfig, timeout: float = 120):
    """Imports, schema and alias changes: any node forwards them to the leader."""
    import typesense

    return typesense.Client(
        {
            "nodes": cfg.client_nodes(),
            "api_key": cfg.api_key,
            "connection_timeout_seconds": timeout,
            "num_retries": 3 * len(cfg.nodes),
            "retry_interval_seconds": 0.5,
            "healthcheck_interval_seconds": 5,
        }
    )


def with_retry(call, seconds: float = WRITE_RETRY_SECONDS):
    """`call()`, retried while the cluster has no leader (followers answer writes with 500)."""
    from typesense import exceptions

    deadline = time.monotonic() + seconds
    while True:
        try:
            return call()
        except OSError as exc:  # the client's errors are OSErrors too
            answered = isinstance(exc, exceptions.TypesenseClientError)
            retryable = (
                exceptions.ServerError,
                exceptions.ServiceUnavailable,
                exceptions.Timeout,
                exceptions.HTTPStatus0Error,
            )
            # an import the node answered with an empty or cut body (the client cannot parse
            # it) is retried like no answer: upserts may run twice
            garbled = str(exc).startswith("Invalid response")
            unclear = not answered or isinstance(exc, retryable) or garbled
            if not unclear or time.monotonic() >= deadline:
                raise  # a clear answer (404, 400, 409) is not waited out
            time.sleep(0.5)
