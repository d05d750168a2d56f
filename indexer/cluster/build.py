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
import multiprocessing
import os
import threading
import time
from collections import deque
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from indexer.analysis import words
from indexer.cluster import build_io
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
    live = None if rebuild else build_io.alias_target(client, cfg.collection)
    if live and not live.startswith(f"{cfg.collection}_{fingerprint}_"):
        report.warnings.append("the analysis code changed since the last build: rebuilding")
        live = None
    old = build_io.hashes(client, live) if live else {}
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
        revision, words = build_io.read_vocabulary(client, live)
        for title, body in build_io.texts(client, live, [*to_update, *to_remove]):
            words.count(set(exact_words(body)), set(exact_words(title)), step=-1)
        signatures = build_io.signatures(client, live)
        for doc_id in [*to_update, *to_remove]:
            signatures.pop(doc_id, None)
    seq = build_io.next_seq(client, live) if live else 0
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
                if len(batch) >= build_io.IMPORT_BATCH:
                    build_io.import_documents(client, target, batch, report)
                    batch = []
        if batch:
            build_io.import_documents(client, target, batch, report)
    for i in range(0, len(to_remove), build_io.DELETE_BATCH):
        ids = ",".join(f"`{d}`" for d in to_remove[i : i + build_io.DELETE_BATCH])
        cluster_nodes.with_retry(
            lambda ids=ids: client.collections[target].documents.delete(
                {"filter_by": f"id:=[{ids}]"}
            )
        )
    ids = list(signatures)
    groups = copies.group(ids, np.vstack([signatures[i] for i in ids])) if ids else {}
    build_io.mark_grouped(client, target, words.copies, groups, {*to_add, *to_update}, set(new))
    words.copies = groups
    build_io.write_vocabulary(client, target, words, revision + 1)
    if target != live:
        cluster_nodes.with_retry(
            lambda: client.aliases.upsert(cfg.collection, {"collection_name": target})
        )
    build_io.wait_until_everywhere(cfg, target, len(new))
    build_io.drop_others(client, cfg.collection, keep=target)
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
