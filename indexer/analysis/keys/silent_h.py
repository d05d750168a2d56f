"""The skeletons of a name without the h that Russian leaves out.

Russian writes the initial h of Armenian, French and Spanish names as nothing (Harutyun,
Арутюн; Hambardzum, Амбарцум; Hollande, Олланд), where it writes г for that of German,
English or Azerbaijani ones (Hasan, Гасан), which the skeletons' consonant classes already
read as one. A Latin or Armenian name that begins with h and a vowel therefore also records
the skeletons of its spelling without the h, for Cyrillic words only (SWAP, as one a read as
е: marks.py): the Latin spellings of a Russian form keep meeting only the names they spell
(Ovik is no Hovik, Anna no Hanna).
"""

from __future__ import annotations

import re

from ..casing import lower
from ..lexicon import is_frequent_word
from ..romanize import romanize_for_keys
from .marks import CYRILLIC_RE, FOLDED, SWAP, bare_skeleton, is_skeleton
from .names import consonant_count, name_keys

_INITIAL_H_RE = re.compile("h(?=[aeiouəıöü])")
# consonant classes the skeleton without the h needs: the h is a guess on top of the
# skeleton's, so one more than a name's own (Halilan, _AlAn, is no Алена)
MIN_CONSONANTS = 3


def silent_h_keys(word: str, skeleton_keys: tuple[str, ...], turkic: bool | None) -> list[str]:
    """SWAP keys of `word` without its initial h, if it is a Latin or Armenian name
    (`skeleton_keys`: its own skeleton keys, none for an English or ordinary word), and not a
    Turkic word (`turkic`) or a frequent Turkish one written with a capital (Hastane,
    hospital): Russian writes their h as х or г (Хасан, Гасан)."""
    if not skeleton_keys or turkic or CYRILLIC_RE.search(word):
        return []
    if is_frequent_word(lower(word)):
        return []
    latin = romanize_for_keys(word)
    if not _INITIAL_H_RE.match(latin):
        return []
    rest = latin[1:].capitalize()
    # the word itself is a name: so is its rest, though English may have it as a word; the
    # skeletons as written and with one a read as е, not those with a and e one class, which
    # no Cyrillic word asks for
    return [
        SWAP + bare_skeleton(k)
        for k in name_keys(rest, listed=True)
        if is_skeleton(k)
        and not k.startswith(FOLDED)
        and consonant_count(bare_skeleton(k)) >= MIN_CONSONANTS
    ]
