"""Names of several words, looked up whole: Kasum-Ismailovo, Ali-Bayramly, Upper Karabakh.

A name of several words is one name, not its words: Kasum is a given name, Ismailov a surname,
Upper an English word, and none of them names a place alone. So such names are not in the word
tables (synonym_table.py) but here, each with the other names of its place, in three files of one
format (`group<TAB>names`, whole names separated by commas):
- data/places_multiword.tsv: generated from GeoNames with the gazetteer (generate/places/);
- data/names_multiword.tsv: curated, for what GeoNames lacks (Nagorno-Karabakh and its
  translations: Upper Karabakh, Haut-Karabakh, Dağlıq Qarabağ, Нагорный Карабах);
- data/organisations.tsv: curated organisations, whose acronyms (OSCE, ОБСЕ, ATƏT) and other
  one-word names are in the word tables too (Minsk Group, Минская группа, groupe de Minsk);
- data/countries_multiword.tsv: generated from CLDR with countries.tsv (generate/countries.py):
  the countries beyond the region (United States, Vereinigte Staaten, Соединённые Штаты).

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
from dataclasses import dataclass, field
from functools import cache

from indexer.caching import bounded_cache

from .casing import lower
from .keys import SWAP, index_keys, name_keys, variant_keys
from .lexicon import is_common_word, is_english_word
from .lookup import asked_only, case_stems, lookup
from .name_forms import group_key, in_capitals, lookup_form, script
from .pipeline import exact_key, tokens
from .russian_cases import case_forms, is_case_form
from .synonym_table import BRIDGE_COUNTRIES, ORGANISATIONS
from .synonyms import carrying_forms, is_left_out
from .tables import rows, settled

FILES = ("places_multiword.tsv", "names_multiword.tsv", ORGANISATIONS, "countries_multiword.tsv")
# the Russian words of names of several words in every romanization scheme (generate/schemes.py)
SCHEMES = "scheme_spellings.tsv"
# a case form in Russian of a place's only one-word name needs a stem this long: a shorter
# one is as often another word's nominative (Двина, the river, is no case of Dvin; Бруней)
MIN_RUSSIAN_STEM = 6
MAX_NAMES = 48  # other names of one query name: the longest GeoNames list of the region has 47

Words = tuple[str, ...]


@dataclass
class _Table:
    names: list[tuple[Words, ...]] = field(default_factory=list)  # group -> its names' words
    ids: list[str] = field(default_factory=list)  # group -> its id in the files
    # group -> forms of its names that hold one of its one-word names (Khojaly District, Nor
    # Voskepar): a query for them is the place's name, but as another name of a query they
    # find nothing that the one-word name does not. A name with a common noun and no such
    # word (Ходжалинский район, Lorii dziabucakan sovkhozin kic avan) is searched for: a
    # document may name the place by it alone.
    holding: list[set[tuple[str, ...]]] = field(default_factory=list)
    # group -> the own name of a place of Azerbaijan or Armenia that another place has too,
    # with its other spellings that only namesakes have (places_multiword.tsv's last column):
    # other names of the group's names, and by_own finds the group from each
    own: list[tuple[Words, ...]] = field(default_factory=list)
    by_form: dict[tuple[str, ...], list[int]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_own: dict[tuple[str, ...], list[int]] = field(default_factory=lambda: defaultdict(list))
    # groups of places of Azerbaijan or Armenia
    core: set[int] = field(default_factory=set)
    # a variant key of the first word of a multi-word name -> (group, name's words)
    by_first: dict[str, list[tuple[int, Words]]] = field(default_factory=lambda: defaultdict(list))
    # the lookup form of a Russian word of a multi-word name (its Latin twin's too: Bash of
    # Bash Geynyuk, Баш) -> its other spellings in the romanization schemes (SCHEMES)
    schemes: dict[str, frozenset[str]] = field(default_factory=dict)
    # ... and back: such a spelling -> the Russian words it writes (bach: bash, of Баш)
    written_for: dict[str, tuple[str, ...]] = field(default_factory=dict)
    longest: int = 1


def form(words: Words) -> tuple[str, ...]:
    return tuple(lookup_form(w) for w in words)


@cache
def table() -> _Table:
    t = _Table()
    firsts: dict[str, list[tuple[int, Words]]] = defaultdict(list)
    for filename in FILES:
        for cells in rows(filename):
            group = len(t.names)
            spelt = [(n, _words(n)) for n in cells[1].split(",")]
            names = tuple(words for _, words in spelt if words)
            # a shared own name only for a place of Azerbaijan or Armenia: elsewhere its
            # documents are as likely about another place of that name (İkizce, Turkey's three)
            core = len(cells) > 2 and cells[2].strip() in BRIDGE_COUNTRIES
            if core:
                names += _joined(names, [words for n, words in spelt if "-" in n])
                t.core.add(group)
            t.names.append(names)
            t.ids.append(cells[0].strip())
            shared = cells[5].split(",") if core and len(cells) > 5 else []
            t.own.append(tuple(ws for ws in (_words(n) for n in shared) if ws))
            for own in t.own[-1]:
                t.by_own[form(own)].append(group)
            one_word = {form(n)[0] for n in names if len(n) == 1}
            t.holding.append({form(n) for n in names if len(n) > 1 and one_word & set(form(n))})
            t.by_id[cells[0].strip()].append(group)
            for words in names:
                if filename == ORGANISATIONS and len(words) == 1 and in_capitals(words[0]):
                    continue  # an acronym: the group only in capitals (_group_ids), not "un"
                t.by_form[form(words)].append(group)
                t.longest = max(t.longest, len(words))
                if len(words) > 1:
                    firsts[words[0]].append((group, words))
    # a word's keys once, however many names it starts; its keys as a name are left to the
    # query's side (_groups_of), as they cost as much again at every start
    for first, named in firsts.items():
        # and the keys by which a Cyrillic query meets it with one a written е (SWAP)
        swaps = [k for k in index_keys(first) if k.startswith(SWAP)]
        for key in (*variant_keys(first), *swaps):
            t.by_first[key] += named
    t.by_form, t.by_id, t.by_first = dict(t.by_form), dict(t.by_id), dict(t.by_first)
    t.by_own = dict(t.by_own)
    t.schemes = {cells[0]: frozenset(cells[1].split(",")) for cells in rows(SCHEMES)}
    written_for: dict[str, list[str]] = defaultdict(list)
    for word, spellings in t.schemes.items():
        for spelling in spellings:
            written_for[lookup_form(spelling)].append(word)
    t.written_for = {k: tuple(v) for k, v in written_for.items()}
    return settled(t)


def _words(name: str) -> Words:
    return tuple(w for _, _, w in tokens(name))


def _joined(names: tuple[Words, ...], hyphenated: list[Words]) -> tuple[Words, ...]:
    """Each hyphenated name of two words of a place of Azerbaijan or Armenia written as one:
    Azerbaijani writes such names so (Əlibayramlı), and the press often copies it
    (Alibayramly, Kasumismailovo). Not when the group has it already, nor when the word
    tables know the word (as another place's, or as several places', left out) or it is an
    ordinary word."""
    have = {form(n) for n in names}
    out = []
    for words in hyphenated:
        if len(words) != 2:
            continue
        one = _as_written_together(words)
        known = (lookup_form(one),) in have or lookup(one) is not None or is_left_out(one)
        if known or _ordinary(one):
            continue
        have.add((lookup_form(one),))
        out.append((one,))
    return tuple(out)


def _as_written_together(words: Words) -> str:
    """Two words as one (Kasum, Ismailovo: Kasumismailovo)."""
    return words[0] + lower(words[1])


def _ordinary(word: str) -> bool:
    return is_common_word(word) or is_english_word(lower(word))


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
    one = _as_written_together(words)
    entry = lookup(one)
    if entry is None or entry.strict or not entry.groups or _ordinary(one):
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
