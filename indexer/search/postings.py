"""The one door to Whoosh's on-disk structures, for one index version.

Everything the search core reads from an index goes through `IndexReader`: posting lists
(document numbers and weights), positions, field lengths, stored fields, columns and deleted
documents. Each segment is read by a `Segment` (indexer.search.segment_reader): a text field's
term from the segment's posting arrays (indexer.search.posting_arrays), a few numpy gathers and
no block read; in a segment without them (one Whoosh merged), from the W3 postings file in one
positional read, its blocks decoded by indexer.search.w3_blocks, which is faster than stepping
Whoosh's matchers posting by posting: a posting list's documents and weights are read from the
head of each block, without its positions. Either way, positions are read only for the
documents a phrase still needs. This leans on the codec's private layout, so these modules were
written for one Whoosh release and refuse any other with an error naming both versions, rather
than read a changed structure wrongly.

Whoosh's readers share file handles, so reads through them (term table, stored fields,
columns) hold a short per-version lock; posting reads need none (`os.pread` has no shared
offset). The arrays they give are cached and used without it, so searches in threads run
concurrently.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from indexer.search import spelled
from indexer.search.segment_reader import Segment, segment_id
from indexer.search.spelled import Spelled
from indexer.search.w3_blocks import NO_IDS, WHOOSH_VERSION, IndexFormatError, check_whoosh_version

FIELDS = ("body", "title")  # the text fields a query searches
# Posting lists kept per index version, least recently used out first: by size, because one
# common term of a 100k archive alone is 100k postings.
CACHE_BYTES = 96 * 1024 * 1024
VALUES_BYTES = 96 * 1024 * 1024  # positions; the two budgets together stay far below 1 GiB
RECENT_SPELLED = 256  # words read last, which the read of another may build on
_W3_TERMS = ("_tindex", "_keycoder", "_keydecoder", "_postfile")  # what a Segment reads of them


class IndexReader:
    """Read-only access to one opened Whoosh index version.

    A segment's files never change once written, so what is read or worked out from one
    segment alone (its term table of a small segment, field lengths, columns, facet arrays) is
    kept with the segment: opened with `previous`, the reader of the version before, a version
    reuses it for the segments the two share and reads only its new segments. An update adds a
    small segment beside the large ones, so the first search on the new version does not wait
    for the whole index to be read again."""

    def __init__(self, ix, previous: IndexReader | None = None):
        check_whoosh_version()
        self._searcher = ix.searcher()
        self._reader = self._searcher.reader()
        self._leaves = list(self._reader.leaf_readers())
        self._io = threading.Lock()
        self._cache = _SizedCache(CACHE_BYTES)
        # each phrase's decoded occurrences: a budget of their own, so that they never push
        # the posting lists that every kind of repeated search reads out
        self._values = _SizedCache(VALUES_BYTES)
        # the keys of the words read last in each field, which a read may build on
        self._recent = spelled.RecentWords(RECENT_SPELLED)
        self._terms: dict[str, list[str]] = {}
        for leaf, _ in self._leaves:
            if not all(hasattr(getattr(leaf, "_terms", None), a) for a in _W3_TERMS):
                raise IndexFormatError(
                    f"this index's segments are not Whoosh {WHOOSH_VERSION} W3 segments"
                )
        known = {seg.id: seg for seg in previous._segments} if previous is not None else {}
        self._segments = [
            Segment(leaf, offset, self._io, FIELDS, known.get(segment_id(leaf)))
            for leaf, offset in self._leaves
        ]
        self.doc_count_all = self._reader.doc_count_all()
        self.live = self._live()
        self.deleted = int(len(self.live) - self.live.sum())
        self.all_live = not self.deleted
        self.lengths = {
            f: self._joined(("lengths", f), lambda seg, f=f: seg.lengths(f)) for f in FIELDS
        }
        # Whoosh's own average (over every document, deleted ones included), so BM25 scores
        # equal its BM25F searcher's also after deletions.
        self.avg_length = {f: self._searcher.avg_field_length(f) or 1.0 for f in FIELDS}

    def close(self) -> None:
        with self._io:
            self._searcher.close()

    # -- documents ------------------------------------------------------------------------

    def _live(self) -> np.ndarray:
        live = np.ones(self.doc_count_all, dtype=bool)
        for leaf, offset in self._leaves:
            if leaf.has_deletions():
                dead = np.fromiter(leaf.deleted_docs_set, dtype=np.int64)
                live[dead + offset] = False
        return live

    def stored(self, docnum: int) -> dict:
        with self._io:
            return self._reader.stored_fields(docnum)

    def document_number(self, doc_id: str) -> int | None:
        with self._io:
            return self._searcher.document_number(id=doc_id)

    def per_segment(self, name: tuple, make) -> list:
        """`make(segment, *name[1:])` for each segment in order, made once per segment (and
        kept for the versions after this one that keep the segment): `name` names what is
        made, and must be distinct for each `make`. A segment offers `doc_count` and
        `column(field, default)`, the stored column's values as a list."""
        return [seg.derived(name, make) for seg in self._segments]

    def _joined(self, name: tuple, make) -> np.ndarray:
        parts = self.per_segment(name, make)
        return np.concatenate(parts) if parts else np.zeros(0)

    # -- terms ----------------------------------------------------------------------------

    def doc_frequency(self, field: str, text: str) -> int:
        """Documents with the term, deleted ones included (as Whoosh counts)."""
        infos = (seg.info(field, text) for seg in self._segments)
        return sum(info._df for info in infos if info is not None)

    def terms_with_prefix(self, field: str, prefix: str) -> list[str]:
        """The indexed words of `field` that start with `prefix`, in order."""
        found: set[str] = set()
        for seg in self._segments:
            found.update(seg.terms_with_prefix(field, prefix))
        return sorted(found)

    def corrections(self, field: str, word: str, limit: int, maxdist: int) -> list[str]:
        """Indexed words of `field` within `maxdist` edits of `word`, nearest first; swapping
        two neighbouring letters is one edit (optimal string alignment, as Whoosh's
        `damerau_levenshtein`). rapidfuzz compares in C: Whoosh's own corrector walked the term
        list in Python and took seconds for a word that no document contains."""
        found = process.extract(
            word,
            self.terms(field),
            scorer=OSA.distance,
            score_cutoff=maxdist,
            limit=None,
        )
        return [term for term, _, _ in sorted(found, key=lambda m: (m[1], m[0]))[:limit]]

    def terms(self, field: str) -> list[str]:
        """Every indexed word of `field`, in order, read once per index version straight from
        each segment's term table (Whoosh's merged, decoded term iterators took seconds)."""
        found = self._terms.get(field)
        if found is None:
            words: set[str] = set()
            for seg in self._segments:
                words.update(seg.words(field))
            found = self._terms[field] = sorted(words)
        return found

    def postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, weights) of one term, deleted documents included; a weight is the
        term frequency times the field's boost, as Whoosh's scorers see it."""
        key = ("postings", field, text)
        found = self._cache.get(key)
        if found is not None:
            return found
        parts = [seg.postings(field, text) for seg in self._segments]
        parts = [part for part in parts if part is not None]
        if not parts:
            found = (NO_IDS, np.zeros(0))
        elif len(parts) == 1:
            found = parts[0]
        else:
            found = (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))
        self._cache.put(key, found, found[0].nbytes + found[1].nbytes)
        return found

    def spelled(self, field: str, texts) -> Spelled:
        """The postings of all of `texts` in `field` together (indexer.search.spelled), for a
        word of many spellings or a phrase's word."""
        texts = sorted(texts)
        key = ("spelled", field, tuple(texts))
        found = self._cache.get(key)
        if found is None:
            if len(set(texts)) < len(texts):  # a spelling twice: read as asked, each time
                return spelled.read(self._segments, field, texts)
            found = spelled.read(self._segments, field, texts, self._read_within(field, texts))
            self._cache.put(key, found, found.nbytes)
        self._recent.touch(key)
        return found

    def _read_within(self, field: str, texts: list[str]) -> Spelled | None:
        """Of the words read lately in the field, and still cached, the one that has the most
        of `texts` among its spellings, if that is at least half of them: what a read of
        `texts` can build on (spelled.read)."""
        for key, _ in self._recent.sharing(field, texts).most_common():
            found = self._cache.get(key)
            if found is not None:
                return found
        return None

    def occurrences(self, field: str, text: str, docs: np.ndarray) -> np.ndarray:
        """The occurrences of a term in `docs` (sorted document numbers), as document * SHIFT +
        position, sorted. Only the documents of `docs` that have the term have their positions
        read (and of a segment without arrays, only the blocks that hold one of them are
        decompressed)."""
        return self.occurrences_of(field, [text], docs)

    def occurrences_of(self, field: str, texts, docs: np.ndarray) -> np.ndarray:
        """The occurrences of any of `texts` in `docs`, as `occurrences` gives one term's
        (what may stand at one place of a phrase)."""
        if not len(docs):
            return NO_IDS
        word = self.spelled(field, texts)
        if not len(word.ids):
            return NO_IDS
        key = ("occurrences", field, tuple(word.texts), docs.tobytes())
        found = self._values.get(key)
        if found is None:
            found = word.occurrences(docs)
            self._values.put(key, found, found.nbytes + docs.nbytes)
        return found


class _SizedCache:
    """A least-recently-used cache bounded by the bytes of what it holds; thread-safe."""

    def __init__(self, budget: int):
        self.budget, self.used = budget, 0
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key, value, size: int) -> None:
        if size > self.budget:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = (value, size)
            self.used += size
            while self.used > self.budget:
                _, (_, dropped) = self._items.popitem(last=False)
                self.used -= dropped
