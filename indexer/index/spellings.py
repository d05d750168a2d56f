"""The spelling map: which words of the index are other spellings of a query word.

The index holds each word once, as its exact key (one posting per word, as plain full-text
search). Spelling variants are resolved at query time instead: every variant key of every
indexed word that differs from the word itself is recorded here (key → exact terms), so a
query word expands to the indexed spellings that share one of its keys:

    Hojaly → keys {hojaly, #…, =PL-khojaly} → terms {khojaly, xocalı, ходжалы, …}

The map is saved with each index version and only grows with incremental builds; a term whose
documents were removed simply matches nothing. A full build writes spellings.npz
(indexer.index.packed_map), which a search process opens in milliseconds and which holds the
map read the other way too, each term's keys, so that a prefix's completions, many words, find
their other spellings by the keys recorded for them (`recorded_spellings`). An update writes
only the pairs of its own documents' words beside it (spellings-added.json, key → terms), so it
neither reads nor rewrites the whole map. Both files are read together, and the added pairs are
folded into spellings.npz once they are a sizeable share of it. A version written before
spellings.npz (its whole map in spellings.json) still opens, and its next update writes
spellings.npz. The words whose pairs the map holds are listed too (spellings-words.txt), so an
update works out the pairs of the words it has never met only (spelling_pairs.py, where a
word's pairs are worked out).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path

from indexer.analysis import exact_key, variant_keys
from indexer.analysis.keys import (
    MILD,
    SKELETON,
    keys_as_recorded,
    keys_without_skeletons,
    meets_by_light_key,
    meets_by_mild_key,
    meets_by_skeleton,
    skeleton_checked,
)
from indexer.analysis.synonyms import bridged
from indexer.index.packed_map import PackedMap, write_map, write_pairs

FILENAME = "spellings.npz"
LEGACY = "spellings.json"  # the whole map as JSON, as versions written before FILENAME hold it
ADDED = "spellings-added.json"  # pairs added by updates since FILENAME was written
FOLD_SHARE = 0.1  # fold ADDED into FILENAME once it is this share of its size
GROUP = "="  # how a group key of the names table starts (indexer.analysis.name_forms.group_key)


class SpellingMap:
    """Key → indexed terms: a packed, read-only part (a saved map) and pairs added in memory."""

    def __init__(self, data: dict[str, list[str]] | None = None, packed: PackedMap | None = None):
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
        write_map(folder / FILENAME, self._terms if self._packed is None else self.as_dict())
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
        packed = PackedMap.read(folder / FILENAME)
        spellings = cls(None if packed is not None else _read(folder / LEGACY), packed)
        added = _read(folder / ADDED)
        if added:
            spellings.add((k, t) for k, terms in added.items() for t in terms)
            spellings._added.clear()  # only a cache of what add() saw, not worth its memory
        return spellings


def _of_region(group_keys: Iterable[str]) -> bool:
    """Whether one of these group keys is of a place of Azerbaijan or Armenia or of a group of
    the curated tables."""
    region = bridged()
    return any(k[len(GROUP) :] in region for k in group_keys)


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
    write_pairs(folder / FILENAME, pairs)
