"""What /api/health and every ETag read of a Typesense cluster: the collection behind the
alias, its size, build time and version (cached for STATS_SECONDS), and which nodes answer
and which one leads.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from indexer.cluster import nodes as cluster_nodes
from indexer.cluster import server
from indexer.cluster import vocabulary as vocab
from indexer.results import IndexStats

log = logging.getLogger(__name__)

STATS_SECONDS = 1.0

# Reads of the stats run side by side; the node probes have a pool of their own, so a stats
# read that waits for them never waits for a thread its own pool would have to free.
_READS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="typesense-stats")
_PROBES = ThreadPoolExecutor(max_workers=16, thread_name_prefix="typesense-probe")
NEWEST = {
    "q": "*",
    "query_by": "terms",
    "sort_by": "seq:desc",
    "per_page": 1,
    "include_fields": "seq",
}


class ClusterHealth:
    """The stats and the nodes' states of the collection behind `cfg`'s alias."""

    def __init__(self, cfg: cluster_nodes.ClusterConfig, client):
        self.cfg = cfg
        self.alias = cfg.collection
        self.client = client
        self._stats: tuple[float, IndexStats] | None = None

    def stats(self) -> IndexStats:
        """Cached for STATS_SECONDS: every search asks for it (its version makes the ETag)."""
        cached = self._stats
        if cached is not None and time.monotonic() - cached[0] < STATS_SECONDS:
            return cached[1]
        try:
            stats = self._read_stats()
        except Exception:
            if cached is None:
                raise
            log.warning("the cluster's stats could not be read; serving the last ones")
            return cached[1]
        self._stats = (time.monotonic(), stats)
        return stats

    def _read_stats(self) -> IndexStats:
        """The collection behind the alias, then its details and the nodes' states at once:
        a search that finds the stats expired waits for two round trips, not ten."""
        from typesense import exceptions

        cluster = _READS.submit(self.cluster_state)
        try:
            name = self.client.aliases[self.alias].retrieve()["collection_name"]
            side = self.client.collections[vocab.side_collection(name)]
            info, meta, newest = (
                _READS.submit(call)
                for call in (
                    self.client.collections[name].retrieve,
                    side.documents[vocab.META_ID].retrieve,
                    lambda: self.client.collections[name].documents.search(NEWEST),
                )
            )
            info, revision, newest = info.result(), meta.result()["revision"], newest.result()
        except exceptions.ObjectNotFound:
            return IndexStats(0, None, None, cluster.result())
        built = datetime.fromtimestamp(info["created_at"], UTC).isoformat(timespec="seconds")
        # Incremental builds keep the collection: its newest sequence number, its size and
        # its vocabulary's revision change with every update, so the version (and the ETag)
        # does too.
        seq = newest["hits"][0]["document"]["seq"] if newest["hits"] else -1
        version = f"{name}.{seq}.{info['num_documents']}.{revision}"
        return IndexStats(info["num_documents"], built, version, cluster.result())

    def cluster_state(self) -> dict:
        """Which nodes answer, which one leads: what /api/health reports."""
        states = {server.LEADER: "leader", server.FOLLOWER: "follower"}
        key = self.cfg.api_key
        probes = [
            (_PROBES.submit(server.healthy, url, key), _PROBES.submit(server.raft_state, url, key))
            for url in self.cfg.nodes
        ]
        out = []
        for url, (healthy, raft) in zip(self.cfg.nodes, probes, strict=True):
            ok, state = healthy.result(), raft.result()
            out.append(
                {"url": url, "ok": ok, "role": states.get(state, "unknown" if ok else "down")}
            )
        answering = sum(n["ok"] for n in out)
        status = "ok" if answering == len(out) else "degraded" if answering else "down"
        return {"engine": "typesense", "status": status, "nodes": out}
