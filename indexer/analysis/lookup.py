"""A word's entry in the tables (synonyms.py): as listed, or as a listed name with the endings
of its languages (endings.py), or as a word made of a name (derived.py).

Lookup ignores case, accents, script, and ə/ı vs e/i; a listed word also matches with one
common inflection (Ermeniler -> Ermeni, Армении -> Армения; in Cyrillic the adjective's -ым,
-ими, -ому, -ую too, армянским, армянскому; in Armenian letters the locative, ablative and
genitive, Երևանում, հայերից, Արփայի, and the article, հայերը; a Russian case form of a name in
-а, -я of the region or of names.tsv, Шушой), but only when the bare form is listed, so the
inflection rules never touch other words; an ethnonym of words.tsv also with another ending on
the stem of a listed form (Азербайджанцев, армянам), romanized with an adjective's ending too
(armyanskomu), and a feminine's genitive plural (армянок: Армянка); a name of the region also as
the adjective and the word for its people that Russian, Azerbaijani and Turkish, German and
Armenian make of it (шушинского, Shushinsky, Şuşalılar, Bakuer, Երևանցի: derived.py). A Latin
word that writes a listed name in another romanization scheme (schemes.py) joins its group
(synonyms.by_scheme: Kelanlou, Kjolanlu; outside Azerbaijan, Armenia and Georgia only a name in the
Russian alphabet, which the schemes romanize, that no other place has: Alonetc, Алонец), and
so does one that romanizes a Russian form of words.tsv with or
without an ending (Armiane, Armjane: Армяне; azerbaidzhantsev: Азербайджанцев).
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from indexer.caching import bounded_cache

from . import derived
from .casing import QARA_RE, lower
from .endings import (
    ARMENIAN_CASE_RE,
    ARMENIAN_PLURAL_RE,
    ETS,
    GERMAN_ADJECTIVE_ENDINGS,
    GERMAN_ADJECTIVE_RE,
    MIN_CASE_STEM,
    MIN_STEM,
    SCRIPT_SUFFIX_RE,
    SUFFIX_RE,
    TS,
    TURKIC_CASE_RE,
    TURKIC_VOWEL_CASE_RE,
    WRITTEN_SUFFIX_RE,
    stem_of,
    without_endings,
)
from .lexicon import is_common_word
from .synonyms import (
    PEOPLE_GROUP,
    TURKIC_LETTER_RE,
    Entry,
    bridged,
    country_only,
    lookup_form,
    native_names,
    script,
    table,
    word_groups,
    written_form,
)
from .tables import rows, settled


@bounded_cache(max_bytes=2_000_000)
def lookup(word: str) -> Entry | None:
    """The table entry for `word` or for its bare form, if listed, with the groups of a Latin
    name that counts only as written (`X@`) when `word` is written so."""
    entry = _lookup(word)
    mine = _lookup_written(word) if script(word) == "latn" else None
    if mine is None:
        return entry
    return mine if entry is None else _with(entry, mine)


def _lookup_written(word: str) -> Entry | None:
    """The entry of a Latin name that counts only as written (`X@`), or of which `word` is a
    case form with one ending of its own alphabet (Dəlilərdə: Dəlilər@), which the Turkish word
    folded to the same letters does not have (Tashir@ is not taşır, Tashirdə is Tashir)."""
    written = table().written
    form = written_form(word)
    for stem in (form, *without_endings(form, WRITTEN_SUFFIX_RE)):
        if stem in written:
            return written[stem]
    return None


def _lookup(word: str) -> Entry | None:
    form = lookup_form(word)
    index = table().index
    native = native_names(word)
    if form in index:
        return _with(index[form], native.get(form))
    capitalized = table().capitalized if word[:1].isupper() or not word.isascii() else {}
    if form in capitalized:  # a name in its own script keeps its groups here too (Թարթառ@)
        return _with(capitalized[form], native.get(form))
    if form in native:
        return native[form]
    kind = script(word)
    suffix_re = SCRIPT_SUFFIX_RE.get(kind, SUFFIX_RE)
    stems = without_endings(form, suffix_re)
    if kind == "hy":
        stems = itertools.chain(
            stems,
            without_endings(form, ARMENIAN_CASE_RE, MIN_CASE_STEM),
            without_endings(form, ARMENIAN_PLURAL_RE),
        )
    elif kind == "latn" and form.endswith(GERMAN_ADJECTIVE_ENDINGS):
        stems = itertools.chain(stems, without_endings(form, GERMAN_ADJECTIVE_RE))
    elif kind == "latn" and word[:1].isupper() and _turkic_alphabet(word):
        stems = itertools.chain(stems, without_endings(form, TURKIC_CASE_RE, MIN_CASE_STEM))
        if not is_common_word(lower(word)):
            stems = itertools.chain(
                stems, without_endings(form, TURKIC_VOWEL_CASE_RE, MIN_CASE_STEM)
            )
    for stem in stems:
        for table_ in (index, capitalized, native):
            entry = table_.get(stem)
            if entry is not None and not _foreign_ending(kind, stem, form[len(stem) :], entry):
                return entry
    if kind == "latn":
        entry = derived.of_place(form, (index, capitalized)) or derived.romanized_adjective(
            word, form, (index, capitalized)
        )
        if entry is not None:
            return entry
    if kind == "hy":
        entry = derived.armenian_demonym(word, (index, capitalized, native))
        if entry is not None:
            return entry
    entry = (
        _feminine_plural(form, index)
        or _german_people_plural(word, form, index)
        or derived.german_demonym(word, form, (index, capitalized))
    )
    if entry is not None:
        return entry
    if kind == "cyr":
        entry = _singulative(without_endings(form, suffix_re), index) or _fleeting_e(
            without_endings(form, suffix_re), index
        )
        if entry is not None:
            return entry
        entry = _first_declension(word, form, (index, capitalized, native))
        if entry is not None:
            return entry
    # an ethnonym's stem (only words.tsv has stems), with a Russian adjective's ending also in
    # a romanization (armyanskim, armyanskomu), not in a word of Turkic letters: its -im and
    # -üyü are Turkish endings (türküyü, a folk song's, is no Turk's)
    russian = kind == "latn" and not TURKIC_LETTER_RE.search(word)
    for endings in (suffix_re, SCRIPT_SUFFIX_RE["cyr"]) if russian else (suffix_re,):
        stem = stem_of(form, endings)
        if stem in table().stems:
            return table().stems[stem]
    if kind == "cyr":
        return derived.relational_adjective(word, (index, capitalized, native))
    return None


def _turkic_alphabet(word: str) -> bool:
    return bool(TURKIC_LETTER_RE.search(word) or QARA_RE.search(lower(word)))


def case_stems(word: str) -> list[str]:
    """Lookup forms of which `word` may be a case form, as the table's lookup strips endings
    (Şirvanda, Ширвана: shirvan; Барде: barda), for names looked up outside the table
    (whole_names.py). None for a frequent word (Губой is губа's, not Quba's)."""
    if is_common_word(word):
        return []
    form = lookup_form(word)
    out = list(without_endings(form, SCRIPT_SUFFIX_RE.get(script(word), SUFFIX_RE)))
    m = _FIRST_DECLENSION_RE.search(word.lower()) if script(word) == "cyr" else None
    ending = _ROMANIZED_ENDING[m.group()] if m else ""
    if ending and form.endswith(ending):
        nominatives = [form[: -len(ending)] + vowel for vowel in ("a", "ya")]
        out += [n for n in nominatives if len(n) >= MIN_STEM]
    return out


# the genitive plural of a Russian feminine in -ка drops the ending and puts a vowel before the
# к (армянка: армянок; турчанка: турчанок)
_FLEETING_RE = re.compile("(?<=[^aeiouy])[oe]k$")


def _feminine_plural(form: str, index: dict[str, Entry]) -> Entry | None:
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


def _singulative(stems, index: dict[str, Entry]) -> Entry | None:
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


def _fleeting_e(stems, index: dict[str, Entry]) -> Entry | None:
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


def _german_people_plural(word: str, form: str, index: dict[str, Entry]) -> Entry | None:
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
_FIRST_DECLENSION_RE = re.compile("(?:ою|ею|ой|ей|е|и|у|ы|ю)$")
_ROMANIZED_ENDING = {
    "ою": "oyu", "ею": "eyu", "ой": "oy", "ей": "ey", "е": "e", "и": "i", "у": "u", "ы": "y",
    "ю": "yu",
}  # fmt: skip


def _first_declension(word: str, form: str, tables: tuple[dict[str, Entry], ...]) -> Entry | None:
    """The entry of a listed name in -а or -я of the region, of names.tsv (bridged) or of
    words.tsv of which the Cyrillic `word` (lookup form `form`) is a case form: its ending
    stands in the place of that vowel (Арпе, Гянджой, Турцию), so stripping it does not find
    the name. Not when either is a frequent Russian word (Губой: губа, суше: суша), nor for a
    place elsewhere: across six countries too many names in -а are another word's nominative
    (Тула: туле; Москва: Москве)."""
    low = word.lower()
    m = _FIRST_DECLENSION_RE.search(low)
    ending = _ROMANIZED_ENDING[m.group()] if m else ""
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
                    bridged().isdisjoint(entry.groups) and word_groups().isdisjoint(entry.groups)
                )
                and not is_common_word(word)
                and not is_common_word(low[: m.start()] + letter)
                and _russian_nominative(entry, nominative)
            ):
                return entry
    return None


def _foreign_ending(kind: str, stem: str, ending: str, entry: Entry) -> bool:
    """Whether a word of `kind`'s script reads as a country's name with an ending the name
    does not take in that script: a case ending goes on a name of the word's own script
    (Швейцарии, Almanyada; Kıtaya, to the continent, is no Китай), and a country's Latin
    names are English, French, German, Turkish and Azerbaijani ones, which take the Turkic
    endings and the genitive's s (Pakistanın, Mexikos), not the romanized Russian ones (Maliy
    is Малый, no Mali)."""
    if not country_only(entry):
        return False
    if stem not in _country_forms().get(kind, ()):
        return True
    return kind == "latn" and ending != "s" and WRITTEN_SUFFIX_RE.fullmatch(ending) is None


def _russian_nominative(entry: Entry, nominative: str) -> bool:
    """Whether the nominative found for a Russian case form is a Russian name of `entry`: a
    country's names of other languages share its lookup forms (Романы is no case of Turkish
    Romanya)."""
    if not country_only(entry):
        return True
    return nominative in _country_forms().get("cyr", ())


@cache
def _country_forms() -> dict[str, frozenset[str]]:
    """Script -> the lookup forms of the countries' names in it."""
    out: dict[str, set[str]] = {}
    for cells in rows("countries.tsv"):
        for name in cells[1].split(","):
            out.setdefault(script(name.strip()), set()).add(lookup_form(name.strip()))
    return settled({k: frozenset(v) for k, v in out.items()})


def _with(entry: Entry, native: Entry | None) -> Entry:
    """`entry` with the groups of the same form in the word's own script (Թարթառ is Tartar's
    in names.tsv and, in Armenian letters, Mirbashir's in places.tsv)."""
    if native is None:
        return entry
    return Entry(tuple(dict.fromkeys(entry.groups + native.groups)), entry.strict, entry.also)


def listed_groups(word: str) -> tuple[str, ...]:
    """The groups of `word` as the tables list it, with an inflection, but not a Latin name that
    counts only written with a capital's letters (`X@`): those lookup adds."""
    entry = _lookup(word)
    return entry.groups if entry is not None else ()
