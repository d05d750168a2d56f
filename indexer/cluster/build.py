"""Build or update the collection behind the alias, with the same ingest as the embedded index.

A rebuild (or the first build, or one after the analysis code changed) fills a new collection
and then points the alias at it in one step: readers see the old collection or the new one,
never half of one, and a build killed in the middle leaves the previous collection serving (the
next build removes what it left behind). An incremental build compares content hashes with the
live collection and sends only new and changed documents, and deletes removed ones.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import re
import threading
import time
from collections import deque
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from indexer.cluster import nodes as cluster_nodes
from indexer.cluster.documents import SCHEMA_FIELDS, to_typesense
from indexer.index.build import BuildReport, _unique, analysis_fingerprint, load_sources
from indexer.ingest.documents import Document, SourceRecord, analyse

IMPORT_BATCH = 500  # documents per import request
DELETE_BATCH = 200
PARALLEL_MIN_DOCS = 200  # below this, starting a helper process costs more than it saves
ANALYSIS_BATCH, WINDOW = 32, 8  # documents per helper task, tasks in flight


def build_collection(
    cfg: cluster_nodes.ClusterConfig,
    corpus_dir: str | Path | None = None,
    jsonl: str | Path | None = None,
    rebuild: bool = False,
) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport()
    client = cluster_nodes.write_client(cfg)
    fingerprint = analysis_fingerprint()
    live = None if rebuild else _alias_target(client, cfg.collection)
    if live and not live.startswith(f"{cfg.collection}_{fingerprint}_"):
        report.warnings.append("the analysis code changed since the last build: rebuilding")
        live = None
    old = _hashes(client, live) if live else {}
    loaded = load_sources(
        Path(corpus_dir) if corpus_dir is not None else None,
        Path(jsonl) if jsonl is not None else None,
        known={h: i for i, h in old.items()},
    )
    report.skipped, report.warnings = loaded.skipped, report.warnings + loaded.warnings
    records = _unique(loaded.records, report)
    new = {**loaded.unchanged, **{r.id: r.content_hash() for r in records.values()}}
    to_add = [i for i in new if i not in old]
    to_update = [i for i in new if i in old and old[i] != new[i]]
    to_remove = [i for i in old if i not in new]
    report.unchanged = len(new) - len(to_add) - len(to_update)
    target = live
    if live is None:
        target = f"{cfg.collection}_{fingerprint}_{datetime.now(UTC):%Y%m%dT%H%M%S%f}"
        cluster_nodes.with_retry(
            lambda: client.collections.create(
                {
                    "name": target,
                    "fields": SCHEMA_FIELDS,
                    "token_separators": [],
                    "symbols_to_index": [],
                }
            )
        )
    seq = _next_seq(client, live) if live else 0
    incoming = [records[i] for i in [*to_add, *to_update]]
    with _analysed(incoming) as documents:
        batch: list[dict] = []
        for doc in documents:
            batch.append(to_typesense(doc, seq))
            seq += 1
            if len(batch) >= IMPORT_BATCH:
                _import(client, target, batch, report)
                batch = []
        if batch:
            _import(client, target, batch, report)
    for i in range(0, len(to_remove), DELETE_BATCH):
        ids = ",".join(f"`{d}`" for d in to_remove[i : i + DELETE_BATCH])
        cluster_nodes.with_retry(
            lambda ids=ids: client.collections[target].documents.delete(
                {"filter_by": f"id:=[{ids}]"}
            )
        )
    if target != live:
        cluster_nodes.with_retry(
            lambda: client.aliases.upsert(cfg.collection, {"collection_name": target})
        )
    _wait_until_everywhere(cfg, target, len(new))
    _drop_others(client, cfg.collection, keep=target)
    report.added, report.updated, report.removed = len(to_add), len(to_update), len(to_remove)
    report.document_count = len(new)
    report.version = target
    report.seconds = time.perf_counter() - started
    return report


def _alias_target(client, alias: str) -> str | None:
    from typesense import exceptions

    try:
        return cluster_nodes.with_retry(lambda: client.aliases[alias].retrieve())["collection_name"]
    except exceptions.ObjectNotFound:
        return None


def _hashes(client, collection: str) -> dict[str, str]:
    """id → content hash of every document in the live collection."""
    text = cluster_nodes.with_retry(
        lambda: client.collections[collection].documents.export(
            {"include_fields": "id,content_hash"}
        )
    )
    out = {}
    for line in text.splitlines():
        if line.strip():
            doc = json.loads(line)
            out[doc["id"]] = doc.get("content_hash", "")
    return out


def _next_seq(client, collection: str) -> int:
    result = cluster_nodes.with_retry(
        lambda: client.collections[collection].documents.search(
            {
                "q": "*",
                "query_by": "words",
                "sort_by": "seq:desc",
                "per_page": 1,
                "include_fields": "seq",
            }
        )
    )
    hits = result["hits"]
    return hits[0]["document"]["seq"] + 1 if hits else 0


def _import(client, collection: str, batch: list[dict], report: BuildReport) -> None:
    answers = cluster_nodes.with_retry(
        lambda: client.collections[collection].documents.import_(batch, {"action": "upsert"})
    )
    for doc, answer in zip(batch, answers, strict=True):
        if not answer.get("success"):
            report.warnings.append(f"{doc['source']}: not imported: {answer.get('error')}")


def _drop_others(client, alias: str, keep: str) -> None:
    """Collections of earlier builds (or of a build killed midway) under this alias's name."""
    ours = re.compile(re.escape(alias) + r"_[0-9a-f]{16}_\d{8}T\d{12}")
    for info in cluster_nodes.with_retry(lambda: client.collections.retrieve()):
        name = info["name"]
        if ours.fullmatch(name) and name != keep:
            cluster_nodes.with_retry(lambda name=name: client.collections[name].delete())


def _wait_until_everywhere(cfg, collection: str, count: int, timeout: float = 30.0) -> None:
    """Until every node that answers serves the alias with all documents: followers apply
    the leader's log a moment later, and the build is done only when any node can answer."""
    deadline = time.monotonic() + timeout
    pending = list(cfg.nodes)
    while pending and time.monotonic() < deadline:
        pending = [url for url in pending if not _serves(url, cfg, collection, count)]
        if pending:
            time.sleep(0.1)


def _serves(url: str, cfg, collection: str, count: int) -> bool:
    import urllib.error
    import urllib.request

    headers = {"X-TYPESENSE-API-KEY": cfg.api_key}
    try:
        request = urllib.request.Request(f"{url}/aliases/{cfg.collection}", headers=headers)
        with urllib.request.urlopen(request, timeout=2) as response:
            if json.loads(response.read()).get("collection_name") != collection:
                return False
        request = urllib.request.Request(f"{url}/collections/{collection}", headers=headers)
        with urllib.request.urlopen(request, timeout=2) as response:
            return json.loads(response.read()).get("num_documents") == count
    except urllib.error.HTTPError:
        return False
    except (urllib.error.URLError, OSError, ValueError):
        return True  # a node that does not answer at all is not waited for


@contextmanager
def _analysed(records: list[SourceRecord]):
    """Documents analysed (cleaned, languages detected) in a helper process while this one
    sends them: the two halves of the work then share the machine's cores."""
    # Forking a process that runs other threads can deadlock the child: stay serial there.
    serial = len(records) < PARALLEL_MIN_DOCS or threading.active_count() > 1
    if serial or (os.cpu_count() or 1) < 2:
        yield map(analyse, records)
        return
    with multiprocessing.get_context("fork").Pool(1) as pool:
        yield _bounded(pool, records)


def _bounded(pool, records: list[SourceRecord]):
    """Analysed documents in order, at most WINDOW batches ahead of the sender: Pool.imap
    would run ahead without limit and hold a whole archive of analysed text in memory."""
    batches = (records[i : i + ANALYSIS_BATCH] for i in range(0, len(records), ANALYSIS_BATCH))
    pending: deque = deque()
    for batch in itertools.islice(batches, WINDOW):
        pending.append(pool.apply_async(_analyse_batch, (batch,)))
    while pending:
        done = pending.popleft().get()
        following = next(batches, None)
        if following is not None:
            pending.append(pool.apply_async(_analyse_batch, (following,)))
        yield from done


def _analyse_batch(records: list[SourceRecord]) -> list[Document]:
    return [analyse(r) for r in records]
