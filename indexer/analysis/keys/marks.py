"""What the key modules share: the marks that begin each kind of key (so a skeleton never
equals a real word, and a query word's light key never matches another word's skeleton) and
the tests of a word's script."""

from __future__ import annotations

import re

MIN_LENGTH = 4  # shorter words are too many and too alike: xal/hal, qar/kar, Han/Khan
SKELETON = "#"  # key prefixes: never in a word, and not the search core's own mark "~"
MILD = "^"
# A Cyrillic word's skeletons: recorded with CYRILLIC_SKELETON for Latin and
# Armenian words, and with the word's ы, и, ё, ж, ш, щ and ч after LETTERS_MARK for Cyrillic ones.
CYRILLIC_SKELETON = SKELETON + "&"
# A Latin word's skeletons with one a read as e or one e as a (names.py): recorded with
# SWAP for Cyrillic queries only, since Russian's а and е are letters of their own; between
# two Latin spellings they would undo a name that keeps its e apart from a (Alenjaq is not
# Alanjaq, Kamen not Kaman)
SWAP = SKELETON + "+"
# A Latin word's skeleton with a and e one class (names.py), recorded with FOLDED when it has
# an e, so that the word is found by another that writes an a there (Memmedov by Mammadov);
# the skeleton as written is recorded with SKELETON. A name that keeps its vowels apart (a
# place of Russia, Chany) records its skeleton with KEPT, which other words ask for only as
# they write it: Cheny, a town of France, meets no Chany, while Tchany does
# (queries.variant_keys asks each skeleton under the marks it may be recorded with)
FOLDED = SKELETON + "*"
KEPT = SKELETON + "="
LETTERS_MARK = "/"
# ... and after them, the ы or и of the ending the skeleton leaves out (вопросы, вопроси)
ENDING_MARK = "|"
# A Turkic word's bare spelling (bare.py) as the spelling map records it: only a query word of
# plain Latin letters asks for it, so two Turkic words with one bare spelling (Aşık, Asık)
# stay apart
BARE = "!"

CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
ARMENIAN_RE = re.compile(r"[\u0531-\u058f]")
RUSSIAN_VERB_RE = re.compile(r"(?:ть|ться|тся|чь)$")


def is_skeleton(key: str) -> bool:
    """A skeleton key as Latin words have it, SWAP ones too (not one with the ы/и letters of a
    Cyrillic word)."""
    return key.startswith(SKELETON) and LETTERS_MARK not in key


# SWAP, FOLDED and KEPT are SKELETON and one sign: bare_skeleton runs for every key of every
# word a build meets, so it tells them by that sign alone
_SECOND_SIGNS = frozenset(m[1] for m in (SWAP, FOLDED, KEPT))


def bare_skeleton(key: str) -> str:
    """A skeleton key without its SKELETON, SWAP, FOLDED or KEPT mark."""
    return key[2:] if key[1:2] in _SECOND_SIGNS else key[1:]


def marked(key: str) -> bool:
    """Whether `key` is a skeleton with a SWAP, FOLDED or KEPT mark."""
    return key[:1] == SKELETON and key[1:2] in _SECOND_SIGNS
