"""The one door to Whoosh's on-disk structures, for one index version.

Everything the search core reads from an index goes through `IndexReader`: posting lists
(document numbers and weights), positions, field lengths, stored fields, columns and deleted
documents. Posting lists are read a whole block at a time from Whoosh's W3 codec, which is
faster than stepping its matchers posting by posting but leans on the codec's private block
reader; so this module was written for one Whoosh release and refuses any other with an
error naming both versions, rather than read a changed structure wrongly.

Whoosh's readers share file handles, so raw reads hold a short per-version lock; the arrays
they give are cached and used without it, so searches in threads run concurrently.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from itertools import chain
from pickle import loads

import numpy as np
import whoosh
from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import TermNotFound

WHOOSH_VERSION = (2, 7, 5)  # the release whose W3 codec this module reads
FIELDS = ("body", "title")  # the text fields a query searches
SHIFT = 1 << 32  # positions below 2**32, document numbers below 2**31: keys fit in int64
_INT_SIZE = 4  # W3 position lists: a 4-byte count, then the pickled position deltas
# Posting lists kept per index version, least recently used out first: by size, because one
# common term of a 100k archive alone is 100k postings.
CACHE_BYTES = 96 * 1024 * 1024
NO_IDS = np.zeros(0, dtype=np.int64)


class IndexFormatError(RuntimeError):
    """The installed Whoosh stores its index differently from the release this door reads."""


def check_whoosh_version(version: tuple = whoosh.__version__) -> None:
    if tuple(version[:3]) != WHOOSH_VERSION:
        raise IndexFormatError(
            "indexer.search.postings reads Whoosh "
            + ".".join(map(str, WHOOSH_VERSION))
            + "'s on-disk structures, but Whoosh "
            + ".".join(map(str, version[:3]))
            + " is installed: install whoosh-reloaded=="
            + ".".join(map(str, WHOOSH_VERSION))
        )


class IndexReader:
    """Read-only access to one opened Whoosh index version."""

    def __init__(self, ix):
        check_whoosh_version()
        self._searcher = ix.searcher()
        self._reader = self._searcher.reader()
        self._leaves = list(self._reader.leaf_readers())
        self._io = threading.Lock()
        self._cache = _SizedCache(CACHE_BYTES)
        self._terms: dict[str, list[str]] = {}
        for leaf, _ in self._leaves:
            if not hasattr(leaf, "_terms") or not hasattr(leaf._terms, "matcher"):
                raise IndexFormatError(
                    f"this index's segments are not Whoosh {WHOOSH_VERSION} W3 segments"
                )
        self.doc_count_all = self._reader.doc_count_all()
        self.live = self._live()
        self.all_live = bool(self.live.all())
        self.lengths = {f: self._lengths(f) for f in FIELDS}
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

    def _lengths(self, field: str) -> np.ndarray:
        r = self._reader
        return np.fromiter(
            (r.doc_field_length(d, field, 0) for d in range(self.doc_count_all)),
            dtype=np.float64,
            count=self.doc_count_all,
        )

    def stored(self, docnum: int) -> dict:
        with self._io:
            return self._reader.stored_fields(docnum)

    def document_number(self, doc_id: str) -> int | None:
        with self._io:
            return self._searcher.document_number(id=doc_id)

    def column(self, field: str, default) -> list:
        """One value per document number (`default` where the field has no column)."""
        n = self.doc_count_all
        with self._io:
            if not self._reader.has_column(field):
                return [default] * n
            values = list(self._reader.column_reader(field))
        return values if len(values) == n else (values + [default] * n)[:n]

    # -- terms ----------------------------------------------------------------------------

    def doc_frequency(self, field: str, text: str) -> int:
        with self._io:
            return self._reader.doc_frequency(field, text)

    def terms_with_prefix(self, field: str, prefix: str) -> list[str]:
        with self._io:
            found = list(self._reader.expand_prefix(field, prefix))
        return [t.decode("utf-8") if isinstance(t, bytes) else t for t in found]

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
        """Every indexed word of `field`, read once per index version."""
        found = self._terms.get(field)
        if found is None:
            with self._io:
                found = self._terms[field] = list(self._reader.field_terms(field))
        return found

    def postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, weights) of one term, deleted documents included; a weight is the
        term frequency times the field's boost, as Whoosh's scorers see it."""
        key = ("postings", field, text)
        found = self._cache.get(key)
        if found is None:
            with self._io:
                found = self._read(field, text, positions=False)
            self._cache.put(key, found, found[0].nbytes + found[1].nbytes)
        return found

    def occurrences(self, field: str, text: str) -> np.ndarray:
        """Every occurrence of a term as document * SHIFT + position, sorted."""
        key = ("occurrences", field, text)
        found = self._cache.get(key)
        if found is None:
            with self._io:
                found = self._read(field, text, positions=True)
            self._cache.put(key, found, found.nbytes)
        return found

    def _read(self, field: str, text: str, positions: bool):
        ids_parts, weight_parts, values = [], [], []
        for leaf, offset in self._leaves:
            try:  # one look-up in the term table (doc_frequency first would make it two)
                matcher = leaf._terms.matcher(
                    field, leaf._text_to_bytes(field, text), leaf.schema[field].format
                )
            except TermNotFound:
                continue
            if not isinstance(matcher, W3LeafMatcher):
                raise IndexFormatError(f"{type(matcher).__name__} is not Whoosh's W3 matcher")
            while matcher.is_active():
                matcher._read_ids()
                ids_parts.append(np.asarray(matcher._ids, dtype=np.int64) + offset)
                if positions:
                    matcher._read_values()
                    values.extend(matcher._values)
                else:
                    matcher._read_weights()
                    weight_parts.append(np.asarray(matcher._weights, dtype=np.float64))
                matcher._next_block()
        ids = np.concatenate(ids_parts) if ids_parts else NO_IDS
        if positions:
            return _occurrence_keys(ids, values)
        weights = np.concatenate(weight_parts) if weight_parts else np.zeros(0)
        return ids, weights


def _occurrence_keys(docs: np.ndarray, values: list) -> np.ndarray:
    """document * SHIFT + position for each position in W3's encoded position lists."""
    lists = [loads(v[_INT_SIZE:] + b".") for v in values]
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    deltas = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(lengths.sum()))
    if not len(deltas):
        return NO_IDS
    # positions are stored as deltas: a running sum that restarts with each document
    running = np.cumsum(deltas)
    firsts = np.cumsum(lengths) - lengths
    before = running[firsts] - deltas[firsts]
    return np.repeat(docs, lengths) * SHIFT + (running - np.repeat(before, lengths))


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
