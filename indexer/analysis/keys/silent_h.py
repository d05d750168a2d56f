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
from .names import consonant_count

_INITIAL_H_RE = re.compile("h(?=[aeiouəıöü])")
_H_LEAD_RE = re.compile("k[A-Z]")  # the h's consonant class, and a vowel symbol
LEAD = "_"  # how a skeleton marks a leading vowel (skeleton.py)
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
    if not _INITIAL_H_RE.match(romanize_for_keys(word)):
        return []
    # the skeletons as written and with one a read as е, not those with a and e one class,
    # which no Cyrillic word asks for; the h is their first consonant class, k, before a
    # vowel, and without it that vowel leads (kArOdOn: _ArOdOn)
    out = []
    for key in skeleton_keys:
        bare = bare_skeleton(key)
        if key.startswith(FOLDED) or not is_skeleton(key) or not _H_LEAD_RE.match(bare):
            continue
        if consonant_count(bare) > MIN_CONSONANTS:  # the h's k is one of them
            out.append(SWAP + LEAD + bare[1:])
    return out
