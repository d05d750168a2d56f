"""Every spelling of one word in one field, read together.

A name is searched with all its spellings, a hundred or more for some. Read one term at a time,
each spelling cost its own look-ups and gathers in every segment, and a phrase read each
spelling's postings twice (for the documents, then for the positions) and searched each
spelling's list for the phrase's documents: Python and numpy call overhead per spelling, which
was most of a phrase's time. Here a segment's spellings that have posting arrays are gathered
in one go (indexer.search.posting_arrays), and a phrase's positions are read for all of them
with one membership test and one gather. A spelling without arrays (a segment Whoosh merged, a
posting list Whoosh inlined in its term table) is read on its own, as before.

The postings keep the order reading the spellings one by one gave (segment by segment, each
segment's spellings in sorted order), so per-document sums add up in the same order and scores
are the same to the last bit.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict, defaultdict

import numpy as np

from indexer.search.posting_arrays import TermArrays
from indexer.search.w3_blocks import NO_IDS, SHIFT


class Spelled:
    """The postings of `texts` (sorted) in one field: `ids` (document numbers, deleted ones
    included), `weights`, and `term` (the index in `texts` of each posting's spelling)."""

    def __init__(self, field: str, texts: list[str], parts: list[_Part], whole=None):
        # `whole`: for postings joined from an earlier read (read's `base`), which hold no
        # positions, what reads them all afresh when a phrase needs their positions
        self.field, self.texts, self._parts, self._whole = field, texts, parts, whole
        ids = [p.ids for p in parts]
        self.ids = np.concatenate(ids) if len(ids) > 1 else ids[0] if ids else NO_IDS
        self.weights = _joined([p.weights for p in parts], np.float64)
        self.term = _joined([p.term for p in parts], np.int64)
        self.nbytes = 2 * (self.ids.nbytes + self.weights.nbytes + self.term.nbytes)
        # how many of the spellings have postings (a part's `term` is sorted)
        self.found = len(set().union(*(p.term[_firsts(p.term)].tolist() for p in parts)))

    def occurrences(self, docs: np.ndarray) -> np.ndarray:
        """The occurrences of any of the spellings in `docs` (sorted document numbers), as
        document * SHIFT + position, sorted."""
        if not len(docs) or not len(self.ids):
            return NO_IDS
        if self._whole is not None:
            if not isinstance(self._whole, Spelled):
                self._whole = self._whole()  # two threads may both read it: the same postings
            return self._whole.occurrences(docs)
        found = [p.occurrences(self.field, self.texts, docs) for p in self._parts]
        found = [f for f in found if len(f)]
        if len(found) <= 1 and self.found == 1:
            return found[0] if found else NO_IDS
        if not found:
            return NO_IDS
        return np.sort(np.concatenate(found))  # two spellings never share a position


class _Part:
    """The spellings' postings in one segment."""

    def __init__(self, segment, batch: TermArrays | None, single: dict[int, np.ndarray], pieces):
        # the spellings read from the arrays together; those read on their own, with their ids
        self.segment, self.batch, self.single = segment, batch, single
        if len(pieces) == 1:
            self.ids, self.weights, self.term = pieces[0]
            return
        # spellings read on their own go where their turn in sorted order puts them
        term = np.concatenate([p[2] for p in pieces])
        order = np.argsort(term, kind="stable")
        self.ids = np.concatenate([p[0] for p in pieces])[order]
        self.weights = np.concatenate([p[1] for p in pieces])[order]
        self.term = term[order]

    def occurrences(self, field: str, texts: list[str], docs: np.ndarray) -> np.ndarray:
        seg = self.segment
        out = []
        if self.batch is not None:
            # which postings are of `docs`: marked in an array over the segment's documents,
            # cheaper than a binary search for each of a common word's postings
            local = docs - seg.offset
            marked = np.zeros(seg.doc_count, dtype=bool)
            marked[local[(local >= 0) & (local < seg.doc_count)]] = True
            keep = np.flatnonzero(marked[self.batch.docs])
            if len(keep):
                positions, counts = seg.arrays.positions(self.batch, keep)
                held = self.batch.docs[keep] + seg.offset
                out.append(np.repeat(held, counts) * SHIFT + positions)
        for i, ids in self.single.items():
            # only the documents that have the spelling: a block is decompressed only for them
            wanted = docs[_members(ids, docs)]
            if len(wanted):
                out.append(seg.positions(field, texts[i], wanted.tolist()))
        out = [o for o in out if len(o)]
        if len(out) <= 1:
            return out[0] if out else NO_IDS
        return np.concatenate(out)


class RecentWords:
    """The cache keys (("spelled", field, texts)) of the words read or asked for last, by
    their spellings, to find what a read can build on (read's `base`); thread-safe."""

    def __init__(self, size: int):
        self._size, self._keys = size, OrderedDict()
        self._by_text: dict[tuple[str, str], set] = defaultdict(set)
        self._lock = threading.Lock()

    def touch(self, key: tuple) -> None:
        """`key` was read or asked for again: the last to be forgotten."""
        _, field, texts = key
        with self._lock:
            if key in self._keys:
                self._keys.move_to_end(key)
                return
            self._keys[key] = None
            for text in texts:
                self._by_text[field, text].add(key)
            if len(self._keys) > self._size:
                old, _ = self._keys.popitem(last=False)
                for text in old[2]:
                    holding = self._by_text[old[1], text]
                    holding.discard(old)
                    if not holding:
                        del self._by_text[old[1], text]

    def sharing(self, field: str, texts: list[str]) -> Counter:
        """The keys that have at least half of `texts` in `field`, with how many they have."""
        counts: Counter = Counter()
        with self._lock:
            for text in texts:
                counts.update(self._by_text.get((field, text), ()))
        half = (len(texts) + 1) // 2
        return Counter({k: n for k, n in counts.items() if n >= half})


def read(segments: list, field: str, texts: list[str], base: Spelled | None = None) -> Spelled:
    """The postings of every one of `texts` (sorted) in `field`, over all `segments`.

    With `base`, a word read before that shares spellings with this one, only the others are
    read, and base's postings of the shared ones are taken as they are: another spelling of
    a name often has all but a few of the first's spellings (its own skeleton's words differ),
    and reading them again would cost its first search most of what the first one's did.
    Positions are then read afresh, all together, if a phrase asks for them."""
    if base is None:
        return Spelled(field, texts, [p for p in (_read(s, field, texts) for s in segments) if p])
    number = {t: i for i, t in enumerate(texts)}
    had = set(base.texts)
    extra = [t for t in texts if t not in had]
    # each of base's spellings by its number here; -1: not one of these
    base_numbers = np.asarray([number.get(t, -1) for t in base.texts], dtype=np.int64)
    extra_numbers = np.asarray([number[t] for t in extra], dtype=np.int64)
    old = {id(p.segment): p for p in base._parts}
    parts = []
    for seg in segments:
        pieces = []
        if id(seg) in old:
            p = old[id(seg)]
            term = base_numbers[p.term]
            kept = term >= 0
            if kept.any():
                pieces.append((p.ids[kept], p.weights[kept], term[kept]))
        new = _read(seg, field, extra) if extra else None
        if new is not None:
            pieces.append((new.ids, new.weights, extra_numbers[new.term]))
        if pieces:
            parts.append(_Part(seg, None, {}, pieces))
    return Spelled(field, texts, parts, whole=lambda: read(segments, field, texts))


def _read(seg, field: str, texts: list[str]) -> _Part | None:
    arrayed: list[tuple[int, int]] = []  # (index in texts, posting list offset)
    single: list[int] = []
    for i, text in enumerate(texts):
        info = seg.info(field, text)
        if info is None:
            continue
        if seg.arrays is not None and not info.is_inlined():
            arrayed.append((i, info._offset))
        else:
            single.append(i)
    batch = None
    pieces: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (ids, weights, term)
    if arrayed:
        batch, per_term, has = seg.arrays.postings_of([offset for _, offset in arrayed])
        chosen = [i for (i, _), ok in zip(arrayed, has.tolist(), strict=True) if ok]
        single += [i for (i, _), ok in zip(arrayed, has.tolist(), strict=True) if not ok]
        if chosen:
            # the weight the blocks hold: the frequency times the field's boost, as float32
            boost = seg.leaf.schema[field].format.field_boost
            weights = (batch.freqs * boost).astype(np.float32).astype(np.float64)
            term = np.repeat(np.asarray(chosen, dtype=np.int64), per_term)
            pieces.append((batch.docs + seg.offset, weights, term))
        else:
            batch = None
    alone: dict[int, np.ndarray] = {}
    for i in sorted(single):
        got = seg.postings(field, texts[i])
        if got is not None and len(got[0]):
            alone[i] = got[0]
            pieces.append((got[0], got[1], np.full(len(got[0]), i, dtype=np.int64)))
    return _Part(seg, batch, alone, pieces) if pieces else None


def _joined(parts: list[np.ndarray], dtype) -> np.ndarray:
    if not parts:
        return np.zeros(0, dtype=dtype)
    return np.concatenate(parts) if len(parts) > 1 else parts[0]


def _firsts(term: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array starts."""
    if not len(term):
        return NO_IDS
    return np.concatenate((np.zeros(1, dtype=np.int64), np.flatnonzero(np.diff(term)) + 1))


def _members(haystack: np.ndarray, needles: np.ndarray) -> np.ndarray:
    """Which `needles` are in the sorted array `haystack`."""
    if not len(haystack):
        return np.zeros(len(needles), dtype=bool)
    spots = np.minimum(np.searchsorted(haystack, needles), len(haystack) - 1)
    return haystack[spots] == needles
