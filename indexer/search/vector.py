"""Matching and BM25F scoring over whole posting lists with numpy.

Whoosh's matchers and collectors step through every matching document in Python, several
calls per posting per query term; with spelling expansions and facet counts that is the
whole cost of a search. Here each term's posting list is read block by block into arrays
(ids, term frequencies) and a query tree is evaluated with array operations: OR is a union
with summed scores, AND an intersection, NOT a difference. Only phrases (which need
positions) still go through Whoosh's own matcher, for their candidate documents.

Scores follow Whoosh's BM25F (B=0.75, K1=1.2, idf = ln(N / (df + 1)) + 1), so ranking is
what the default Whoosh scorer would give, without its pruning shortcuts.
"""

from __future__ import annotations

from collections import OrderedDict
from itertools import chain
from math import log
from pickle import loads

import numpy as np
from whoosh import query as wq

from indexer.search.terms import EXACT_BOOST, Spellings

B, K1 = 0.75, 1.2
# Posting lists kept per index version, least recently used out first: by size, because one
# common term of a 100k archive alone is 100k postings.
CACHE_BYTES = 96 * 1024 * 1024
SHIFT = 1 << 32  # positions below 2**32, document numbers below 2**31: keys fit in int64
_INT_SIZE = 4  # Whoosh's position lists: a 4-byte count, then the pickled position deltas
EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


class VectorSearcher:
    """Evaluates Whoosh query trees to (sorted doc numbers, scores) for one index version."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.n_docs = max(1, self.reader.doc_count_all())
        self._lengths: dict[str, np.ndarray] = {}
        self._avg: dict[str, float] = {}
        self._cache = _SizedCache(CACHE_BYTES)

    # -- per-field statistics -------------------------------------------------------------

    def loaded(self) -> VectorSearcher:
        """Read the field lengths now (once per index version), not during a search."""
        for field in ("body", "title"):
            self.lengths(field)
        return self

    def lengths(self, field: str) -> np.ndarray:
        if field not in self._lengths:
            r = self.reader
            self._lengths[field] = np.fromiter(
                (r.doc_field_length(d, field, 0) for d in range(r.doc_count_all())),
                dtype=np.float64,
            )
            total = self._lengths[field].sum()
            self._avg[field] = max(1.0, total / max(1, r.doc_count()))
        return self._lengths[field]

    # -- posting lists --------------------------------------------------------------------

    def postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(doc numbers, term frequencies) of one term, deleted documents included."""
        key = (field, text)
        found = self._cache.get(key)
        if found is None:
            found = _read_postings(self.reader, field, text)
            self._cache.put(key, found, found[0].nbytes + found[1].nbytes)
        return found

    def term(self, field: str, text: str, boost: float) -> tuple[np.ndarray, np.ndarray]:
        ids, tf = self.postings(field, text)
        if not len(ids):
            return EMPTY
        return ids, boost * self.bm25(field, ids, tf)

    def spellings(self, q: Spellings) -> tuple[np.ndarray, np.ndarray]:
        lists = [(t.text == q.exact, *self.postings(q.field, t.text)) for t in q.subqueries]
        lists = [item for item in lists if len(item[1])]
        if not lists:
            return EMPTY
        ids = np.concatenate([item[1] for item in lists])
        tf = np.concatenate([item[2] for item in lists])
        exact = np.concatenate([np.full(len(item[1]), item[0]) for item in lists])
        unique, inverse = np.unique(ids, return_inverse=True)
        tf_all = np.bincount(inverse, weights=tf)
        has_exact = np.bincount(inverse, weights=exact.astype(np.float64)) > 0
        scores = self.bm25(q.field, unique, tf_all)
        return unique, scores * np.where(has_exact, EXACT_BOOST, 1.0) * q.boost

    def bm25(self, field: str, ids: np.ndarray, tf: np.ndarray) -> np.ndarray:
        fl = self.lengths(field)[ids]
        idf = log(self.n_docs / (len(ids) + 1)) + 1
        return idf * (tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / self._avg[field]))

    # -- query trees ----------------------------------------------------------------------

    def evaluate(self, q: wq.Query) -> tuple[np.ndarray, np.ndarray]:
        if isinstance(q, Spellings):
            return self.spellings(q)
        if isinstance(q, wq.Term):
            return self.term(q.fieldname, q.text, q.boost)
        if isinstance(q, wq.Or):
            return union([self.evaluate(sub) for sub in q.subqueries], q.boost)
        if isinstance(q, wq.And):
            return intersection([self.evaluate(sub) for sub in q.subqueries], q.boost)
        if isinstance(q, wq.AndNot):
            ids, scores = self.evaluate(q.a)
            excluded, _ = self.evaluate(q.b)
            keep = ~np.isin(ids, excluded, assume_unique=True)
            return ids[keep], scores[keep]
        if isinstance(q, wq.Every):
            ids = np.arange(self.reader.doc_count_all(), dtype=np.int64)
            return ids, np.zeros(len(ids))
        if isinstance(q, wq.Phrase | wq.Sequence):
            return self.positional(q)
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return EMPTY
        raise TypeError(f"cannot evaluate {type(q).__name__}")

    def positional(self, q: wq.Query) -> tuple[np.ndarray, np.ndarray]:
        """Documents where the words stand next to each other, scored as the sum of their words'
        scores. Positions are read only for documents that have every word."""
        field, slots = _slots(q)
        if slots is None:
            return self._whoosh_positional(q)
        # Only documents holding every word (in some spelling) can hold the phrase.
        docs = [union([self.postings(field, t) for t in terms], 1.0)[0] for terms in slots]
        candidates = intersection([(d, np.zeros(len(d))) for d in docs], 1.0)[0]
        if not len(candidates):
            return EMPTY
        # Each occurrence is one number, document * SHIFT + position; a phrase is an occurrence
        # of its first word whose next numbers are occurrences of the following words.
        keys = [self.slot_occurrences(field, terms) for terms in slots]
        starts = keys[0][_members(candidates, keys[0] // SHIFT)]
        for offset, following in enumerate(keys[1:], 1):
            starts = starts[_members(following, starts + offset)]
        matched = np.unique(starts // SHIFT)
        leaves = [(field, t) for terms in slots for t in dict.fromkeys(terms)]
        ids, scores = union([self.term(f, t, 1.0) for f, t in leaves], q.boost)
        keep = np.isin(ids, matched, assume_unique=True)
        return ids[keep], scores[keep]

    def slot_occurrences(self, field: str, terms: list[str]) -> np.ndarray:
        """Occurrences of any of `terms` (the spellings that may stand at one position)."""
        if len(terms) == 1:
            return self.occurrences(field, terms[0])
        key = ("slot", field, tuple(terms))
        found = self._cache.get(key)
        if found is None:
            found = np.unique(np.concatenate([self.occurrences(field, t) for t in terms]))
            self._cache.put(key, found, found.nbytes)
        return found

    def occurrences(self, field: str, text: str) -> np.ndarray:
        """Every occurrence of a term as document * SHIFT + position, sorted."""
        key = ("occurrences", field, text)
        found = self._cache.get(key)
        if found is None:
            found = _read_occurrences(self.reader, field, text)
            self._cache.put(key, found, found.nbytes)
        return found

    def _whoosh_positional(self, q: wq.Query) -> tuple[np.ndarray, np.ndarray]:
        found = []
        for sub, offset in self.searcher.leaf_searchers():
            matcher = q.matcher(sub, sub.boolean_context())
            if matcher.is_active():
                found.append(np.fromiter(matcher.all_ids(), dtype=np.int64) + offset)
        matched = np.unique(np.concatenate(found)) if found else EMPTY[0]
        leaves = [(t.fieldname, t.text) for t in q.leaves() if isinstance(t, wq.Term)]
        ids, scores = union([self.term(f, t, 1.0) for f, t in leaves], q.boost)
        keep = np.isin(ids, matched, assume_unique=True)
        return ids[keep], scores[keep]


class _SizedCache:
    """A least-recently-used cache bounded by the bytes of what it holds."""

    def __init__(self, budget: int):
        self.budget, self.used = budget, 0
        self._items: OrderedDict = OrderedDict()

    def get(self, key):
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def put(self, key, value, size: int) -> None:
        if size > self.budget:
            return
        self._items[key] = (value, size)
        self.used += size
        while self.used > self.budget:
            _, (_, dropped) = self._items.popitem(last=False)
            self.used -= dropped


def _slots(q: wq.Query) -> tuple[str | None, list[list[str]] | None]:
    """A phrase as its field and, per position, the terms that may stand there."""
    if isinstance(q, wq.Phrase):
        return q.fieldname, [[w] for w in q.words]
    slots, fields = [], set()
    for sub in q.subqueries:
        terms = [sub] if isinstance(sub, wq.Term) else list(getattr(sub, "subqueries", []))
        if not terms or not all(isinstance(t, wq.Term) for t in terms):
            return None, None
        fields |= {t.fieldname for t in terms}
        slots.append([t.text for t in terms])
    return (fields.pop(), slots) if len(fields) == 1 else (None, None)


def _members(haystack: np.ndarray, needles: np.ndarray) -> np.ndarray:
    """Which `needles` are in the sorted array `haystack` (binary search, no sorting)."""
    if not len(haystack):
        return np.zeros(len(needles), dtype=bool)
    spots = np.minimum(np.searchsorted(haystack, needles), len(haystack) - 1)
    return haystack[spots] == needles


def _occurrence_keys(docs: np.ndarray, values: list) -> np.ndarray:
    """document * SHIFT + position for each position in Whoosh's encoded position lists."""
    lists = [loads(v[_INT_SIZE:] + b".") for v in values]
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    deltas = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(lengths.sum()))
    if not len(deltas):
        return EMPTY[0]
    # positions are stored as deltas: a running sum that restarts with each document
    running = np.cumsum(deltas)
    firsts = np.cumsum(lengths) - lengths
    before = running[firsts] - deltas[firsts]
    return np.repeat(docs, lengths) * SHIFT + (running - np.repeat(before, lengths))


def union(parts: list[tuple[np.ndarray, np.ndarray]], boost: float):
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        ids, scores = parts[0]
        return ids, scores * boost
    ids = np.concatenate([p[0] for p in parts])
    scores = np.concatenate([p[1] for p in parts])
    unique, inverse = np.unique(ids, return_inverse=True)
    return unique, np.bincount(inverse, weights=scores) * boost


def intersection(parts: list[tuple[np.ndarray, np.ndarray]], boost: float):
    if not parts or any(not len(p[0]) for p in parts):
        return EMPTY
    parts = sorted(parts, key=lambda p: len(p[0]))  # smallest first keeps the work small
    ids, scores = parts[0]
    for other_ids, other_scores in parts[1:]:
        ids, mine, theirs = np.intersect1d(ids, other_ids, assume_unique=True, return_indices=True)
        scores = scores[mine] + other_scores[theirs]
    return ids, scores * boost


def _read_postings(reader, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    ids_parts, tf_parts = [], []
    for leaf, offset in reader.leaf_readers():
        if leaf.doc_frequency(field, text) == 0:
            continue
        try:
            ids, tfs = _leaf_blocks(leaf, field, text)
        except (AttributeError, TypeError):  # another codec: step through the public matcher
            ids, tfs = _leaf_slow(leaf, field, text)
        ids_parts.append(ids + offset)
        tf_parts.append(tfs)
    if not ids_parts:
        return EMPTY
    return np.concatenate(ids_parts), np.concatenate(tf_parts).astype(np.float32)


def _read_occurrences(reader, field: str, text: str) -> np.ndarray:
    ids_parts, values = [], []
    for leaf, offset in reader.leaf_readers():
        if leaf.doc_frequency(field, text) == 0:
            continue
        btext = leaf._text_to_bytes(field, text)
        matcher = leaf._terms.matcher(field, btext, leaf.schema[field].format)
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_values()
            ids_parts.append(np.asarray(matcher._ids, dtype=np.int64) + offset)
            values.extend(matcher._values)
            matcher._next_block()
    if not ids_parts:
        return EMPTY[0]
    return _occurrence_keys(np.concatenate(ids_parts), values)


def _leaf_blocks(leaf, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """Whole posting blocks at a time from Whoosh's W3 codec (no per-posting Python calls)."""
    btext = leaf._text_to_bytes(field, text)
    matcher = leaf._terms.matcher(field, btext, leaf.schema[field].format)
    ids, tfs = [], []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        ids.append(np.asarray(matcher._ids, dtype=np.int64))
        tfs.append(np.asarray(matcher._weights, dtype=np.float64))
        matcher._next_block()
    return np.concatenate(ids), np.concatenate(tfs)


def _leaf_slow(leaf, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    matcher = leaf.postings(field, text)
    ids, tfs = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        tfs.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(tfs, dtype=np.float64)
