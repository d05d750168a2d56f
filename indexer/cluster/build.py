"""Build or update the collection behind the alias, with the same ingest as the embedded index.

A rebuild (or the first build, or one after the analysis code changed) fills a new collection
and then points the alias at it in one step: readers see the old collection or the new one,
never half of one, and a build killed in the middle leaves the previous collection serving (the
next build removes what it left behind). An incremental build compares content hashes with the
live collection and sends only new and changed documents, and deletes removed ones.

Beside the documents the build keeps the collection's vocabulary (`vocabulary`): the spelling
pairs of its words, made by the same code as the embedded index's spelling map, and how many
documents use each word. A rebuild writes it into the new side collection before the alias
switches; an update adds the new words, counts the removed and replaced documents' words out,
and writes it again under the next revision.
"""

from __future__ import annotations

import hashlib
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

import numpy as np

from indexer.analysis import words
from indexer.cluster import copies as cluster_copies
from indexer.cluster import nodes as cluster_nodes
from indexer.cluster import vocabulary as vocab
from indexer.cluster.documents import (
    COLLECTION_OPTIONS,
    SCHEMA_FIELDS,
    exact_words,
    to_typesense,
)
from indexer.index import copies
from indexer.index.build import (
    BuildReport,
    _unique,
    analysis_fingerprint,
    changes,
    load_sources,
)
from indexer.index.spelling_pairs import pairs_of_words
from indexer.ingest.documents import SourceRecord, analyse

LAYOUT = 2  # the documents' fields and the side collection (2: words, not spelling keys)
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
    fingerprint = _fingerprint()
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
    new, to_add, to_update, to_remove = changes(old, loaded, records, report)
    target = live
    if live is None:
        target = f"{cfg.collection}_{fingerprint}_{datetime.now(UTC):%Y%m%dT%H%M%S%f}"
        for name, fields in (
            (target, SCHEMA_FIELDS),
            (vocab.side_collection(target), vocab.SCHEMA),
        ):
            cluster_nodes.with_retry(
                lambda name=name, fields=fields: client.collections.create(
                    {"name": name, "fields": fields, **COLLECTION_OPTIONS}
                )
            )
        revision, words, signatures = 0, vocab.ClusterVocabulary(), {}
    else:
        revision, words = _read_vocabulary(client, live)
        for title, body in _texts(client, live, [*to_update, *to_remove]):
            words.count(set(exact_words(body)), set(exact_words(title)), step=-1)
        signatures = _signatures(client, live)
        for doc_id in [*to_update, *to_remove]:
            signatures.pop(doc_id, None)
    seq = _next_seq(client, live) if live else 0
    incoming = [records[i] for i in [*to_add, *to_update]]
    with _analysed(incoming) as analysed:
        batch: list[dict] = []
        for documents, pairs in analysed:
            words.add_pairs(pairs)
            for fields, title, body in documents:
                words.count(body, title)
                if "signature" in fields:
                    signatures[fields["id"]] = cluster_copies.from_hex(fields["signature"])
                batch.append({**fields, "seq": seq})
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
    ids = list(signatures)
    groups = copies.group(ids, np.vstack([signatures[i] for i in ids])) if ids else {}
    _mark_grouped(client, target, words.copies, groups, {*to_add, *to_update}, set(new))
    words.copies = groups
    _write_vocabulary(client, target, words, revision + 1)
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


def _fingerprint() -> str:
    """The analysis code's fingerprint and this module's document layout: a collection
    built by other code is rebuilt, not updated."""
    text = f"{analysis_fingerprint()}:{LAYOUT}"
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


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


def _texts(client, collection: str, ids: list[str]):
    """(title, body) of the stored documents with these ids."""
    for i in range(0, len(ids), DELETE_BATCH):
        chosen = ",".join(f"`{d}`" for d in ids[i : i + DELETE_BATCH])
        text = cluster_nodes.with_retry(
            lambda chosen=chosen: client.collections[collection].documents.export(
                {"filter_by": f"id:=[{chosen}]", "include_fields": "id,title,body"}
            )
        )
        for line in text.splitlines():
            if line.strip():
                doc = json.loads(line)
                yield doc.get("title") or "", doc.get("body") or ""


def _signatures(client, collection: str) -> dict:
    """id -> MinHash signature of every document of the collection that has one."""
    text = cluster_nodes.with_retry(
        lambda: client.collections[collection].documents.export({"include_fields": "id,signature"})
    )
    out = {}
    for line in text.splitlines():
        if line.strip():
            doc = json.loads(line)
            if doc.get("signature"):
                out[doc["id"]] = cluster_copies.from_hex(doc["signature"])
    return out


def _mark_grouped(client, collection: str, old: dict, new: dict, sent: set, kept: set) -> None:
    """`grouped` set on the documents that have copies now, cleared on those that had (`sent`:
    the documents this build imported, with `grouped` 0; `kept`: every document now)."""
    changes = [{"id": i, "grouped": 1} for i in new if i in sent or i not in old]
    changes += [
        {"id": i, "grouped": 0} for i in old if i not in new and i not in sent and i in kept
    ]
    for i in range(0, len(changes), IMPORT_BATCH):
        batch = changes[i : i + IMPORT_BATCH]
        cluster_nodes.with_retry(
            lambda batch=batch: client.collections[collection].documents.import_(
                batch, {"action": "update"}
            )
        )


def _read_vocabulary(client, collection: str) -> tuple[int, vocab.ClusterVocabulary]:
    from typesense import exceptions

    side = vocab.side_collection(collection)
    try:
        text = cluster_nodes.with_retry(lambda: client.collections[side].documents.export())
    except exceptions.ObjectNotFound:
        text = ""
    found = vocab.from_export(text)
    if found is None:  # only a build writes it, and builds of one alias do not overlap
        raise RuntimeError(f"the vocabulary in {side} is incomplete: rebuild with --rebuild")
    return found


def _write_vocabulary(client, collection: str, words: vocab.ClusterVocabulary, revision: int):
    """The chunks first, then the meta document that makes them the current revision, then
    the chunks of earlier revisions are removed: a reader always finds a whole revision."""
    side = vocab.side_collection(collection)
    docs = vocab.documents(words, revision)
    for doc in docs:  # one at a time: a chunk is large
        cluster_nodes.with_retry(lambda doc=doc: client.collections[side].documents.upsert(doc))
    cluster_nodes.with_retry(
        lambda: client.collections[side].documents.delete({"filter_by": f"revision:<{revision}"})
    )


def _next_seq(client, collection: str) -> int:
    result = cluster_nodes.with_retry(
        lambda: client.collections[collection].documents.search(
            {
                "q": "*",
                "query_by": "terms",
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
    ours = re.compile(re.escape(alias) + r"_[0-9a-f]{16}_\d{8}T\d{12}(?:" + vocab.SUFFIX + ")?")
    for info in cluster_nodes.with_retry(lambda: client.collections.retrieve()):
        name = info["name"]
        if ours.fullmatch(name) and name not in (keep, vocab.side_collection(keep)):
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
    """Batches of documents analysed (cleaned, languages detected, words found) in a helper
    process while this one sends them: the two halves of the work then share the cores."""
    # Forking a process that runs other threads can deadlock the child: stay serial there.
    serial = len(records) < PARALLEL_MIN_DOCS or threading.active_count() > 1
    if serial or (os.cpu_count() or 1) < 2:
        batches = (records[i : i + ANALYSIS_BATCH] for i in range(0, len(records), ANALYSIS_BATCH))
        yield map(_analyse_batch, batches)
        return
    with multiprocessing.get_context("fork").Pool(1) as pool:
        yield _bounded(pool, records)


def _bounded(pool, records: list[SourceRecord]):
    """Analysed batches in order, at most WINDOW batches ahead of the sender: Pool.imap
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
        yield done


def _analyse_batch(records: list[SourceRecord]) -> tuple[list, set]:
    """([(Typesense document, its title's words, its body's words)], the spelling pairs of
    the batch's words): words as exact keys, each document's distinct ones."""
    out, written = [], set()
    for record in records:
        doc = analyse(record)
        title, body = exact_words(doc.title), exact_words(doc.body)
        sign = cluster_copies.signature_hex(doc.body)
        out.append((to_typesense(doc, 0, title, body, sign), set(title), set(body)))
        written.update(words(doc.title), words(doc.body))
    return out, pairs_of_words(written)
