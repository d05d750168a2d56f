"""Whether a word gets a name's keys (names.py), and how it is read for them: romanized,
Turkic or Cyrillic, the stems its skeletons start from and the consonant classes they need.
An ordinary English, Russian or Turkish word (unless listed), a Russian verb, and a short or
non-alphabetic word get none.
"""

from __future__ import annotations

import re

from ..casing import QARA_RE, is_turkic, lower
from ..lexicon import in_websters, is_common_word, is_english_as_written
from ..name_facts import is_turkish_spelling
from ..romanize import romanize_for_keys, strip_apostrophe_suffix
from .marks import ARMENIAN_RE, CYRILLIC_RE, MIN_LENGTH, RUSSIAN_VERB_RE
from .stems import (
    ARMENIAN_HOV_RE,
    ARMENIAN_MARKS_RE,
    ARMENIAN_SURNAME_RE,
    CLASSICAL_LENGTH,
    CLASSICAL_SURNAME_RE,
    word_stems,
)

MIN_CONSONANTS = 2
# The marks with which scholarly schemes romanize Russian's signs, ligatures and й (Kʺuba,
# Bankaʹ, K”uba, Ai͡ar, Kaĭk), and Armenian's aspiration: ALA-LC's ʻ, or ISO 9985's ʼ beside
# a letter of its own (č, š, ž, ǰ, ṙ), since ʼ alone is also an apostrophe (dogʼs) and those
# letters alone are Czech and Croatian (mučnine). A word written so is a romanized name, never
# an English word, even when its letters spell one (kuba, a rug; ajar; kaik; Chʻinar, Čʼinar:
# chinar)
_ROMANIZATION_MARK_RE = re.compile(
    "[\u02b9\u02ba\u0361\u201d\u012d\u02bb]|\u02bc.*[čšžǰṙ]|[čšžǰṙ].*\u02bc", re.IGNORECASE
)
_AS_WRITTEN_RE = re.compile("[çöüşğıə]")


def consonant_count(skeleton: str) -> int:
    return sum(map(str.islower, skeleton))


def _classical_surname(word: str, latin: str) -> bool:
    """Whether a word without ALA-LC's marks is an Armenian surname in the classical spelling
    (stems.CLASSICAL_SURNAME_RE: Petrosean, Sargsean; not Korean, Galilean or Sălăjean)."""
    return (
        len(latin) >= CLASSICAL_LENGTH
        and CLASSICAL_SURNAME_RE.search(latin) is not None
        and _ROMANIAN_RE.search(word.lower()) is None
        and not in_websters(latin)
    )


_ROMANIAN_RE = re.compile("[ăâîșşțţ]")


def name_reading(word: str, listed: bool) -> tuple[str, bool, bool, list[str], int] | None:
    """(romanized word, Turkic?, Cyrillic?, stems, consonant classes its skeletons need), or
    None when the aggressive rules do not apply to the word (see names.name_keys). The stems
    of a people's name (stems.people_stems) are not among them."""
    low = lower(strip_apostrophe_suffix(word))
    latin = romanize_for_keys(word)
    if len(latin) < MIN_LENGTH or not latin.isalpha():
        return None
    plain = low.isascii()  # most words: neither script's letters, found without a search
    cyrillic = not plain and bool(CYRILLIC_RE.search(low))
    armenian_letters = not plain and bool(ARMENIAN_RE.search(low))
    # a word in another script is no English word, though it may romanize to one (Չինար: chinar)
    if (
        not listed
        and not _ROMANIZATION_MARK_RE.search(word)
        and (
            (is_english_as_written(latin, word) and not (cyrillic or armenian_letters))
            or _ordinary(strip_apostrophe_suffix(word))
        )
    ):
        return None
    if cyrillic and RUSSIAN_VERB_RE.search(low):
        return None
    turkic = is_turkic(low) or bool(QARA_RE.search(latin))
    armenian = bool(
        ARMENIAN_SURNAME_RE.search(latin)
        or (ARMENIAN_HOV_RE.match(latin) and not turkic)
        or ARMENIAN_MARKS_RE.search(word)
        or armenian_letters
        or _classical_surname(word, latin)
    )
    # A four-letter word needs three consonant classes: two are shared by too many short
    # words (xala/hala, qala/gala, dənə/dana); those get only the mild key. A listed name of
    # four letters is a name, not one of those words: two do (Quba: Gouba, Kuuba, Kyuba).
    consonants = MIN_CONSONANTS if len(latin) > MIN_LENGTH or listed else MIN_CONSONANTS + 1
    frequent = turkic and is_common_word(low)
    stems = word_stems(
        latin, turkic, cyrillic, armenian, word.islower(), armenian_letters, frequent
    )
    return latin, turkic, cyrillic, stems, consonants


def _ordinary(word: str) -> bool:
    """An ordinary Russian or Turkish word, not a name of the region as Turkish writes it: a
    Turkish word with endings the list does not hold may be one (hocalı, with a teacher, is
    Xocalı; the list leaves out such words it holds, generate/words.py)."""
    if not is_common_word(word):
        return False
    return bool(CYRILLIC_RE.search(word.lower())) or not is_turkish_spelling(word, region=True)


def as_written(word: str) -> bool:
    """Whether `word` has a letter of the Turkish or Azerbaijani alphabet, which writes each
    vowel as it sounds: its e never stands for a Russian ё or и (skeleton.py)."""
    return bool(_AS_WRITTEN_RE.search(word.lower()))
