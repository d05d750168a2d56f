"""The curated table: names that differ by more than spelling (exonyms, ethnonyms, renamed
places, translations), which no folding rule can derive.

Seven files under data/, one group per line: `group<TAB>names`, names separated by commas.
- places.tsv: generated from GeoNames (generate/places/): the names of every populated place
  of the region, ambiguous names left out by rule.
- names.tsv: curated places, for what GeoNames lacks. Their words keep the spelling rules as
  well, so an unlisted romanization of a listed name still meets it.
- given_names.tsv: curated given names that the press translates (Serge for Serzh, Joseph for
  Iosif), and Armenian ones Russian writes without their h (Акоп for Hakob). They keep the
  spelling rules, but the table links no unlisted word to them.
- peoples.tsv: generated from CLDR's language names (generate/peoples.py): the names of the
  region's other peoples in each language (Kumyk, Кумык, Kumuk). They keep the spelling rules.
- organisations.tsv: curated organisations with their acronyms in each language (OSCE, ОБСЕ,
  ATƏT); its one-word names are here, its names of several words in whole_names.py. An acronym
  (two capitals or more) counts only written in capitals and letter for letter as listed: UN
  is the United Nations, un French, and the headline's YES no ЕС.
- words.tsv: ethnonyms and ordinary words (Azeri, Armenian, group). They get no spelling rules:
  Azeri must not meet Azari (an extinct Iranian language), so each form is listed.
- countries.tsv: generated from CLDR's territory names (generate/countries.py): the countries
  beyond the region in each language (Switzerland, Schweiz, İsveçrə, Швейцария). No spelling
  rules either; a case ending goes only on a name of the word's own script, and on a Latin
  name only a Turkic one or a genitive's s (Almanyada, Mexikos; not Maliy, Малый).
A name written `X>Y` in a document also carries the keys of the word Y (Bergkarabach>Karabakh:
the German compound is both Nagorno and Karabakh, and a search for Karabakh finds it); a query
for it asks for its own keys only (keys/recorded.py). A word written `X*` counts only capitalized
(Հայ, whose romanization is English hay), and one written `X@` only in its own script, Cyrillic
or Armenian (Горан@ and Գորան@ are Gogaran, but the Latin goran is an English word, artık a
Turkish one: Արթիկ@), or a Latin one only with its own letters (Tashir@ is Tashir, the Turkish
taşır is not), with an Azerbaijani or Turkish case ending too (Tashirdan); such a name reaches
no other spelling by its skeleton or scheme key, which would bring the other word back. Words
that translate part of a name (Upper, Haut, Berg) are in none of these files: they name
nothing alone, so names of several words are looked up whole (whole_names.py) and "upper"
alone never reaches Nagorno.

The lookups of synonyms.py, lookup.py, name_facts.py and keys/links.py read it; name_forms.py
says how its names are written and looked up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .casing import lower
from .endings import stem_of
from .name_forms import (
    A_OR_E_RE,
    CYRILLIC_RE,
    KEEP_E_COUNTRIES,
    NATIVE,
    VOWELS_KEPT,
    Entry,
    country_only,
    ethnonym_adjective,
    ethnonym_case_stem,
    in_capitals,
    keeps_vowels,
    lookup_form,
    name_form,
    script,
    written_form,
)
from .romanize import russian_cyrillic
from .schemes import scheme_keys
from .stored import stored
from .tables import rows, settled

# дж, and д before я, ё or ю, in Russian letters or as BGN/PCGN romanizes them
_DZH_RE = re.compile("дж|dzh")
_DYA_RE = re.compile("д[яёю]|dy[aou]")


@dataclass
class _Table:
    index: dict[str, Entry] = field(default_factory=dict)
    capitalized: dict[str, Entry] = field(default_factory=dict)  # the `X*` words
    # organisations' acronyms, as written (lookup.acronym)
    capitals: dict[str, Entry] = field(default_factory=dict)
    # the `X@` words, by script ("cyr", "hy") and lookup form
    native: dict[str, dict[str, Entry]] = field(default_factory=dict)
    # the `X@` words of Latin letters, by written_form: Tashir, not the Turkish taşır
    written: dict[str, Entry] = field(default_factory=dict)
    # the stems of words.tsv's words and of peoples.tsv's Russian adjectives, each form without
    # one ending: an inflection the table does not list meets the listed ones through it
    # (Азербайджанцев: Азербайджанцы; аварского: Аварский), and
    # keeps the spelling rules, as no list holds its romanizations
    stems: dict[str, Entry] = field(default_factory=dict)
    # the scheme key (schemes.py) of each name of places.tsv and each Russian word of the
    # other tables, and of the stem of those of words.tsv: a romanization in any scheme of a
    # listed name is that name (Kelanlou: Kjolanlu, Кёланлу; Armiane, Armjane: Армяне;
    # azerbaidzhantsev: Азербайджанцев), as no list holds them all
    schemes: dict[str, Entry] = field(default_factory=dict)
    scheme_stems: dict[str, Entry] = field(default_factory=dict)
    scheme_prefixes: set[str] = field(default_factory=set)  # of the keys of `scheme_stems`
    # the scheme key of a name in the Russian alphabet of a place outside the conflict's
    # region, when no other place's name has it: a Latin word with that key (ordinary words
    # have none) is that name in another scheme (Alonetc: Алонец, Olonets), while links by
    # skeleton stay the region's alone
    far_schemes: dict[str, Entry] = field(default_factory=dict)
    # names the gazetteer leaves out (places_ambiguous.tsv): nobody's by a scheme key either
    left_out: frozenset[str] = frozenset()
    vowels_kept: frozenset[str] = frozenset()  # of left_out: see VOWELS_KEPT
    # (word, group) of the names whose skeletons also lead to their group (keys/links.py)
    names: list[tuple[str, str]] = field(default_factory=list)
    # name_form of the listed names whose lookup_form would lose a tail after an apostrophe
    whole: set[str] = field(default_factory=set)
    # the groups with a name that writes дж, in Russian letters or romanized (dzh), and those
    # with one that writes дя, дё or дю (dya, dyo, dyu): synonyms.writes_dzh
    dzh: set[str] = field(default_factory=set)
    dya: set[str] = field(default_factory=set)

    def add(
        self,
        name: str,
        group: str,
        strict: bool,
        bridge: bool = True,
        keep_e: bool = False,
        acronym: bool = False,
    ) -> None:
        word, _, also = name.partition(">")
        index = self.index
        if acronym:
            # no spelling rules and no skeleton links: they would bring the word in lower
            # case back, and an acronym's few letters meet too many words
            index, strict = self.capitals, True
        elif word.endswith("*"):
            word, index = word[:-1], self.capitalized
        elif word.endswith(NATIVE):
            word = word[: -len(NATIVE)]
            latin = script(word) == "latn"
            index = self.written if latin else self.native.setdefault(script(word), {})
            bridge = False
        if not strict and bridge:
            self.names.append((word.strip(), group))
        if acronym:
            form = word.strip()  # letter for letter: YES is not ЕС, DIN not DİN
        elif index is self.written:
            form = written_form(word.strip())
        else:
            form = name_form(word.strip())
            if form != lookup_form(word.strip()):
                self.whole.add(form)
        old = index.get(form, Entry())
        index[form] = Entry(
            groups=tuple(dict.fromkeys(old.groups + (group,))),
            strict=old.strict or strict,
            also=old.also + ((also.strip(),) if also else ()),
            keep_e=keep_e and (old.keep_e or not old.groups),
        )


ORGANISATIONS = "organisations.tsv"
GIVEN_NAMES = "given_names.tsv"
_ONE_WORD_RE = re.compile(r"\w+(?:['’]\w+)?")


# Places whose unlisted spellings reach their other names through a skeleton (keys/links.py):
# those of the conflict's region. Elsewhere a listed spelling is needed: across six countries
# too many different places share a skeleton.
BRIDGE_COUNTRIES = frozenset({"AZ", "AM"})
# Places any of whose names a romanization in another scheme joins (synonyms.by_scheme): those, and
# Georgia's, whose names the press romanizes from Russian in every scheme (Tskhinvali,
# Tckhinvali, Cchinvali) and whose few places share no scheme key with an ordinary word.
# Elsewhere only a name in the Russian alphabet that no other place has (far_schemes).
SCHEME_COUNTRIES = BRIDGE_COUNTRIES | {"GE"}


def _word(name: str) -> str:
    """A table entry's word, without its marks (X*, X@, X>Y)."""
    return name.strip().partition(">")[0].rstrip("*").removesuffix(NATIVE)


@cache
def table() -> _Table:
    return stored("table", _read_table)


def _read_table() -> _Table:
    t = _Table()
    # (word, of words.tsv) whose scheme key leads to its entry: the names of the places of
    # SCHEME_COUNTRIES in places.tsv (across six countries too many places share a scheme key)
    # and the Russian words of the other tables
    by_scheme: list[tuple[str, bool]] = []
    far: list[str] = []
    for filename, strict in (
        ("places.tsv", False),
        ("names.tsv", False),
        (GIVEN_NAMES, False),
        (ORGANISATIONS, False),
        ("peoples.tsv", False),
        ("words.tsv", True),
        ("countries.tsv", True),
    ):
        for cells in rows(filename):
            group = cells[0].strip()
            # a given name links no unlisted word spelt close to it (Sergo is no Serge)
            bridge = filename != GIVEN_NAMES and (
                filename != "places.tsv" or cells[2].strip() in BRIDGE_COUNTRIES
            )
            country = cells[2].strip() if filename == "places.tsv" else ""
            # only a name with ə or ä may take a name's vowels away (keeps_vowels)
            marked = [_word(n) for n in cells[1].split(",") if A_OR_E_RE.search(n)]
            for name in cells[1].split(","):
                if not name.strip():
                    continue
                if filename == ORGANISATIONS and not _ONE_WORD_RE.fullmatch(name.strip()):
                    continue  # a name of several words: whole_names.py
                keep_e = country in KEEP_E_COUNTRIES and keeps_vowels(country, _word(name), marked)
                acronym = filename == ORGANISATIONS and in_capitals(name)
                t.add(name.strip(), group, strict, bridge, keep_e, acronym)
                word = name.strip().rstrip("*").partition(">")[0]
                low = word.lower()
                if _DZH_RE.search(low):
                    t.dzh.add(group)
                if _DYA_RE.search(low):
                    t.dya.add(group)
                if word.endswith(NATIVE) or acronym:
                    continue
                if filename == "places.tsv":
                    joined = cells[2].strip() in SCHEME_COUNTRIES
                else:
                    # a country's Russian name is not romanized: Latin letters write the
                    # country's own names, and a scheme's key of Швеция or Дания is the
                    # Polish świeca's, candle's, or the name Diana's
                    joined = filename != "countries.tsv" and bool(CYRILLIC_RE.search(word))
                if joined:
                    by_scheme.append((word, strict))
                elif filename == "places.tsv" and _russian(word):
                    far.append(word)
    for form, entry in t.index.items():
        # a stem of a word of words.tsv is an ethnonym's (армянск-), and so is that of a
        # people's Russian adjective in peoples.tsv (аварск-: аварского, avarskikh); a
        # country's is often another word's (Roman of Romanya, Kamer of Kamerun)
        if entry.strict and not country_only(entry) or ethnonym_adjective(form, entry):
            stem = stem_of(form)
            if stem and stem not in t.index:
                _join(t.stems, stem, entry)
    for word, strict in by_scheme:
        form = name_form(word)
        entry = t.index.get(form) or t.capitalized.get(form)
        for key in _listed_scheme_keys(word, form):
            _join(t.schemes, key, entry)
        # a word of words.tsv meets its romanizations with any ending; a people's plural in
        # -цы of peoples.tsv those of the other cases, which drop the е of its -ец too
        # (Chechentsev, Čečencami: чеченцев, чеченцами)
        stem = (stem_of(form) or form) if strict else ethnonym_case_stem(form, entry)
        if stem:
            for key in _listed_scheme_keys(word, stem):
                _join(t.scheme_stems, key, entry)
                t.scheme_prefixes.add(key[:SCHEME_PREFIX])
    for word in far:
        form = name_form(word)
        entry = t.index.get(form) or t.capitalized.get(form)
        for key in _listed_scheme_keys(word, form):
            _join(t.far_schemes, key, entry)
    # a key the region's names also have is theirs (synonyms.by_scheme asks `schemes` first)
    t.far_schemes = {k: e for k, e in t.far_schemes.items() if len(e.groups) == 1}
    left_out = list(rows("places_ambiguous.tsv"))
    t.left_out = frozenset(name_form(cells[0]) for cells in left_out)
    t.vowels_kept = frozenset(
        name_form(cells[0]) for cells in left_out if cells[3:4] == [VOWELS_KEPT]
    )
    return settled(t)


def _russian(word: str) -> bool:
    """Written in the Russian alphabet, without the hard sign that Caucasian alphabets put
    after a consonant (Къонья, Konya: no Kenya)."""
    letters = russian_cyrillic(lower(word))
    return bool(letters) and "ъ" not in letters


def _listed_scheme_keys(word: str, form: str) -> tuple[str, ...]:
    """The scheme keys of a listed word's lookup form (romanized, if it is Cyrillic)."""
    return scheme_keys(form, cyrillic=bool(CYRILLIC_RE.search(word)))


def _join(schemes: dict[str, Entry], key: str, entry: Entry) -> None:
    old = schemes.get(key, Entry())
    schemes[key] = Entry(tuple(dict.fromkeys(old.groups + entry.groups)))


SCHEME_PREFIX = 5  # symbols of a scheme key that a Russian word shares with its stem's key
