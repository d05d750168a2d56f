"""A segment's text postings as plain arrays, written beside its Whoosh files.

Whoosh's W3 postings file keeps each posting list as a run of pickled, compressed blocks of
up to 128 postings, and a segment written chunk by chunk cuts a term's list into at least one
block per chunk. A word met for the first time costs a read and a decode of every one of those
block heads (a rare name searched with its hundred spellings: thousands of them), and a
phrase unpickles the positions of every block it needs. The same postings are already sorted
numpy arrays in the helper that encodes a chunk (indexer.index.text_postings), so each helper
also saves them, and the segment writer joins the chunks' arrays end to end into these files
(the numpy .npy format, memory-mapped by the reader), appended chunk after chunk so the
joining process never holds them whole; each array takes the smallest type its values fit:

    <segment>.pa_docs.npy       document of each posting, as its offset from the first
                                document of its chunk (two bytes each while no chunk holds
                                more than 65,536 documents)
    <segment>.pa_freqs.npy      how many positions each posting has (two bytes each while
                                no word occurs more than 65,535 times in one document)
    <segment>.pa_positions.npy  the positions, posting after posting (two bytes each if no
                                document of the segment is longer than 65,536 words)
    <segment>.pa_terms.npy      per term with arrays, sorted: (offset of its posting list in
                                the .pst file, its first piece); a last row ends the pieces
    <segment>.pa_pieces.npy     (first posting, posting count, where its first posting's
                                positions start, its chunk's first document) of each term's
                                piece of a chunk: a posting's positions start where its
                                piece's do, after the frequencies before it in the piece
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
from typing import NamedTuple

import numpy as np

EXTENSIONS = ("docs", "freqs", "positions", "terms", "pieces")
HASHES = "hashes"  # optional: without it, every word is looked up in the term table
_CHUNK_ARRAYS = ("docs", "freqs", "positions")


def file_name(segment_id: str, name: str) -> str:
    return f"{segment_id}.pa_{name}.npy"


def term_hash(field: str, btext: bytes) -> int:
    """A 32-bit hash of a term (the field's name, then the term's UTF-8 bytes)."""
    return zlib.crc32(btext, zlib.crc32(field.encode("utf-8")))


class ChunkArrays:
    """The text postings of one chunk (documents `first_doc` up to `end_doc`), field after
    field, as the helper that encoded it saves them; `add` returns where a field's postings
    and their positions start among the chunk's."""

    def __init__(self, first_doc: int = 0, end_doc: int = 0) -> None:
        self.first_doc, self.documents = first_doc, end_doc - first_doc
        self._docs: list[np.ndarray] = []
        self._freqs: list[np.ndarray] = []
        self._positions: list[np.ndarray] = []
        self.postings = 0
        self.positions = 0
        self.top = 0  # the highest position
        self.top_freq = 0  # the highest frequency

    def add(self, docs: np.ndarray, post_start: np.ndarray, positions: np.ndarray) -> tuple:
        """A field's postings: their documents, where each one's positions start in
        `positions`; returns (first posting, first position) of the field in the chunk."""
        base = self.postings, self.positions
        freqs = np.diff(np.append(post_start, len(positions)))
        self._docs.append((docs - self.first_doc).astype(np.int32))
        self._freqs.append(freqs.astype(np.int32))
        self._positions.append(positions.astype(np.int32))
        self.postings += len(docs)
        self.positions += len(positions)
        if len(positions):
            self.top = max(self.top, int(positions.max()))
            self.top_freq = max(self.top_freq, int(freqs.max()))
        return base

    def save(self, folder: Path, number: int) -> ChunkSizes:
        """Write the chunk's arrays to `folder`; returns their sizes."""
        for name, parts in zip(
            _CHUNK_ARRAYS, (self._docs, self._freqs, self._positions), strict=True
        ):
            joined = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
            np.save(folder / f"{number:06d}.{name}.npy", joined, allow_pickle=False)
        self._docs = self._freqs = self._positions = []
        return ChunkSizes(
            self.postings, self.positions, self.top, self.top_freq, self.first_doc, self.documents
        )


class ChunkSizes(NamedTuple):
    postings: int
    positions: int
    top: int  # the highest position
    top_freq: int  # the highest frequency
    first_doc: int
    documents: int


def _narrow(top: int) -> type:
    """The smallest unsigned type that holds 0 .. top."""
    return np.uint16 if top < 2**16 else np.uint32 if top < 2**32 else np.int64


class SegmentArrays:
    """Joins the chunks' arrays into a segment's files and records each term's pieces."""

    def __init__(self, sizes: list[ChunkSizes]):
        self.sizes = sizes  # of each chunk, in order
        self.bases = np.cumsum([0] + [s.postings for s in sizes]).tolist()  # first posting
        self.where = np.cumsum([0] + [s.positions for s in sizes]).tolist()  # first position
        self._offsets = array("q")  # posting-list offset of each term with arrays
        self._firsts = array("q")  # its first piece
        self._starts = array("q")  # first posting of each piece (in the segment)
        self._counts = array("q")  # its posting count
        self._where = array("q")  # where its first posting's positions start
        self._docs = array("q")  # the first document of its chunk
        self._hashes = array("I")  # term_hash of each term with arrays
        self._seeds: dict[str, int] = {}  # term_hash of each field's empty term

    def add_term(self, field: str, btext: bytes, offset: int, pieces) -> None:
        """A term whose posting list starts at `offset` in the .pst file; `pieces` are its
        chunks' entries (key, chunk, block offset, block size, statistics starting with the
        posting count, (first posting, first position) in the chunk's arrays), as the segment
        writer joins them."""
        seed = self._seeds.get(field)
        if seed is None:
            seed = self._seeds[field] = term_hash(field, b"")
        self._hashes.append(zlib.crc32(btext, seed))
        self._offsets.append(offset)
        self._firsts.append(len(self._starts))
        bases, where, sizes = self.bases, self.where, self.sizes
        for piece in pieces:
            chunk, (first, at) = piece[1], piece[5]
            self._starts.append(bases[chunk] + first)
            self._counts.append(piece[4][0])
            self._where.append(where[chunk] + at)
            self._docs.append(sizes[chunk].first_doc)

    def write(self, folder: Path, segment_id: str, chunk_folder: Path) -> None:
        sizes = self.sizes
        # each array in the smallest type that holds its values: documents as offsets within
        # their chunk, frequencies rather than where each posting's positions start
        types = {
            "docs": _narrow(max((s.documents - 1 for s in sizes), default=0)),
            "freqs": _narrow(max((s.top_freq for s in sizes), default=0)),
            "positions": _narrow(max((s.top for s in sizes), default=0)),
        }
        # appended chunk after chunk: the joined arrays are never all in this process's memory
        files = {}
        try:
            for name in _CHUNK_ARRAYS:
                total = self.bases[-1] if name != "positions" else self.where[-1]
                files[name] = _NpyAppender(
                    Path(folder) / file_name(segment_id, name), types[name], total
                )
            for number in range(len(sizes)):
                for name in _CHUNK_ARRAYS:
                    files[name].append(np.load(chunk_folder / f"{number:06d}.{name}.npy"))
        finally:
            for appender in files.values():
                appender.close()
        terms = np.empty((len(self._offsets) + 1, 2), dtype=np.int64)
        terms[:-1, 0] = np.frombuffer(self._offsets, dtype=np.int64)
        terms[:-1, 1] = np.frombuffer(self._firsts, dtype=np.int64)
        terms[-1] = (np.iinfo(np.int64).max, len(self._starts))
        columns = (self._starts, self._counts, self._where, self._docs)
        top = max(self.bases[-1], self.where[-1], max((s.first_doc for s in sizes), default=0))
        kind = np.uint32 if top < 2**32 else np.int64
        pieces = np.empty((len(self._starts), len(columns)), dtype=kind)
        for k, column in enumerate(columns):
            pieces[:, k] = np.frombuffer(column, dtype=np.int64)
        np.save(Path(folder) / file_name(segment_id, "terms"), terms, allow_pickle=False)
        np.save(Path(folder) / file_name(segment_id, "pieces"), pieces, allow_pickle=False)
        hashes = np.unique(np.frombuffer(self._hashes, dtype=np.uint32))
        np.save(Path(folder) / file_name(segment_id, HASHES), hashes, allow_pickle=False)


class _NpyAppender:
    """A .npy file of `total` values of `dtype`, written part after part."""

    def __init__(self, path: Path, dtype, total: int):
        self.dtype, self.total, self.written = np.dtype(dtype), total, 0
        self._file = open(path, "wb")  # noqa: SIM115 (closed by close)
        header = {"descr": np.lib.format.dtype_to_descr(self.dtype), "fortran_order": False}
        np.lib.format.write_array_header_1_0(self._file, {**header, "shape": (total,)})

    def append(self, values: np.ndarray) -> None:
        self._file.write(values.astype(self.dtype).tobytes())
        self.written += len(values)

    def close(self) -> None:
        self._file.close()
        if self.written != self.total:
            raise ValueError(f"{self._file.name}: {self.written} values, {self.total} expected")
