"""The table of names of several words (whole_names.py looks them up), read from its files.

A name of several words is one name, not its words: Kasum is a given name, Ismailov a surname,
Upper an English word, and none of them names a place alone. So such names are not in the word
tables (synonym_table.py) but here, each with the other names of its place, in four files of one
format (`group<TAB>names`, whole names separated by commas):
- data/places_multiword.tsv: generated from GeoNames with the gazetteer (generate/places/);
- data/names_multiword.tsv: curated, for what GeoNames lacks (Nagorno-Karabakh and its
  translations: Upper Karabakh, Haut-Karabakh, Dağlıq Qarabağ, Нагорный Карабах);
- data/organisations.tsv: curated organisations, whose acronyms (OSCE, ОБСЕ, ATƏT) and other
  one-word names are in the word tables too (Minsk Group, Минская группа, groupe de Minsk);
- data/countries_multiword.tsv: generated from CLDR with countries.tsv (generate/countries.py):
  the countries beyond the region (United States, Vereinigte Staaten, Соединённые Штаты).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from .casing import lower
from .keys import SWAP, index_keys, variant_keys
from .lexicon import is_common_word, is_english_word
from .lookup import lookup
from .name_forms import in_capitals, lookup_form
from .pipeline import tokens
from .synonym_table import BRIDGE_COUNTRIES, ORGANISATIONS
from .synonyms import is_left_out
from .tables import rows, settled

FILES = ("places_multiword.tsv", "names_multiword.tsv", ORGANISATIONS, "countries_multiword.tsv")
# the Russian words of names of several words in every romanization scheme (generate/schemes.py)
SCHEMES = "scheme_spellings.tsv"

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
                    # an acronym: the group only in capitals (whole_names._group_ids), not "un"
                    continue
                t.by_form[form(words)].append(group)
                t.longest = max(t.longest, len(words))
                if len(words) > 1:
                    firsts[words[0]].append((group, words))
    # a word's keys once, however many names it starts; its keys as a name are left to the
    # query's side (whole_names._groups_of), as they cost as much again at every start
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
        one = written_together(words)
        known = (lookup_form(one),) in have or lookup(one) is not None or is_left_out(one)
        if known or ordinary(one):
            continue
        have.add((lookup_form(one),))
        out.append((one,))
    return tuple(out)


def written_together(words: Words) -> str:
    """Two words as one (Kasum, Ismailovo: Kasumismailovo)."""
    return words[0] + lower(words[1])


def ordinary(word: str) -> bool:
    return is_common_word(word) or is_english_word(lower(word))
