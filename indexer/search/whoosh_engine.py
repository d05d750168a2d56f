"""The embedded search engine: Whoosh, with facets from arrays and our own snippets.

One searcher per index version, opened on first use and reopened when a build switches
CURRENT; the old one is closed once a newer one is ready.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from indexer.index.copies import text_similarity
from indexer.index.spellings import SpellingMap, variant_pairs
from indexer.index.store import IndexStore
from indexer.results import (
    DocumentRecord,
    FacetValue,
    Hit,
    IndexStats,
    SearchRequest,
    SearchResult,
)
from indexer.search import query as q
from indexer.search.copies import CopyGroups, copy_refs
from indexer.search.facets import FacetSet
from indexer.search.snippets import TermMatcher, matched_spellings, snippet_pages, snippets
from indexer.search.suggest import suggest
from indexer.search.vector import VectorSearcher

META = "meta.json"
log = logging.getLogger(__name__)


@dataclass
class Snapshot:
    version: str
    searcher: object
    facets: FacetSet
    vector: VectorSearcher
    spellings: SpellingMap
    meta: dict
    lock: threading.Lock
    copies: CopyGroups


class WhooshEngine:
    def __init__(self, index_dir: Path):
        self.store = IndexStore(index_dir)
        self._snapshot: Snapshot | None = None
        self._open_lock = threading.Lock()

    # -- index versions -------------------------------------------------------------------

    def _current(self) -> Snapshot | None:
        name = self.store.current_name()
        snap = self._snapshot
        if snap is not None and snap.version == name:
            return snap
        if name is None:
            return None
        with self._open_lock:
            if self._snapshot is None or self._snapshot.version != name:
                ix = self.store.open_whoosh(self.store.versions / name)
                searcher = ix.searcher()
                old = self._snapshot
                self._snapshot = Snapshot(
                    name,
                    searcher,
                    FacetSet.from_reader(searcher.reader()),
                    VectorSearcher(searcher).loaded(),
                    SpellingMap.load(self.store.versions / name),
                    self.store.read_json(name, META),
                    threading.Lock(),
                    CopyGroups.load(self.store.versions / name, searcher),
                )
                if old is not None:
                    with old.lock:
                        old.searcher.close()
            return self._snapshot

    def warm_up(self) -> None:
        """Open the index and load the analysis tables now, so the first search is quick.

        Never raises: a broken index is reported by the searches and the health check."""
        variant_pairs("Khojaly Xocalı")
        try:
            self.search(SearchRequest(q="Hojaly massacre"))  # loads every table a search needs
        except Exception:  # noqa: BLE001 - logged; requests will answer with a clear error
            log.exception("the index at %s cannot be opened yet", self.store.root)

    def stats(self) -> IndexStats:
        snap = self._current()
        if snap is None:
            return IndexStats(0, None, None)
        return IndexStats(int(snap.facets.live.sum()), snap.meta.get("built_at"), snap.version)

    # -- search ---------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        parsed = q.parse(request.q)
        snap = self._current()
        if snap is None:
            return _empty(request, parsed, started)
        with snap.lock:
            searcher = snap.searcher
            wquery = q.to_whoosh(parsed, searcher.reader(), snap.spellings)
            if parsed.empty:
                docs = snap.facets.all_docs()
                scores = np.zeros(len(docs))
            else:
                docs, scores = snap.vector.evaluate(wquery)
                live = snap.facets.live[docs]
                docs, scores = docs[live], scores[live]
            faceted = snap.facets.apply(docs, request)
            final, final_scores = docs[faceted.keep], scores[faceted.keep]
            matched = final
            if request.collapse:  # facets above count documents; the list shows one per group
                rank = _order(snap.facets, parsed, final, final_scores, request)
                final, final_scores = snap.copies.collapse(final, final_scores, rank)
            page = _page(snap.facets, parsed, final, final_scores, request)
            hits = _hits(searcher, page, parsed, snap.spellings)
            _fold_copies(hits, page, snap.copies, searcher, matched if request.collapse else None)
            suggestion = None
            if len(final) <= 2 and not parsed.empty and not faceted.unknown:
                suggestion = suggest(searcher, snap.spellings, parsed, request.q, len(final))
        return SearchResult(
            query=request.q,
            normalized_query=parsed.normalized(),
            total=len(final),
            page=request.page,
            per_page=request.per_page,
            took_ms=(time.perf_counter() - started) * 1000,
            hits=hits,
            facets=faceted.counts,
            suggestion=suggestion,
            unknown_filters=faceted.unknown,
            request=faceted.request,
        )

    def document(self, doc_id: str) -> DocumentRecord | None:
        snap = self._current()
        if snap is None:
            return None
        with snap.lock:
            docnum = snap.searcher.document_number(id=doc_id)
            if docnum is None:
                return None
            stored = snap.searcher.stored_fields(docnum)
            copies = copy_refs(snap.searcher, snap.copies.others(docnum))
            for ref in copies:  # what differs: how much of the text the copy shares
                other = snap.searcher.document_number(id=ref.id)
                body = snap.searcher.stored_fields(other).get("body") or ""
                ref.similarity = round(text_similarity(stored.get("body") or "", body), 3)
        langs = [c for c in (stored.get("languages") or "").split(",") if c]
        return DocumentRecord(
            id=stored["id"],
            title=stored.get("title") or stored["id"],
            publisher=stored.get("publisher") or "Unknown",
            published=stored.get("published"),
            year=stored.get("year") or None,
            language=langs[0] if langs else None,
            languages=langs,
            url=stored.get("url"),
            provenance=stored.get("provenance"),
            source=stored.get("source") or "",
            text=stored.get("body") or "",
            format=stored.get("format"),
            author=stored.get("author"),
            captured=stored.get("captured"),
            pages=[{"paragraph": i, "label": label} for i, label in stored.get("pages") or ()],
            copy_group=snap.copies.group_id(docnum),
            copies=copies,
        )


def _page(facets, parsed, final, scores, request) -> list[tuple[int, float]]:
    """(docnum, score) for the requested page: best score first, ties in index order."""
    start = (request.page - 1) * request.per_page
    end = start + request.per_page
    if start >= len(final):
        return []
    chosen = _order(facets, parsed, final, scores, request)[start:end]
    return [(int(d), float(s)) for d, s in zip(final[chosen], scores[chosen], strict=True)]


def _order(facets, parsed, final, scores, request) -> np.ndarray:
    """Indexes into `final` in result order: best score first, ties in index order."""
    if parsed.empty or request.sort == "date":
        return np.lexsort((final, -facets.date_key[final]))
    return np.lexsort((final, -scores))


def _fold_copies(hits, page, groups: CopyGroups, searcher, matched) -> None:
    """Each hit's copy group; with `matched` (collapsing), the matching copies folded in."""
    for hit, (docnum, _) in zip(hits, page, strict=True):
        hit.copy_group = groups.group_id(docnum)
        others = groups.others(docnum, matched)
        hit.copy_count = len(others)
        if matched is not None:
            hit.copies = copy_refs(searcher, others)


def _hits(searcher, page, parsed, spellings) -> list[Hit]:
    matcher = TermMatcher.for_query(parsed, spellings)
    out = []
    for docnum, score in page:
        stored = searcher.stored_fields(docnum)
        body, title = stored.get("body") or "", stored.get("title") or ""
        body_matches = matcher.matches(body)
        matched = matched_spellings((title, matcher.matches(title)), (body, body_matches))
        out.append(
            Hit(
                id=stored["id"],
                title=title,
                publisher=stored.get("publisher") or "Unknown",
                published=stored.get("published"),
                languages=[c for c in (stored.get("languages") or "").split(",") if c],
                url=stored.get("url"),
                score=round(score, 4),
                snippets=snippets(body, body_matches),
                matched=matched,
                format=stored.get("format"),
                snippet_pages=snippet_pages(body, body_matches, stored.get("pages")),
            )
        )
    return out


def _empty(request: SearchRequest, parsed, started: float) -> SearchResult:
    facets: dict[str, list[FacetValue]] = {"publisher": [], "language": [], "year": []}
    return SearchResult(
        request.q,
        parsed.normalized(),
        0,
        request.page,
        request.per_page,
        (time.perf_counter() - started) * 1000,
        [],
        facets,
        request=request,
    )
