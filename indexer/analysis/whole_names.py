"""Names of several words, looked up whole: Kasum-Ismailovo, Ali-Bayramly, Upper Karabakh.
whole_names_table.py says why such a name is not its words and reads the files that list them.

The query parser (indexer.search.parse) asks `other_names` for runs of adjacent query words; a run
that is a listed name finds every name of its group: a one-word name as a word (with all its
spellings), a multi-word name as a phrase. A one-word query word is also a member of a group
whose id the word tables give it (Goranboy of places.tsv is gn586430 here too), so Goranboy
finds Kasum-Ismailovo. The own name of a place of Azerbaijan or Armenia that another place
has too (Şirvan, also a town in Iran) is among its other names and finds them (a reader who
writes Şirvan, or a case form of it, Şirvanda, Ширвана, gets Ali-Bayramly too, and the
documents that say Şirvan of either town, as ever); a place elsewhere's is neither.
A hyphenated name of two words of a place of Azerbaijan or Armenia is also its name written
as one word (Kasum-Ismailovo: Kasumismailovo), as Azerbaijani writes such names, and a
one-word name typed with a hyphen (Ter-Ter, Khan-Kendi, as Russian writes some) is that name.
A run of words is a multi-word name when each word meets the name's
word as the search core meets words (a shared spelling key): Nagornyy Karabakh and Нагорного
Карабаха are Nagorny Karabakh, unless the spelling is as close to a name of another place; a
Russian name's word meets it in its other cases too (russian_cases.py: Советского Союза is
Советский Союз), and a name's words carry those cases as other names of a query, so that
USSR finds Советского Союза.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from indexer.caching import bounded_cache

from .casing import lower
from .keys import name_keys, variant_keys
from .lookup import asked_only, case_stems, lookup
from .name_forms import group_key, lookup_form, script
from .pipeline import exact_key
from .russian_cases import case_forms, is_case_form
from .synonyms import carrying_forms
from .tables import settled
from .whole_names_table import Words, form, ordinary, table, written_together

# a case form in Russian of a place's only one-word name needs a stem this long: a shorter
# one is as often another word's nominative (Двина, the river, is no case of Dvin; Бруней)
MIN_RUSSIAN_STEM = 6
MAX_NAMES = 48  # other names of one query name: the longest GeoNames list of the region has 47


@bounded_cache(max_bytes=2_000_000)
def _keys(word: str) -> tuple[str, ...]:
    """A word's variant keys, and the keys it would have as a name: inside a place's name an
    ordinary word is a part of the name (Большой Артик, Bolshoy Artik; Верхний, Verkhniy);
    and those of the Russian words of names it writes in a romanization scheme, where no
    spelling rule reaches (Bach Gueiniouk: Баш Гейнюк, Bash Geynyuk). Kept: a query's word is
    set beside every name whose first word meets its first (some fifty for a short word), and
    the names' words come back from query to query."""
    keys = [*variant_keys(word), *name_keys(word, listed=True)]
    for russian in table().written_for.get(lookup_form(word), ()):
        keys += variant_keys(russian)
    return tuple(dict.fromkeys(keys))


def _meet(a: str, b: str) -> bool:
    """Two words of names that are spellings of each other, or `a` a case form of the Russian
    name's word `b` (Союза, Союз)."""
    if exact_key(a) == exact_key(b) or not set(_keys(a)).isdisjoint(_keys(b)):
        return True
    return is_case_form(a, b)


@cache
def _by_case_form() -> dict[str, list[tuple[int, Words]]]:
    """Each case form of the Russian first word of a listed name of several words -> (group,
    name's words): Советского leads to Советский Союз."""
    out: dict[str, list[tuple[int, Words]]] = defaultdict(list)
    for group, names in enumerate(table().names):
        for name in names:
            if len(name) > 1:
                for case_form in case_forms(name[0]):
                    out[case_form].append((group, name))
    return settled(dict(out))


def load() -> None:
    """Read the table and the Russian case forms of its names' first words now (pymorphy3's
    dictionary: 0.15 s), not in the first query in Russian that needs them."""
    _by_case_form()


def _groups_of(words: Words) -> list[int]:
    """Groups with a multi-word name whose words are, one by one, spellings of `words`
    (Nagornyy Karabakh, Нагорного Карабаха: Nagorny Karabakh)."""
    t = table()
    listed = t.by_form.get(form(words))
    if listed:
        return list(listed)
    # each name once, though its first word may share several keys with the query's
    candidates = {
        (group, name)
        for key in _keys(words[0])
        for group, name in t.by_first.get(key, ())
        if len(name) == len(words)
    }
    if script(lower(words[0])) == "cyr":
        # a Russian name in another case (Советского Союза, Красного Креста)
        case_form = lower(words[0]).replace("ё", "е")
        candidates |= {x for x in _by_case_form().get(case_form, ()) if len(x[1]) == len(words)}
    out = {group for group, name in candidates if all(map(_meet, words[1:], name[1:]))}
    # a spelling of names of two places (Kasum-Ismaylov of Goranboy's Kasum-Ismailovo and of
    # a village's Kasum-Ismayilov) is nobody's, as the gazetteer rules for listed names
    return list(out) if len(out) == 1 else []


def other_names(words: Words, hyphenated: bool = False) -> list[Words]:
    """Every other name of the place(s) `words` names, each as its words, or [] when `words`
    is not a name of a group that has a multi-word name; for two words typed as one
    hyphenated word that no such name has, the one-word name they write, if a place has it
    (Khan-Kendi, Ter-Ter: Khankendi, Terter)."""
    t = table()
    key = form(words)
    groups = list(t.by_form.get(key, ())) if len(words) == 1 else _groups_of(words)
    if len(words) == 1:
        for group_id in _group_ids(words[0]):
            groups += t.by_id.get(group_id, ())
    groups += t.by_own.get(key, ())
    if len(words) == 1 and key not in t.by_own:
        # a case form of such an own name finds them too (Laçında, Лачине: Lachin's names),
        # and one of a place's only one-word name, which the word tables do not list, having
        # no other spelling to tie to it (Монтеаване, Մոնթեավանում: Monteavan's names)
        stems = case_stems(words[0])
        for stem in stems:
            groups += t.by_own.get((stem,), ())
        if not groups and _unlisted_case_form(words[0]):
            armenian = script(words[0].lower()) == "hy"
            for stem in stems:
                if armenian or len(stem) >= MIN_RUSSIAN_STEM:
                    groups += [g for g in t.by_form.get((stem,), ()) if g in t.core]
    out: dict[tuple[str, ...], Words] = {}
    for g in dict.fromkeys(groups):
        # one word the word tables give the group's id finds every one-word name of it: the
        # others would only repeat its spellings
        covered = len(words) == 1 and _in_group(words[0], t.ids[g])
        for name in t.names[g] + t.own[g]:
            if form(name) == key or form(name) in out or form(name) in t.holding[g]:
                continue
            if len(name) == 1 and asked_only(name[0]):
                continue  # UN would find every "un" too: the group's other words find it
            if len(name) == 1 and _in_group(name[0], t.ids[g]):
                if covered:
                    continue
                covered = True
            out[form(name)] = name
    if not out and hyphenated and len(words) == 2:
        one = _as_one_word(words)
        if one:
            out[form(one)] = one
    return list(out.values())[:MAX_NAMES]


def _unlisted_case_form(word: str) -> bool:
    """`word` may be a case form of a place's only one-word name: in Cyrillic or Armenian
    letters, whose case endings are a name's (a Latin word's -i or -da may be its own letters:
    Bruni, Shalom), and no word the tables list (Çankaya is a place of its own)."""
    return script(word.lower()) in ("cyr", "hy") and lookup(word) is None


def _as_one_word(words: Words) -> Words | None:
    """Two words that a listed one-word name writes as one (Khan-Kendi, Dash-Kesan: Khankendi,
    Dashkesan), as that word; None otherwise."""
    one = written_together(words)
    entry = lookup(one)
    if entry is None or entry.strict or not entry.groups or ordinary(one):
        return None
    return (one,)


def _group_ids(word: str) -> list[str]:
    """The groups a word is a name of: those the word tables give it, and those its spelling
    keys link it to, as an unlisted spelling of a listed name (Hodzhavend of Khojavend), so
    that it finds the place's names of several words as the listed name does. A strict word
    (a people's name or an ordinary word of words.tsv) is a member only of a group of its own
    that has names here (Meskhetians: Ahıska Türkleri)."""
    entry = lookup(word)
    if entry is not None and entry.strict:
        return [g for g in entry.groups if g in table().by_id]
    return [k[len(GROUP) :] for k in variant_keys(word) if k.startswith(GROUP)]


GROUP = group_key("")


def _in_group(word: str, group_id: str) -> bool:
    entry = lookup(word)
    return bool(entry) and group_id in entry.groups or group_id in _group_ids(word)


def other_forms(word: str) -> frozenset[str]:
    """A word of a listed name of several words as documents may write it, beside its
    spellings: a Russian word in each romanization scheme (spellings_in_schemes) and in its
    other cases (Советского of Советский Союз: russian_cases.py)."""
    return spellings_in_schemes(word) | case_forms(word)


def spellings_in_schemes(word: str) -> frozenset[str]:
    """A Russian word of a listed name of several words as each romanization scheme writes
    it: a document may write the name in a scheme whose spelling of a word is an English
    word, which no spelling rule touches (Верин Гетик, Verine Guetik: verine; Баш Гейнюк,
    Bach Gueiniouk: bach), so another name's words carry these spellings too."""
    return table().schemes.get(lookup_form(word), frozenset())


def longest() -> int:
    """The most words a listed name has: the longest run of query words worth looking up."""
    return table().longest


def compound(word: str) -> bool:
    """A listed word that carries the keys of another word too (Bergkarabach>Karabakh)."""
    return lookup_form(word) in carrying_forms()
