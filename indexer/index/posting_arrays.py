"""A segment's text postings as plain arrays, written beside its Whoosh files.

Whoosh's W3 postings file keeps each posting list as a run of pickled, compressed blocks of
up to 128 postings, and a segment written chunk by chunk cuts a term's list into at least one
block per chunk. A word met for the first time costs a read and a decode of every one of those
block heads (a rare name searched with its hundred spellings: thousands of them), and a
phrase unpickles the positions of every block it needs. The same postings are already sorted
numpy arrays in the helper that encodes a chunk (indexer.index.text_postings), so each helper
also saves them, and the segment writer joins the chunks' arrays end to end into these files
(the numpy .npy format, memory-mapped by the reader):

    <segment>.pa_docs.npy       document number (in the segment) of each posting
    <segment>.pa_starts.npy     where each posting's positions start in pa_positions, and
                                after the last posting, where they end (so a posting's
                                frequency is the difference of two neighbours)
    <segment>.pa_positions.npy  the positions, posting after posting (two bytes each if no
                                document of the segment is longer than 65,536 words)
    <segment>.pa_terms.npy      per term with arrays, sorted: (offset of its posting list in
                                the .pst file, its first piece); a last row ends the pieces
    <segment>.pa_pieces.npy     (first posting, posting count) of each term's piece of a chunk
    <segment>.pa_hashes.npy     the sorted term_hash of every term with arrays: a word whose
                                hash is not there is not in the segment, and its look-up in
                                the term table (the dearer part of reading a rare word) is
                                spared; one that is there is looked up as before

A term is found by its posting list's offset, which its entry in the term table gives. Only
the fields written by text_postings (schema.WordPositions) have arrays; a term's weight is
its frequency times the field's boost, as the W3 blocks store it. Segments written by Whoosh
itself (a merge of small segments) have no arrays and are read block by block. The file
names follow Whoosh's segment naming, so Whoosh deletes them with their segment.
"""

from __future__ import annotations

import zlib
from array import array
from pathlib import Path

import numpy as np

EXTENSIONS = ("docs", "starts", "positions", "terms", "pieces")
HASHES = "hashes"  # optional: without it, every word is looked up in the term table
_CHUNK_ARRAYS = ("docs", "starts", "positions")


def file_name(segment_id: str, name: str) -> str:
    return f"{segment_id}.pa_{name}.npy"


def term_hash(field: str, btext: bytes) -> int:
    """A 32-bit hash of a term (the field's name, then the term's UTF-8 bytes)."""
    return zlib.crc32(btext, zlib.crc32(field.encode("utf-8")))


class ChunkArrays:
    """The text postings of one chunk, field after field, as the helper that encoded it
    saves them; `add` returns where a field's postings start among the chunk's."""

    def __init__(self) -> None:
        self._docs: list[np.ndarray] = []
        self._starts: list[np.ndarray] = []
        self._positions: list[np.ndarray] = []
        self.postings = 0
        self.positions = 0
        self.top = 0  # the highest position

    def add(self, docs: np.ndarray, post_start: np.ndarray, positions: np.ndarray) -> int:
        base = self.postings
        self._docs.append(docs.astype(np.int32))
        self._starts.append(post_start + self.positions)
        self._positions.append(positions.astype(np.int32))
        self.postings += len(docs)
        self.positions += len(positions)
        if len(positions):
            self.top = max(self.top, int(positions.max()))
        return base

    def save(self, folder: Path, number: int) -> tuple[int, int, int]:
        """Write the chunk's arrays to `folder`; returns (postings, positions, the highest
        position)."""
        for name, parts in zip(
            _CHUNK_ARRAYS, (self._docs, self._starts, self._positions), strict=True
        ):
            joined = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
            np.save(folder / f"{number:06d}.{name}.npy", joined, allow_pickle=False)
        self._docs = self._starts = self._positions = []
        return self.postings, self.positions, self.top


class SegmentArrays:
    """Joins the chunks' arrays into a segment's files and records each term's pieces."""

    def __init__(self, sizes: list[tuple[int, int, int]]):
        self.sizes = sizes  # (postings, positions, highest position) of each chunk, in order
        self.bases = np.cumsum([0] + [s[0] for s in sizes]).tolist()  # first posting of each
        self._offsets = array("q")  # posting-list offset of each term with arrays
        self._firsts = array("q")  # its first piece
        self._starts = array("q")  # first posting of each piece (in the segment)
        self._counts = array("q")  # its posting count
        self._hashes = array("I")  # term_hash of each term with arrays
        self._seeds: dict[str, int] = {}  # term_hash of each field's empty term

    def add_term(self, field: str, btext: bytes, offset: int, pieces) -> None:
        """A term whose posting list starts at `offset` in the .pst file; `pieces` are its
        chunks' entries (key, chunk, block offset, block size, statistics starting with the
        posting count, first posting in the chunk's arrays), as the segment writer joins them."""
        seed = self._seeds.get(field)
        if seed is None:
            seed = self._seeds[field] = term_hash(field, b"")
        self._hashes.append(zlib.crc32(btext, seed))
        self._offsets.append(offset)
        self._firsts.append(len(self._starts))
        bases, starts, counts = self.bases, self._starts, self._counts
        for piece in pieces:
            starts.append(bases[piece[1]] + piece[5])
            counts.append(piece[4][0])

    def write(self, folder: Path, segment_id: str, chunk_folder: Path) -> None:
        postings = self.bases[-1]
        positions = sum(s[1] for s in self.sizes)
        wide = np.int64 if positions >= 2**31 else np.int32
        # positions in two bytes where every document is short enough (most archives)
        narrow = np.uint16 if max((s[2] for s in self.sizes), default=0) < 2**16 else np.int32

        def create(name, dtype, shape):
            path = Path(folder) / file_name(segment_id, name)
            return np.lib.format.open_memmap(path, mode="w+", dtype=dtype, shape=shape)

        docs = create("docs", np.int32, (postings,))
        starts = create("starts", wide, (postings + 1,))
        out = create("positions", narrow, (positions,))
        at = seen = 0
        for number, (n, m, _) in enumerate(self.sizes):
            parts = {
                name: np.load(chunk_folder / f"{number:06d}.{name}.npy") for name in _CHUNK_ARRAYS
            }
            docs[at : at + n] = parts["docs"]
            starts[at : at + n] = parts["starts"] + seen
            out[seen : seen + m] = parts["positions"]
            at, seen = at + n, seen + m
        starts[postings] = positions
        for mapped in (docs, starts, out):
            mapped.flush()
        del docs, starts, out
        terms = np.empty((len(self._offsets) + 1, 2), dtype=np.int64)
        terms[:-1, 0] = np.frombuffer(self._offsets, dtype=np.int64)
        terms[:-1, 1] = np.frombuffer(self._firsts, dtype=np.int64)
        terms[-1] = (np.iinfo(np.int64).max, len(self._starts))
        pieces = np.empty((len(self._starts), 2), dtype=np.int64)
        pieces[:, 0] = np.frombuffer(self._starts, dtype=np.int64)
        pieces[:, 1] = np.frombuffer(self._counts, dtype=np.int64)
        np.save(Path(folder) / file_name(segment_id, "terms"), terms, allow_pickle=False)
        np.save(Path(folder) / file_name(segment_id, "pieces"), pieces, allow_pickle=False)
        hashes = np.unique(np.frombuffer(self._hashes, dtype=np.uint32))
        np.save(Path(folder) / file_name(segment_id, HASHES), hashes, allow_pickle=False)
