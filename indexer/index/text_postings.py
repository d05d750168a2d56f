"""A chunk's postings of one text field, gathered as one number per word and grouped by a sort.

Kept per document as a dict of position lists, a chunk's postings cost several Python steps per
posting (a group per word of each document, a look-up and two appends per term, a list kept
per posting until the chunk is written). Here each word of the text becomes a term number (one
dict look-up by `map`, in C), the chunk's words sit in three arrays (term, document, position),
and one stable sort by term puts them in the order the postings are written: per term, its
documents in order, per document its positions in order. Python then runs once per term, and
once per posting only to encode a word met more than once in a document.

The values are those of schema.WordPositions (what Whoosh's Positions format writes): the count
of positions, then the pickled position gaps.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from pickle import dumps

import numpy as np
from whoosh.system import pack_uint

from indexer.analysis import exact_key, words
from indexer.index import schema
from indexer.index.posting_arrays import ChunkArrays

CACHE_LIMIT = schema.CACHE_LIMIT  # positions whose lone-position value is kept per process
_LONE: list[bytes] = []  # value of a word met once, at position i (as schema.encode_positions)


class Vocabulary:
    """Term numbers of a chunk, shared by its text fields: a word as written -> the number of
    its exact key. Its words are the text fields' words as written."""

    def __init__(self) -> None:
        self.of_word: dict[str, int] = _Numbers(self)
        self.keys: list[str] = []  # term number -> exact key
        self._of_key: dict[str, int] = {}

    def numbers(self, words: list[str]) -> Iterator[int]:
        return map(self.of_word.__getitem__, words)

    def number(self, word: str) -> int:
        """The number of the word's exact key (a new number for a key not met before)."""
        known = schema._EXACT  # exact keys worked out in this process already
        key = known.get(word)
        if key is None:
            if len(known) >= schema.CACHE_LIMIT:
                known.clear()
            key = known[word] = exact_key(word)
        number = self._of_key.get(key)
        if number is None:
            number = self._of_key[key] = len(self.keys)
            self.keys.append(key)
        return number


class _Numbers(dict):
    """Word as written -> term number, looked up in C; a word new to the chunk gets its number
    on its first look-up (a set of each document's words, to find the new ones first, had
    cost more than the look-ups)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__()
        self._vocabulary = vocabulary

    def __missing__(self, word: str) -> int:
        number = self[word] = self._vocabulary.number(word)
        return number


class TextPostings:
    """One text field's words of a chunk's documents, added in document order."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self._terms = array("i")  # term number of each word, document after document
        self._docs: list[int] = []  # document number of each document with words
        self._counts: list[int] = []  # its number of words

    def add(self, text: str, docnum: int) -> int:
        """Add one document's text; returns its length in words."""
        written = words(text)
        if written:
            self._terms.extend(self.vocabulary.numbers(written))
            self._docs.append(docnum)
            self._counts.append(len(written))
        return len(written)

    def postings(
        self, boost: float, arrays: ChunkArrays
    ) -> Iterator[tuple[bytes, list[int], array, list[bytes], tuple[int, int]]]:
        """(term as UTF-8, document numbers, weights, values, (first posting, first position)
        in `arrays`) of each term, terms in order; the postings are added to `arrays` first."""
        if not self._docs:
            return
        keys = self.vocabulary.keys
        counts = np.array(self._counts, dtype=np.int64)
        starts = np.cumsum(counts) - counts
        # rank of each term number in the order of its key (str order is UTF-8 byte order)
        rank = np.zeros(len(keys), dtype=np.int64)
        by_key = sorted(range(len(keys)), key=keys.__getitem__)
        rank[by_key] = np.arange(len(keys))
        terms = rank[np.frombuffer(self._terms, dtype=np.int32)]
        self._terms = array("i")
        docs = np.repeat(np.array(self._docs, dtype=np.int64), counts)
        positions = np.arange(len(terms), dtype=np.int64) - np.repeat(starts, counts)
        order = np.argsort(terms, kind="stable")  # stable: documents, then positions in order
        terms, docs, positions = terms[order], docs[order], positions[order]
        del order
        n = len(terms)
        first = np.ones(n, dtype=bool)  # the first word of each posting (term and document)
        first[1:] = (terms[1:] != terms[:-1]) | (docs[1:] != docs[:-1])
        post_start = np.flatnonzero(first)
        freqs = np.diff(np.append(post_start, n))
        post_terms = terms[post_start]
        term_start = np.flatnonzero(np.r_[True, post_terms[1:] != post_terms[:-1]])
        term_end = np.append(term_start[1:], len(post_start))
        gaps = positions.copy()
        gaps[1:] -= positions[:-1]
        gaps[post_start] = positions[post_start]
        values = _values(positions[post_start].tolist(), freqs, post_start, gaps)
        weights = array("f", (freqs.astype(np.float64) * boost).astype(np.float32).tobytes())
        post_docs = docs[post_start]
        base, where = arrays.add(post_docs, post_start, positions)
        post_docs = post_docs.tolist()
        firsts = (post_start[term_start] + where).tolist()
        for number, a, b, at in zip(
            post_terms[term_start].tolist(),
            term_start.tolist(),
            term_end.tolist(),
            firsts,
            strict=True,
        ):
            key = keys[by_key[number]]
            yield key.encode("utf-8"), post_docs[a:b], weights[a:b], values[a:b], (base + a, at)


def _values(first_positions: list[int], freqs: np.ndarray, post_start, gaps) -> list[bytes]:
    """schema.encode_positions of each posting: a lone position from a table, the others
    pickled from their gaps."""
    top = min(max(first_positions) + 1, CACHE_LIMIT)
    if len(_LONE) < top:
        _LONE.extend(pack_uint(1) + dumps([p], 2) for p in range(len(_LONE), top))
    lone = _LONE
    values = [lone[p] if p < top else pack_uint(1) + dumps([p], 2) for p in first_positions]
    more = np.flatnonzero(freqs > 1)
    for i, s, f in zip(more.tolist(), post_start[more].tolist(), freqs[more].tolist(), strict=True):
        values[i] = pack_uint(f) + dumps(gaps[s : s + f].tolist(), 2)
    return values
