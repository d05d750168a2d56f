"""The spelling map's file: its keys in order, its distinct terms, and each key's term
numbers, as numpy arrays (UTF-8 text and offsets) in one .npz file.

A search process opens a version's map in milliseconds, where parsing the same map as JSON
took a third of a second at 100,000 documents, and looks a key up with numpy's binary search
over the keys' first bytes, then by comparing bytes, decoding only the terms it gives. The
file holds the map read the other way too, each term's key numbers (`PackedMap.keys_of`). What
the keys mean, and the pairs added beside the file by updates, are `indexer.index.spellings`'s.
"""

from __future__ import annotations

import io
import sys
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

HEAD = 16  # bytes of each key kept in a fixed-width array for numpy's binary search
DECODE_UNIQUE = 64  # terms of a look-up above which their numbers are made distinct first
# longest key or term, in UTF-8, that write_pairs sorts in a fixed-width array: that many bytes
# a pair
NUMPY_SORT_BYTES = 64


class Texts(Sequence):
    """Strings stored as one UTF-8 byte array and offsets: item i is text[offsets[i]:
    offsets[i + 1]], decoded on access, or its bytes (`encoded`) to be compared."""

    def __init__(self, text: np.ndarray, offsets: np.ndarray):
        self._text, self._offsets = memoryview(text), memoryview(offsets)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        return str(self._text[self._offsets[i] : self._offsets[i + 1]], "utf-8")

    def encoded(self, i: int) -> bytes:
        """Item i as its UTF-8 bytes: comparing those orders items as decoding them would,
        without the decoding (a look-up's bisection compares a few)."""
        return self._text[self._offsets[i] : self._offsets[i + 1]].tobytes()

    @staticmethod
    def pack(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        encoded = [t.encode("utf-8") for t in texts]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
        return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


class PackedMap:
    """A saved map: keys in code point order (the order of their UTF-8 bytes too), the
    distinct terms, and for key i the term numbers members[starts[i]:starts[i + 1]]; and the
    other way round, for term j the key numbers term_keys[term_starts[j]:term_starts[j + 1]]
    (a map saved before those two arrays works them out when first asked)."""

    ARRAYS = ("key_text", "key_offsets", "term_text", "term_offsets", "starts", "members")
    INVERSE = ("term_starts", "term_keys")

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.keys = Texts(arrays["key_text"], arrays["key_offsets"])
        self.terms = Texts(arrays["term_text"], arrays["term_offsets"])
        self._starts, self._members = arrays["starts"], arrays["members"]
        self._heads = _heads(arrays["key_text"], arrays["key_offsets"])
        self._term_text = (arrays["term_text"], arrays["term_offsets"])
        self._term_heads: np.ndarray | None = None  # only prefix queries ask for a term's keys
        self._inverse = tuple(arrays[name] for name in self.INVERSE if name in arrays) or None

    def _position(self, key: str) -> int:
        """bisect_left(self.keys, key)."""
        return _bisect(self.keys, self._heads, _encoded(key))

    @classmethod
    def read(cls, path: Path) -> PackedMap | None:
        try:
            with np.load(path, allow_pickle=False) as saved:
                names = [*cls.ARRAYS, *(n for n in cls.INVERSE if n in saved.files)]
                return cls({name: saved[name] for name in names})
        except (OSError, ValueError, KeyError):  # missing, or not a map of this format
            return None

    def keys_of(self, term: str) -> list[str]:
        """The keys whose terms include `term`."""
        if self._term_heads is None:
            self._term_heads = _heads(*self._term_text)
        if self._inverse is None:
            self._inverse = _inverse(self._starts, self._members, len(self.terms))
        j = _index(self.terms, self._term_heads, term)
        if j is None:
            return []
        term_starts, term_keys = self._inverse
        return [self.keys[k] for k in term_keys[term_starts[j] : term_starts[j + 1]].tolist()]

    def _find(self, key: str) -> int | None:
        return _index(self.keys, self._heads, key)

    def __contains__(self, key: str) -> bool:
        return self._find(key) is not None

    def terms_of(self, key: str) -> set[str]:
        i = self._find(key)
        if i is None:
            return set()
        return self._decode(self._members[self._starts[i] : self._starts[i + 1]])

    def _range(self, prefix: str) -> range:
        """The numbers of the keys that start with `prefix`: they sort from it up to, not
        including, the prefix with its last character raised by one (the last that can be
        raised: after a last character of the highest code point, every key up from the
        prefix without it raised by one starts with the prefix)."""
        stem = prefix.rstrip(chr(sys.maxunicode))
        end = self._position(stem[:-1] + chr(ord(stem[-1]) + 1)) if stem else len(self.keys)
        return range(self._position(prefix) if prefix else 0, end)

    def terms_under_prefix(self, prefix: str) -> set[str]:
        if not prefix:
            return self._decode(self._members)
        keys = self._range(prefix)
        return self._decode(self._members[self._starts[keys.start] : self._starts[keys.stop]])

    def items_under_prefix(self, prefix: str) -> list[tuple[str, set[str]]]:
        """Each key that starts with `prefix` with its terms."""
        starts = self._starts
        return [
            (self.keys[i], self._decode(self._members[starts[i] : starts[i + 1]]))
            for i in self._range(prefix)
        ]

    def items(self) -> Iterable[tuple[str, list[str]]]:
        terms = self.terms[:]
        named = [terms[m] for m in self._members.tolist()]
        starts = self._starts.tolist()
        for i, key in enumerate(self.keys[:]):
            yield key, named[starts[i] : starts[i + 1]]

    def _decode(self, members: np.ndarray) -> set[str]:
        terms = self.terms
        if len(members) > DECODE_UNIQUE:  # a prefix's many keys share terms: decode each once
            members = np.unique(members)
        return {terms[m] for m in members.tolist()}


def _bisect(texts: Texts, heads: np.ndarray, encoded: bytes) -> int:
    """bisect_left(texts, the text `encoded` in UTF-8): numpy's binary search over their first
    bytes (`heads`, at most HEAD of each), then a bisection, comparing bytes, among the few
    that share them (a bisection over all keys decoded some twenty, a quarter of resolving a
    query's words)."""
    head = encoded[: heads.itemsize]
    lo = int(heads.searchsorted(head, "left"))
    if len(head) < heads.itemsize and b"\0" not in head:
        return lo  # shorter than a head, the text is its whole head: it sorts where that does
    hi = int(heads.searchsorted(head, "right"))
    return bisect_left(range(len(texts)), encoded, lo, hi, key=texts.encoded)


def _index(texts: Texts, heads: np.ndarray, text: str) -> int | None:
    """The number of `text` among `texts`, or None."""
    encoded = _encoded(text)
    i = _bisect(texts, heads, encoded)
    return i if i < len(texts) and texts.encoded(i) == encoded else None


def _encoded(text: str) -> bytes:
    # a surrogate is only met as a prefix raised by one; UTF-8 keeps it in code point order
    return text.encode("utf-8", "surrogatepass")


def _inverse(starts: np.ndarray, members: np.ndarray, terms: int) -> tuple[np.ndarray, ...]:
    """(term_starts, term_keys): each term's key numbers, in order, from each key's terms."""
    order = np.argsort(members, kind="stable")  # by term, each term's keys in key order
    key_of = np.repeat(np.arange(len(starts) - 1, dtype=np.int32), np.diff(starts))
    term_starts = np.searchsorted(members[order], np.arange(terms + 1))
    return term_starts, key_of[order]


def _heads(text: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Each key's first HEAD bytes as one fixed-width bytes array, in the keys' order (cutting
    keeps it): a column at a time, some 20 ms for 300,000 keys when a version's map opens."""
    lengths = np.minimum(np.diff(offsets), HEAD)
    width = max(1, int(lengths.max(initial=0)))
    grid = np.empty((len(lengths), width), dtype=np.uint8)
    padded = np.concatenate([text, np.zeros(width, dtype=np.uint8)])
    for column in range(width):
        grid[:, column] = padded[offsets[:-1] + column]
    # NUL padding keeps the order; a key holding NULs only widens the run that is bisected
    grid[np.arange(width) >= lengths[:, None]] = 0
    return grid.view(f"S{width}").ravel()


def write_pairs(path: Path, pairs: set[tuple[str, str]]) -> None:
    """Write the (key, term) `pairs` as the map at `path`, as write_map writes the map that
    holds them (a full build: its pairs need no map in memory first)."""
    listed = list(pairs)
    keys, key_of = _numbered([k for k, _ in listed])
    distinct, term_of = _numbered([t for _, t in listed])
    order = np.lexsort((term_of, key_of))  # by key, each key's terms in order
    starts = np.searchsorted(key_of[order], np.arange(len(keys) + 1))
    _write_arrays(path, keys, distinct, starts, term_of[order].astype(np.int32))


def _numbered(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct `texts` in order, and each text's number among them. Sorted by numpy as
    fixed-width UTF-8 (in code point order, as Python sorts) when all are short, as all but a
    stray long token are: a full build's half a million pairs took a second to sort as Python
    tuples, the last thing it does and on one core."""
    encoded = [t.encode() for t in texts]
    if max(map(len, encoded), default=0) <= NUMPY_SORT_BYTES:
        distinct, number = np.unique(np.array(encoded, dtype=bytes), return_inverse=True)
        return [t.decode() for t in distinct.tolist()], number
    ordered = sorted(set(texts))
    index = dict(zip(ordered, range(len(ordered)), strict=True))
    return ordered, np.fromiter(map(index.__getitem__, texts), np.int64, len(texts))


def write_map(path: Path, terms: dict[str, Iterable[str]]) -> None:
    """Write the map of each key's `terms` at `path`."""
    keys = sorted(terms)
    distinct = sorted({t for ts in terms.values() for t in ts})
    number = {t: i for i, t in enumerate(distinct)}
    counts = np.fromiter((len(terms[k]) for k in keys), np.int64, len(keys))
    starts = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    flat = np.fromiter((number[t] for k in keys for t in terms[k]), np.int32, int(starts[-1]))
    # each key's term numbers in order: one sort by (key, term), not one sort per key
    members = flat[np.lexsort((flat, np.repeat(np.arange(len(keys)), counts)))]
    _write_arrays(path, keys, distinct, starts, members)


def _write_arrays(path: Path, keys: list[str], distinct: list[str], starts, members) -> None:
    key_text, key_offsets = Texts.pack(keys)
    term_text, term_offsets = Texts.pack(distinct)
    term_starts, term_keys = _inverse(starts, members, len(distinct))
    buffer = io.BytesIO()
    np.savez(
        buffer,
        key_text=key_text,
        key_offsets=key_offsets,
        term_text=term_text,
        term_offsets=term_offsets,
        starts=starts,
        members=members,
        term_starts=term_starts,
        term_keys=term_keys,
    )
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(buffer.getbuffer())
    tmp.replace(path)  # a new file: the previous version's hard link is kept
