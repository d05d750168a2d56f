"""The embedded search engine: a Whoosh index read through one door, answered from one plan.

Each index version is opened once per process into a Snapshot (snapshot.py: the door to its
files, facet arrays, spelling map). What a version shares with the one before (its unchanged
segments) is not read again: the snapshot of a new version starts from the previous snapshot's.
A search holds its snapshot from start to end; when a build switches CURRENT, the old snapshot
is closed only after the last search holding it has finished. Searches run concurrently: only
raw file reads inside the door take a short per-version lock.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from indexer.analysis.whole_names import load as load_names
from indexer.index.copies import text_similarity
from indexer.index.spelling_pairs import variant_pairs
from indexer.index.store import IndexStore
from indexer.results import (
    DocumentRecord,
    FacetValue,
    Hit,
    IndexStats,
    QueryError,
    SearchRequest,
    SearchResult,
)
from indexer.search.copies import CopyGroups, copy_refs
from indexer.search.facets.languages import language_name
from indexer.search.parse import parse
from indexer.search.plan import And
from indexer.search.postings import IndexReader
from indexer.search.resolve import resolve
from indexer.search.snapshot import Snapshot
from indexer.search.snippets import Highlighter, highlight_text, hit_of
from indexer.search.suggest import suggest

WARM_UP_QUERY = "Hojaly massacre"
log = logging.getLogger(__name__)


class WhooshEngine:
    def __init__(self, index_dir: Path):
        self.store = IndexStore(index_dir)
        self._snapshot: Snapshot | None = None
        self._open_lock = threading.Lock()

    # -- index versions -------------------------------------------------------------------

    def _latest(self) -> Snapshot | None:
        name = self.store.current_name()
        snap = self._snapshot
        if snap is not None and snap.version == name:
            return snap
        if name is None:
            return None
        with self._open_lock:
            if self._snapshot is None or self._snapshot.version != name:
                fresh = Snapshot(name, self.store.versions / name, self.store, self._snapshot)
                old, self._snapshot = self._snapshot, fresh
                if old is not None:
                    old.retire()
            return self._snapshot

    @contextmanager
    def _held(self):
        """The current snapshot, kept open until the block ends (None without an index)."""
        while True:
            snap = self._latest()
            if snap is None:
                yield None
                return
            if snap.acquire():
                break  # else it was retired and closed between the two steps: look again
        try:
            yield snap
        finally:
            snap.release()

    def warm_up(self) -> None:
        """Open the index and load the analysis tables and the language names now, so the
        first search is quick. Only matching runs (no stored document is read), so it takes
        the same time on any index.

        Never raises: a broken index is reported by the searches and the health check."""
        variant_pairs("Khojaly Xocalı")
        load_names()
        language_name("en")  # the facet labels' name tables load on first use: 0.3-0.8 s
        try:
            with self._held() as snap:
                if snap is not None:
                    snap.matcher.evaluate(resolve(parse(WARM_UP_QUERY), snap.vocabulary))
                    highlight_text(WARM_UP_QUERY, resolve(parse("Khojaly"), snap.vocabulary))
        except Exception:  # noqa: BLE001 - logged; requests will answer with a clear error
            log.exception("the index at %s cannot be opened yet", self.store.root)

    def stats(self) -> IndexStats:
        with self._held() as snap:
            if snap is None:
                return IndexStats(0, None, None)
            return IndexStats(snap.document_count, snap.meta.get("built_at"), snap.version)

    # -- search ---------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        parsed = parse(request.q)
        with self._held() as snap:
            if snap is None:
                return _empty(request, parsed, started)
            plan = resolve(parsed, snap.vocabulary)
            docs, scores = snap.matcher.evaluate(plan)
            faceted = snap.facets.apply(docs, request)
            final, final_scores = docs[faceted.keep], scores[faceted.keep]
            matched = final
            start = (request.page - 1) * request.per_page
            end = start + request.per_page
            if request.collapse and snap.copies.names:
                # facets above count documents; the list shows one per group, in result order
                rank = _order(snap.facets, plan, final, final_scores, request)
                final, final_scores = snap.copies.collapse(final, final_scores, rank)
                chosen = np.arange(start, min(end, len(final)))
            else:
                chosen = _order(snap.facets, plan, final, final_scores, request, end)[start:end]
            page = list(zip(final[chosen].tolist(), final_scores[chosen].tolist(), strict=True))
            hits = _hits(snap.index, page, plan)
            _fold_copies(hits, page, snap.copies, snap.index, matched if request.collapse else None)
            suggestion = None
            if len(final) <= 2 and not plan.empty and not faceted.unknown:
                suggestion = suggest(
                    snap.index, plan, request.q, len(final), lambda p: _count(snap, p, request)
                )
        return SearchResult(
            query=request.q,
            normalized_query=plan.normalized(),
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

    def highlight(self, text: str, query: str) -> str:
        """`text` escaped, with the matches of `query` marked as a search would mark them."""
        try:
            plan = parse(query)
        except QueryError:
            plan = And()
        with self._held() as snap:
            return highlight_text(text, resolve(plan, snap.vocabulary) if snap else And())

    def document(self, doc_id: str) -> DocumentRecord | None:
        with self._held() as snap:
            if snap is None:
                return None
            docnum = snap.index.document_number(doc_id)
            if docnum is None:
                return None
            stored = snap.index.stored(docnum)
            copies = copy_refs(snap.index, snap.copies.others(docnum))
            for ref in copies:  # what differs: how much of the text the copy shares
                other = snap.index.stored(snap.index.document_number(ref.id))
                body = other.get("body") or ""
                ref.similarity = round(text_similarity(stored.get("body") or "", body), 3)
            copy_group = snap.copies.group_id(docnum)
        langs = [c for c in (stored.get("languages") or "").split(",") if c]
        return DocumentRecord.from_stored(stored, langs, copy_group=copy_group, copies=copies)


def _count(snap: Snapshot, plan: And, request: SearchRequest) -> int:
    docs, _ = snap.matcher.evaluate(resolve(plan, snap.vocabulary))
    return int(snap.facets.apply(docs, request).keep.sum())


def _order(facets, plan: And, final, scores, request, limit: int | None = None) -> np.ndarray:
    """Indexes into `final` (sorted document numbers) in result order, the first `limit` of
    them only when given: best score first, ties in index order; newest first when asked, and
    for queries without a word to score (browsing, exclusions only); oldest first when asked,
    undated documents last either way."""
    dates = facets.date_key[final]
    if request.sort == "oldest":
        key = np.where(dates > 0, dates, np.iinfo(np.int64).max)
    elif not plan.positive or request.sort == "date":
        key = -dates
    else:
        key = -scores
    return _first(key, limit)


def _first(key: np.ndarray, limit: int | None) -> np.ndarray:
    """Indexes of the `limit` smallest keys (all when None), ties in index order. A page needs
    only its first few: a partial partition instead of sorting every match."""
    if limit is None or limit >= len(key):
        return np.argsort(key, kind="stable")
    if limit <= 0:
        return np.zeros(0, dtype=np.int64)
    kth = np.partition(key, limit - 1)[limit - 1]
    candidates = np.flatnonzero(key <= kth)  # every tie of the last key, in index order
    return candidates[np.argsort(key[candidates], kind="stable")][:limit]


def _fold_copies(hits, page, groups: CopyGroups, index: IndexReader, matched) -> None:
    """Each hit's copy group; with `matched` (collapsing), the matching copies folded in."""
    for hit, (docnum, _) in zip(hits, page, strict=True):
        hit.copy_group = groups.group_id(docnum)
        others = groups.others(docnum, matched)
        hit.copy_count = len(others)
        if matched is not None:
            hit.copies = copy_refs(index, others)


def _hits(index: IndexReader, page, plan: And) -> list[Hit]:
    highlighter = Highlighter(plan)
    out = []
    for docnum, score in page:
        stored = index.stored(docnum)
        languages = [c for c in (stored.get("languages") or "").split(",") if c]
        out.append(hit_of(stored, languages, round(score, 4), highlighter))
    return out


def _empty(request: SearchRequest, plan: And, started: float) -> SearchResult:
    facets: dict[str, list[FacetValue]] = {"publisher": [], "language": [], "year": []}
    return SearchResult(
        request.q,
        plan.normalized(),
        0,
        request.page,
        request.per_page,
        (time.perf_counter() - started) * 1000,
        [],
        facets,
        request=request,
    )
