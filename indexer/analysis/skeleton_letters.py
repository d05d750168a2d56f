"""How a skeleton (skeleton.py) reads a romanized word's letters: the symbols it writes for
them, and the word's readings, one sequence of symbols per way its letters may sound.

French and Spanish gu before e or i is g (Guetk, Beguimli), except in Turkic words, whose u
is always a vowel; their sc before e or i, and dju, are also read as Telegram's and Italian's
щ or ш and ISO 9's дю (Guliascev, Krusciov, Djukkiev). Letters whose sound depends on the
language (ch: English /tʃ/, German /x/, French /ʃ/; j: English /dʒ/, German /j/, Spanish
/x/; c: Turkic /dʒ/, elsewhere /k/ or /s/; x: Azerbaijani /x/, elsewhere ks; ck: English and
German k, ISO 9's цк) give one skeleton per spelling system, at most MAX_READINGS of them: a
word is written in one system, so each such letter reads the same way throughout it
(Chuchele is cOcAl or kOkAl, never a mix that would meet Khojaly), and tch, English and
French ч, is t and ch in a word whose other ch is German's /x/ (Achmetchanow, Ахметханов).

A word is read in its other spellings too: as a German press form (_german_readings), with
the letters of _SCHEME_LETTERS_RE as a scheme means them, and with each lone i after a
consonant as a vowel and as a glide (i_readings).
"""

from __future__ import annotations

import itertools
import re

MAX_READINGS = 12
# Vowels are upper-case symbols: A (a e ə), I (i ı y), O (o u ou); romanize.py has already
# folded ä, ö and ü. An o as written is O_LETTER while skeleton.py makes its slots, and O in
# the keys.
O_LETTER = "Ŏ"
VOWELS = {"a": "A", "e": "E", "ə": "A", "i": "I", "ı": "I", "y": "I", "o": O_LETTER, "u": "O"}
# Russian ч (ch, tch, tsch), a symbol of its own for the e after it (skeleton.py's
# MAX_E_AS_I); the palatal class in the keys (CH -> c).
CH = "ĉ"
# A bare c read as a palatal: Turkish or Azerbaijani c, or a č that lost its caron
# (skeleton.py's e read as ё); the palatal class in the keys (BARE_C -> c).
BARE_C = "ċ"
# an и before another vowel, written with a glide after it (iy, ii) or alone (i): a vowel of
# its own, never silent, never a glide (Gariyev, Гариев, is not Gareev, Гареев)
VOWEL_I = "Y"
_AFTER_CONSONANT = "(?<=[bcdfghjklmnpqrstvwxzçşğ])"
# not in a final -ия, -ии, -ие, which are endings (Мария, Марии; Армения; Юрия, Юрий's)
_BEFORE_VOWEL = "(?=[aeouə]+[bcdfghjklmnpqrstvwxzçşğ])"
_VOWEL_I_RE = re.compile(_AFTER_CONSONANT + "[iı](?:y+|i)" + _BEFORE_VOWEL)  # Hacıyev: Гаджиев
_MAYBE_I_RE = re.compile(_AFTER_CONSONANT + "[iı]j?" + _BEFORE_VOWEL)
MAX_I_READINGS = 4  # spellings of a word with lone i's read both ways
SCHWA = "Ə"  # ə kept apart from a and e: either may write it (Məmmədov: Mammadov, Mamedov)

# Longest spellings first; each maps to its reading(s). Classes: b (b p), d (d t), k (velars
# and h), c (palatals: j ch sh zh and Turkic c ç ş), s (s ts dz: ц, дз), z, v (v w), f (f ph),
# l, m, n, r. Voicing is blurred where spellings of one name differ in it (Dashnak, Tashnak;
# Qarayev, Garayev, Karayev), but not in s and z or v and f, which the spellings of a name
# keep apart but for German's and old ones' (_spellings), so that two names apart in them
# alone stay two (Zakharov is not Sakharov, Kazımov not Qasımov, Savin not Safin).
UNITS: dict[str, str] = {
    "ttsch": CH,  # German doubles the t of tsch after a consonant (Mkrttschjan) ...
    "ttch": CH,  # ... and French that of tch (Nefttchala)
    "dsch": "c",
    "dsh": "c",  # ... and writes дж as dsh too (Udshary, Dshafarow)
    "tsch": CH,
    "shch": "c",
    "dzh": "c",
    "sch": "c",
    "tch": CH,
    "dj": "c",
    "zh": "c",
    "sh": "c",
    "ch": "c",  # or k: see _SYSTEMS
    "kh": "k",
    "gh": "k",
    "ck": "k",
    "ts": "s",
    "tc": "s",  # French passports write ц as tc (Ambartcumian)
    "tz": "s",
    "dz": "s",
    "ds": "s",  # German writes дз as ds (Schewardnadse, Dsershinski)
    "sz": "s",  # Hungarian s (Szerow: Серов)
    "ph": "f",
    "th": "d",  # or d and k: see _SYSTEMS
    "ou": "O",
    "b": "b",
    "p": "b",
    "d": "d",
    "t": "d",
    "k": "k",
    "g": "k",
    "q": "k",
    "x": "k",
    "h": "k",
    "s": "s",
    "z": "z",
    "v": "v",
    "w": "v",
    "f": "f",
    "l": "l",
    "m": "m",
    "n": "n",
    "r": "r",
}
_UNIT_RE = re.compile("|".join(sorted(UNITS, key=len, reverse=True)) + "|.", re.DOTALL)
_FRONT = frozenset("eiyəı")
# French and Spanish write g before e and i as gu (Zanguelan, Guevorkian: Zangelan, Gevorkyan)
_GU_RE = re.compile(r"gu(?=[eiy])")
# Letters that a scheme writes for another sound than the press does, read both ways: sc
# before e or i is also Telegram's щ and Italian's ш (Guliascev: Гулящев; Krusciov: Хрущёв),
# not only s and a c, and dju also ISO 9's and the scientific scheme's дю (Djukkiev:
# Дюккиев), as the French дж before u is djou (their dja, djo, and sc before a, o, u:
# keys/names.py)
_SCHEME_LETTERS_RE = re.compile(r"sc(?=[ei])|dj(?=u)")
_SCHEME_LETTERS = {"sc": "sh", "dj": "dy"}


# Letters whose sound depends on the language, each with its readings, one per spelling
# system: a word is written in one system, so every occurrence of the letter reads alike (the
# two ch of Chuchele are both /tʃ/ or both /x/, never one of each). A reading is a class, or
# a pair (before a front vowel, elsewhere), or for j the class at the end of the word first.
_SYSTEMS: dict[str, tuple[tuple[str, str, str], ...]] = {
    # (before a front vowel, elsewhere, at the end)
    "c": ((BARE_C,) * 3, ("s", "k", "k"), ("s", "s", "s")),  # English/Romance k-s; ISO 9 ц
    "ch": ((CH, CH, CH), ("k", "k", "k")),  # English /tʃ/; German and Czech /x/
    "j": (("c", "c", "c"), ("c", "c", "k"), ("I", "I", "I")),  # English; Spanish -j; German
    "x": (("k", "k", "k"), ("ks", "ks", "ks")),  # Azerbaijani /x/; English ks (Alexandre)
    # English and German k; ISO 9's цк (Trockij, Vysockij: Trotsky, Wyssozki)
    "ck": (("k", "k", "k"), ("sk", "sk", "sk")),
    # English th; t and h, as Armenian names write t and gh (Asthadzor, Astghadzor)
    "th": (("d", "d", "d"), ("dk", "dk", "dk")),
    # English and French ч; German t and ch, as German writes тх (Achmetchanow: Ахметханов)
    "tch": ((CH, CH, CH), ("dk", "dk", "dk")),
}
# A unit whose other readings than the first are for a word whose other unit reads in the same
# system: tch is t and ch only in a word whose other ch is German's (and ч there too:
# Bachtchisarai, Бахчисарай)
_TIED = {"tch": "ch"}


# Turkic c, ch and j are /dʒ/, /tʃ/, /ʒ/, and x is /x/
_TURKIC = {"c": BARE_C, "ch": "c", "tch": CH, "j": "c", "x": "k"}


def _reading(unit: str, system: int, nxt: str, last: bool) -> str:
    front, elsewhere, end = _SYSTEMS[unit][system]
    return end if last else front if nxt in _FRONT else elsewhere


def _fixed(unit: str, turkic: bool, schwa: str = "A") -> str | None:
    """The one reading of a unit whose sound does not depend on the language, or None."""
    if unit in _SYSTEMS:
        return _TURKIC.get(unit) if turkic else None
    if unit in UNITS:
        return UNITS[unit]
    if unit == "ə":
        return schwa
    if unit == VOWEL_I:
        return VOWEL_I
    if unit in VOWELS:
        return VOWELS[unit]
    return "I" if unit.isalpha() else unit


class _Readings(dict):
    """_fixed of every unit met, for one (turkic, schwa): looked up in C, each unit's reading
    worked out once."""

    def __init__(self, turkic: bool, schwa: str):
        super().__init__()
        self.turkic, self.schwa = turkic, schwa

    def __missing__(self, unit: str) -> str | None:
        reading = self[unit] = _fixed(unit, self.turkic, self.schwa)
        return reading


_READINGS = {(t, s): _Readings(t, s) for t in (False, True) for s in ("A", SCHWA)}


def symbol_readings(
    latin: str, turkic: bool, german: bool | None, exact: bool
) -> list[tuple[str, ...]]:
    """The symbols of each reading of a romanized word: one per spelling (_spellings,
    i_readings) and, in each, one per spelling system of its letters whose sound depends on
    the language (at most MAX_READINGS). `exact`: ə is SCHWA, apart from a and e."""
    readings = _READINGS[bool(turkic), SCHWA if exact else "A"]
    variants = []
    for spelling in (s for w in _spellings(latin, turkic, german) for s in _i_readings(w)):
        units = _UNIT_RE.findall(spelling)
        fixed = list(map(readings.__getitem__, units))
        if None not in fixed:  # no letter whose sound depends on the language: one reading
            variants.append(tuple(fixed))
        else:
            ambiguous = sorted({u for u, f in zip(units, fixed, strict=True) if f is None})
            variants += _variants(units, fixed, ambiguous)
    return variants


def _spellings(latin: str, turkic: bool, german: bool | None) -> tuple[str, ...]:
    """The word as the skeleton reads it (a Turkic word as written; elsewhere gu before e or i
    is g, and a final ff is also v), a German press form also as _german_readings gives it,
    and each with the letters of _SCHEME_LETTERS_RE as the scheme reads them."""
    if turkic:
        return (latin,)
    plain = _GU_RE.sub("g", latin)
    spellings = [plain, _FINAL_FF_RE.sub("v", plain)] if _FINAL_FF_RE.search(plain) else [plain]
    if german is None:
        german = GERMAN_MARK_RE.search(plain) is not None
    out = []
    for spelling in (r for p in spellings for r in _german_readings(p)) if german else spellings:
        other = _SCHEME_LETTERS_RE.sub(lambda m: _SCHEME_LETTERS[m.group()], spelling)
        out += (spelling,) if other == spelling else (spelling, other)
    return tuple(out)


# A German press form writes ц as z and з as s, as it writes с (Ambarzumjan: Амбарцумян;
# Sacharow: Захаров and Сахаров; Asisow: Азизов; Zchinwali: Цхинвали), and some keep an
# English z (Arzumanjan). A word is read so when it has a letter the German press gives
# Russian names (j, w, sch), or its zch for цх (Zchaltubo); so is its mild key (keys/mild.py).
GERMAN_MARK_RE = re.compile("j|w|sch|zch")
LONE_S_RE = re.compile("(?<![sdt])s(?![schz])")  # not of ts, ds, sch, sh, Hungarian's sz
_GERMAN_Z_RE = re.compile("(?<![tdsz])z(?![hz])")
_NO_MATCH_RE = re.compile("(?!)")
# the -off of old French and English spellings is -ов, -ев (Smirnoff, Romanoffs: Smirnov)
_FINAL_FF_RE = re.compile("ff(?=s?$)")


def _german_readings(word: str) -> tuple[str, ...]:
    """A German press form with its z as tz (a unit read as ц), its lone s read as s and as z
    (at most MAX_I_READINGS spellings, i_readings: with three or more, the first s stays s);
    and as written, when it has a z."""
    german = _GERMAN_Z_RE.sub("tz", word)
    readings = i_readings(german, _NO_MATCH_RE, LONE_S_RE, "z")
    return readings if german == word else (*readings, word)


def _i_readings(latin: str) -> tuple[str, ...]:
    return i_readings(latin, _VOWEL_I_RE, _MAYBE_I_RE, VOWEL_I)


def i_readings(latin: str, surely: re.Pattern, maybe: re.Pattern, mark: str) -> tuple[str, ...]:
    """The word with each i that is `surely` a vowel before another vowel written `mark` (iy,
    ii: Gariyev, Dmitriyevka), and with each that `maybe` is, either as it is (a glide: the i of
    я or ье) or written so (Gariev: Гариев or Гарьев; Giliaziev, Гилязиев, has one of each),
    at most MAX_I_READINGS spellings. A German press form's lone s, which may be з, is read so
    too (_german_readings)."""
    word = surely.sub(mark, latin)
    spots = [m.span() for m in maybe.finditer(word)]
    if not spots:
        return (word,)
    out = []
    for choice in itertools.islice(
        itertools.product((False, True), repeat=len(spots)), MAX_I_READINGS
    ):
        parts, at = [], 0
        for (start, end), kept in zip(spots, choice, strict=True):
            parts += [word[at:start], mark if kept else word[start:end]]
            at = end
        out.append("".join(parts) + word[at:])
    return tuple(out)


def _variants(units: list[str], fixed: list, ambiguous: list[str]) -> list[tuple[str, ...]]:
    """The symbols of each reading of the `ambiguous` units (at most MAX_READINGS)."""
    choices = (
        dict(zip(ambiguous, choice, strict=True))
        for choice in itertools.product(*(range(len(_SYSTEMS[u])) for u in ambiguous))
    )
    tied = (s for s in choices if all(s[u] in (0, s.get(_TIED[u])) for u in s if u in _TIED))
    variants = []
    for system in itertools.islice(tied, MAX_READINGS):
        variants.append(
            tuple(
                f
                if f is not None
                else _reading(
                    u, system[u], units[i + 1][0] if i + 1 < len(units) else "", i == len(units) - 1
                )
                for i, (u, f) in enumerate(zip(units, fixed, strict=True))
            )
        )
    return variants
