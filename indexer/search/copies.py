"""Copy groups at search time: one representative per group of copies in a result list.

Groups come from the build (indexer.index.copies, copies.json: document id -> group id) and
are read once per index version into an array of group codes by document number."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer.index.copies import load_groups
from indexer.results import CopyRef

MAX_LISTED = 20  # copies named under one hit; the count covers them all


@dataclass
class CopyGroups:
    group_of: np.ndarray  # int32 group code per docnum, -1 for documents without copies
    names: list[str]  # group code -> group id
    members: dict[int, np.ndarray]  # group code -> docnums, in index order

    @classmethod
    def load(cls, version_dir, index) -> CopyGroups:
        """`index`: the version's `indexer.search.postings.IndexReader`."""
        n = index.doc_count_all
        group_of = np.full(n, -1, dtype=np.int32)
        names: list[str] = []
        codes: dict[str, int] = {}
        for doc_id, group in load_groups(version_dir).items():
            docnum = index.document_number(doc_id)
            if docnum is None:
                continue
            group_of[docnum] = codes.setdefault(group, len(codes))
            if len(names) < len(codes):
                names.append(group)
        members = {}
        if names:
            order = np.argsort(group_of, kind="stable")
            grouped = order[group_of[order] >= 0]
            codes_sorted = group_of[grouped]
            bounds = np.flatnonzero(np.diff(codes_sorted)) + 1
            for chunk in np.split(grouped, bounds):
                members[int(group_of[chunk[0]])] = chunk
        return cls(group_of, names, members)

    def group_id(self, docnum: int) -> str | None:
        code = self.group_of[docnum]
        return self.names[code] if code >= 0 else None

    def collapse(self, docs: np.ndarray, scores: np.ndarray, rank: np.ndarray):
        """`docs` with only the best-ranked document of each copy group (`rank`: the order
        of the result list as indexes into `docs`)."""
        if not self.names or len(docs) == 0:
            return docs, scores
        codes = self.group_of[docs[rank]]
        keep = codes < 0
        grouped = np.flatnonzero(~keep)
        _, first = np.unique(codes[grouped], return_index=True)
        keep[grouped[first]] = True
        chosen = rank[keep]
        return docs[chosen], scores[chosen]

    def others(self, docnum: int, among: np.ndarray | None = None) -> np.ndarray:
        """The other documents of `docnum`'s group (only those in `among`, when given)."""
        code = self.group_of[docnum]
        if code < 0:
            return np.empty(0, dtype=np.int64)
        members = self.members[int(code)]
        members = members[members != docnum]
        return members[np.isin(members, among)] if among is not None else members


def copy_refs(index, docnums) -> list[CopyRef]:
    out = []
    for docnum in list(docnums)[:MAX_LISTED]:
        stored = index.stored(int(docnum))
        out.append(
            CopyRef(
                id=stored["id"],
                title=stored.get("title") or stored["id"],
                publisher=stored.get("publisher") or "Unknown",
                published=stored.get("published"),
                url=stored.get("url"),
            )
        )
    return out
