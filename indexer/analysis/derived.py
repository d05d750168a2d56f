"""Words made of a listed name that are that name: the adjective and the word for a place's
people, as Russian (in Cyrillic and romanized), Azerbaijani and Turkish, German and Armenian
make them (шушинский, ленкоранцы, Shushinsky, Şuşalılar, Bakuer, Երևանցի). The lookup
(lookup.py) asks these rules for a word it does not find in the tables, by its lookup form;
each returns the entry of the listed name, or None. They only link a word to a name of the
region (bridged): a word the rules do not know stays a word, and its skeleton still meets
what it meets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .endings import MIN_STEM
from .lexicon import common_words, is_common_word, is_english_word
from .name_facts import place_only, place_populations
from .name_forms import TURKIC_LETTER_RE, Entry, lookup_form, script
from .synonyms import bridged, lookup_tables

Tables = tuple[dict[str, Entry], ...]  # lookup form -> entry, in the order they are asked

# Azerbaijani and Turkish make the word for a place's people, or for what is of a place, with
# -lı (-li, -lu, -lü), which then takes the plural and a case ending (Şuşalı, qarabağlılar,
# Ağdamlılardan; as the lookup form writes them: shushalilar). Its vowel follows the name's
# last one: in the lookup form, which folds ı to i and ö, ü to o, u, an i after a, e or i and
# a u after o or u (Bakülü: bakulu).
_OF_PLACE_RE = re.compile("l([iu])(?:l[ae]r)?(?:[dt][ae]n?|n?[iu]n|y?[ae]|[ny]?[iu])?$")
_LAST_VOWEL_RE = re.compile("[aeiou](?=[^aeiou]*$)")
_HARMONY = {"a": "i", "e": "i", "i": "i", "o": "u", "u": "u"}


def of_place(form: str, tables: Tables) -> Entry | None:
    """The entry of a listed name of the region (bridged) of which a Latin word of lookup form
    `form` is the -lı word, in any of its forms, as for the Russian adjective in -инский
    (relational_adjective). Not of a name shorter than MIN_STEM (Qaxlı: too many short words
    end so), nor one whose -lı breaks the vowel harmony (the Czech ventilu is no Venti's)."""
    m = _OF_PLACE_RE.search(form)
    if m is None or m.start() < MIN_STEM:
        return None
    stem = form[: m.start()]
    last = _LAST_VOWEL_RE.search(stem)
    if last is None or _HARMONY[last.group()] != m.group(1):
        return None
    return _of_region(stem, tables)


def _of_region(form: str, tables: Tables) -> Entry | None:
    """The entry of `form` in the first of `tables` that has it, if it names a place or name of
    the region (bridged)."""
    for table_ in tables:
        entry = table_.get(form)
        if entry is not None and not bridged().isdisjoint(entry.groups):
            return entry
    return None


# the German word for a town's people, and its adjective, in -er (Bakuer, Stepanakerter),
# with the plural's -n, the feminine's -in, -innen; not after an i, as French surnames end
# (Garnier is no one of Garni)
_GERMAN_DEMONYM_RE = re.compile("(?<!i)er(?:n|in|innen)?$")


def german_demonym(word: str, form: str, tables: Tables) -> Entry | None:
    """The entry of a listed town of the region (_town) of which `word`, capitalized Latin,
    is the German -er word (Bakuer Ölfelder, die Jerewaner): German makes it of towns, not of
    villages, whose names are too often a word's stem."""
    m = _GERMAN_DEMONYM_RE.search(form)
    if m is None or m.start() < MIN_STEM or not word[:1].isupper():
        return None
    return _town_of((form[: m.start()],), tables)


# The Armenian word for a town's people, -ցի (with the ա or ե it may take after the name:
# երևանցի, շիրակացի, Շուշեցի), its plural and its cases (երևանցիներ, երևանցու)
_ARMENIAN_DEMONYM_RE = re.compile(
    "[աե]?ց(?:ի|ին|իով|ու|ուն|ուց|իներ|իները|իների|իներից|իներով|իներն|իներին)$"
)


def armenian_demonym(word: str, tables: Tables) -> Entry | None:
    """The entry of a listed town of the region (_town) of which the Armenian `word` names a
    person (Երևանցի, ստեփանակերտցիները, Շուշեցի: Yerevan, Stepanakert, Shushi), not a
    village's: a word of the language may end so by chance (տեղացի, local, is no one of Tegh;
    փյունիկեցի, Phoenician, of Pyunik)."""
    low = word.lower()
    m = _ARMENIAN_DEMONYM_RE.search(low)
    if m is None:
        return None
    base = low[: m.start()]
    names = [base, base + "ա", base + "ի"]
    if low[m.start()] in "աե":  # which may be the name's own (Սամարա-ցի)
        names.insert(0, low[: m.start() + 1])
    if base.endswith("վ"):
        names.append(base[:-1] + "ու")  # Բաքու: բաքվեցի
    return _town_of((f for f in map(lookup_form, names) if len(f) >= MIN_STEM), tables)


# The Russian adjective of a name that ends in a vowel, which Russian writes in lower case,
# puts -инский in that vowel's place (Шуша: шушинский; Ходжалы, Физули, Баку: ходжалинской,
# физулинский, бакинский), or keeps the vowel: an ы before -нский (Хызы: хызынский), an у
# before -йский (Ахсу: ахсуйский); and so does the word for its people, -инец, -инцы
# (шушинцы, бакинцев); that of a name ending in a consonant adds -ский (and -ец, -цы) to it,
# without the soft sign or plural ы the name may end in, its з as с (Агдам, Ленкорань,
# Белоканы, Хачмаз: агдамский, ленкоранцы, белоканского, хачмасский)
_ADJECTIVE = "ск(?:ий|ая|ое|ие|ого|его|ому|ему|ой|ую|им|ом|их|ими|ей|ым|ыми)$"
_CONSONANT = "(?<=[бвгджзклмнпрстфхцчшщ])"
_PEOPLE = "(?:ец|ц(?:а|у|ем|е|ы|ев|ам|ами|ах))$"
_RELATIONAL_RE = re.compile(
    f"(?:ин|(?P<kept>ын|уй)){_ADJECTIVE}|ин{_PEOPLE}|{_CONSONANT}(?:{_ADJECTIVE}|{_PEOPLE})"
)
_CONSONANT_ADJECTIVE_RE = re.compile(f"{_CONSONANT}(?:{_ADJECTIVE}|{_PEOPLE})")
_NAME_VOWELS = "аяыиеу"
TOWN = 5_000  # people: the smallest place whose adjective or word for its people _town accepts


def relational_adjective(word: str, tables: Tables) -> Entry | None:
    """The entry of a listed name of the region (bridged) of which the Cyrillic `word` is the
    adjective (-инский, -ынский, -уйский of one ending in a vowel, -ский of one ending in a
    consonant) or the people's -инец, in any of its forms: no ending that the lookup strips
    leaves that name. Not a frequent Russian word, nor a place elsewhere's, as for
    _first_declension (кубинский is Cuban: Куба, Quba's old name, is left out)."""
    low = word.lower()
    m = _RELATIONAL_RE.search(low)
    if m is None or is_common_word(low):
        return None
    stem = low[: m.start()]
    if not _CONSONANT_ADJECTIVE_RE.match(low, m.start()) and len(stem) + 1 >= MIN_STEM:
        kept = m.group("kept")
        names = (stem + kept[0],) if kept else tuple(stem + vowel for vowel in _NAME_VOWELS)
        entry = next(filter(None, (_of_region(lookup_form(n), tables) for n in names)), None)
        if entry is not None:
            return entry
    return _of_consonant_name(low, tables)


def _of_consonant_name(low: str, tables: Tables) -> Entry | None:
    """The entry of a listed place of the region ending in a consonant of which `low` is the
    adjective in -ский or the people's -ец, -цы, but not one Russian has of an ordinary word
    (казахский, институтский: Kazakh and institute, not Qazax or Institut, a village of
    Armenia), nor of a people's name: -ский makes their adjectives too (талышский is Talysh,
    not Talış), nor of a village (_town)."""
    c = _CONSONANT_ADJECTIVE_RE.search(low)
    if c is None or c.start() < MIN_STEM:
        return None
    stem = low[: c.start()]
    if is_common_word(stem + "ский") or is_common_word(stem + "цы"):
        return None
    names = (stem, stem + "ь", stem + "ы", *_devoiced(stem))
    return _town_of((lookup_form(n) for n in names if not is_common_word(n)), tables)


def _town_of(forms: Iterable[str], tables: Tables) -> Entry | None:
    """The entry of the first of `forms` (lookup forms) that names a listed town of the region:
    no people or ordinary word (place_only) and no village (_town)."""
    for form in forms:
        entry = _of_region(form, tables)
        if entry is not None and place_only(entry) and _town(entry):
            return entry
    return None


def _town(entry: Entry) -> bool:
    """A group of `entry` is a name of names.tsv or a place of TOWN people or more: Russian
    makes these words of towns and regions, and a village's name may be one's stem by chance
    (останец, a rock, is no one of Ostan)."""
    populations = place_populations()
    return any(populations.get(g, TOWN) >= TOWN for g in entry.groups)


# Those adjectives romanized, in any scheme: Shushinsky, Šušinskij, Khyzynskiy, Lenkoranskaya
# (not -ski, a Polish surname's: Massalski)
_LATIN_ADJECTIVE_RE = re.compile(
    "sk(?:iy|ij|ii|yy|y|aya|aja|aia|oye|oe|oje|ogo|oy|oj|om|ikh|ich|ix|im|ie|iye|ije|uyu|uju)$"
)
_LATIN_VOWEL_NAME_RE = re.compile("(?:in|(?P<kept>yn|uy))$")
_LATIN_NAME_VOWELS = ("a", "ya", "y", "i", "e", "u")
_POLISH_RE = re.compile("[ąćęłńśźż]")


def romanized_adjective(word: str, form: str, tables: Tables) -> Entry | None:
    """relational_adjective for a Latin word that romanizes the Russian one: the entry of a
    listed town of the region whose adjective it writes (Shushinsky, Šušinskij: Shusha;
    Lenkoranskiy: Ленкорань). Not an English word (whisky), nor a word with Turkic or Polish
    letters (Bagiński), nor a frequent Russian adjective romanized (Kazakhsky, Kubinskiy:
    Kazakh and Cuban); a village's name is too often a surname's stem (Ushinsky is no one of
    Ushi), so only a town's (_town) counts."""
    m = _LATIN_ADJECTIVE_RE.search(form)
    if m is None or m.start() < MIN_STEM or TURKIC_LETTER_RE.search(word):
        return None
    stem = form[: m.start()]
    if _POLISH_RE.search(word) or is_english_word(form) or stem in _common_adjective_stems():
        return None
    names: tuple[str, ...] = (stem, stem + "y")
    if stem.endswith("s"):
        names += (stem[:-1] + "z",)  # Khachmasskiy: Хачмаз
    v = _LATIN_VOWEL_NAME_RE.search(stem)
    if v is not None:
        base, kept = stem[: v.start()], v.group("kept")
        names = (base + kept[0],) if kept else tuple(base + x for x in _LATIN_NAME_VOWELS)
        names += (stem,)  # Lachinskiy: Лачин
    return _town_of(names, tables)


@cache
def _common_adjective_stems() -> frozenset[str]:
    """The frequent Russian adjectives in -ский romanized, without it: kazakh, kubin."""
    return frozenset(
        lookup_form(w[:-4])
        for w in common_words()
        if w.endswith(("ский", "ской")) and script(w) == "cyr"
    )


def adjective_groups(word: str) -> tuple[str, ...]:
    """The groups of the place of the region whose Russian adjective, or people's -ец, the
    Cyrillic `word` is (relational_adjective): what Russian writes in lower case of a name."""
    entry = relational_adjective(word, lookup_tables(word))
    return entry.groups if entry is not None else ()


def _devoiced(stem: str) -> tuple[str, ...]:
    """A name's final з, which Russian writes с before -ский (Хачмаз: хачмасский)."""
    return (stem[:-1] + "з",) if stem.endswith("с") else ()
