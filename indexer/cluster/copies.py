"""Copies of one text on the cluster: the embedded engine's copy groups (indexer.index.copies),
made by the same code from the same signatures, folded the same way at search time.

The build keeps each document's MinHash signature in the document (stored, not indexed), groups
them with `indexer.index.copies.group`, keeps the groups in the collection's vocabulary
(`vocabulary`) and marks the documents that have copies (`grouped`), so a search can fetch just
those of its matches. Collapsing then needs no guess: of each group, the matching member that
ranks first stays, the others are filtered out of the page and the total (facets still count
every document, as on the embedded engine). A document's page lists the other members of its
group with how much text each shares (copy_refs).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from indexer.cluster.translate import quote
from indexer.index.copies import signature, text_similarity
from indexer.results import CopyRef
from indexer.search.copies import MAX_LISTED

REF_FIELDS = "id,seq,title,publisher,published,url"
GROUPED_PAGE = 250  # the most Typesense gives in one page


def signature_hex(text: str) -> str | None:
    found = signature(text)
    return None if found is None else found.astype("<u4").tobytes().hex()


def from_hex(text: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(text), dtype="<u4").astype(np.uint32)


@dataclass
class ClusterCopies:
    """The copy groups of one collection version."""

    group_of: dict[str, str] = field(default_factory=dict)  # document id -> group id
    members: dict[str, list[str]] = field(default_factory=dict)  # group id -> document ids

    @classmethod
    def from_groups(cls, groups: dict[str, str]) -> ClusterCopies:
        members: dict[str, list[str]] = {}
        for doc_id, group in groups.items():
            members.setdefault(group, []).append(doc_id)
        return cls(dict(groups), members)

    def hidden(self, ranked: list[dict]) -> list[str]:
        """Of `ranked` (matching documents with copies, in result order), those that a better
        ranked member of their group hides."""
        seen: set[str] = set()
        out = []
        for doc in ranked:
            group = self.group_of.get(doc["id"])
            if group in seen:
                out.append(doc["id"])
            seen.add(group)
        return out

    def others(self, doc_id: str, among: list[dict]) -> list[dict]:
        """The other documents of `doc_id`'s group among `among`, in order of arrival."""
        group = self.group_of.get(doc_id)
        if group is None:
            return []
        found = [d for d in among if d["id"] != doc_id and self.group_of.get(d["id"]) == group]
        return sorted(found, key=lambda d: d.get("seq", 0))


def refs(docs: list[dict]) -> list[CopyRef]:
    return [
        CopyRef(
            id=d["id"],
            title=d.get("title") or d["id"],
            publisher=d.get("publisher") or "Unknown",
            published=d.get("published"),
            url=d.get("url"),
        )
        for d in docs[:MAX_LISTED]
    ]


def copy_refs(stored: dict, copies: ClusterCopies, alias: str, multi) -> list[CopyRef]:
    """The other documents of `stored`'s copy group in collection `alias`, with how much text
    each shares; `multi` runs a multi-search (TypesenseEngine._multi)."""
    group = copies.group_of.get(stored["id"])
    ids = [i for i in copies.members.get(group, ()) if i != stored["id"]]
    if not ids:
        return []
    chosen = ",".join(quote(i) for i in ids)
    search = {
        "collection": alias,
        "q": "*",
        "query_by": "terms",
        "filter_by": f"id:=[{chosen}]",
        "include_fields": REF_FIELDS + ",body",
        "per_page": GROUPED_PAGE,
    }
    found = (h["document"] for h in multi([search])[0]["hits"])
    others = sorted(found, key=lambda d: d.get("seq", 0))
    out = refs(others)
    for ref, other in zip(out, others, strict=False):
        body = other.get("body") or ""
        ref.similarity = round(text_similarity(stored.get("body") or "", body), 3)
    return out
