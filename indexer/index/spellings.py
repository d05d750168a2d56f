"""The spelling map: which words of the index are other spellings of a query word.

The index holds each word once, as its exact key (one posting per word, as plain full-text
search). Spelling variants are resolved at query time instead: every variant key of every
indexed word that differs from the word itself is recorded here (key → exact terms), so a
query word expands to the indexed spellings that share one of its keys:

    Hojaly → keys {hojaly, #…, =PL-khojaly} → terms {khojaly, xocalı, ходжалы, …}

The map is saved with each index version and only grows with incremental builds; a term whose
documents were removed simply matches nothing. A full build writes spellings.npz: the keys in
order and each key's terms as numpy arrays (UTF-8 text and offsets), so a search process opens a
version's map in milliseconds, where parsing the same map as JSON took a third of a second at
100,000 documents, and looks keys up with numpy's binary search over their first bytes. It
holds the map read the other way too, each term's keys, so that a prefix's completions, many
words, find their other spellings by the keys recorded for them (`recorded_spellings`). An
update writes only the pairs of its own documents' words beside it (spellings-added.json, key →
terms), so it neither reads nor rewrites the whole map. Both files are read together, and the
added pairs are folded into spellings.npz once they are a sizeable share of it. A version
written before spellings.npz (its whole map in spellings.json) still opens, and its next update
writes spellings.npz. The words whose pairs the map holds are listed too (spellings-words.txt),
so an update works out the pairs of the words it has never met only.
"""

from __future__ import annotations

import io
import json
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from indexer.analysis import exact_key, variant_keys, words
from indexer.analysis.keys import (
    MILD,
    SKELETON,
    index_keys,
    keys_as_recorded,
    keys_without_skeletons,
    meets_by_light_key,
    meets_by_mild_key,
    meets_by_skeleton,
    skeleton_checked,
)
from indexer.analysis.synonyms import bridged

FILENAME = "spellings.npz"
LEGACY = "spellings.json"  # the whole map as JSON, as versions written before FILENAME hold it
ADDED = "spellings-added.json"  # pairs added by updates since FILENAME was written
WORDS = "spellings-words.txt"  # every word as written whose pairs the map holds, one a line
FOLD_SHARE = 0.1  # fold ADDED into FILENAME once it is this share of its size
GROUP = "="  # how a group key of the names table starts (indexer.analysis.synonyms)
HEAD = 16  # bytes of each key kept in a fixed-width array for numpy's binary search
DECODE_UNIQUE = 64  # terms of a look-up above which their numbers are made distinct first
# longest key or term, in UTF-8, that save_pairs sorts in a fixed-width array: that many bytes
# a pair
NUMPY_SORT_BYTES = 64


CACHE_LIMIT = 500_000  # words whose pairs are kept per process (a few tens of MB)
_PAIRS: dict[str, tuple[tuple[str, str], ...]] = {}


def variant_pairs(text: str) -> set[tuple[str, str]]:
    """(key, exact term) for each distinct word of `text` whose variant key differs from it."""
    return pairs_of_words(set(words(text)))


def pairs_of_words(distinct: set[str]) -> set[tuple[str, str]]:
    """variant_pairs of these distinct words, each word's pairs worked out once per process
    (an archive repeats most words)."""
    known = _PAIRS
    if len(known) >= CACHE_LIMIT:
        known.clear()
    # in case-blind order, a word in lower case just before its capitalized form: the two
    # share most of their keys' work through the analysis caches (a sixth of the time at
    # 10,000 documents), and most often all their keys (keys.words.index_keys)
    for word in sorted(distinct.difference(known), key=_lower_case_first):
        exact = exact_key(word)
        known[word] = tuple((k, exact) for k in index_keys(word) if k != exact)
    return set().union(*map(known.__getitem__, distinct))


def _lower_case_first(word: str) -> tuple[str, bool]:
    return word.lower(), not word.islower()


class SpellingMap:
    """Key → indexed terms: a packed, read-only part (a saved map) and pairs added in memory."""

    def __init__(self, data: dict[str, list[str]] | None = None, packed: _Packed | None = None):
        self._packed = packed
        self._terms: dict[str, set[str] | list[str]] = dict(data or {})
        self._added: set[tuple[str, str]] = set()
        self._sorted_keys: list[str] | None = None  # of _terms, for prefix look-ups
        self._keys_of: dict[str, list[str]] | None = None  # term -> keys, of _terms
        self._groups_of: dict[str, set[str]] | None = None  # term -> group keys, both parts

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        pairs = set(pairs).difference(self._added)  # most pairs were added before
        self._added.update(pairs)
        self._sorted_keys = self._keys_of = self._groups_of = None
        for key, term in pairs:
            terms = self._terms.get(key)
            if terms is None:
                self._terms[key] = {term}
            elif isinstance(terms, set):
                terms.add(term)
            elif term not in terms:
                self._terms[key] = {*terms, term}

    def _get(self, key: str) -> Iterable[str]:
        added = self._terms.get(key, ())
        if self._packed is None:
            return added
        saved = self._packed.terms_of(key)
        return saved.union(added) if added else saved

    def spellings(self, word: str, skeletons: bool = True) -> set[str]:
        """Indexed terms that may be another spelling of `word` (its exact key excluded).

        Without `skeletons`, only the light key (the word romanized and folded) and the name
        tables' groups count, not the consonant skeletons that guess at unlisted names. A word
        of a group of the tables meets a word they list for other groups only through a group
        the two share (_resolved)."""
        keys = variant_keys(word) if skeletons else keys_without_skeletons(word)
        return self._resolved(keys, exact_key(word))

    def _resolved(self, keys: Iterable[str], exact: str) -> set[str]:
        """The terms `keys` find, but a word of a group of the tables (a group key among
        `keys`) meets a term recorded under other groups only through a group the two share
        (_grouped_elsewhere), not by its light, skeleton, scheme, mild or bare keys."""
        keys = list(keys)
        groups = [k for k in keys if k.startswith(GROUP)]
        if not groups:
            return self._asked(keys, exact)
        sure = [k for k in keys if k[:1].isalnum() or k.startswith(GROUP)]
        found = self._asked(sure, exact)
        guessed = self._asked([k for k in keys if k not in sure], exact) - found
        return found | {t for t in guessed if not self._grouped_elsewhere(t, groups)}

    def _grouped_elsewhere(self, term: str, groups: list[str]) -> bool:
        """Whether `term` is recorded under groups other than `groups` only, both of the
        region (its places and the curated tables) or both beyond it: then another key `term`
        shares with a word of `groups` is no evidence that it names their place (Dalar, a
        village of Armenia, is not Dallar, one of Azerbaijan). A spelling of a place of the
        region may name a place elsewhere too (Saruhan, a town of Turkey, is how Turkish
        writes Armenia's Sarukhan)."""
        theirs = self._grouped().get(term)
        if not theirs or not theirs.isdisjoint(groups):
            return False
        return _of_region(theirs) == _of_region(groups)

    def _grouped(self) -> dict[str, set[str]]:
        """Each term recorded under a group key, with those keys: the words the tables list,
        and those a link by skeleton or a scheme key joins to a group."""
        if self._groups_of is None:
            self._groups_of = {}
            saved = self._packed.items_under_prefix(GROUP) if self._packed is not None else []
            added = ((k, t) for k, t in self._terms.items() if k.startswith(GROUP))
            for key, terms in (*saved, *added):
                for t in terms:
                    self._groups_of.setdefault(t, set()).add(key)
        return self._groups_of

    def recorded_spellings(self, term: str) -> set[str]:
        """spellings(term, skeletons=False) for an indexed term (a prefix's completion), by the
        keys this map recorded it under rather than by its keys worked out again
        (keys_as_recorded)."""
        return self._resolved(keys_as_recorded(term, self.recorded_keys(term)), term)

    def recorded_keys(self, term: str) -> list[str]:
        """The keys whose terms include `term`."""
        if self._keys_of is None:
            self._keys_of = {}
            for key, terms in self._terms.items():
                for t in terms:
                    self._keys_of.setdefault(t, []).append(key)
        saved = self._packed.keys_of(term) if self._packed is not None else []
        return saved + self._keys_of.get(term, [])

    def _asked(self, keys: Iterable[str], exact: str) -> set[str]:
        out: set[str] = set()
        checked = skeleton_checked(exact)
        for key in keys:
            if key[:1].isalnum():  # a light key is itself a word some documents may use
                out.add(key)
                out.update(t for t in self._get(key) if meets_by_light_key(t, exact))
            elif key.startswith(MILD):  # romanized as the light key, ы and и alike
                out.update(t for t in self._get(key) if meets_by_mild_key(t, exact))
            elif checked and key.startswith(SKELETON):  # surnames one voicing apart, ə and e
                out.update(t for t in self._get(key) if meets_by_skeleton(t, exact))
            else:
                out.update(self._get(key))
        out.discard(exact)
        return out

    def terms_of(self, key: str) -> set[str]:
        """The indexed terms recorded under one key."""
        return set(self._get(key))

    def group_spellings(self, stem: str) -> set[str]:
        """The indexed terms of every names-table group that `stem` belongs to."""
        found: set[str] = set()
        for key in keys_without_skeletons(stem):
            if key.startswith(GROUP):
                found |= self.terms_of(key)
        return found

    def _sorted(self) -> list[str]:
        """The keys added in memory, in order (sorted once, on first use), for prefix look-ups;
        a saved map's keys are in order on disk already."""
        if self._sorted_keys is None:
            self._sorted_keys = sorted(self._terms)
        return self._sorted_keys

    def prepare(self) -> None:
        """Work out now what the first prefix query, or the first of a listed name, would
        otherwise wait for."""
        self._sorted()
        self.recorded_keys("")  # any term: the map read the other way, both parts
        self._grouped()

    def terms_under_prefix(self, prefix: str) -> set[str]:
        """Terms recorded under every key that starts with `prefix` (for prefix queries)."""
        keys = self._sorted()
        out = self._packed.terms_under_prefix(prefix) if self._packed is not None else set()
        for i in range(bisect_left(keys, prefix), len(keys)):
            if not keys[i].startswith(prefix):
                break
            out.update(self._terms[keys[i]])
        return out

    def as_dict(self) -> dict[str, set[str]]:
        """Every key with its terms."""
        out = {key: set(terms) for key, terms in self._terms.items()}
        if self._packed is not None:
            for key, terms in self._packed.items():
                mine = out.get(key)
                out[key] = mine.union(terms) if mine else set(terms)
        return out

    def __len__(self) -> int:
        if self._packed is None:
            return len(self._terms)
        return len(self._packed.keys) + sum(k not in self._packed for k in self._terms)

    def save(self, folder: Path) -> None:
        """Write the whole map as `folder`'s spelling map (a full build, or folding ADDED in)."""
        # a full build's map is all in _terms: written as it is, not copied first
        _write_packed(folder, self._terms if self._packed is None else self.as_dict())
        # links to the previous version's files, if any: their pairs are in FILENAME now
        (folder / ADDED).unlink(missing_ok=True)
        (folder / LEGACY).unlink(missing_ok=True)

    def save_added(self, folder: Path) -> None:
        """Add this map's pairs to the spelling map `folder` holds already (an update): only
        the pairs of the new documents are written, beside the whole map, until they are too
        many and the two files are folded into one."""
        size = _size(folder / FILENAME)
        if size is None:
            # no saved map in this format (a version written as JSON): written whole, once
            merged = SpellingMap.load(folder)
            merged.add((k, t) for k, terms in self._terms.items() for t in terms)
            merged.save(folder)
            return
        added = _read(folder / ADDED)
        for key, terms in self._terms.items():
            added[key] = {*added.get(key, ()), *terms}
        _write(folder, ADDED, added)
        if _size(folder / ADDED) > FOLD_SHARE * size:
            SpellingMap.load(folder).save(folder)

    @classmethod
    def load(cls, folder: Path) -> SpellingMap:
        packed = _Packed.read(folder / FILENAME)
        spellings = cls(None if packed is not None else _read(folder / LEGACY), packed)
        added = _read(folder / ADDED)
        if added:
            spellings.add((k, t) for k, terms in added.items() for t in terms)
            spellings._added.clear()  # only a cache of what add() saw, not worth its memory
        return spellings


class _Texts(Sequence):
    """Strings stored as one UTF-8 byte array and offsets: item i is text[offsets[i]:
    offsets[i + 1]], decoded on access (so `bisect` works on it without decoding them all)."""

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


class _Packed:
    """A saved map: keys in code point order (the order of their UTF-8 bytes too), the
    distinct terms, and for key i the term numbers members[starts[i]:starts[i + 1]]; and the
    other way round, for term j the key numbers term_keys[term_starts[j]:term_starts[j + 1]]
    (a map saved before those two arrays works them out when first asked)."""

    ARRAYS = ("key_text", "key_offsets", "term_text", "term_offsets", "starts", "members")
    INVERSE = ("term_starts", "term_keys")

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.keys = _Texts(arrays["key_text"], arrays["key_offsets"])
        self.terms = _Texts(arrays["term_text"], arrays["term_offsets"])
        self._starts, self._members = arrays["starts"], arrays["members"]
        self._heads = _heads(arrays["key_text"], arrays["key_offsets"])
        self._term_text = (arrays["term_text"], arrays["term_offsets"])
        self._term_heads: np.ndarray | None = None  # only prefix queries ask for a term's keys
        self._inverse = tuple(arrays[name] for name in self.INVERSE if name in arrays) or None

    def _position(self, key: str) -> int:
        """bisect_left(self.keys, key)."""
        return _bisect(self.keys, self._heads, _encoded(key))

    @classmethod
    def read(cls, path: Path) -> _Packed | None:
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
        j = _bisect(self.terms, self._term_heads, _encoded(term))
        if j == len(self.terms) or self.terms[j] != term:
            return []
        term_starts, term_keys = self._inverse
        return [self.keys[k] for k in term_keys[term_starts[j] : term_starts[j + 1]].tolist()]

    def _find(self, key: str) -> int | None:
        encoded = _encoded(key)
        i = _bisect(self.keys, self._heads, encoded)
        return i if i < len(self.keys) and self.keys.encoded(i) == encoded else None

    def __contains__(self, key: str) -> bool:
        return self._find(key) is not None

    def terms_of(self, key: str) -> set[str]:
        i = self._find(key)
        if i is None:
            return set()
        return self._decode(self._members[self._starts[i] : self._starts[i + 1]])

    def _range(self, prefix: str) -> range:
        """The numbers of the keys that start with `prefix`: they sort from it up to, not
        including, the prefix with its last character raised by one."""
        if not prefix:
            return range(len(self.keys))
        return range(self._position(prefix), self._position(prefix[:-1] + chr(ord(prefix[-1]) + 1)))

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


def _bisect(texts: _Texts, heads: np.ndarray, encoded: bytes) -> int:
    """bisect_left(texts, the text `encoded` in UTF-8): numpy's binary search over their first
    HEAD bytes (`heads`), then a bisection, comparing bytes, among the few that share them (a
    bisection over all keys decoded some twenty, a quarter of resolving a query's words)."""
    head = encoded[: heads.itemsize]
    lo = int(heads.searchsorted(head, "left"))
    if len(head) < heads.itemsize and b"\0" not in head:
        return lo  # shorter than a head, the text is its whole head: it sorts where that does
    hi = int(heads.searchsorted(head, "right"))
    return bisect_left(range(len(texts)), encoded, lo, hi, key=texts.encoded)


def _encoded(text: str) -> bytes:
    # a surrogate is only met as a prefix raised by one; UTF-8 keeps it in code point order
    return text.encode("utf-8", "surrogatepass")


def _of_region(group_keys: Iterable[str]) -> bool:
    """Whether one of these group keys is of a place of Azerbaijan or Armenia or of a group of
    the curated tables."""
    region = bridged()
    return any(k[len(GROUP) :] in region for k in group_keys)


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


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _write(folder: Path, filename: str, terms: dict) -> None:
    data = {k: sorted(v) for k, v in sorted(terms.items())}
    tmp = folder / (filename + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    tmp.replace(folder / filename)  # a new file: the previous version's hard link is kept


def save_pairs(folder: Path, pairs: set[tuple[str, str]]) -> None:
    """Write the (key, term) `pairs` as `folder`'s whole spelling map, as SpellingMap.save
    writes the map that holds them (a full build: its pairs need no map in memory first)."""
    listed = list(pairs)
    keys, key_of = _numbered([k for k, _ in listed])
    distinct, term_of = _numbered([t for _, t in listed])
    order = np.lexsort((term_of, key_of))  # by key, each key's terms in order
    starts = np.searchsorted(key_of[order], np.arange(len(keys) + 1))
    _write_arrays(folder, keys, distinct, starts, term_of[order].astype(np.int32))


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


def _write_packed(folder: Path, terms: dict[str, Iterable[str]]) -> None:
    keys = sorted(terms)
    distinct = sorted({t for ts in terms.values() for t in ts})
    number = {t: i for i, t in enumerate(distinct)}
    counts = np.fromiter((len(terms[k]) for k in keys), np.int64, len(keys))
    starts = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(counts, out=starts[1:])
    flat = np.fromiter((number[t] for k in keys for t in terms[k]), np.int32, int(starts[-1]))
    # each key's term numbers in order: one sort by (key, term), not one sort per key
    members = flat[np.lexsort((flat, np.repeat(np.arange(len(keys)), counts)))]
    _write_arrays(folder, keys, distinct, starts, members)


def _write_arrays(folder: Path, keys: list[str], distinct: list[str], starts, members) -> None:
    key_text, key_offsets = _Texts.pack(keys)
    term_text, term_offsets = _Texts.pack(distinct)
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
    tmp = folder / (FILENAME + ".tmp")
    tmp.write_bytes(buffer.getbuffer())
    tmp.replace(folder / FILENAME)  # a new file: the previous version's hard link is kept


def load_words(folder: Path) -> set[str]:
    """The words as written whose pairs `folder`'s map holds (empty if unknown)."""
    try:
        text = (folder / WORDS).read_text("utf-8")
    except OSError:
        return set()
    return set(text.split("\n")) - {""}


def save_words(folder: Path, written: set[str]) -> None:
    tmp = folder / (WORDS + ".tmp")
    tmp.write_text("\n".join(written), "utf-8")  # no word holds a line break
    tmp.replace(folder / WORDS)  # a new file: the previous version's hard link is kept
