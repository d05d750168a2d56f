"""A segment's text postings read from its arrays (indexer.index.posting_arrays).

A term's postings are a few slices of memory-mapped arrays, gathered with numpy: no block is
read or unpickled, so a word with a hundred spellings costs about as much as one with one,
and a phrase reads the positions of just the documents it still needs.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from indexer.index.posting_arrays import EXTENSIONS, HASHES, file_name, term_hash
from indexer.index.schema import WordPositions


class PostingArrays:
    """The arrays of one segment, memory-mapped (pages are read as they are touched)."""

    def __init__(self, folder: str | Path, segment_id: str, schema):
        # plain arrays over the mapped files: slices of a numpy memmap are memmaps too, each
        # made through Python hooks that cost more than the gathers themselves
        loaded = {
            name: np.load(Path(folder) / file_name(segment_id, name), mmap_mode="r").view(
                np.ndarray
            )
            for name in EXTENSIONS
        }
        self._docs, self._freqs = loaded["docs"], loaded["freqs"]
        self._positions = loaded["positions"]
        # the term rows are looked up by a binary search: a copy in memory (16 bytes a term)
        # costs less than the page faults of searching the mapped file
        self._offsets = np.ascontiguousarray(loaded["terms"][:, 0])
        self._firsts = np.ascontiguousarray(loaded["terms"][:, 1])
        self._pieces = loaded["pieces"]
        hashes = Path(folder) / file_name(segment_id, HASHES)
        self._hashes = np.load(hashes).view(np.ndarray) if hashes.is_file() else None
        # the fields whose every term has arrays
        self._fields = {n for n, f in schema.items() if isinstance(f.format, WordPositions)}

    @classmethod
    def open(cls, folder: str | Path, segment_id: str, schema) -> PostingArrays | None:
        """The segment's arrays, or None if it has none (written by Whoosh itself)."""
        if not all((Path(folder) / file_name(segment_id, n)).is_file() for n in EXTENSIONS):
            return None
        return cls(folder, segment_id, schema)

    def lacks(self, field: str, text: str) -> bool:
        """True if the segment surely has no such term (False: it may have it)."""
        if self._hashes is None or field not in self._fields:
            return False
        try:
            wanted = term_hash(field, text.encode("utf-8"))
        except UnicodeEncodeError:
            return False
        # searched as a uint32: a Python int would have numpy convert the whole array first
        k = int(self._hashes.searchsorted(np.uint32(wanted)))
        return k == len(self._hashes) or int(self._hashes[k]) != wanted

    def postings(self, offset: int) -> TermArrays | None:
        """The postings of the term whose posting list starts at `offset` in the .pst file, in
        document order; None without arrays for it."""
        k = int(self._offsets.searchsorted(offset))
        if self._offsets[k] != offset:  # the last row is above every offset
            return None
        # (first posting, posting count, first position, first document of the chunk)
        pieces = self._pieces[self._firsts[k] : self._firsts[k + 1]].astype(np.int64)
        if len(pieces) == 1:  # slices, not gathers
            first, count, where, base = pieces[0].tolist()
            docs = self._docs[first : first + count].astype(np.int64)
            docs += base
            freqs = self._freqs[first : first + count].astype(np.int64)
            return TermArrays(docs, freqs, where)
        counts = pieces[:, 1]
        rows = _ranges(pieces[:, 0], counts)
        docs = self._docs[rows].astype(np.int64)
        docs += pieces[:, 3].repeat(counts)
        return TermArrays(docs, self._freqs[rows].astype(np.int64), pieces)

    def postings_of(self, offsets: list[int]) -> tuple[TermArrays, np.ndarray, np.ndarray]:
        """The postings of several terms (by their posting lists' offsets in the .pst file),
        term after term in one set of gathers, whatever their number of spellings; each term's
        posting count, and which of `offsets` have arrays (the others are left out)."""
        wanted = np.asarray(offsets, dtype=np.int64)
        rows = self._offsets.searchsorted(wanted)  # the last row is above every offset
        found = self._offsets[rows] == wanted
        rows = rows[found]
        firsts = self._firsts[rows]
        n_pieces = self._firsts[rows + 1] - firsts
        pieces = self._pieces[_ranges(firsts, n_pieces)].astype(np.int64)
        counts = pieces[:, 1]
        at = _ranges(pieces[:, 0], counts)
        docs = self._docs[at].astype(np.int64)
        docs += pieces[:, 3].repeat(counts)
        ends = np.concatenate((np.zeros(1, dtype=np.int64), counts.cumsum()))
        per_term = np.diff(ends[np.concatenate((np.zeros(1, dtype=np.int64), n_pieces.cumsum()))])
        return TermArrays(docs, self._freqs[at].astype(np.int64), pieces), per_term, found

    def positions(self, term: TermArrays, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions of the term's postings `keep`, posting after posting; how many each has)."""
        counts = term.freqs[keep]
        starts = term.starts()[keep]
        return self._positions[_ranges(starts, counts)].astype(np.int64), counts


class TermArrays:
    """One term's postings in a segment: document numbers and frequencies, and what tells
    where each posting's positions start."""

    __slots__ = ("docs", "freqs", "_pieces")

    def __init__(self, docs: np.ndarray, freqs: np.ndarray, pieces: np.ndarray | int) -> None:
        # the term's pieces (rows of pa_pieces), or for a term of one piece its first position
        self.docs, self.freqs, self._pieces = docs, freqs, pieces

    def starts(self) -> np.ndarray:
        """Where each posting's positions start: its piece's first position, then the running
        sum of the frequencies before it in the piece."""
        ends = self.freqs.cumsum()
        before = ends - self.freqs
        if isinstance(self._pieces, int):  # one piece: its first position
            return before + self._pieces
        counts = self._pieces[:, 1]
        at = counts.cumsum() - counts  # each piece's first posting among the term's
        return before + (self._pieces[:, 2] - before[at]).repeat(counts)


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """starts[0] .. starts[0]+counts[0]-1, then the same for each following range. (Array
    methods rather than numpy's functions: this runs for every term a query reads, and the
    functions' dispatch cost about as much as the work.)"""
    counts = counts.astype(np.int64, copy=False)
    total = int(counts.sum())
    if len(counts) == 1:
        return np.arange(int(starts[0]), int(starts[0]) + total, dtype=np.int64)
    ends = counts.cumsum()
    return np.arange(total, dtype=np.int64) + (starts.astype(np.int64) - (ends - counts)).repeat(
        counts
    )
