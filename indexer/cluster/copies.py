"""Copies of one text on the cluster: the embedded engine's copy groups (indexer.index.copies),
made by the same code from the same signatures, folded the same way at search time.

The build keeps each document's MinHash signature in the document (stored, not indexed), groups
them with `indexer.index.copies.group`, keeps the groups in the collection's vocabulary
(`vocabulary`) and marks the documents that have copies (`grouped`), so a search can fetch just
those of its matches. Collapsing then needs no guess: of each group, the matching member that
ranks first stays, the others are filtered out of the page and the total (facets still count
every document, as on the embedded engine).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from indexer.index.copies import signature
from indexer.results import CopyRef
from indexer.search.copies import MAX_LISTED

REF_FIELDS = "id,seq,title,publisher,published,url"


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
