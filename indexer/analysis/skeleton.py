"""The aggressive key for names: a skeleton of consonant classes.

Romanizations of one name differ in vowels (Aliyev, Aliev, Əliyev, Eliyev), in how a sound is
written (kh, x, h, ch, g, q, ğ, gh for the velars; j, c, dzh, dj, dsch, ch for /dʒ/), in
doubled letters (Mammadov, Mamedov), in voicing (Dashnak, Tashnak) and in the glide between
vowels (Alijew, Aliyev). The skeleton keeps what they share: the sequence of consonant classes,
with vowels dropped (Sarkisian meets Sargsyan) but a mark for a leading vowel, so that
Ermənistan is not Rmnstn's twin.

Letters whose sound depends on the language (ch: English /tʃ/, German /x/, French /ʃ/; j:
English /dʒ/, German /j/, Spanish /x/; c: Turkic /dʒ/, elsewhere /k/ or /s/) give one
skeleton per reading, at most MAX_READINGS of them.

Of the vowels only one is kept: the class of the last vowel before the last consonant, which
romanizations agree on (Aliyev, Aliev, Alijew: e) and which tells apart names that share
their consonants (Jamal/Jamil, Azeri/Azari, Hasan/Huseyn). Final vowels are case endings
(Карабаха, Khojalu) and are left out. Ə reads as a or e, so it gives both.

These rules merge ordinary words (hair/chair, van/wan), so the caller applies them to names
and foreign words only (see keys.py).
"""

from __future__ import annotations

import re

MAX_READINGS = 6
# Vowels are upper-case symbols: A (a), E (e), I (i ı y), O (o u ö ü ou); Ə is either A or E.
VOWELS = {"a": "A", "e": "E", "i": "I", "ı": "I", "y": "I", "o": "O", "u": "O", "ə": "Ə"}

# Longest spellings first; each maps to its reading(s). Classes: b (b p), d (d t), k (velars
# and h), c (palatals: j ch sh zh and Turkic c ç ş), s (s z ts dz), v (v w f), l, m, n, r.
UNITS: dict[str, tuple[str, ...]] = {
    "dsch": ("c",),
    "tsch": ("c",),
    "shch": ("c",),
    "dzh": ("c",),
    "sch": ("c",),
    "tch": ("c",),
    "dj": ("c",),
    "zh": ("c",),
    "sh": ("c",),
    "ch": ("c", "k"),
    "kh": ("k",),
    "gh": ("k",),
    "ck": ("k",),
    "qu": ("k",),
    "ts": ("s",),
    "tz": ("s",),
    "dz": ("s",),
    "ph": ("v",),
    "th": ("d",),
    "ou": ("O",),
    "b": ("b",),
    "p": ("b",),
    "d": ("d",),
    "t": ("d",),
    "k": ("k",),
    "g": ("k",),
    "q": ("k",),
    "x": ("k",),
    "h": ("k",),
    "s": ("s",),
    "z": ("s",),
    "v": ("v",),
    "w": ("v",),
    "f": ("v",),
    "l": ("l",),
    "m": ("m",),
    "n": ("n",),
    "r": ("r",),
}
_UNIT_RE = re.compile("|".join(sorted(UNITS, key=len, reverse=True)) + "|.", re.DOTALL)
_FRONT = frozenset("eiyəı")


def _readings(unit: str, nxt: str, last: bool, turkic: bool) -> tuple[str, ...]:
    if unit == "c":
        if turkic:
            return ("c",)
        return ("c", "s" if nxt in _FRONT else "k")
    if unit == "j":
        if turkic:
            return ("c",)  # Azerbaijani j is /ʒ/
        return ("c", "k") if last else ("c", "I")  # Karabaj; Alijew (j = y)
    if unit == "ch" and turkic:
        return ("c",)
    if unit in UNITS:
        return UNITS[unit]
    if unit in VOWELS:
        return (VOWELS[unit],)
    return ("I",) if unit.isalpha() else (unit,)


def _key(symbols: tuple[str, ...]) -> list[str]:
    """Consonant classes, a leading-vowel mark, and the class of the last vowel before the
    last consonant (the word's final vowels vary with case endings and are left out)."""
    key = "_" if symbols and symbols[0].isupper() else ""
    prev, run, last_vowel = None, "", ""
    for sym in symbols:
        if sym.isupper():
            run = sym  # a run of vowels counts as its last one: Jabrail's ai, Aliyev's iye
        else:
            if run:
                last_vowel, run = run, ""
            if sym != prev:
                key += sym
        prev = sym  # a vowel between two equal classes keeps both (Mammadov: m-m)
    if last_vowel == "Ə":
        return [f"{key}:a", f"{key}:e"]
    return [f"{key}:{last_vowel.lower()}"]


def skeletons(latin: str, turkic: bool = False) -> tuple[str, ...]:
    """Skeletons of a romanized word, one per reading, e.g. khojaly -> kcl:a."""
    units = _UNIT_RE.findall(latin)
    variants: list[tuple[str, ...]] = [()]
    for i, unit in enumerate(units):
        nxt = units[i + 1][0] if i + 1 < len(units) else ""
        options = _readings(unit, nxt, i == len(units) - 1, turkic)
        variants = [v + (o,) for v in variants for o in options][:MAX_READINGS]
    out: list[str] = []
    for v in variants:
        for key in _key(v):
            if key not in out:
                out.append(key)
    return tuple(out)
