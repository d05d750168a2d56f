"""Copies of one text on the cluster: the same groups as the embedded engine, folded into one
hit the same way, counted by the facets as documents, and kept right by incremental updates.

The embedded engine, built from the same archive, is the oracle.
"""

from __future__ import annotations

import time

import pytest
from typesense_cluster import config_for, local_cluster, require_typesense

from indexer.engine import open_engine
from indexer.index.build import build_index
from indexer.results import SearchRequest
from tests.conftest import write_jsonl
from tests.test_copies import DOCS, OTHER

pytestmark = pytest.mark.slow

# Requests whose order both engines define alike (newest or oldest first, then arrival), so the
# member that stands for its group is the same one.
SAME_ORDER = [
    SearchRequest(q="Khojaly", sort="date"),
    SearchRequest(q="Khojaly", sort="oldest"),
    SearchRequest(q=""),
    SearchRequest(q="tragedy", sort="date", per_page=1),
    SearchRequest(q="tragedy", sort="date", per_page=1, page=2),
    SearchRequest(q="carnations", publisher=("Daily Sabah",)),
    SearchRequest(q="Khojaly", sort="date", collapse=False),
]
ANY_ORDER = [
    SearchRequest(q="Khojaly"),
    SearchRequest(q="Xocalı marched"),
    SearchRequest(q="carnations OR pipeline"),
    SearchRequest(q="Khojaly -pipeline", language=("en",)),
    SearchRequest(q="Khojaly", collapse=False),
]


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    from indexer.cluster.build import build_collection
    from indexer.cluster.engine import TypesenseEngine

    require_typesense()
    root = tmp_path_factory.mktemp("copies")
    jsonl = write_jsonl(root / "a.jsonl", DOCS)
    build_index(root / "index", jsonl=jsonl)
    with local_cluster(root / "typesense", size=1) as server:
        cfg = config_for(server, "copies")
        build_collection(cfg, jsonl=jsonl)
        yield open_engine(root / "index", "whoosh"), TypesenseEngine(cfg), cfg, root


def _groups_of(result) -> list[tuple[str | None, frozenset, int]]:
    """Per hit: its group, the documents it stands for, how many copies it names."""
    return sorted(
        (
            (h.copy_group, frozenset([h.id, *(c.id for c in h.copies)]), h.copy_count)
            for h in result.hits
        ),
        key=repr,
    )


def _check(embedded, cluster) -> None:
    for request in SAME_ORDER:
        ours, theirs = embedded.search(request), cluster.search(request)
        assert theirs.total == ours.total, request
        assert [(h.id, h.copy_group, h.copy_count, h.copies) for h in theirs.hits] == [
            (h.id, h.copy_group, h.copy_count, h.copies) for h in ours.hits
        ], request
        assert theirs.to_dict()["facets"] == ours.to_dict()["facets"], request
    for request in ANY_ORDER:
        ours, theirs = embedded.search(request), cluster.search(request)
        assert theirs.total == ours.total, request
        assert _groups_of(theirs) == _groups_of(ours), request
        assert theirs.to_dict()["facets"] == ours.to_dict()["facets"], request
    for doc in DOCS:
        assert cluster.document(doc["id"]) == embedded.document(doc["id"]), doc["id"]


def test_copies_are_grouped_and_folded_as_on_the_embedded_engine(engines):
    embedded, cluster, _, _ = engines
    folded = cluster.search(SearchRequest(q="Khojaly"))
    assert folded.total == 2 and any(h.copy_count == 2 for h in folded.hits)
    _check(embedded, cluster)


def test_an_update_regroups_as_on_the_embedded_engine(engines):
    from indexer.cluster.build import build_collection

    embedded, cluster, cfg, root = engines
    changed = [d for d in DOCS if d["id"] != "azertac"]
    changed.append({**DOCS[2], "text": OTHER + " Another paragraph on transit through Kars."})
    jsonl = write_jsonl(root / "a.jsonl", changed)
    assert build_index(root / "index", jsonl=jsonl).updated == 1
    assert build_collection(cfg, jsonl=jsonl).updated == 1
    embedded = open_engine(root / "index", "whoosh")
    time.sleep(1.1)  # the engine reads the cluster's version at most once a second
    assert cluster.document("azertac").copy_group == cluster.document("other").copy_group
    _check(embedded, cluster)
