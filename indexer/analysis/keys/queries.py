"""The keys a query asks the spelling map for: a word's own keys (words.py), each skeleton
also under the other marks it may be recorded with and a plain Latin word's bare spellings
(variant_keys), and without the skeletons for a listed word and a prefix's completions
(keys_without_skeletons, keys_as_recorded).
"""

from __future__ import annotations

from collections.abc import Iterable

from indexer.caching import bounded_cache

from ..casing import capitalized, same_letters
from ..lexicon import is_common_word, is_english_word
from ..romanize import strip_apostrophe_suffix
from ..schemes import CYRILLIC_SCHEME, SCHEME
from .cyrillic import other_endings
from .marks import (
    BARE,
    CYRILLIC_RE,
    CYRILLIC_SKELETON,
    FOLDED,
    KEPT,
    SKELETON,
    SWAP,
    bare_skeleton,
    is_skeleton,
)
from .recorded import carried_keys
from .words import light_key, own_keys


@bounded_cache(max_bytes=4_000_000)
def variant_keys(word: str) -> tuple[str, ...]:
    """The keys a query for `word` asks the spelling map for (module docstring): its own keys,
    and for a Latin or Armenian word each skeleton also as a Cyrillic word records it. A build
    asks for index_keys only (recorded.py), which leave these copies out."""
    word = same_letters(word)
    keys = _bare_query(word, _asked_own_keys(word))
    if CYRILLIC_RE.search(word.lower()):
        # a Cyrillic word meets the Latin spellings as written (SKELETON, KEPT), those that
        # read one a as its е (SWAP), and when it has no е, those that write e for any of its
        # а (FOLDED: Гасанов, Hesenov)
        plain = [bare_skeleton(k) for k in keys if is_skeleton(k) and not _swap(k)]
        latin = (
            mark + k
            for k in plain
            for mark in (SKELETON, KEPT, SWAP, *((FOLDED,) if "E" not in k else ()))
        )
        endings = (other for k in keys for other in other_endings(k))
        return tuple(dict.fromkeys((*keys, *endings, *latin)))
    asked = (k for key in keys if not _swap(key) for k in _asked(key))
    cyrillic = (CYRILLIC_SKELETON + bare_skeleton(k) for k in keys if is_skeleton(k))
    return tuple(dict.fromkeys((*asked, *cyrillic)))


def keys_without_skeletons(word: str) -> tuple[str, ...]:
    """variant_keys without the skeletons: what a listed word and a prefix's completions ask
    for (search.resolve), spared the work of asking every skeleton under each mark it may be
    recorded with, which a prefix query's hundreds of completions would each pay."""
    word = same_letters(word)
    keys = _bare_query(word, _asked_own_keys(word))
    return tuple(dict.fromkeys(k for k in keys if not k.startswith(SKELETON)))


def _asked_own_keys(word: str) -> tuple[str, ...]:
    """The own keys a query for `word` asks for. A reader types a name in lower case too: a
    word with ə asks first for the keys a capital gives it, with ə read as English writes it
    in names (əziz: Aziz; əli: Ali; words.own_keys)."""
    own = own_keys(word)
    if word.islower() and "ə" in word:
        return tuple(dict.fromkeys(own_keys(capitalized(word)) + own))
    return own


def keys_as_recorded(term: str, recorded: Iterable[str]) -> tuple[str, ...]:
    """keys_without_skeletons for an indexed `term`, read from the keys the spelling map
    recorded it under (`recorded`: index_keys of the words documents write so) instead of
    worked out again: a prefix has many completions, and working out one word's keys takes a
    tenth of a millisecond. The keys are those of the words as the documents write them (a
    word in lower case names no place elsewhere, index_keys). A Cyrillic word recorded its
    scheme key for Latin words, and asks for theirs; a Latin or Armenian word asks for
    Cyrillic words' scheme keys too."""
    cyrillic = CYRILLIC_RE.search(term) is not None
    keys = [light_key(term)]
    carried = carried_keys(term)  # a compound's other word's: a query for it asks its own
    for key in recorded:
        if key.startswith(SKELETON) or key in carried:
            continue
        if cyrillic and key.startswith(CYRILLIC_SCHEME):
            keys.append(SCHEME + key[len(CYRILLIC_SCHEME) :])
        elif not cyrillic and key.startswith(SCHEME):
            keys += [key, CYRILLIC_SCHEME + key[len(SCHEME) :]]
        else:
            keys.append(key)
    return tuple(dict.fromkeys(_bare_query(term, tuple(keys))))


def _asked(key: str) -> tuple[str, ...]:
    """A Latin word's own key and the other marks its skeleton may be recorded with (marks.py):
    a skeleton as written is also asked with KEPT, a name's that keeps its vowels, and when it
    has no e with FOLDED, a word's with an e there (Mammadov: Memmedov); a folded one also as
    written, a word's with no e (Memmedov: Mammadov); a name's that keeps its vowels also as
    written, an unlisted spelling's (Chany: Tchany)."""
    if not is_skeleton(key):
        return (key,)
    bare = bare_skeleton(key)
    if key.startswith((FOLDED, KEPT)):
        return (key, SKELETON + bare)
    return (key, KEPT + bare, *((FOLDED + bare,) if "E" not in bare else ()))


def _bare_query(word: str, keys: tuple[str, ...]) -> tuple[str, ...]:
    """`keys` as a query asks for them: a word of plain Latin letters also asks for the bare
    spellings recorded (Semkir finds Şəmkir), and a Turkic word asks for its bare spelling as
    the light key of a word of plain Latin letters (Şəmkir finds Semkir). That light key may
    also be another Turkic word's whose ö, ü or ç it folds (Koştum: kostum, Kostüm): of the
    5,256 pairs of wordfreq's 100,000 most frequent Turkish words (lower case and capitalized)
    that share a bare spelling, 13 meet so."""
    if word.isascii() and keys[0].isalpha():
        if is_english_word(keys[0]) or is_common_word(strip_apostrophe_suffix(word)):
            return keys  # never a bare spelling recorded (bare.py)
        return (*keys, BARE + keys[0])
    return tuple(k[len(BARE) :] if k.startswith(BARE) else k for k in keys)


def _swap(key: str) -> bool:
    return key.startswith(SWAP)
