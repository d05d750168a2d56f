"""Lower-casing that keeps one character per character.

Python's 'İ'.lower() is 'i' plus a combining dot (two characters), and 'I'.lower() is 'i'
where Azerbaijani and Turkish mean the dotless 'ı'. Both break the promise that a key has
the shape of the text it came from, so casing is done letter by letter here.
"""

from __future__ import annotations

import re
import unicodedata

from indexer.caching import bounded_cache

# Letters only Azerbaijani or Turkish use: a word that has one reads 'I' as dotless 'ı'.
TURKIC_LETTERS = frozenset("əƏıİşŞğĞ")

_TURKIC_CAPITALS = {"i": "İ", "ı": "I"}

# Other letters texts type for Azerbaijani's ə: the turned e ǝ (ISO 3166-2 and other lists:
# Kǝngǝrli), and in a Latin word the Cyrillic ә of a keyboard without ə (Әliyev, Şәki).
_TURNED_E = str.maketrans("ǝƎ", "əƏ")
_CYRILLIC_SCHWA = str.maketrans("әӘ", "əƏ")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


# a q that is Azerbaijani's (Qarabağ, Quba, Qurbanov), not English's qu and a vowel (Quinn),
# in a lower-case word
QARA_RE = re.compile(r"q(?!u[aeiouy])")


def same_letters(word: str) -> str:
    """`word` with the letters that stand in for ə written as ə, so that every key and the
    exact key read Kǝngǝrli and Әliyev as Kəngərli and Əliyev (one character per character)."""
    if word.isascii():
        return word
    word = word.translate(_TURNED_E)
    if "ә" in word or "Ә" in word:
        latin = word.translate(_CYRILLIC_SCHWA)
        if _CYRILLIC_RE.search(latin) is None:
            return latin
    return word


def is_turkic(word: str) -> bool:
    return any(ch in TURKIC_LETTERS for ch in word)


def lower(word: str) -> str:
    """`word` lower-cased, same length as its NFC form, Turkic 'I'/'İ' handled."""
    # most words are ASCII: without Turkic letters or İ, str.lower is the letter-by-letter
    # casing below, and costs less than a cache's miss
    if word.isascii():
        return word if word.islower() else word.lower()
    return _lower(word)


def capitalized(word: str) -> str:
    """A word in lower case with a capital, Turkic i and ı as İ and I: a word with ə is
    Azerbaijani (içəri: İçəri, not Içəri, which lower reads back as ıçəri)."""
    first = word[:1]
    turkic = _TURKIC_CAPITALS.get(first) if is_turkic(word) else None
    return (turkic or first.upper()) + word[1:]


@bounded_cache(max_bytes=4_000_000)
def _lower(word: str) -> str:
    word = same_letters(unicodedata.normalize("NFC", word))
    if word.islower() and "İ" not in word:
        return word
    dotless = is_turkic(word)
    out = []
    for ch in word:
        if ch == "İ":
            out.append("i")
        elif ch == "I":
            out.append("ı" if dotless else "i")
        else:
            low = ch.lower()
            out.append(low if len(low) == 1 else ch)
    return "".join(out)
