"""How a name of the tables is written and looked up: its script, its lookup form (romanized,
ə and ı read as e and i), the form of a name as a whole and of a Latin name counted only as
written, acronyms' capitals, the entry the tables hold for a form (synonym_table.py), and
whether a place's name writes its a and e as they are (keeps_vowels).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .casing import lower
from .endings import ETS, TS
from .romanize import romanize, romanize_for_keys, strip_apostrophe_suffix
from .skeleton import skeletons

PEOPLE_GROUP = "people-"  # the groups of peoples.tsv: people-<language code>
COUNTRY_GROUP = "country-"  # the groups of countries.tsv: country-<territory code>

TURKIC_LETTER_RE = re.compile("[çğıöşüəÇĞİÖŞÜƏ]")
CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
# a vowel that Latin spellings write a or e: ə (with the turned e some lists use for it), and
# the ä of Finnish and Karelian names (Valkjärvi: Valkyarvi, Valkieiarvi)
A_OR_E_RE = re.compile("[əƏǝƎәӘäÄ]")


@dataclass(frozen=True)
class Entry:
    groups: tuple[str, ...] = ()
    strict: bool = False
    also: tuple[str, ...] = ()  # words whose keys this word carries too
    # every group of the word is a place that keeps its vowels (keeps_vowels): its e is no a
    keep_e: bool = False


NATIVE = "@"  # a name of places.tsv that counts only in its own script
_ARMENIAN_RE = re.compile("[\u0531-\u058f]")


def script(word: str) -> str:
    """ "cyr", "hy" or "latn": the script of a word of Cyrillic, Armenian or other letters."""
    if word.isascii():  # most words: a test in C before two searches
        return "latn"
    if CYRILLIC_RE.search(word):
        return "cyr"
    return "hy" if _ARMENIAN_RE.search(word) else "latn"


def in_capitals(word: str) -> bool:
    """Whether `word` is written as acronyms are: with two capitals or more (OSCE, ОБСЕ,
    UdSSR, AGİT'in)."""
    if word.islower() or word.istitle():  # most words: tests in C
        return False
    return sum(map(str.isupper, word)) >= 2


def lookup_form(word: str) -> str:
    return romanize(word).replace("ə", "e").replace("ı", "i")


def name_form(name: str) -> str:
    """The lookup form of a name of the tables as a whole: in a listed name an apostrophe marks
    a letter (the soft sign of Shil’da, Шильда; a Georgian ejective, Senak'i), not a Turkish
    case ending that lookup_form takes off a word (Hocalı'da), which would key Shil’da as
    Shil and Akhmet'a, a town of Georgia, as the given name Akhmet."""
    if "'" in name or "’" in name:
        return lookup_form(_APOSTROPHE_RE.sub("", name))
    return lookup_form(name)


_APOSTROPHE_RE = re.compile("['’]")


def written_form(word: str) -> str:
    """`word` as written, in lower case and without an apostrophe's suffix: how a Latin name
    that counts only as written (`X@`) is looked up."""
    return lower(strip_apostrophe_suffix(word))


def country_only(entry: Entry) -> bool:
    """Every group of `entry` is a country's of countries.tsv."""
    return all(g.startswith(COUNTRY_GROUP) for g in entry.groups)


def group_key(group: str) -> str:
    return "=" + group


# Places whose Latin names come from a script where e and a are different letters, and no ə
# or ä stands behind either: Russia's (Serov is not Sarov, Chany not Cheny), Armenia's,
# whose alphabet writes ա and ե apart (Areni is not Arani, a town of Bolivia), and Turkey's,
# whose alphabet writes each vowel as it sounds (Adana is not Adena, a town of Ohio, nor
# Manisa Menisa; the other languages' names of a Turkish town that differ in a vowel are
# listed: Diyarbekir). An Armenian place whose Azerbaijani name has an ə for its a or e
# still has both (Chambarak, Çəmbərək: keeps_vowels). Iran's romanizations guess at vowels
# Persian leaves unwritten (Kerman, Karman), Azerbaijan's names have ə (Heydar, Heydər), and
# Georgia's Russian ones (Ochemchiri, Очамчира), so there e may still be a.
KEEP_E_COUNTRIES = frozenset({"AM", "RU", "TR"})


# places_ambiguous.tsv's mark for a name that keeps its vowels in each of its places
VOWELS_KEPT = "kept"


def keeps_vowels(country: str, name: str, names: Iterable[str]) -> bool:
    """Whether a place of `country` with these names writes the a and e of its name `name` as
    they are: see KEEP_E_COUNTRIES. Its names with ə or ä count only when they spell `name`'s
    consonants (Dərbənd, Derbent; Valkjärvi itself): the Tatar, Bashkir or Finnish name of a
    Russian town (Рәүде for Revda, Ääninen for Onega) is another word, with vowels of its
    own."""
    if country not in KEEP_E_COUNTRIES:
        return False
    marked = [n for n in names if A_OR_E_RE.search(n)]
    if not marked:
        return True
    mine = _consonants(name)
    return not any(mine & _consonants(n) for n in marked)


@cache  # a place's names with ə or ä are asked about once for each of its names
def _consonants(name: str) -> frozenset[str]:
    """The consonant classes of a name's skeletons, vowels left out."""
    latin = "".join(ch for ch in romanize_for_keys(name) if ch.isalpha())
    if not latin:
        return frozenset()
    return frozenset("".join(ch for ch in s if ch.islower()) for s in skeletons(latin))


def ethnonym_case_stem(form: str, entry: Entry | None) -> str | None:
    """The stem (lookup form) that a people's name of peoples.tsv keeps in its cases: the -ц of
    a plural in -цы (чеченцев, чеченцами), or a singular that ends in a consonant other than
    -ец's ц, whole (туркменов, туркменами: Туркмен)."""
    if entry is None or not all(g.startswith(PEOPLE_GROUP) for g in entry.groups):
        return None
    if form.endswith(TS + "y"):
        return form[:-1]
    if form[-1:] not in "aeiouy" and not form.endswith(ETS):
        return form
    return None


def ethnonym_adjective(form: str, entry: Entry) -> bool:
    """Whether a lookup form of peoples.tsv is a people's Russian adjective (аварский)."""
    return form.endswith(_RUSSIAN_ADJECTIVE_FORM) and any(
        g.startswith(PEOPLE_GROUP) for g in entry.groups
    )


_RUSSIAN_ADJECTIVE_FORM = "sky"  # the lookup form of -ский
