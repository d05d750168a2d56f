"""Builds on the cluster: incremental updates send only what changed, a rebuild switches the
alias in one step, a killed build leaves the previous collection serving; the CLI and the web
app work unchanged with the environment switch."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from typesense_cluster import cluster_env, config_for, local_cluster, require_typesense

from indexer.results import SearchRequest
from tests.conftest import ROOT, marked_archive, write_jsonl

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_typesense()
    with local_cluster(tmp_path_factory.mktemp("typesense"), size=1) as cluster:
        yield cluster


def _engine(cfg):
    from indexer.cluster.engine import TypesenseEngine

    return TypesenseEngine(cfg)


def _collections(cfg) -> list[str]:
    from indexer.cluster.nodes import write_client

    return sorted(c["name"] for c in write_client(cfg).collections.retrieve())


def test_incremental_builds_send_only_what_changed(server, tmp_path):
    from indexer.cluster.build import build_collection

    cfg = config_for(server, "incremental")
    docs = [{"id": f"d{i}", "title": f"Doc {i}", "text": f"Khojaly memorial {i}"} for i in range(5)]
    first = build_collection(cfg, jsonl=write_jsonl(tmp_path / "a.jsonl", docs))
    assert (first.added, first.updated, first.removed) == (5, 0, 0)

    docs[1]["text"] = "Xocalı survivors"
    del docs[4]
    second = build_collection(cfg, jsonl=write_jsonl(tmp_path / "a.jsonl", docs))
    assert (second.added, second.updated, second.removed, second.unchanged) == (0, 1, 1, 3)
    assert second.version == first.version  # the same collection, updated in place

    engine = _engine(cfg)
    assert engine.search(SearchRequest(q="survivors")).hits[0].id == "d1"
    assert engine.document("d4") is None
    assert engine.stats().document_count == 4
    assert engine.search(SearchRequest(q="Hojaly")).total == 4  # d1 spells it Xocalı

    third = build_collection(cfg, jsonl=tmp_path / "a.jsonl")
    assert third.changed is False


def test_a_rebuild_switches_the_alias_and_drops_the_old_collection(server, tmp_path):
    from indexer.cluster.build import build_collection

    cfg = config_for(server, "rebuilt")
    jsonl = marked_archive(tmp_path / "a.jsonl", 10, "alpha")
    first = build_collection(cfg, jsonl=jsonl)
    engine = _engine(cfg)
    version = engine.stats().version
    second = build_collection(cfg, jsonl=jsonl, rebuild=True)
    assert second.version != first.version and second.added == 10
    assert engine.search(SearchRequest(q="alpha")).total == 10
    time.sleep(1.1)  # the engine caches its stats for a second
    assert engine.stats().version != version  # so ETags change with the rebuild
    assert [c for c in _collections(cfg) if c.startswith("rebuilt_")] == [
        second.version,
        second.version + "_vocab",  # its spelling map and word counts
    ]


def test_kill_9_during_a_build_leaves_the_previous_collection_serving(server, tmp_path):
    from indexer.cluster.build import build_collection

    cfg = config_for(server, "killed")
    build_collection(cfg, jsonl=marked_archive(tmp_path / "old.jsonl", 20, "oldmarker"))
    engine = _engine(cfg)
    served = engine.stats().version
    before = _collections(cfg)

    big = marked_archive(tmp_path / "new.jsonl", 3000, "newmarker")
    env = {**os.environ, **cluster_env(server, "killed")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "indexer", "build", "--jsonl", str(big), "--rebuild"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline and len(_collections(cfg)) <= len(before):
        time.sleep(0.05)
    time.sleep(random.uniform(0.2, 1.0))
    assert proc.poll() is None, "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    time.sleep(1.1)
    assert engine.stats().version == served
    assert engine.search(SearchRequest(q="oldmarker")).total == 20
    assert engine.search(SearchRequest(q="newmarker")).total == 0

    report = build_collection(cfg, jsonl=big)
    assert report.added == 3000 and report.removed == 20
    assert engine.search(SearchRequest(q="newmarker")).total == 3000
    assert [c for c in _collections(cfg) if c.startswith("killed_")] == [
        report.version,
        report.version + "_vocab",
    ]


def test_the_cli_and_the_api_work_unchanged_with_the_switch(server, tmp_path, monkeypatch):
    env = {**os.environ, **cluster_env(server, "cli")}
    run = subprocess.run(
        [sys.executable, "-m", "indexer", "build", "--corpus", str(ROOT / "corpus")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "added 5, updated 0, removed 0" in run.stdout
    found = subprocess.run(
        [sys.executable, "-m", "indexer", "search", "Hojaly", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] == 5

    for name, value in cluster_env(server, "cli").items():
        monkeypatch.setenv(name, value)
    from api_contract import ContractClient

    from webapp import create_app

    app = create_app({"TESTING": True})
    client = ContractClient(app, app.response_class, use_cookies=False)
    body = client.get("/api/search?q=Xocal%C4%B1&publisher=Anadolu+Agency").get_json()
    assert [h["id"] for h in body["hits"]] == ["000_a328629233d40734"]
    assert "<mark>Khojaly</mark>" in body["hits"][0]["snippets"][0]
    prefixes = client.get("/api/search?q=Xocal*+massac*").get_json()
    assert prefixes["total"] >= 1 and "xocal*" in prefixes["hits"][0]["matched"]
    bad = client.get("/api/search?q=Khojaly+OR+-Srebrenica")
    assert bad.status_code == 400 and "OR" in bad.get_json()["detail"]
    health = client.get("/api/health").get_json()
    assert health["document_count"] == 5
    assert health["cluster"]["status"] == "ok"
    assert health["cluster"]["nodes"][0]["role"] == "leader"
    page = client.get("/?q=Hojaly")
    assert page.status_code == 200 and "<mark>Khojaly</mark>" in page.get_data(as_text=True)


def test_a_reader_meets_a_whole_vocabulary_while_the_next_revision_is_written(server):
    """An update rewrites the collection's spelling map chunk by chunk: a server that reads it
    meanwhile (a worker starting, a version change) gets the previous revision whole."""
    from indexer.cluster import build_io, vocabulary
    from indexer.cluster.documents import COLLECTION_OPTIONS
    from indexer.cluster.nodes import write_client

    cfg = config_for(server, collection="vocabulary_revisions")
    client = write_client(cfg)
    side = vocabulary.side_collection(cfg.collection)
    client.collections.create({"name": side, "fields": vocabulary.SCHEMA, **COLLECTION_OPTIONS})
    first = vocabulary.ClusterVocabulary({"xocali": ["khojaly"]}, {"khojaly": [3, 1]})
    build_io.write_vocabulary(client, cfg.collection, first, 1)

    second = vocabulary.ClusterVocabulary({"xocali": ["khojaly", "hojaly"]}, {"hojaly": [1, 0]})
    *chunks, meta = vocabulary.documents(second, 2)
    for doc in chunks:  # the update has written its chunks, not yet the meta document
        client.collections[side].documents.upsert(doc)
    revision, seen = _engine(cfg).versions.read_vocabulary(cfg.collection)
    assert revision == 1 and seen.words == {"khojaly": [3, 1]}

    client.collections[side].documents.upsert(meta)
    revision, seen = _engine(cfg).versions.read_vocabulary(cfg.collection)
    assert revision == 2 and seen.words == {"hojaly": [1, 0]}


@pytest.mark.parametrize(
    "error, retried",
    [
        ("Invalid response - ", True),  # an import answered with an empty body
        ('Invalid response - {"success": tr', True),  # or a cut one
        ("Not found.", False),  # a clear answer is not waited out
    ],
)
def test_a_write_is_retried_only_while_the_answer_is_unclear(error, retried):
    from typesense import exceptions

    from indexer.cluster.nodes import with_retry

    calls = []

    def write():
        calls.append(1)
        if len(calls) == 1:
            raise (exceptions.TypesenseClientError if retried else exceptions.ObjectNotFound)(error)
        return "done"

    if retried:
        assert with_retry(write, seconds=5) == "done" and len(calls) == 2
    else:
        with pytest.raises(exceptions.ObjectNotFound):
            with_retry(write, seconds=5)
        assert len(calls) == 1
