"""Lookups in the curated table (synonym_table.py): the groups of a romanization of a listed
name in another scheme, the compounds that carry another word's keys, which groups link
unlisted spellings to them and which write дж, whether a word is listed as written or left out
as several places' name, and the tables a word of a script is looked up in.

lookup.py finds a word's entry here, as listed or with the endings of its languages.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from .endings import stem_of
from .name_forms import Entry, lookup_form, script, written_form
from .schemes import scheme_keys
from .synonym_table import SCHEME_PREFIX, table


@cache
def carrying_forms() -> frozenset[str]:
    """Lookup forms of the compounds that carry another word's keys (`X>Y`: bergkarabach)."""
    t = table()
    return frozenset(f for tab in (t.index, t.capitalized) for f, e in tab.items() if e.also)


def writes_dzh(groups: Iterable[str]) -> bool:
    """Whether the tables write a name of these groups with дж (or BGN/PCGN's dzh), and none
    with дя, дё or дю (dya, dyo, dyu): the Latin dj of such a name is that дж (Khodjaly:
    Ходжалы, Khodzhaly), while a listed romanization may write дя so too (Vidjajevo:
    Видяево)."""
    t = table()
    return any(g in t.dzh for g in groups) and not any(g in t.dya for g in groups)


@cache
def bridged() -> frozenset[str]:
    """Groups whose names link unlisted spellings to them (keys/links.py): the places of
    Azerbaijan and Armenia and the groups of names.tsv."""
    return frozenset(group for _, group in table().names)


def lookup_tables(word: str) -> tuple[dict[str, Entry], ...]:
    """The tables that the lookup reads a name of `word`'s script from, by lookup form."""
    t = table()
    return t.index, t.capitalized, native_names(word)


def native_names(word: str) -> dict[str, Entry]:
    """The `X@` names of the word's script, by lookup form."""
    return table().native.get(script(word), {})


def by_scheme(key: str, word: str) -> Entry | None:
    """The groups of a listed name that `word`, whose scheme key is `key`, writes in another
    romanization scheme (Kelanlou: Kjolanlu), or of a Russian form of words.tsv, or a stem of
    a people's of peoples.tsv (name_forms.ethnonym_case_stem), with or without an ending
    (Armiane: Армяне; azerbaidzhantsev: Азербайджанцев; Tourkmenov: Туркмен); none for a name
    the gazetteer leaves out as another place's too (Bayram is not Bajram's village alone)."""
    t = table()
    entry = t.schemes.get(key)
    if entry is None:
        entry = t.far_schemes.get(key)
    if entry is None and key[:SCHEME_PREFIX] in t.scheme_prefixes:
        stem = stem_of(lookup_form(word))
        keys = scheme_keys(stem) if stem else ()
        entry = next(filter(None, map(t.scheme_stems.get, keys)), None)
    return None if entry is None or lookup_form(word) in t.left_out else entry


def is_left_out(word: str) -> bool:
    """`word` is a name the gazetteer leaves out as several places' (places_ambiguous.tsv)."""
    return lookup_form(word) in table().left_out


def is_listed(word: str) -> bool:
    """`word` is listed as written in the tables, not only as an inflection of a listed word."""
    form = lookup_form(word)
    if form in table().index or form in table().capitalized or form in native_names(word):
        return True
    return script(word) == "latn" and written_form(word) in table().written
