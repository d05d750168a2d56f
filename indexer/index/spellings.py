"""The spelling map: which words of the index are other spellings of a query word.

The index holds each word once, as its exact key (one posting per word, as plain full-text
search). Spelling variants are resolved at query time instead: every variant key of every
indexed word that differs from the word itself is recorded here (key → exact terms), so a
query word expands to the indexed spellings that share one of its keys:

    Hojaly → keys {hojaly, #…, =PL-khojaly} → terms {khojaly, xocalı, ходжалы, …}

The map is saved with each index version and only grows with incremental builds; a term whose
documents were removed simply matches nothing. A full build writes spellings.json; an update
writes only the pairs of its own documents' words beside it (spellings-added.json, the same
shape), so it neither reads nor rewrites the whole map. Both files are read together, and the
added pairs are folded into spellings.json once they are a sizeable share of it. The words
whose pairs the map holds are listed too (spellings-words.txt), so an update works out the
pairs of the words it has never met only.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path

from indexer.analysis import WORD_RE, exact_key, variant_keys
from indexer.analysis.keys import SKELETON, index_keys

FILENAME = "spellings.json"
ADDED = "spellings-added.json"  # pairs added by updates since spellings.json was written
WORDS = "spellings-words.txt"  # every word as written whose pairs the map holds, one a line
FOLD_SHARE = 0.1  # fold ADDED into FILENAME once it is this share of its size
GROUP = "="  # how a group key of the names table starts (indexer.analysis.synonyms)


CACHE_LIMIT = 500_000  # words whose pairs are kept per process (a few tens of MB)
_PAIRS: dict[str, tuple[tuple[str, str], ...]] = {}


def variant_pairs(text: str) -> set[tuple[str, str]]:
    """(key, exact term) for each distinct word of `text` whose variant key differs from it."""
    return pairs_of_words(set(WORD_RE.findall(text)))


def pairs_of_words(words: set[str]) -> set[tuple[str, str]]:
    """variant_pairs of these distinct words, each word's pairs worked out once per process
    (an archive repeats most words)."""
    known = _PAIRS
    if len(known) >= CACHE_LIMIT:
        known.clear()
    for word in words.difference(known):
        exact = exact_key(word)
        known[word] = tuple((k, exact) for k in index_keys(word) if k != exact)
    return set().union(*map(known.__getitem__, words))


class SpellingMap:
    def __init__(self, data: dict[str, list[str]] | None = None):
        self._terms: dict[str, set[str] | list[str]] = dict(data or {})
        self._added: set[tuple[str, str]] = set()
        self._sorted_keys: list[str] | None = None  # for prefix look-ups, made on first use

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        pairs = set(pairs).difference(self._added)  # most pairs were added before
        self._added.update(pairs)
        self._sorted_keys = None
        for key, term in pairs:
            terms = self._terms.get(key)
            if terms is None:
                self._terms[key] = {term}
            elif isinstance(terms, set):
                terms.add(term)
            elif term not in terms:
                self._terms[key] = {*terms, term}

    def spellings(self, word: str, skeletons: bool = True) -> set[str]:
        """Indexed terms that may be another spelling of `word` (its exact key excluded).

        Without `skeletons`, only the light key (the word romanized and folded) and the name
        tables' groups count, not the consonant skeletons that guess at unlisted names."""
        exact = exact_key(word)
        out: set[str] = set()
        for key in variant_keys(word):
            if not skeletons and key.startswith(SKELETON):
                continue
            if key[:1].isalnum():  # a light key is itself a word some documents may use
                out.add(key)
            out.update(self._terms.get(key, ()))
        out.discard(exact)
        return out

    def terms_of(self, key: str) -> set[str]:
        """The indexed terms recorded under one key."""
        return set(self._terms.get(key, ()))

    def group_spellings(self, stem: str) -> set[str]:
        """The indexed terms of every names-table group that `stem` belongs to."""
        found: set[str] = set()
        for key in variant_keys(stem):
            if key.startswith(GROUP):
                found |= self.terms_of(key)
        return found

    def sorted_keys(self) -> list[str]:
        """The keys in order (sorted once, on first use), for prefix look-ups."""
        if self._sorted_keys is None:
            self._sorted_keys = sorted(self._terms)
        return self._sorted_keys

    def terms_under_prefix(self, prefix: str) -> set[str]:
        """Terms recorded under every key that starts with `prefix` (for prefix queries)."""
        keys = self.sorted_keys()
        out: set[str] = set()
        for i in range(bisect_left(keys, prefix), len(keys)):
            if not keys[i].startswith(prefix):
                break
            out.update(self._terms[keys[i]])
        return out

    def __len__(self) -> int:
        return len(self._terms)

    def save(self, folder: Path) -> None:
        """Write the whole map as `folder`'s spelling map (a full build)."""
        _write(folder, FILENAME, self._terms)
        (folder / ADDED).unlink(missing_ok=True)  # a link to the previous version's, if any

    def save_added(self, folder: Path) -> None:
        """Add this map's pairs to the spelling map `folder` holds already (an update): only
        the pairs of the new documents are written, beside the whole map, until they are too
        many and the two files are folded into one."""
        added = _read(folder / ADDED)
        for key, terms in self._terms.items():
            added[key] = {*added.get(key, ()), *terms}
        size = _size(folder / FILENAME)
        if size is None:
            self.save(folder)
            return
        _write(folder, ADDED, added)
        if _size(folder / ADDED) > FOLD_SHARE * size:
            SpellingMap.load(folder).save(folder)

    @classmethod
    def load(cls, folder: Path) -> SpellingMap:
        spellings = cls(_read(folder / FILENAME))
        added = _read(folder / ADDED)
        if added:
            spellings.add((k, t) for k, terms in added.items() for t in terms)
            spellings._added.clear()  # only a cache of what add() saw, not worth its memory
        return spellings


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


def load_words(folder: Path) -> set[str]:
    """The words as written whose pairs `folder`'s map holds (empty if unknown)."""
    try:
        text = (folder / WORDS).read_text("utf-8")
    except OSError:
        return set()
    return set(text.split("\n")) - {""}


def save_words(folder: Path, words: set[str]) -> None:
    tmp = folder / (WORDS + ".tmp")
    tmp.write_text("\n".join(words), "utf-8")  # no word holds a line break (WORD_RE)
    tmp.replace(folder / WORDS)  # a new file: the previous version's hard link is kept
