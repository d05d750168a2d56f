"""Inflected forms of a listed name that stripping one ending does not find (lookup.py asks
these rules by the word's lookup form, each returning the listed name's entry or None): the
Russian genitive plural of a feminine in -ка, the singular in -анин of a people's plural in
-ане, the case forms of a people's word in -ец, which drop its е, the German plural of a
people's name, and the case forms of a Russian name in -а or -я. And which endings a country's
name takes: those of its own script only (countries.tsv)."""

from __future__ import annotations

import re
from functools import cache

from .endings import ETS, MIN_CASE_STEM, MIN_STEM, TS, WRITTEN_SUFFIX_RE, without_endings
from .lexicon import is_common_word
from .name_facts import given_name_groups, given_name_only, word_groups
from .name_forms import PEOPLE_GROUP, Entry, country_only, lookup_form, script
from .synonyms import bridged
from .tables import rows, settled

# the genitive plural of a Russian feminine in -ка drops the ending and puts a vowel before the
# к (армянка: армянок; турчанка: турчанок)
_FLEETING_RE = re.compile("(?<=[^aeiouy])[oe]k$")


def feminine_plural(form: str, index: dict[str, Entry]) -> Entry | None:
    """The entry of a feminine of words.tsv (Армянка) of which `form` is the genitive plural
    (армянок, armyanok), which no ending rule finds: its stem has a vowel the listed one has
    not."""
    m = _FLEETING_RE.search(form)
    entry = index.get(form[: m.start()] + "ka") if m else None
    return entry if entry is not None and entry.strict else None


# The Russian singular in -анин, -янин of a people's name whose plural is in -ане, -яне
# (молоканин, молокане; армянин, армяне), which takes its case endings after the -ин
# (молоканина, армянину): two endings, where the lookup strips one
_SINGULATIVE, _PLURAL = "in", "e"


def singulative(stems, index: dict[str, Entry]) -> Entry | None:
    """The entry of a people of words.tsv or peoples.tsv whose plural in -ане or -яне is
    listed, of which a Cyrillic word, with one of `stems` (its lookup form without a case
    ending), is the singular in that case. Not for other words in -ин: a surname takes its
    endings so (Туркина, Туркин's, is no Turk's, whose plural is турки)."""
    for stem in stems:
        base = stem[: -len(_SINGULATIVE)]
        if not (stem.endswith(_SINGULATIVE) and base.endswith("an")) or len(base) < MIN_STEM:
            continue
        entry, plural = index.get(base), index.get(base + _PLURAL)
        if (
            entry is not None
            and plural is not None
            and plural.groups == entry.groups
            and (entry.strict or all(g.startswith(PEOPLE_GROUP) for g in entry.groups))
        ):
            return entry
    return None


def fleeting_e(stems, index: dict[str, Entry]) -> Entry | None:
    """The entry of a people of words.tsv or peoples.tsv whose word in -ец or its plural in
    -цы is listed, of which a Cyrillic word, with one of `stems` (its lookup form without a
    case ending), is a case form: Russian drops that е before every ending (аварец, аварца,
    аварцев, аварцами; адыгейцы, адыгейцев), which lookup's endings leave as a stem in -ц."""
    for stem in stems:
        if not stem.endswith(TS) or len(stem) - len(TS) < MIN_STEM:
            continue
        for listed in (stem + "y", stem[: -len(TS)] + ETS):
            entry = index.get(listed)
            if entry is not None and (
                entry.strict or all(g.startswith(PEOPLE_GROUP) for g in entry.groups)
            ):
                return entry
    return None


# German plurals of peoples' names (Awaren, Adygen, Nogaier, Lesgier), which English,
# Russian and Turkic endings do not make
_GERMAN_PLURAL_RE = re.compile("(?:ier|en|er|n)$")


def german_people_plural(word: str, form: str, index: dict[str, Entry]) -> Entry | None:
    """The entry of a people of peoples.tsv of which `word`, capitalized Latin, is the German
    plural: only a people's, as a place's name with these endings is another word (Garden,
    Bergen)."""
    if not (word[:1].isupper() and word.isascii()):
        return None
    for stem in without_endings(form, _GERMAN_PLURAL_RE, MIN_CASE_STEM):
        entry = index.get(stem)
        if entry is not None and all(g.startswith(PEOPLE_GROUP) for g in entry.groups):
            return entry
    return None


# The case endings of a Russian noun in -а, -я (Шуша: Шуши, Шуше, Шушу, Шушой), and how the
# lookup form writes them
FIRST_DECLENSION_RE = re.compile("(?:ою|ею|ой|ей|е|и|у|ы|ю)$")
ROMANIZED_ENDING = {
    "ою": "oyu", "ею": "eyu", "ой": "oy", "ей": "ey", "е": "e", "и": "i", "у": "u", "ы": "y",
    "ю": "yu",
}  # fmt: skip


def first_declension(word: str, form: str, tables: tuple[dict[str, Entry], ...]) -> Entry | None:
    """The entry of a listed name in -а or -я of the region, of names.tsv (bridged), of
    given_names.tsv or of words.tsv of which the Cyrillic `word` (lookup form `form`) is a case
    form: its ending stands in the place of that vowel (Арпе, Гянджой, Турцию, Екатерины), so
    stripping it does not find the name. Not when either is a frequent Russian word (Губой:
    губа, суше: суша), nor for a place elsewhere: across six countries too many names in -а
    are another word's nominative (Тула: туле; Москва: Москве)."""
    low = word.lower()
    m = FIRST_DECLENSION_RE.search(low)
    ending = ROMANIZED_ENDING[m.group()] if m else ""
    if not ending or not form.endswith(ending):
        return None
    for vowel, letter in (("a", "а"), ("ya", "я")):
        nominative = form[: -len(ending)] + vowel
        if len(nominative) < MIN_STEM:
            continue
        for table_ in tables:
            entry = table_.get(nominative)
            if (
                entry is not None
                and not (
                    bridged().isdisjoint(entry.groups)
                    and word_groups().isdisjoint(entry.groups)
                    and given_name_groups().isdisjoint(entry.groups)
                )
                and not is_common_word(word)
                and not is_common_word(low[: m.start()] + letter)
                and _russian_nominative(entry, nominative)
            ):
                return entry
    return None


def foreign_ending(kind: str, stem: str, ending: str, entry: Entry) -> bool:
    """Whether a word of `kind`'s script reads as a country's name or a given name of
    given_names.tsv with an ending the name does not take in that script: a case ending goes on a
    name of the word's own script (Швейцарии, Almanyada; Kıtaya, to the continent, is no
    Китай; Сержа, but Сергей is no Serge's), and a country's Latin names are English, French,
    German, Turkish and Azerbaijani ones, which take the Turkic endings and the genitive's s
    (Pakistanın, Mexikos), not the romanized Russian ones (Maliy is Малый, no Mali), and a
    given name's Latin names the genitive's s only (Josephs)."""
    if country_only(entry):
        forms, turkic = _forms_by_script("countries.tsv"), True
    elif given_name_only(entry):
        forms, turkic = _forms_by_script("given_names.tsv"), False
    else:
        return False
    if stem not in forms.get(kind, ()):
        return True
    turkic = turkic and WRITTEN_SUFFIX_RE.fullmatch(ending) is not None
    return kind == "latn" and ending != "s" and not turkic


def _russian_nominative(entry: Entry, nominative: str) -> bool:
    """Whether the nominative found for a Russian case form is a Russian name of `entry`: a
    country's names of other languages share its lookup forms (Романы is no case of Turkish
    Romanya)."""
    if not country_only(entry):
        return True
    return nominative in _forms_by_script("countries.tsv").get("cyr", ())


@cache
def _forms_by_script(filename: str) -> dict[str, frozenset[str]]:
    """Script -> the lookup forms of the names of a table of data/ in it."""
    out: dict[str, set[str]] = {}
    for cells in rows(filename):
        for name in cells[1].split(","):
            word = name.strip().rstrip("*")
            out.setdefault(script(word), set()).add(lookup_form(word))
    return settled({k: frozenset(v) for k, v in out.items()})
