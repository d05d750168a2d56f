"""A word's entry in the tables (synonym_table.py): as listed, or as a listed name with the endings
of its languages (endings.py) or in a form stripping an ending does not find (inflections.py),
or as a word made of a name (derived.py).

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

from indexer.caching import bounded_cache

from . import derived
from .casing import QARA_RE, lower
from .endings import (
    ARMENIAN_CASE_RE,
    ARMENIAN_PLURAL_RE,
    GERMAN_ADJECTIVE_ENDINGS,
    GERMAN_ADJECTIVE_RE,
    MIN_CASE_STEM,
    MIN_STEM,
    SCRIPT_SUFFIX_RE,
    SUFFIX_RE,
    TURKIC_CASE_RE,
    TURKIC_VOWEL_CASE_RE,
    TURKIC_WRITTEN_CASE_RE,
    TURKIC_WRITTEN_VOWEL_CASE_RE,
    WRITTEN_SUFFIX_RE,
    stem_of,
    without_endings,
)
from .inflections import (
    FIRST_DECLENSION_RE,
    ROMANIZED_ENDING,
    feminine_plural,
    first_declension,
    fleeting_e,
    foreign_ending,
    german_people_plural,
    singulative,
)
from .lexicon import common_words, is_common_word, is_english_as_written, is_english_word
from .name_forms import (
    PEOPLE_GROUP,
    TURKIC_LETTER_RE,
    Entry,
    in_capitals,
    lookup_form,
    name_form,
    script,
    written_form,
)
from .romanize import strip_apostrophe_suffix
from .synonym_table import table
from .synonyms import native_names


@bounded_cache(max_bytes=2_000_000)
def lookup(word: str) -> Entry | None:
    """The table entry for `word` or for its bare form, if listed, with the groups of a Latin
    name that counts only as written (`X@`) when `word` is written so."""
    entry = _lookup(word)
    mine = _lookup_written(word) if script(word) == "latn" else None
    if mine is None:
        return entry
    return mine if entry is None else _with(entry, mine)


def acronym(word: str) -> Entry | None:
    """The entry of an organisation's acronym (name_forms.in_capitals) written letter for letter
    as the table writes it (YES is not ЕС, DIN not DİN, AGITÉ not AGİT), bare or with a
    Turkish case ending after an apostrophe (AGİT'in) or a Russian one in small letters after
    it (МИДа, МИДом)."""
    if not in_capitals(word):
        return None
    capitals = table().capitals
    bare = strip_apostrophe_suffix(word)
    return capitals.get(bare) or capitals.get(_without_case_ending(bare) or "")


MAX_ACRONYM_ENDING = 3  # МИДа, МИДом; not ОМОНовцы, a word made of the acronym


def _without_case_ending(word: str) -> str | None:
    """An acronym with a Russian case ending in small letters, without it (МИДа: МИД)."""
    head = word.rstrip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
    if head == word or not head.isupper() or len(word) - len(head) > MAX_ACRONYM_ENDING:
        return None
    return head


def asked_only(word: str) -> tuple[str, ...]:
    """The groups of `word` as an acronym that is an ordinary word in lower case (UN, un;
    PACE, pace): the index holds the two as one word, so a document's word is no member of
    them, while a query for the acronym asks for them."""
    entry = acronym(word)
    if entry is None:
        return ()
    low = lower(strip_apostrophe_suffix(word))
    cyrillic = script(low) == "cyr"
    return entry.groups if is_english_word(low) or cyrillic and low in common_words() else ()


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


# Russian's genitive plural, which only a people's name of the tables takes (курдов, лезгинов)
_PLURAL_OF_PEOPLES = ("ov", "ev")


def _people(entry: Entry) -> bool:
    return entry.strict or any(g.startswith(PEOPLE_GROUP) for g in entry.groups)


def _whole_name(word: str) -> str | None:
    """The name_form of `word` if it is a name the tables list with an apostrophe, not a word
    and its ending (Shil’da, Senak'i), unless that ending is the English possessive: Engel's
    is Engel's, though GeoNames spells Энгельс so too."""
    if "'" not in word and "’" not in word or word[-2:] in ("'s", "’s"):
        return None
    whole = name_form(word)
    return whole if whole in table().whole else None


def _lookup(word: str) -> Entry | None:
    entry = acronym(word)
    if entry is not None:  # an acronym before a name it spells (ԱԳՆ, the ministry; Agn)
        return entry
    # a listed name with an apostrophe (Shil’da) is that name, not Shil and the ending -da
    form = _whole_name(word) or lookup_form(word)
    index = table().index
    native = native_names(word)
    if form in index:
        return _with(index[form], native.get(form))
    capitalized = table().capitalized if word[:1].isupper() or not word.isascii() else {}
    if form in capitalized:  # a name in its own script keeps its groups here too (Թարթառ@)
        return _with(capitalized[form], native.get(form))
    if form in native:
        return native[form]
    if form in table().left_out:
        # a name of several places, or a place's name that is an ordinary word, is no other
        # name with an ending: Çeşme, a town of Turkey and the word for a fountain, is not
        # Cheshm, a village of Iran, in the dative
        return None
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
    entry = _with_ending(word, form, kind, stems, (index, capitalized, native))
    if entry is not None:
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
        feminine_plural(form, index)
        or german_people_plural(word, form, index)
        or derived.german_demonym(word, form, (index, capitalized))
    )
    if entry is not None:
        return entry
    if kind == "cyr":
        entry = singulative(without_endings(form, suffix_re), index) or fleeting_e(
            without_endings(form, suffix_re), index
        )
        if entry is not None:
            return entry
        entry = first_declension(word, form, (index, capitalized, native))
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


def _with_ending(word: str, form: str, kind: str, stems, tables) -> Entry | None:
    """The entry of a listed name of which `word` (as `form`) is one of `stems` and an ending,
    or None."""
    for stem in stems:
        for table_ in tables:
            entry = table_.get(stem)
            ending = form[len(stem) :]
            if entry is not None and not foreign_ending(kind, stem, ending, entry):
                if ending in _PLURAL_OF_PEOPLES and not _people(entry):
                    continue  # Lachinov, a surname, is no case of Lachin: no place has plurals
                # an English word is no name with an ending (aware is not the Avar's locative,
                # nor table Ţabl's, enemy Enem's, tasty Tast's), unless written with a capital
                # it is a name more often (Salina); asked only here, as few words get this far
                return (
                    None if kind == "latn" and is_english_as_written(lower(word), word) else entry
                )
    return None


def _turkic_alphabet(word: str) -> bool:
    return bool(TURKIC_LETTER_RE.search(word) or QARA_RE.search(lower(word)))


def turkic_case_stems(word: str) -> list[str]:
    """The words, in their own letters, of which `word` is an Azerbaijani or Turkish case form
    as _lookup reads one (Xobidən: Xobi), for a name that only a rule finds, not a table; an
    x counts as a letter of those alphabets here (Xuloda: Xulo), as no table's name is
    looked up through it."""
    if not (script(word) == "latn" and word[:1].isupper()):
        return []
    if not (_turkic_alphabet(word) or "x" in word.lower()):
        return []
    bare = strip_apostrophe_suffix(word)
    form = lower(bare)
    cuts = [*without_endings(form, TURKIC_WRITTEN_CASE_RE, MIN_CASE_STEM)]
    if not is_common_word(form):
        cuts += without_endings(form, TURKIC_WRITTEN_VOWEL_CASE_RE, MIN_CASE_STEM)
    return [bare[: len(stem)] for stem in cuts]


def case_stems(word: str) -> list[str]:
    """Lookup forms of which `word` may be a case form, as the table's lookup strips endings
    (Şirvanda, Ширвана: shirvan; Барде: barda), for names looked up outside the table
    (whole_names.py). None for a frequent word (Губой is губа's, not Quba's)."""
    if is_common_word(word):
        return []
    form = lookup_form(word)
    out = list(without_endings(form, SCRIPT_SUFFIX_RE.get(script(word), SUFFIX_RE)))
    m = FIRST_DECLENSION_RE.search(word.lower()) if script(word) == "cyr" else None
    ending = ROMANIZED_ENDING[m.group()] if m else ""
    if ending and form.endswith(ending):
        nominatives = [form[: -len(ending)] + vowel for vowel in ("a", "ya")]
        out += [n for n in nominatives if len(n) >= MIN_STEM]
    return out


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
