"""The one door to Whoosh's on-disk structures, for one index version.

Everything the search core reads from an index goes through `IndexReader`: posting lists
(document numbers and weights), positions, field lengths, stored fields, columns and deleted
documents. A text field's term is read from its segment's posting arrays
(indexer.search.posting_arrays): a few numpy gathers, no block read. A segment without them
(one Whoosh merged) has a term's posting list read from the W3 postings file in one
positional read and its blocks decoded here, which is faster than stepping Whoosh's matchers
posting by posting: a posting list's documents and weights are read from the head of each
block, without its positions. Either way, positions are read only for the documents a phrase
still needs. This leans
on the codec's private layout, so this module was written for one Whoosh release and refuses
any other with an error naming both versions, rather than read a changed structure wrongly.

Whoosh's readers share file handles, so reads through them (term table, stored fields,
columns) hold a short per-version lock; posting reads need none (`os.pread` has no shared
offset). The arrays they give are cached and used without it, so searches in threads run
concurrently.
"""

from __future__ import annotations

import os
import struct
import threading
import zlib
from bisect import bisect_left
from collections import OrderedDict
from itertools import accumulate, chain
from pickle import dumps, loads

import numpy as np
import whoosh
from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3TermInfo, _lenfield
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.util.numeric import byte_to_length

from indexer.search import spelled
from indexer.search.posting_arrays import PostingArrays, TermArrays
from indexer.search.spelled import Spelled
from indexer.search.term_table import TermTable

WHOOSH_VERSION = (2, 7, 5)  # the release whose W3 codec this module reads
FIELDS = ("body", "title")  # the text fields a query searches
SHIFT = 1 << 32  # positions below 2**32, document numbers below 2**31: keys fit in int64
_INT_SIZE = 4  # W3 position lists: a 4-byte count, then the pickled position deltas
_BLOCK_LENGTH = struct.Struct("!i")  # before each block; negative for a list's last block
# Posting lists kept per index version, least recently used out first: by size, because one
# common term of a 100k archive alone is 100k postings.
CACHE_BYTES = 96 * 1024 * 1024
VALUES_BYTES = 96 * 1024 * 1024  # positions; the two budgets together stay far below 1 GiB
RECENT_SPELLED = 256  # words read last, which the read of another may build on
NO_IDS = np.zeros(0, dtype=np.int64)
_BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
# What the first byte of a block's data is: a zlib stream's names its method (8: deflate) in
# its low four bits; an uncompressed pickle starts with its protocol opcode.
_DEFLATE, _PICKLE_PROTO = 8, 0x80
# A block's head, (deltas, weights): at most an int opcode (5 bytes) and a float opcode (9) per
# posting, and the few opcodes around them; the positions start at the first bytes object,
# which protocol 2 pickles as a call of this global, right after the MARK of their tuple.
_HEAD_BYTES, _HEAD_SLACK = 14, 64
_BYTES_GLOBAL = b"c_codecs\nencode\n"
_STR_ENCODE = b"cbuiltins\nstr.encode\n"
_PROTO_2, _PROTO_4 = b"\x80\x02", b"\x80\x04"
_MARK = ord("(")
_PAIR_STOP = b"\x86."  # TUPLE2, STOP
_PICKLE_HEAD = b"\x80\x02("  # PROTO 2, MARK: the start of one pickle of many position lists
_UNKNOWN = object()
INFO_CACHE = 200_000  # term-table entries remembered per segment (a few hundred bytes each)
# Segments up to this size have their whole term table read at opening: a one-document update's
# segment in a millisecond, where a look-up costs some microseconds per term and segment; a
# larger segment's table (a 1,000-document update's took 0.3 s) is looked up term by term.
SMALL_SEGMENT_DOCS = 100
_W3_TERMS = ("_tindex", "_keycoder", "_postfile")  # what _Segment reads of a W3 terms reader


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
            _Segment(leaf, offset, self._io, known.get(_segment_id(leaf)))
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


class _Segment:
    """One segment's posting lists, read straight from its W3 postings file.

    A term's posting list is one run of blocks; each block is a length, a small pickled header
    (posting count, last document number, ...) and a zlib-compressed pickle of (document number
    deltas, weights, encoded positions). The whole run is read with one positional read (no
    shared file offset, so no lock), then decoded here with numpy."""

    def __init__(self, leaf, offset: int, io: threading.Lock, same: _Segment | None = None):
        self.leaf, self.offset, self._io = leaf, offset, io
        self.id = _segment_id(leaf)
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
                if field in FIELDS:
                    self._infos[(field, tbytes.decode("utf-8"))] = raw

    def derived(self, name: tuple, make):
        found = self._derived.get(name, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._derived[name] = make(self, *name[1:])
        return found

    def lengths(self, field: str) -> np.ndarray:
        """Each document's length in `field`, from the segment's one-byte length column."""
        if not self.leaf._perdoc.has_column(_lenfield(field)):
            return np.zeros(self.doc_count, dtype=np.float64)
        with self._io:
            reader = self.leaf._perdoc.column_reader(_lenfield(field), LENGTHS_COLUMN)
            coded = _numbers(reader, self.doc_count)
        return _BYTE_LENGTHS[coded]

    def column(self, field: str, default) -> list:
        """The stored column of `field`, one value per document (`default` without one)."""
        n, leaf = self.doc_count, self.leaf
        with self._io:
            if not leaf.has_column(field):
                return [default] * n
            values = self._numeric_column(field)
            if values is None:
                values = self._bytes_column(field)
            if values is None:
                values = list(leaf.column_reader(field))
        return values if len(values) == n else (values + [default] * n)[:n]

    def _numeric_column(self, field: str) -> list | None:
        """A numeric column read as an array instead of a value at a time (opening a version
        of 100,000 documents took seconds); None for other columns. The raw numbers are used
        only where they are what Whoosh's translating reader gives."""
        n, leaf = self.doc_count, self.leaf
        raw = leaf.column_reader(field, translate=False)
        if not isinstance(raw, NumericColumn.Reader):
            return None
        values = _numbers(raw, n)
        shown = leaf.column_reader(field)
        if any(shown[d] != values[d] for d in range(0, n, max(1, n // 64))):
            return None
        return values.tolist()

    def _bytes_column(self, field: str) -> list | None:
        """A column of texts read in one piece and cut into values here, instead of one read
        per document; None for other columns. The values are Whoosh's own translation of each
        document's bytes, so they are what its translating reader gives."""
        n, leaf = self.doc_count, self.leaf
        raw = leaf.column_reader(field, translate=False)
        if not isinstance(raw, VarBytesColumn.Reader) or len(raw._lengths) != n:
            return None
        lengths = np.asarray(raw._lengths, dtype=np.int64)
        offsets = np.asarray(raw._offsets, dtype=np.int64)
        ends = (offsets + lengths).tolist()
        data = raw._dbfile.get(raw._basepos, max(ends, default=0))
        translate = leaf.schema[field].from_column_value
        return [translate(data[a:b]) for a, b in zip(offsets.tolist(), ends, strict=True)]

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
        for _, count, compressed, data in _walk(self._run(info)):
            block = _ids_weights(data, compressed, count)
            deltas.append(block[0])
            weights.append(_weights(block[1], count))
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
            for last, _, compressed, data in _walk(self._run(info)):
                # documents previous+1 .. last are in this block: decompress only if one is wanted
                i = bisect_left(local, previous + 1, lo, hi)
                if i < hi and local[i] <= last:
                    deltas, _, vals = _block(data, compressed)
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
        return _occurrence_keys(found + self.offset, values)


def _segment_id(leaf) -> str:
    """The segment's name, which its files carry: a new segment gets a new random one."""
    return leaf.segment().segment_id()


def _numbers(reader: NumericColumn.Reader, n: int) -> np.ndarray:
    """The `n` values of a Whoosh numeric column: big-endian numbers, one per document up to
    the last one stored, the column's default after it."""
    count = min(reader._count, n)
    dtype = np.dtype(reader._typecode).newbyteorder(">")
    data = reader._dbfile.get(reader._basepos, count * dtype.itemsize)
    out = np.full(n, reader._default, dtype=dtype.newbyteorder("="))
    out[:count] = np.frombuffer(data, dtype=dtype)
    return out


def _fileno(postfile) -> int | None:
    try:
        return postfile.file.fileno()
    except (AttributeError, OSError, ValueError):
        return None


def _walk(run: bytes):
    """(last document number, posting count, compressed?, data) of each block of a posting
    run, without decompressing anything: the caller decides which blocks it needs."""
    if run[:4] != WHOOSH3_HEADER_MAGIC:
        raise IndexFormatError(f"a posting list starts with {run[:4]!r}, not W3's block tag")
    view = memoryview(run)
    pos, end = 4, len(run)
    while pos < end:
        length = abs(_BLOCK_LENGTH.unpack_from(run, pos)[0])
        block = view[pos + 4 : pos + 4 + length]
        header = loads(block)  # (count, last id, max weight, compression, min/max length)
        data = block[len(dumps(header, 2)) :]  # the header pickles to the bytes it came from
        compressed = bool(header[3])
        first = data[0] if data else None
        if first is None or (first & 0x0F != _DEFLATE if compressed else first != _PICKLE_PROTO):
            raise IndexFormatError("a W3 posting block's data does not follow its header")
        yield header[1], header[0], compressed, data
        pos += 4 + length


def _block(data, compressed: bool) -> tuple:
    """A block's (document number deltas, weights, encoded positions).

    Protocol 2 pickles each encoded position list (a bytes object) as a call of
    `_codecs.encode(text, "latin1")`, which looks the codec up for every posting;
    `str.encode(text, "latin1")` gives the same bytes in a third less time. Protocol 4 reads
    every opcode of protocol 2 and may name a method, so the stream is read as protocol 4 with
    that one global renamed (its first occurrence: the deltas and weights before it cannot
    contain it); a stream of another shape is read as it is."""
    raw = zlib.decompress(data) if compressed else bytes(data)
    if raw[:2] == _PROTO_2:
        try:
            return loads(_PROTO_4 + raw[2:].replace(_BYTES_GLOBAL, _STR_ENCODE, 1))
        except Exception:  # noqa: BLE001 - not the expected shape: read it as written
            pass
    return loads(raw)


def _ids_weights(data, compressed: bool, count: int) -> tuple:
    """A block's (document number deltas, weights) without its positions.

    The block pickles the tuple (deltas, weights, positions) in that order, and the positions
    are most of it: each is a bytes object, which protocol 2 rebuilds with a call of
    `_codecs.encode`, and unpickling those calls was most of a search's time. So only the
    head of the stream is decompressed (at most `_HEAD_BYTES` per posting: an int opcode and
    a float opcode), cut where the positions start (the first `_codecs.encode`, which no int
    or float opcode can contain) and closed as a pair. Anything of another shape is decoded
    whole."""
    if compressed:
        head = zlib.decompressobj().decompress(data, _HEAD_BYTES * count + _HEAD_SLACK)
    else:
        head = bytes(data[: _HEAD_BYTES * count + _HEAD_SLACK])
    start = head.find(_BYTES_GLOBAL)
    if count > 3:  # a tuple of more than three items opens with a MARK
        start = start - 1 if start > 0 and head[start - 1] == _MARK else -1
    if start > 0:
        try:
            pair = loads(head[:start] + _PAIR_STOP)
        except Exception:  # noqa: BLE001 - not the expected shape: decode the block whole
            pair = None
        if isinstance(pair, tuple) and len(pair) == 2 and len(pair[0]) == count:
            return pair
    return _block(data, compressed)[:2]


def _weights(weights, count: int):
    if weights is None:
        return [1.0] * count
    if isinstance(weights, float):
        return [weights] * count
    return weights


def _members(haystack: np.ndarray, needles: np.ndarray) -> np.ndarray:
    """Which `needles` are in the sorted array `haystack`."""
    spots = np.minimum(np.searchsorted(haystack, needles), len(haystack) - 1)
    return haystack[spots] == needles


def _occurrence_keys(docs: np.ndarray, values: list) -> np.ndarray:
    """document * SHIFT + position for each position in W3's encoded position lists."""
    lists = _position_lists(values)
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    deltas = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(lengths.sum()))
    if not len(deltas):
        return NO_IDS
    # positions are stored as deltas: a running sum that restarts with each document
    running = np.cumsum(deltas)
    firsts = np.cumsum(lengths) - lengths
    before = running[firsts] - deltas[firsts]
    return np.repeat(docs, lengths) * SHIFT + (running - np.repeat(before, lengths))


def _position_lists(values: list) -> list:
    """The position deltas of each encoded value: a 4-byte count, then a protocol-2 pickle of
    the list. The pickles' bodies are joined into one pickle of a list of lists, so that one
    call of the C unpickler decodes them all."""
    if not values:
        return []
    body = b"".join([v[_INT_SIZE + 2 : -1] for v in values])  # without PROTO 2 and STOP
    lists = loads(_PICKLE_HEAD + body + b"l.")  # MARK ... LIST: the lists, in one list
    if len(lists) != len(values) or values[0][_INT_SIZE : _INT_SIZE + 2] != _PICKLE_HEAD[:2]:
        return [loads(v[_INT_SIZE:]) for v in values]  # not the expected shape: one by one
    return lists


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
