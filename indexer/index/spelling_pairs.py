"""The spelling pairs of words: (variant key, exact term) for each key of a word that differs
from the word itself, as the spelling map (spellings.py) records them; and the words whose
pairs an index version's map holds (spellings-words.txt), so that an update works out the
pairs of the words it has never met only.
"""

from __future__ import annotations

from pathlib import Path

from indexer.analysis import exact_key, words
from indexer.analysis.keys import index_keys

WORDS = "spellings-words.txt"  # every word as written whose pairs the map holds, one a line
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
    # 10,000 documents), and most often all their keys (keys.recorded.index_keys)
    for word in sorted(distinct.difference(known), key=_lower_case_first):
        exact = exact_key(word)
        known[word] = tuple((k, exact) for k in index_keys(word) if k != exact)
    return set().union(*map(known.__getitem__, distinct))


def _lower_case_first(word: str) -> tuple[str, bool]:
    return word.lower(), not word.islower()


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
