"""Losing the leader of a three-node cluster while readers search through the API.

The story: the archive (seeds plus a few thousand generated documents) is on a three-node
cluster; eight readers search through the web API for about a minute; the leader is killed
with SIGKILL in the middle and restarted later. No reader sees a failed search, a new leader
is elected within 15 s, writes are accepted again, the restarted node catches up, and every
document is still found. The figures are printed with the test output (pytest -s shows them).
"""

from __future__ import annotations

import json
import random
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from typesense_cluster import cluster_env, config_for, local_cluster, require_typesense

from tests.conftest import ROOT, SEED_IDS, write_jsonl

pytestmark = pytest.mark.slow

SEARCHERS = 8
DURATION = 60.0  # seconds of searching
KILL_AT, RESTART_AT = 15.0, 38.0  # seconds into the searching
NEW_LEADER_WITHIN = 15.0
GENERATED = 3000
QUERIES = [
    "Hojaly",
    "Xocalı",
    "Ходжалы",
    "massacre",
    '"Nagorno Karabakh"',
    "refugees -winter",
    "memorial OR testimony",
    "survivor*",
    "",
]


def _generated(n: int) -> list[dict]:
    rng = random.Random(13)
    words = [
        "memorial",
        "village",
        "winter",
        "refugees",
        "survivors",
        "testimony",
        "Khojaly",
        "Xocalı",
        "Hojaly",
        "Nagorno",
        "Karabakh",
        "massacre",
        "Agdam",
        "mountains",
    ]
    return [
        {
            "id": f"gen{i:05d}",
            "title": f"Report {i}",
            "text": " ".join(rng.choice(words) for _ in range(60)),
            "publisher": rng.choice(["Reuters", "AZERTAC", "Anadolu Agency"]),
            "published": f"{rng.randint(1992, 2024)}-02-26",
            "language": "en",
        }
        for i in range(n)
    ]


def _get(url: str, timeout: float = 10.0) -> dict:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read())


class Searchers:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.done = threading.Event()
        self.lock = threading.Lock()
        self.searches = 0
        self.failures: list[str] = []

    def run(self, seed: int) -> None:
        rng = random.Random(seed)
        while not self.done.is_set():
            q = rng.choice(QUERIES)
            url = f"{self.base_url}/api/search?" + urllib.parse.urlencode(
                {"q": q, "page": rng.randint(1, 3)}
            )
            try:
                body = _get(url)
                error = None if body["total"] > 0 else f"{q!r}: no documents"
            except (urllib.error.URLError, OSError, ValueError, KeyError) as exc:
                error = f"{q!r}: {exc}"
            with self.lock:
                self.searches += 1
                if error:
                    self.failures.append(error)


def test_losing_the_leader_fails_no_search(tmp_path, monkeypatch):
    require_typesense()
    from servers import flask_command, running_server

    from indexer.cluster.build import build_collection
    from indexer.cluster.nodes import with_retry, write_client
    from indexer.cluster.server import LEADER, raft_state

    docs = _generated(GENERATED)
    jsonl = write_jsonl(tmp_path / "generated.jsonl", docs)
    expected = {*SEED_IDS, *(d["id"] for d in docs)}
    with local_cluster(tmp_path / "cluster", size=3) as cluster:
        cfg = config_for(cluster)
        report = build_collection(cfg, ROOT / "corpus", jsonl)
        assert report.document_count == len(expected)
        for name, value in cluster_env(cluster).items():
            monkeypatch.setenv(name, value)
        with running_server(flask_command, tmp_path / "unused-index") as base_url:
            searchers = Searchers(base_url)
            threads = [
                threading.Thread(target=searchers.run, args=(i,), daemon=True)
                for i in range(SEARCHERS)
            ]
            started = time.monotonic()
            for t in threads:
                t.start()

            time.sleep(KILL_AT)
            leader = cluster.leader()
            assert leader is not None
            killed_at = time.monotonic()
            cluster.kill(leader)
            survivors = [n for n in cluster.nodes if n is not leader]
            new_leader = None
            while time.monotonic() - killed_at < 60 and new_leader is None:
                new_leader = next(
                    (n for n in survivors if raft_state(n.url, cluster.api_key) == LEADER), None
                )
                time.sleep(0.1)
            to_new_leader = time.monotonic() - killed_at
            degraded = _get(base_url + "/api/health")["cluster"]

            # Writes are accepted again: one new document through the survivors.
            client = write_client(cfg)
            late = {"id": "late-1", "title": "Late report", "text": "Xocalı late testimony"}
            late_jsonl = write_jsonl(tmp_path / "late.jsonl", [late])
            written_at = time.monotonic()
            update = build_collection(
                cfg, ROOT / "corpus", jsonl_union(tmp_path, jsonl, late_jsonl)
            )
            write_seconds = time.monotonic() - written_at
            expected.add("late-1")

            time.sleep(max(0.0, RESTART_AT - (time.monotonic() - started)))
            restarted_at = time.monotonic()
            cluster.start_node(leader)
            caught_up = _wait_caught_up(leader, cluster.api_key, update.version, len(expected))
            catch_up = time.monotonic() - restarted_at

            time.sleep(max(0.0, DURATION - (time.monotonic() - started)))
            searchers.done.set()
            for t in threads:
                t.join(timeout=30)

            found = _every_document(base_url)
            health = _get(base_url + "/api/health")["cluster"]
            with_retry(lambda: client.collections[update.version].retrieve())

    print(
        f"\nfailover: {searchers.searches} searches by {SEARCHERS} readers in "
        f"{DURATION:.0f} s, {len(searchers.failures)} failed; new leader "
        f"{to_new_leader:.1f} s after kill -9; write accepted in {write_seconds:.1f} s "
        f"(added {update.added}); restarted node caught up in {catch_up:.1f} s; "
        f"{len(found)} of {len(expected)} documents found; health while degraded: "
        f"{degraded['status']}, after: {health['status']}"
    )
    assert searchers.failures == [], searchers.failures[:5]
    assert searchers.searches > 100
    assert to_new_leader < NEW_LEADER_WITHIN
    assert update.added == 1
    assert caught_up, "the restarted node did not catch up"
    assert found == expected
    assert degraded["status"] == "degraded"
    assert health["status"] == "ok"


def jsonl_union(tmp_path, *files):
    """One JSON Lines file holding all lines of `files` (a build reads the whole archive)."""
    out = tmp_path / "union.jsonl"
    out.write_text("".join(f.read_text("utf-8") for f in files), "utf-8")
    return out


def _wait_caught_up(node, api_key: str, collection: str, count: int, timeout=60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            request = urllib.request.Request(
                f"{node.url}/collections/{collection}", headers={"X-TYPESENSE-API-KEY": api_key}
            )
            with urllib.request.urlopen(request, timeout=2) as response:
                if json.loads(response.read())["num_documents"] == count:
                    return True
        except (urllib.error.URLError, OSError, ValueError, KeyError):
            pass
        time.sleep(0.2)
    return False


def _every_document(base_url: str) -> set[str]:
    ids, page = set(), 1
    while True:
        body = _get(f"{base_url}/api/search?per_page=100&page={page}")
        ids.update(h["id"] for h in body["hits"])
        if page >= body["total_pages"]:
            return ids
        page += 1
