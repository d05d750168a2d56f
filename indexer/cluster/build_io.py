"""What a build of the Typesense collection reads from and writes to the cluster: the alias's
collection, the stored documents' hashes, texts and signatures, the vocabulary's revisions,
imports in batches, the grouped flags of copies, the removal of earlier collections, and the
wait until every node serves the new collection (build.py).
"""

from __future__ import annotations

import json
import re
import time

from indexer.cluster import copies as cluster_copies
from indexer.cluster import nodes as cluster_nodes
from indexer.cluster import vocabulary as vocab
from indexer.index.build import BuildReport

IMPORT_BATCH = 500  # documents per import request
DELETE_BATCH = 200


def alias_target(client, alias: str) -> str | None:
    from typesense import exceptions

    try:
        return cluster_nodes.with_retry(lambda: client.aliases[alias].retrieve())["collection_name"]
    except exceptions.ObjectNotFound:
        return None


def hashes(client, collection: str) -> dict[str, str]:
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


def texts(client, collection: str, ids: list[str]):
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


def signatures(client, collection: str) -> dict:
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


def mark_grouped(client, collection: str, old: dict, new: dict, sent: set, kept: set) -> None:
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


def read_vocabulary(client, collection: str) -> tuple[int, vocab.ClusterVocabulary]:
    found = vocab.read(client, collection, cluster_nodes.with_retry)
    if found is None:  # only a build writes it, and builds of one alias do not overlap
        side = vocab.side_collection(collection)
        raise RuntimeError(f"the vocabulary in {side} is incomplete: rebuild with --rebuild")
    return found


def write_vocabulary(client, collection: str, words: vocab.ClusterVocabulary, revision: int):
    """The chunks first, then the meta document that makes them the current revision, then
    the chunks of earlier revisions are removed: a reader always finds a whole revision."""
    side = vocab.side_collection(collection)
    docs = vocab.documents(words, revision)
    for doc in docs:  # one at a time: a chunk is large
        cluster_nodes.with_retry(lambda doc=doc: client.collections[side].documents.upsert(doc))
    cluster_nodes.with_retry(
        lambda: client.collections[side].documents.delete({"filter_by": f"revision:<{revision}"})
    )


def next_seq(client, collection: str) -> int:
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


def import_documents(client, collection: str, batch: list[dict], report: BuildReport) -> None:
    answers = cluster_nodes.with_retry(
        lambda: client.collections[collection].documents.import_(batch, {"action": "upsert"})
    )
    for doc, answer in zip(batch, answers, strict=True):
        if not answer.get("success"):
            report.warnings.append(f"{doc['source']}: not imported: {answer.get('error')}")


def drop_others(client, alias: str, keep: str) -> None:
    """Collections of earlier builds (or of a build killed midway) under this alias's name."""
    ours = re.compile(re.escape(alias) + r"_[0-9a-f]{16}_\d{8}T\d{12}(?:" + vocab.SUFFIX + ")?")
    for info in cluster_nodes.with_retry(lambda: client.collections.retrieve()):
        name = info["name"]
        if ours.fullmatch(name) and name not in (keep, vocab.side_collection(keep)):
            cluster_nodes.with_retry(lambda name=name: client.collections[name].delete())


def wait_until_everywhere(cfg, collection: str, count: int, timeout: float = 30.0) -> None:
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
