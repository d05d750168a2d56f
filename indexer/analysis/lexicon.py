"""Is this an ordinary word of English, Russian or Turkish? Those get no aggressive folding.

Folding rules that make Khojaly meet Hojaly (kh = h) would also make khat meet hat, and the
ones that make Alijew meet Aliyev (w = v, j = y) would merge van/wan and major/mayor. Names and
foreign words need those rules; English words must stay apart.

The lexicon is the lower-case entries of Webster's Second from the `english-words` package
(~210,000 words; names there are capitalised, so they are left out; its GCIDE list is not
used: GCIDE capitalises every headword, so it cannot tell Azerbaidzhan from a common word),
plus the irregular forms of data/english_irregular.txt (women, began) and the words English
writes today that Webster's lacks (data/english_modern.txt, generated from Hunspell's en_US
dictionary: proud, stats, online, and British spellings, centre, metres; generate/english.py).
Names in the curated table are names whatever the lexicon says (keys/words.py). A word also
counts as English when it is an inflection of a listed word (cheating, died, largest,
obviously), a British spelling of one (armoured), carries an English-only derivational
suffix (-tion, -ment, -ness), or joins two words in use (data/english_parts.txt: downplay,
goodwill, ceasefire; not Soumgaït, the French Sumgait, whose soum Webster's keeps but nobody
writes) and does not end as the region's names do (Hakopian is not hako + pian, Kalakhan not
kala + khan). Webster's words that English hardly writes and that end as Russian surnames do
or spell a name of pymorphy3's dictionary as a romanization scheme writes it, or that
Turkish writes ten times as often (data/english_names.txt, generated; Turkish words that a
word of english_modern.txt makes English with an ending too, Cafer), are names to the keys
of names when written with a capital: Larin, Savin, Murad, Ilia, Hasan, Bahar.

Russian and Turkish words come from data/common_words.txt, generated (generate/words.py) from
wordfreq's frequent words without the names among them: пытаться must not meet питаться,
стена not стана, tutmak not tatmak. A lower-case word that is a listed Turkish word with
Turkish endings is one too (süreye, süre-ye; ilericilik), as the list holds only the frequent
forms.
"""

from __future__ import annotations

import re
from functools import cache

from english_words import get_english_words_set

from indexer.caching import bounded_cache

from .casing import lower
from .stored import stored
from .tables import rows, settled

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")

# (suffix, replacement, shortest stem): cheating -> cheat, died -> die, cities -> city.
_INFLECTIONS = (
    ("iest", "y", 3),
    ("ies", "y", 2),
    ("ied", "y", 2),
    ("est", "", 3),
    ("est", "e", 2),
    ("es", "", 3),
    ("s", "", 3),
    ("ed", "", 3),
    ("d", "", 3),
    ("ing", "", 3),
    ("ing", "e", 2),
    ("er", "", 3),
    ("er", "e", 2),
    ("ly", "", 4),
    ("ily", "y", 3),
)
# Suffixes no name of this region has: cooperation, ethnicity, unfortunately.
_DERIVED_RE = re.compile(
    r"(?:tions?|sions?|ments?|ness|ities|ity|ously|ically|ally|fully|lessly|ability|ship|ism|isms)$"
)
# Endings of surnames and place names of the region: a word that ends so and is not itself in
# the lexicon is a name, even when it splits into two rare English words (German writes the
# Russian -хин -chin: Menuchin, not menu + chin).
_NAME_ENDING_RE = re.compile(
    r"(?:[iyj]ants?|[iyj]an|unts|[oe]v[ae]?|ovich|evich|sk[iy]y?|khan|beyli|o[gğ]lu|zade"
    r"|l[iıyu]|dze|shvili|kend|abad|stan|chin)$"
)
_VOWELS = frozenset("aeiouy")
MIN_PART = 4  # both halves of a compound: keeps Hayastan from being hay + stan


@cache
def _listed(filename: str) -> frozenset[str]:
    """The words of a list of data/, the first column of each row."""
    return settled(frozenset(cells[0] for cells in rows(filename)))


def _words() -> frozenset[str]:
    return _websters()[0]


@cache
def _websters() -> tuple[frozenset[str], frozenset[str]]:
    return stored("websters", _read_websters)


def _read_websters() -> tuple[frozenset[str], frozenset[str]]:
    """The lexicon (Webster's Second's entries in lower case, the irregular forms and the words
    Webster's lacks), and Webster's entries with a capital lower-cased (names and the
    adjectives made of them: Galilean, Caribbean), read in one pass."""
    words = get_english_words_set(["web2"], lower=False)
    lower = frozenset(w for w in words if w.islower())
    lower |= _listed("english_irregular.txt") | _listed("english_modern.txt")
    capitalized = frozenset(w.lower() for w in words if w[:1].isupper())
    return settled((lower, capitalized))


def stems(word: str):
    """The word and the words it may be a form of: cheating -> cheat, cities -> city,
    armoured -> armored."""
    yield word
    # armoured, odour, unfavourable: no British -our follows a lone letter, so Nourma and
    # Tourma (French for Nurma, Turma) are no spellings of norma and torma
    i = word.find("our")
    if i >= 2:
        yield word[:i] + "or" + word[i + 3 :]
    for suffix, repl, shortest in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            stem = word[: -len(suffix)]
            if suffix == "ly" and stem[-1] in _VOWELS:
                continue  # Khojaly is not khoja + ly
            yield stem + repl
            if not repl and len(stem) > 3 and stem[-1] == stem[-2]:
                yield stem[:-1]  # doubled consonant: stopped -> stopp -> stop


@cache
def _parts() -> frozenset[str]:
    """The words in use a compound of two English words is made of (data/english_parts.txt,
    and the irregular forms: handheld, overpaid): Soumgaït is no soum + gait, Shishtapa no
    shish + tapa. The second may be inflected (fundraiser, werewolves)."""
    return settled(_listed("english_parts.txt") | _listed("english_irregular.txt"))


def is_name_more_than_word(word: str) -> bool:
    """`word` (lower-case) is one of Webster's words that is a name far more often than a word
    (data/english_names.txt, generate/english.py): Larin, Savin, Murad, Ilia; not cabin."""
    return word in _listed("english_names.txt")


def is_short_name(word: str) -> bool:
    """`word` (lower-case Latin) is a given name that Russian writes with three letters and
    that romanizes to three (data/short_names.txt, generate/short_names.py): ali, lev, ira;
    not har, tak."""
    return word in _listed("short_names.txt")


@cache
def _common() -> frozenset[str]:
    return _listed("common_words.txt")


def common_words() -> frozenset[str]:
    """The frequent Russian and Turkish words (data/common_words.txt)."""
    return _common()


def is_common_word(word: str) -> bool:
    """`word` (as written) is a frequent Russian or Turkish word, not a name, or in lower case
    such a Turkish word with endings the list does not hold (süreye, kafeye: süre, kafe).
    Turkish words count only in lower case: many Azerbaijani and Turkish given names are words
    too (İlham is 'inspiration'), and a capital says which one the text means. The Russian list
    has no names (pymorphy3 tells them apart), so case does not matter there."""
    if word.islower():
        return word in _common() or _inflected_turkish(word)
    low = lower(word)
    return bool(_CYRILLIC_RE.search(low)) and low in _common()


# Turkish endings, one at a time from the end: plural, case (with the y, n or s a vowel stem
# takes), possessive, and the suffixes that make one word of another (-lik, -li, -siz, -ci)
_TURKISH_ENDING_RE = re.compile(
    r"(?:l[ae]r|[nsy]?[ıiuü]n?|y?[ae]|[dt][ae]n?|y?l[ae]|[lsn][ıiuü]|l[ıiuü]k|s[ıiuü]z"
    r"|[cç][ıiuü]|m[ıiuü]z|[ıiuü]m)"
)
LONGEST_TURKISH_ENDING = 3
MAX_TURKISH_ENDINGS = 3  # ilerici-lik-leri
MIN_TURKISH_STEM = 4  # the list's shortest words


def _inflected_turkish(word: str) -> bool:
    """A lower-case Latin word that is a listed Turkish word with up to MAX_TURKISH_ENDINGS
    endings: the list holds the frequent forms only, and a rarer one would otherwise get the
    spelling rules of a name, which fold the vowel its ending hides (süreye would meet sürüye,
    dereyi deriyi)."""
    if _CYRILLIC_RE.search(word):
        return False
    bases = [word]
    for _ in range(MAX_TURKISH_ENDINGS):
        shorter = []
        for stem in bases:
            start = max(MIN_TURKISH_STEM, len(stem) - LONGEST_TURKISH_ENDING)
            for i in range(start, len(stem)):
                if _TURKISH_ENDING_RE.fullmatch(stem, i):
                    if stem[:i] in _common():
                        return True
                    shorter.append(stem[:i])
        bases = shorter
    return False


@bounded_cache(max_bytes=2_000_000)
def is_english_word(word: str) -> bool:
    """`word` (lower-case) is a common English word, an inflection or a compound of them."""
    if not word.isascii() or not word.isalpha():
        return False
    words = _words()
    if any(stem in words for stem in stems(word)) or _DERIVED_RE.search(word):
        return True
    if _NAME_ENDING_RE.search(word):
        return False  # Hakopian is not hako + pian, Wardanjan not ward + anjan
    parts = _parts()
    return any(
        word[:i] in parts and any(s in parts for s in stems(word[i:]))
        for i in range(MIN_PART, len(word) - MIN_PART + 1)
    )


def is_english_as_written(latin: str, word: str) -> bool:
    """`word` (`latin` in lower-case Latin letters) is an English word, but not one of
    Webster's that is a name far more often, written with a capital (Larin, Savin, Murad:
    Ларин, Савин, Мурад, and the French Larine, Mourad); in lower case it is the word (a
    verine of dessert)."""
    if not is_english_word(latin):
        return False
    return word.islower() or not is_name_more_than_word(latin)


def in_websters(word: str) -> bool:
    """`word` (lower-case) is an entry of Webster's Second, with a capital or not."""
    return word in _words() or word in _websters()[1]


def load() -> None:
    """Read the word lists now (keys.load_tables)."""
    _words()
    _parts()
    _listed("english_names.txt")
    _listed("short_names.txt")
    _common()
