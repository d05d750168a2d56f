"""Matching and BM25F scoring of a resolved plan over whole posting lists, with numpy.

Whoosh's matchers and collectors step through every matching document in Python, several calls
per posting per query term; with spelling expansions and facet counts that is the whole cost of
a search. Here each term's posting list comes from the index door (postings.py) as arrays, and
the plan is evaluated with array operations: OR is a union with summed scores (but a name
and its other names are one name: a document scores its best match of them), AND an
intersection, NOT a difference. Phrases compare positions as arrays too.

Scores follow Whoosh's BM25F (B=0.75, K1=1.2, idf = ln(N / (df + 1)) + 1, its own average
field length over every document): a word without other spellings scores what Whoosh's BM25F
searcher gives `Or([Term("body", w), Term("title", w)])`, times EXACT_BOOST. A word with other
spellings is scored as one term (as Lucene scores synonyms): its document and term frequencies
are those of all its spellings together, so a rare spelling does not outweigh the common one,
and documents using the spelling as typed score EXACT_BOOST times higher.
"""

from __future__ import annotations

from math import log

import numpy as np

from indexer.search.plan import And, Leaf, Name, Not, Or, Phrase, Prefix, Word
from indexer.search.postings import FIELDS, IndexReader
from indexer.search.w3_blocks import SHIFT

B, K1 = 0.75, 1.2
EXACT_BOOST = 2.0
# Many postings for the number of documents: arrays over every document beat sorting them.
DENSE_SHARE = 16
EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


class Matcher:
    """Evaluates resolved plans to (sorted live document numbers, scores) for one version."""

    def __init__(self, index: IndexReader):
        self.index = index
        self.size = index.doc_count_all  # every document number is below it

    def evaluate(self, plan: And) -> tuple[np.ndarray, np.ndarray]:
        positive = [self.node(c) for c in plan.positive]
        if positive:
            ids, scores = intersection(positive, self.size)
        else:
            ids = np.flatnonzero(self.index.live).astype(np.int64)
            scores = np.zeros(len(ids))
        for leaf in plan.excluded:
            excluded, _ = self.leaf(leaf)
            keep = ~np.isin(ids, excluded, assume_unique=True)
            ids, scores = ids[keep], scores[keep]
        live = self.index.live[ids]
        return ids[live], scores[live]

    def node(self, c: Leaf | Or | Not) -> tuple[np.ndarray, np.ndarray]:
        if isinstance(c, Name):
            return best([self.leaf(x) for x in c.children], self.size)
        if isinstance(c, Or):
            return union([self.leaf(x) for x in c.children], self.size)
        return self.leaf(c)

    def leaf(self, x: Leaf) -> tuple[np.ndarray, np.ndarray]:
        if isinstance(x, Word):
            return union([self.word(f, x) for f in FIELDS], self.size)
        if isinstance(x, Phrase):
            return union([self.phrase(f, x) for f in FIELDS], self.size)
        if isinstance(x, Prefix):
            return union([self.terms(f, x.terms) for f in FIELDS], self.size)
        raise TypeError(f"cannot evaluate {type(x).__name__}")

    # -- leaves ---------------------------------------------------------------------------

    def terms(self, field: str, texts) -> tuple[np.ndarray, np.ndarray]:
        """Any of `texts` in `field`, each scored as its own term and the scores summed (as
        Whoosh scores an Or of Terms), in one pass over all their postings."""
        lists = [self.index.postings(field, t) for t in sorted(texts)]
        lists = [item for item in lists if len(item[0])]
        if not lists:
            return EMPTY
        sizes = np.fromiter((len(item[0]) for item in lists), dtype=np.int64, count=len(lists))
        ids = np.concatenate([item[0] for item in lists])
        weights = np.concatenate([item[1] for item in lists])
        idf = np.repeat(np.log(self.index.doc_count_all / (sizes + 1)) + 1, sizes)
        return union([(ids, self._bm25(field, ids, weights, idf))], self.size, merge=True)

    def word(self, field: str, w: Word) -> tuple[np.ndarray, np.ndarray]:
        """Any spelling of `w` in `field`, scored as one term; the exact spelling scores higher."""
        found = self.index.spelled(field, w.terms)
        if not found.found:
            return EMPTY
        exact = found.term == found.texts.index(w.exact) if w.exact in found.texts else None
        if found.found == 1:
            boost = EXACT_BOOST if exact is not None and exact[0] else 1.0
            return found.ids, self.bm25(field, found.ids, found.weights) * boost
        if exact is None:
            unique, (weight_all,) = grouped(found.ids, self.size, found.weights)
            return unique, self.bm25(field, unique, weight_all)
        unique, (weight_all, exacts) = grouped(
            found.ids, self.size, found.weights, exact.astype(np.float64)
        )
        scores = self.bm25(field, unique, weight_all)
        return unique, scores * np.where(exacts > 0, EXACT_BOOST, 1.0)

    def phrase(self, field: str, p: Phrase) -> tuple[np.ndarray, np.ndarray]:
        """Documents where the words stand side by side, scored as the sum of their words'
        scores. Positions are read only for documents that have every word."""
        parts = [self.word(field, w) for w in p.words]
        candidates, scores = intersection(parts, self.size)
        ids = candidates
        # Each occurrence is one number, document * SHIFT + position; a phrase is an occurrence
        # of its first word whose next numbers are occurrences of the following words. Only the
        # documents still in the running are read at each step.
        starts = self.index.occurrences_of(field, p.words[0].terms, ids)
        for offset, following in enumerate(p.words[1:], 1):
            if not len(starts):
                return EMPTY
            found = self.index.occurrences_of(field, following.terms, ids)
            starts = starts[members(found, starts + offset)]
            ids = np.unique(starts // SHIFT)
        keep = np.isin(candidates, ids, assume_unique=True)
        return candidates[keep], scores[keep]

    def bm25(self, field: str, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Scores of one term's postings (`ids` are its documents, so their count is its df)."""
        return self._bm25(field, ids, weights, log(self.index.doc_count_all / (len(ids) + 1)) + 1)

    def _bm25(self, field: str, ids: np.ndarray, weights: np.ndarray, idf) -> np.ndarray:
        lengths = self.index.lengths[field][ids]
        avg = self.index.avg_length[field]
        return idf * (weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * lengths / avg))


def members(haystack: np.ndarray, needles: np.ndarray) -> np.ndarray:
    """Which `needles` are in the sorted array `haystack` (binary search, no sorting)."""
    if not len(haystack):
        return np.zeros(len(needles), dtype=bool)
    spots = np.minimum(np.searchsorted(haystack, needles), len(haystack) - 1)
    return haystack[spots] == needles


def union(
    parts: list[tuple[np.ndarray, np.ndarray]], size: int, merge: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Documents in any part (ids all below `size`), scores summed. Each part's ids are sorted
    and unique, unless `merge` says they may repeat."""
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return EMPTY
    if len(parts) == 1 and not merge:
        return parts[0]
    ids = np.concatenate([p[0] for p in parts])
    scores = np.concatenate([p[1] for p in parts])
    unique, (summed,) = grouped(ids, size, scores)
    return unique, summed


def best(parts: list[tuple[np.ndarray, np.ndarray]], size: int) -> tuple[np.ndarray, np.ndarray]:
    """Documents in any part (each part's ids sorted and unique, all below `size`), each with
    the score of its best part: a name and its other names are one name (as a word's
    spellings are one term), so a document that writes two of them, or one that two of them
    match (Nagorno-Karabakh: Nagorno Karabakh, Nagorny Karabakh), does not outrank one that
    writes the name as typed."""
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    if sum(len(p[0]) for p in parts) * DENSE_SHARE >= size:  # over all documents: no sorting
        top = np.full(size, -np.inf)
        for ids, scores in parts:
            top[ids] = np.maximum(top[ids], scores)
        unique = np.flatnonzero(top > -np.inf)
        return unique, top[unique]
    ids = np.concatenate([p[0] for p in parts])
    scores = np.concatenate([p[1] for p in parts])
    order = np.lexsort((-scores, ids))
    ids, scores = ids[order], scores[order]
    first = np.ones(len(ids), dtype=bool)
    first[1:] = ids[1:] != ids[:-1]
    return ids[first], scores[first]


def intersection(
    parts: list[tuple[np.ndarray, np.ndarray]], size: int
) -> tuple[np.ndarray, np.ndarray]:
    """Documents in every part (ids sorted and unique, all below `size`), scores summed."""
    if not parts or any(not len(p[0]) for p in parts):
        return EMPTY
    parts = sorted(parts, key=lambda p: len(p[0]))  # smallest first keeps the work small
    ids, scores = parts[0]
    for other_ids, other_scores in parts[1:]:
        if len(other_ids) * DENSE_SHARE >= size:
            # each document's place in the other part, looked up in an array over all
            # documents: no sorting, which np.intersect1d does on the two parts joined
            where = np.full(size, -1, dtype=np.int64)
            where[other_ids] = np.arange(len(other_ids))
            found = where[ids]
            mine = np.flatnonzero(found >= 0)
            ids, theirs = ids[mine], found[mine]
        else:
            ids, mine, theirs = np.intersect1d(
                ids, other_ids, assume_unique=True, return_indices=True
            )
        scores = scores[mine] + other_scores[theirs]
    return ids, scores


def grouped(ids: np.ndarray, size: int, *values: np.ndarray) -> tuple[np.ndarray, list]:
    """The distinct `ids` (all below `size`), sorted, and each of `values` summed per id in the
    order given (as np.unique and np.bincount over its inverse give them, to the last bit)."""
    if len(ids) * DENSE_SHARE >= size:  # counted over all documents: no sorting
        unique = np.flatnonzero(np.bincount(ids))
        return unique, [np.bincount(ids, weights=v)[unique] for v in values]
    unique, inverse = np.unique(ids, return_inverse=True)
    return unique, [np.bincount(inverse, weights=v) for v in values]
