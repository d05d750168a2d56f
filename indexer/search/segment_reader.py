"""One segment of an index version, as `indexer.search.postings.IndexReader` reads it: its term
table, a term's posting list and positions (from the segment's posting arrays, or its W3 blocks,
indexer.search.w3_blocks), field lengths and stored columns (indexer.search.segment_columns).
What is read of a segment is kept with it: its files never change once written, so the versions
that share it share that too.
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_left
from itertools import accumulate, chain

import numpy as np
from whoosh.codec.whoosh3 import W3TermInfo

from indexer.search.posting_arrays import PostingArrays, TermArrays
from indexer.search.segment_columns import column_values, field_lengths
from indexer.search.term_table import TermTable
from indexer.search.w3_blocks import (
    NO_IDS,
    SHIFT,
    block,
    ids_weights,
    listed_weights,
    occurrence_keys,
    walk,
)

INFO_CACHE = 200_000  # term-table entries remembered per segment (a few hundred bytes each)
# Segments up to this size have their whole term table read at opening: a one-document update's
# segment in a millisecond, where a look-up costs some microseconds per term and segment; a
# larger segment's table (a 1,000-document update's took 0.3 s) is looked up term by term.
SMALL_SEGMENT_DOCS = 100
_UNKNOWN = object()


class Segment:
    """One segment's term table, posting lists and positions, field lengths and columns.

    A term's postings come from the segment's posting arrays where it has them. Otherwise its
    posting list is one run of W3 blocks; each block is a length, a small pickled header
    (posting count, last document number, ...) and a zlib-compressed pickle of (document number
    deltas, weights, encoded positions). The whole run is read with one positional read (no
    shared file offset, so no lock), then decoded with numpy (w3_blocks). `io` is the
    version's lock for reads through Whoosh's shared files; `fields`, the text fields whose
    terms a small segment reads whole; `same`, this segment in the version before."""

    def __init__(
        self,
        leaf,
        offset: int,
        io: threading.Lock,
        fields: tuple[str, ...],
        same: Segment | None = None,
    ):
        self.leaf, self.offset, self._io = leaf, offset, io
        self.id = segment_id(leaf)
        self.doc_count = leaf.doc_count_all()
        self._postfile = leaf._terms._postfile
        self._fd = _fileno(self._postfile)
        if same is not None:  # this segment in the version before: what was read of it holds
            self._infos, self._complete, self._derived = same._infos, same._complete, same._derived
            self.arrays, self._table = same.arrays, same._table
            return
        folder = getattr(leaf._storage, "folder", None)  # None: a compound file's storage
        self.arrays = PostingArrays.open(folder, self.id, leaf.schema) if folder else None
        self._table = TermTable.open(leaf._terms._tindex)
        self._derived: dict[tuple, object] = {}
        self._infos: dict[tuple[str, str], W3TermInfo | bytes | None] = {}
        # A small segment (what an incremental update writes) has its whole term table read
        # now: most words of a query are not in it, and each miss would be a hashed look-up.
        self._complete = leaf.doc_count_all() <= SMALL_SEGMENT_DOCS
        if self._complete:
            terms = leaf._terms
            with io:
                items = list(terms._tindex.items())
            for key, raw in items:
                field, tbytes = terms._keydecoder(key)
                if field in fields:
                    self._infos[(field, tbytes.decode("utf-8"))] = raw

    def derived(self, name: tuple, make):
        found = self._derived.get(name, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._derived[name] = make(self, *name[1:])
        return found

    def lengths(self, field: str) -> np.ndarray:
        """Each document's length in `field` (segment_columns)."""
        return field_lengths(self.leaf, field, self.doc_count, self._io)

    def column(self, field: str, default) -> list:
        """The stored column of `field`, one value per document (`default` without one)."""
        return column_values(self.leaf, field, self.doc_count, default, self._io)

    def info(self, field: str, text: str) -> W3TermInfo | None:
        """The term's entry in the term table (None if absent), remembered: a search looks a
        term up for its postings and again for its positions, in every segment."""
        key = (field, text)
        found = self._infos.get(key, None if self._complete else _UNKNOWN)
        if found is _UNKNOWN and self.arrays is not None and self.arrays.lacks(field, text):
            found = None  # not remembered: a miss is as quick to find again
        elif found is _UNKNOWN:
            terms = self.leaf._terms
            try:
                term_key = terms._keycoder(field, self.leaf._text_to_bytes(field, text))
                if self._table is not None:
                    found = self._table.get(term_key)
                else:
                    with self._io:
                        found = terms._tindex[term_key]
            except (KeyError, ValueError):  # no such term (or field)
                found = None
            self._remember(key, found)
        if isinstance(found, bytes):  # listed by a prefix look-up, not decoded yet
            found = W3TermInfo.from_bytes(found)
            self._infos[key] = found
        return found

    def _remember(self, key: tuple[str, str], entry) -> None:
        if self._complete:
            return  # everything is there already
        if len(self._infos) >= INFO_CACHE:
            self._infos.clear()
        self._infos[key] = entry

    def terms_with_prefix(self, field: str, prefix: str) -> list[str]:
        """The words of `field` starting with `prefix`; their term-table entries are kept, as
        a prefix search reads the postings of most of them next."""
        terms = self.leaf._terms
        try:
            start = terms._keycoder(field, self.leaf._text_to_bytes(field, prefix))
        except (KeyError, ValueError):  # a field this index does not have
            return []
        with self._io:
            items = []
            for key, raw in terms._tindex.items_from(start):
                if not key.startswith(start):
                    break
                items.append((key, raw))
        out = []
        for key, raw in items:
            text = terms._keydecoder(key)[1].decode("utf-8")
            self._remember((field, text), raw)
            out.append(text)
        return out

    def words(self, field: str) -> list[str]:
        """Every word of `field` in this segment."""
        terms = self.leaf._terms
        try:
            start = terms._keycoder(field, b"")
        except (KeyError, ValueError):
            return []
        with self._io:
            keys = []
            for key in terms._tindex.keys_from(start):
                if not key.startswith(start):
                    break
                keys.append(key)
        size = len(start)
        return [key[size:].decode("utf-8") for key in keys]

    def _run(self, info) -> bytes:
        start, length = info._offset, info._length
        if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves it as struct's 1-tuple
            length = length[0]
        if self._fd is not None:
            return os.pread(self._fd, length, start)
        with self._io:  # a file without a descriptor (a compound file): shared offset
            return self._postfile.get(start, length)

    def _rows(self, info) -> TermArrays | None:
        """The term's postings from the segment's posting arrays; None to read its blocks."""
        if self.arrays is None or info.is_inlined():
            return None
        return self.arrays.postings(info._offset)

    def postings(self, field: str, text: str):
        """(document numbers, weights) of the term, or None; positions are not decoded."""
        info = self.info(field, text)
        if info is None:
            return None
        if info.is_inlined():
            ids, weights, _ = info.inlined_postings()
            ids = np.asarray(ids, dtype=np.int64) + self.offset
            return ids, np.asarray(weights, dtype=np.float64)
        term = self._rows(info)
        if term is not None:
            ids = term.docs + self.offset
            # the weight the blocks hold: the frequency times the field's boost, as float32
            boost = self.leaf.schema[field].format.field_boost
            weights = (term.freqs * boost).astype(np.float32)
            return ids, weights.astype(np.float64)
        deltas, weights, counts = [], [], []
        for _, count, compressed, data in walk(self._run(info)):
            head = ids_weights(data, compressed, count)
            deltas.append(head[0])
            weights.append(listed_weights(head[1], count))
            counts.append(count)
        sizes = np.asarray(counts, dtype=np.int64)
        n = int(sizes.sum())
        flat = np.fromiter(chain.from_iterable(deltas), dtype=np.int64, count=n)
        # each block's deltas start again from 0: a running sum restarted per block
        running = np.cumsum(flat)
        firsts = np.cumsum(sizes) - sizes
        ids = running - np.repeat(running[firsts] - flat[firsts], sizes) + self.offset
        weights = np.fromiter(chain.from_iterable(weights), dtype=np.float64, count=n)
        return ids, weights

    def positions(self, field: str, text: str, wanted: list[int]) -> np.ndarray:
        """document * SHIFT + position of the term in the `wanted` (sorted) documents."""
        info = self.info(field, text)
        if info is None:
            return NO_IDS
        local = [d - self.offset for d in wanted]
        lo, hi = bisect_left(local, 0), bisect_left(local, info._maxid + 1)
        if lo == hi:
            return NO_IDS
        term = self._rows(info)
        if term is not None:
            keep = np.flatnonzero(_members(np.asarray(local[lo:hi], dtype=np.int64), term.docs))
            if not len(keep):
                return NO_IDS
            docs = term.docs[keep]
            positions, counts = self.arrays.positions(term, keep)
            return np.repeat(docs + self.offset, counts) * SHIFT + positions
        # every posting of each block that holds a wanted document, then the wanted ones picked
        # out with numpy: a look-up per posting in Python cost more than decoding them all
        docs, values = [], []
        if info.is_inlined():
            ids, _, vals = info.inlined_postings()
            docs, values = list(ids), list(vals)
        else:
            previous = -1
            for last, _, compressed, data in walk(self._run(info)):
                # documents previous+1 .. last are in this block: decompress only if one is wanted
                i = bisect_left(local, previous + 1, lo, hi)
                if i < hi and local[i] <= last:
                    deltas, _, vals = block(data, compressed)
                    docs += accumulate(deltas)
                    values += vals
                previous = last
        if not docs:
            return NO_IDS
        found = np.asarray(docs, dtype=np.int64)
        keep = _members(np.asarray(local[lo:hi], dtype=np.int64), found)
        if not keep.all():
            chosen = np.flatnonzero(keep)
            found, values = found[chosen], [values[i] for i in chosen.tolist()]
        return occurrence_keys(found + self.offset, values)


def segment_id(leaf) -> str:
    """The segment's name, which its files carry: a new segment gets a new random one."""
    return leaf.segment().segment_id()


def _fileno(postfile) -> int | None:
    try:
        return postfile.file.fileno()
    except (AttributeError, OSError, ValueError):
        return None


def _members(haystack: np.ndarray, needles: np.ndarray) -> np.ndarray:
    """Which `needles` are in the sorted array `haystack`."""
    spots = np.minimum(np.searchsorted(haystack, needles), len(haystack) - 1)
    return haystack[spots] == needles
