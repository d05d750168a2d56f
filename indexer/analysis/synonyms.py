"""The curated table: names that differ by more than spelling (exonyms, ethnonyms, renamed
places, translations), which no folding rule can derive.

Five files under data/, one group per line: `group<TAB>names`, names separated by commas.
- places.tsv: generated from GeoNames (generate/places.py): the names of every populated place
  of the region, ambiguous names left out by rule.
- names.tsv: curated places, people, organisations, for what GeoNames lacks. Their words keep
  the spelling rules as well, so an unlisted romanization of a listed name still meets it.
- peoples.tsv: generated from CLDR's language names (generate/peoples.py): the names of the
  region's other peoples in each language (Kumyk, Кумык, Kumuk). They keep the spelling rules.
- words.tsv: ethnonyms and ordinary words (Azeri, Armenian, group). They get no spelling rules:
  Azeri must not meet Azari (an extinct Iranian language), so each form is listed.
- countries.tsv: generated from CLDR's territory names (generate/countries.py): the countries
  beyond the region in each language (Switzerland, Schweiz, İsveçrə, Швейцария). No spelling
  rules either; a case ending goes only on a name of the word's own script, and on a Latin
  name only a Turkic one or a genitive's s (Almanyada, Mexikos; not Maliy, Малый).
A name written `X>Y` in a document also carries the keys of the word Y (Bergkarabach>Karabakh:
the German compound is both Nagorno and Karabakh, and a search for Karabakh finds it); a query
for it asks for its own keys only (keys/words.py). A word written `X*` counts only capitalized
(Հայ, whose romanization is English hay), and one written `X@` only in its own script, Cyrillic
or Armenian (Горан@ and Գորան@ are Gogaran, but the Latin goran is an English word, artık a
Turkish one: Արթիկ@), or a Latin one only with its own letters (Tashir@ is Tashir, the Turkish
taşır is not), with an Azerbaijani or Turkish case ending too (Tashirdan); such a name reaches
no other spelling by its skeleton or scheme key, which would bring the other word back. Words
that translate part of a name (Upper, Haut, Berg) are in none of these files: they name
nothing alone, so names of several words are looked up whole (whole_names.py) and "upper"
alone never reaches Nagorno.

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
(by_scheme: Kelanlou, Kjolanlu; outside Azerbaijan, Armenia and Georgia only a name in the
Russian alphabet, which the schemes romanize, that no other place has: Alonetc, Алонец), and
so does one that romanizes a Russian form of words.tsv with or
without an ending (Armiane, Armjane: Армяне; azerbaidzhantsev: Азербайджанцев).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from indexer.caching import bounded_cache

from .casing import QARA_RE, lower
from .lexicon import is_common_word
from .romanize import romanize, romanize_for_keys, russian_cyrillic, strip_apostrophe_suffix
from .schemes import scheme_keys
from .skeleton import skeletons
from .tables import rows, settled

PEOPLE_GROUP = "people-"  # the groups of peoples.tsv: people-<language code>
COUNTRY_GROUP = "country-"  # the groups of countries.tsv: country-<territory code>

# English plural, Azerbaijani/Turkish case and plural endings (a case after the plural too:
# Ermənilərlə, azərbaycanlılara), Russian case endings (romanized). Tried longest first, only
# to find a listed word.
_ENDINGS = (
    r"lerinin|larinin|lerden|lardan|lerin|larin|lerde|larda|lerle|larla|lere|lara|leri|lari"
    r"|ler|lar|(?<=l[ae]r)l[ae]|nin|nun|daki|deki|taki|teki|dan|den|tan|ten"
    r"|da|de|ta|te|yla|yle"
    r"|in|un|ogo|ego|ykh|ikh|yakh|akh|ami|yami|yam|am|aya|oye|iye|yye|om|em|oy|ey|iy|yy|ov|ev"
    r"|ya|es|s|a|e|i|u|y"
)
_SUFFIX_RE = re.compile(rf"(?:{_ENDINGS})$")
# and in their own scripts only (in Latin letters they are Turkish endings too: eğilim is
# not Eğil's), Russian adjectives' -ым, -им, -ыми, -ими (армянским, русскими) and the
# Armenian locative -ում and ablative -ից, and the յ these and the genitive -ի take after a
# vowel (Երևանում, Արփայում, Արփայի, հայերից), and the article's ն after a vowel (Շուշին)
_RUSSIAN_ADJECTIVE = "imi|ymi|im|ym|omu|emu|uyu"  # армянскими, армянскому, армянскую
_SCRIPT_SUFFIX_RE = {
    "cyr": re.compile(rf"(?:{_RUSSIAN_ADJECTIVE}|{_ENDINGS})$"),
    "hy": re.compile(rf"(?:yits|its|yum|um|yi|(?<=[aeiou])n|{_ENDINGS})$"),
}
# the Armenian locative and ablative, which a name of three letters takes too (Ջիլում,
# Զառից: Jil, Zarr); MIN_STEM keeps a Latin plural from reading as a short name's (Hayes),
# but in Armenian letters these endings are the cases'
_ARMENIAN_CASE_RE = re.compile("(?:yits|its|yum|um)$")
MIN_CASE_STEM = 3
# ... and the Armenian plural, -եր after one syllable and -ներ after more, with the article
# or a case after it (թալիշներ, ուզբեկները, չեչենների: Talysh, Uzbek, Chechen)
_ARMENIAN_PLURAL_RE = re.compile("n?er(?:e|n|i|its|ov|um|in)?$")
# ... and so do the Azerbaijani and Turkish locative, ablative and genitive (Qaxda, Qaxdan,
# Qaxın: Qax) of a name those alphabets write: a capitalized word with one of their letters,
# or a q that is not English's qu (QARA_RE); qumda is "in the sand", not Qom
_TURKIC_CASE_RE = re.compile("(?:[dt]an|[dt]en|[dt]a|[dt]e|nin|nun|in|un)$")
# ... and the accusative and the dative, which take an n and a y after a vowel (Xocalını,
# Gəncəyə: Xocalı, Gəncə), but not in a frequent word, where the n is mostly a possessive's
# (Davasını, "his case")
_TURKIC_VOWEL_CASE_RE = re.compile("(?<=[aeiou])(?:n[iu]|y[ae])$")

# the German adjective's endings after -isch (armenischen, russischer, kurdisches: Armenisch,
# Russisch, Kurdisch)
_GERMAN_ADJECTIVE_RE = re.compile("(?<=isch)(?:e|en|er|es|em)$")
_GERMAN_ADJECTIVE_ENDINGS = tuple(f"isch{e}" for e in ("e", "en", "er", "es", "em"))

TURKIC_LETTER_RE = re.compile("[çğıöşüəÇĞİÖŞÜƏ]")
# a vowel that Latin spellings write a or e: ə (with the turned e some lists use for it), and
# the ä of Finnish and Karelian names (Valkjärvi: Valkyarvi, Valkieiarvi)
_A_OR_E_RE = re.compile("[əƏǝƎәӘäÄ]")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
MIN_STEM = 4  # Hayes is not the plural of Hay (Armenian), Ermeniler is of Ermeni


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
    if _CYRILLIC_RE.search(word):
        return "cyr"
    return "hy" if _ARMENIAN_RE.search(word) else "latn"


@dataclass
class _Table:
    index: dict[str, Entry] = field(default_factory=dict)
    capitalized: dict[str, Entry] = field(default_factory=dict)  # the `X*` words
    # the `X@` words, by script ("cyr", "hy") and lookup form
    native: dict[str, dict[str, Entry]] = field(default_factory=dict)
    # the `X@` words of Latin letters, by written_form: Tashir, not the Turkish taşır
    written: dict[str, Entry] = field(default_factory=dict)
    # the stems of words.tsv's words, each form without one ending: an inflection the table
    # does not list meets the listed ones through it (Азербайджанцев: Азербайджанцы), and
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

    def add(
        self, name: str, group: str, strict: bool, bridge: bool = True, keep_e: bool = False
    ) -> None:
        word, _, also = name.partition(">")
        index = self.index
        if word.endswith("*"):
            word, index = word[:-1], self.capitalized
        elif word.endswith(NATIVE):
            word = word[: -len(NATIVE)]
            latin = script(word) == "latn"
            index = self.written if latin else self.native.setdefault(script(word), {})
            bridge = False
        if not strict and bridge:
            self.names.append((word.strip(), group))
        form = written_form(word.strip()) if index is self.written else lookup_form(word.strip())
        old = index.get(form, Entry())
        index[form] = Entry(
            groups=tuple(dict.fromkeys(old.groups + (group,))),
            strict=old.strict or strict,
            also=old.also + ((also.strip(),) if also else ()),
            keep_e=keep_e and (old.keep_e or not old.groups),
        )


def lookup_form(word: str) -> str:
    return romanize(word).replace("ə", "e").replace("ı", "i")


@cache
def carrying_forms() -> frozenset[str]:
    """Lookup forms of the compounds that carry another word's keys (`X>Y`: bergkarabach)."""
    t = table()
    return frozenset(f for tab in (t.index, t.capitalized) for f, e in tab.items() if e.also)


def written_form(word: str) -> str:
    """`word` as written, in lower case and without an apostrophe's suffix: how a Latin name
    that counts only as written (`X@`) is looked up."""
    return lower(strip_apostrophe_suffix(word))


# Places whose unlisted spellings reach their other names through a skeleton (keys/links.py):
# those of the conflict's region. Elsewhere a listed spelling is needed: across six countries
# too many different places share a skeleton.
BRIDGE_COUNTRIES = frozenset({"AZ", "AM"})
# Places any of whose names a romanization in another scheme joins (by_scheme): those, and
# Georgia's, whose names the press romanizes from Russian in every scheme (Tskhinvali,
# Tckhinvali, Cchinvali) and whose few places share no scheme key with an ordinary word.
# Elsewhere only a name in the Russian alphabet that no other place has (far_schemes).
SCHEME_COUNTRIES = BRIDGE_COUNTRIES | {"GE"}
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
    marked = [n for n in names if _A_OR_E_RE.search(n)]
    if not marked:
        return True
    mine = _consonants(name)
    return not any(mine & _consonants(n) for n in marked)


def _word(name: str) -> str:
    """A table entry's word, without its marks (X*, X@, X>Y)."""
    return name.strip().partition(">")[0].rstrip("*").removesuffix(NATIVE)


@cache  # a place's names with ə or ä are asked about once for each of its names
def _consonants(name: str) -> frozenset[str]:
    """The consonant classes of a name's skeletons, vowels left out."""
    latin = "".join(ch for ch in romanize_for_keys(name) if ch.isalpha())
    if not latin:
        return frozenset()
    return frozenset("".join(ch for ch in s if ch.islower()) for s in skeletons(latin))


@cache
def table() -> _Table:
    t = _Table()
    # (word, of words.tsv) whose scheme key leads to its entry: the names of the places of
    # SCHEME_COUNTRIES in places.tsv (across six countries too many places share a scheme key)
    # and the Russian words of the other tables
    by_scheme: list[tuple[str, bool]] = []
    far: list[str] = []
    for filename, strict in (
        ("places.tsv", False),
        ("names.tsv", False),
        ("peoples.tsv", False),
        ("words.tsv", True),
        ("countries.tsv", True),
    ):
        for cells in rows(filename):
            group = cells[0].strip()
            bridge = filename != "places.tsv" or cells[2].strip() in BRIDGE_COUNTRIES
            country = cells[2].strip() if filename == "places.tsv" else ""
            # only a name with ə or ä may take a name's vowels away (keeps_vowels)
            marked = [_word(n) for n in cells[1].split(",") if _A_OR_E_RE.search(n)]
            for name in cells[1].split(","):
                if not name.strip():
                    continue
                keep_e = country in KEEP_E_COUNTRIES and keeps_vowels(country, _word(name), marked)
                t.add(name.strip(), group, strict, bridge, keep_e)
                word = name.strip().rstrip("*").partition(">")[0]
                if word.endswith(NATIVE):
                    continue
                if filename == "places.tsv":
                    joined = cells[2].strip() in SCHEME_COUNTRIES
                else:
                    # a country's Russian name is not romanized: Latin letters write the
                    # country's own names, and a scheme's key of Швеция or Дания is the
                    # Polish świeca's, candle's, or the name Diana's
                    joined = filename != "countries.tsv" and bool(_CYRILLIC_RE.search(word))
                if joined:
                    by_scheme.append((word, strict))
                elif filename == "places.tsv" and _russian(word):
                    far.append(word)
    for form, entry in t.index.items():
        # a stem of a word of words.tsv is an ethnonym's (армянск-), a country's is often
        # another word's (Roman of Romanya, Kamer of Kamerun)
        if entry.strict and not _country_only(entry):
            stem = _stem(form)
            if stem and stem not in t.index:
                _join(t.stems, stem, entry)
    for word, strict in by_scheme:
        form = lookup_form(word)
        entry = t.index.get(form) or t.capitalized.get(form)
        for key in _listed_scheme_keys(word, form):
            _join(t.schemes, key, entry)
        # a word of words.tsv meets its romanizations with any ending; a people's plural in
        # -цы of peoples.tsv those of the other cases, which drop the е of its -ец too
        # (Chechentsev, Čečencami: чеченцев, чеченцами)
        stem = (_stem(form) or form) if strict else _people_stem(form, entry)
        if stem:
            for key in _listed_scheme_keys(word, stem):
                _join(t.scheme_stems, key, entry)
                t.scheme_prefixes.add(key[:SCHEME_PREFIX])
    for word in far:
        form = lookup_form(word)
        entry = t.index.get(form) or t.capitalized.get(form)
        for key in _listed_scheme_keys(word, form):
            _join(t.far_schemes, key, entry)
    # a key the region's names also have is theirs (by_scheme asks `schemes` first)
    t.far_schemes = {k: e for k, e in t.far_schemes.items() if len(e.groups) == 1}
    left_out = list(rows("places_ambiguous.tsv"))
    t.left_out = frozenset(lookup_form(cells[0]) for cells in left_out)
    t.vowels_kept = frozenset(
        lookup_form(cells[0]) for cells in left_out if cells[3:4] == [VOWELS_KEPT]
    )
    return settled(t)


def _people_stem(form: str, entry: Entry | None) -> str | None:
    """The stem in -ц of a people's plural in -цы (lookup form), as its cases keep it."""
    if entry is None or not form.endswith(_TS + "y"):
        return None
    return form[:-1] if all(g.startswith(PEOPLE_GROUP) for g in entry.groups) else None


def _russian(word: str) -> bool:
    """Written in the Russian alphabet, without the hard sign that Caucasian alphabets put
    after a consonant (Къонья, Konya: no Kenya)."""
    letters = russian_cyrillic(lower(word))
    return bool(letters) and "ъ" not in letters


def _listed_scheme_keys(word: str, form: str) -> tuple[str, ...]:
    """The scheme keys of a listed word's lookup form (romanized, if it is Cyrillic)."""
    return scheme_keys(form, cyrillic=bool(_CYRILLIC_RE.search(word)))


def _join(schemes: dict[str, Entry], key: str, entry: Entry) -> None:
    old = schemes.get(key, Entry())
    schemes[key] = Entry(tuple(dict.fromkeys(old.groups + entry.groups)))


def _stem(form: str, suffix_re: re.Pattern = _SUFFIX_RE) -> str | None:
    """The form without its longest ending, if a stem longer than MIN_STEM is left (Azer, a
    given name, is not the stem of Azeri)."""
    m = suffix_re.search(form)
    return form[: m.start()] if m and m.start() > MIN_STEM else None


@cache
def _vowels_apart() -> frozenset[str]:
    return frozenset(lookup_form(c) for cells in rows("places_vowels.tsv") for c in cells[:2])


def vowels_apart(word: str) -> bool:
    """Whether `word` is a name of data/places_vowels.tsv: the own name of a place whose name
    another place has with an a for its e or an e for its a, or an i, y, o or u for an e after
    a palatal (Zafreh is not Zefreh, Cherum not Çorum), or that other place's name. The names
    of a place written both ways (Yolbilen: Arbet, Erbet) meet through its group."""
    return lookup_form(word) in _vowels_apart()


@bounded_cache(max_bytes=2_000_000)
def lookup(word: str) -> Entry | None:
    """The table entry for `word` or for its bare form, if listed, with the groups of a Latin
    name that counts only as written (`X@`) when `word` is written so."""
    entry = _lookup(word)
    mine = _lookup_written(word) if script(word) == "latn" else None
    if mine is None:
        return entry
    return mine if entry is None else _with(entry, mine)


# Azerbaijani and Turkish case and plural endings after vowel harmony, as written
_WRITTEN_SUFFIX_RE = re.compile(
    "(?:[dt][aəe]n?|[dt][aəe]ki|n?[ıiuü]n|y?[aəe]|[ny]?[ıiuü]|l[aəe]r(?:d[aəe]n?|l?[aəe])?)$"
)


def _lookup_written(word: str) -> Entry | None:
    """The entry of a Latin name that counts only as written (`X@`), or of which `word` is a
    case form with one ending of its own alphabet (Dəlilərdə: Dəlilər@), which the Turkish word
    folded to the same letters does not have (Tashir@ is not taşır, Tashirdə is Tashir)."""
    written = table().written
    form = written_form(word)
    for stem in (form, *_stems(form, _WRITTEN_SUFFIX_RE)):
        if stem in written:
            return written[stem]
    return None


def _stems(form: str, suffix_re: re.Pattern, min_stem: int = MIN_STEM):
    """`form` without each ending of `suffix_re` that leaves `min_stem` letters, longest ending
    first; a shorter one is tried even when a longer one leaves too few (Ermenilerin: lerin,
    rin ... Ermeni; rusların: ların leaves rus, ın leaves ruslar)."""
    m = suffix_re.search(form)
    while m:
        if m.start() >= min_stem:
            yield form[: m.start()]
        m = suffix_re.search(form, m.start() + 1)


def _lookup(word: str) -> Entry | None:
    form = lookup_form(word)
    index = table().index
    native = _native(word)
    if form in index:
        return _with(index[form], native.get(form))
    capitalized = table().capitalized if word[:1].isupper() or not word.isascii() else {}
    if form in capitalized:  # a name in its own script keeps its groups here too (Թարթառ@)
        return _with(capitalized[form], native.get(form))
    if form in native:
        return native[form]
    kind = script(word)
    suffix_re = _SCRIPT_SUFFIX_RE.get(kind, _SUFFIX_RE)
    stems = _stems(form, suffix_re)
    if kind == "hy":
        stems = itertools.chain(
            stems,
            _stems(form, _ARMENIAN_CASE_RE, MIN_CASE_STEM),
            _stems(form, _ARMENIAN_PLURAL_RE),
        )
    elif kind == "latn" and form.endswith(_GERMAN_ADJECTIVE_ENDINGS):
        stems = itertools.chain(stems, _stems(form, _GERMAN_ADJECTIVE_RE))
    elif kind == "latn" and word[:1].isupper() and _turkic_alphabet(word):
        stems = itertools.chain(stems, _stems(form, _TURKIC_CASE_RE, MIN_CASE_STEM))
        if not is_common_word(lower(word)):
            stems = itertools.chain(stems, _stems(form, _TURKIC_VOWEL_CASE_RE, MIN_CASE_STEM))
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
        entry = _singulative(_stems(form, suffix_re), index) or _fleeting_e(
            _stems(form, suffix_re), index
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
    for endings in (suffix_re, _SCRIPT_SUFFIX_RE["cyr"]) if russian else (suffix_re,):
        stem = _stem(form, endings)
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
    out = list(_stems(form, _SCRIPT_SUFFIX_RE.get(script(word), _SUFFIX_RE)))
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


_ETS, _TS = "ets", "ts"  # -ец and its ц without the е, romanized (lookup_form)


def _fleeting_e(stems, index: dict[str, Entry]) -> Entry | None:
    """The entry of a people of words.tsv or peoples.tsv whose word in -ец or its plural in
    -цы is listed, of which a Cyrillic word, with one of `stems` (its lookup form without a
    case ending), is a case form: Russian drops that е before every ending (аварец, аварца,
    аварцев, аварцами; адыгейцы, адыгейцев), which lookup's endings leave as a stem in -ц."""
    for stem in stems:
        if not stem.endswith(_TS) or len(stem) - len(_TS) < MIN_STEM:
            continue
        for listed in (stem + "y", stem[: -len(_TS)] + _ETS):
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
    for stem in _stems(form, _GERMAN_PLURAL_RE, MIN_CASE_STEM):
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


def _country_only(entry: Entry) -> bool:
    return all(g.startswith(COUNTRY_GROUP) for g in entry.groups)


def _foreign_ending(kind: str, stem: str, ending: str, entry: Entry) -> bool:
    """Whether a word of `kind`'s script reads as a country's name with an ending the name
    does not take in that script: a case ending goes on a name of the word's own script
    (Швейцарии, Almanyada; Kıtaya, to the continent, is no Китай), and a country's Latin
    names are English, French, German, Turkish and Azerbaijani ones, which take the Turkic
    endings and the genitive's s (Pakistanın, Mexikos), not the romanized Russian ones (Maliy
    is Малый, no Mali)."""
    if not _country_only(entry):
        return False
    if stem not in _country_forms().get(kind, ()):
        return True
    return kind == "latn" and ending != "s" and _WRITTEN_SUFFIX_RE.fullmatch(ending) is None


def _russian_nominative(entry: Entry, nominative: str) -> bool:
    """Whether the nominative found for a Russian case form is a Russian name of `entry`: a
    country's names of other languages share its lookup forms (Романы is no case of Turkish
    Romanya)."""
    if not _country_only(entry):
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


def place_only(entry: Entry) -> bool:
    """No group of `entry` is a people's or an ordinary word's: `entry` names a place (or a
    name of names.tsv)."""
    return word_groups().isdisjoint(entry.groups) and not any(
        g.startswith(PEOPLE_GROUP) for g in entry.groups
    )


@cache
def bridged() -> frozenset[str]:
    """Groups whose names link unlisted spellings to them (keys/links.py): the places of
    Azerbaijan and Armenia and the groups of names.tsv."""
    return frozenset(group for _, group in table().names)


def lookup_tables(word: str) -> tuple[dict[str, Entry], ...]:
    """The tables that the lookup reads a name of `word`'s script from, by lookup form."""
    t = table()
    return t.index, t.capitalized, _native(word)


def _native(word: str) -> dict[str, Entry]:
    """The `X@` names of the word's script, by lookup form."""
    return table().native.get(script(word), {})


def _with(entry: Entry, native: Entry | None) -> Entry:
    """`entry` with the groups of the same form in the word's own script (Թարթառ is Tartar's
    in names.tsv and, in Armenian letters, Mirbashir's in places.tsv)."""
    if native is None:
        return entry
    return Entry(tuple(dict.fromkeys(entry.groups + native.groups)), entry.strict, entry.also)


SCHEME_PREFIX = 5  # symbols of a scheme key that a Russian word shares with its stem's key


def by_scheme(key: str, word: str) -> Entry | None:
    """The groups of a listed name that `word`, whose scheme key is `key`, writes in another
    romanization scheme (Kelanlou: Kjolanlu), or of a Russian form of words.tsv with or
    without an ending (Armiane: Армяне; azerbaidzhantsev: Азербайджанцев); none for a name the
    gazetteer leaves out as another place's too (Bayram is not Bajram's village alone)."""
    t = table()
    entry = t.schemes.get(key)
    if entry is None:
        entry = t.far_schemes.get(key)
    if entry is None and key[:SCHEME_PREFIX] in t.scheme_prefixes:
        stem = _stem(lookup_form(word))
        keys = scheme_keys(stem) if stem else ()
        entry = next(filter(None, map(t.scheme_stems.get, keys)), None)
    return None if entry is None or lookup_form(word) in t.left_out else entry


def is_left_out(word: str) -> bool:
    """`word` is a name the gazetteer leaves out as several places' (places_ambiguous.tsv)."""
    return lookup_form(word) in table().left_out


def keeps_its_vowels(word: str) -> bool:
    """`word` is a name the gazetteer leaves out, whose every place keeps its a and e apart
    (Evren, two towns of Turkey, is not Avren, a village of Bulgaria)."""
    return lookup_form(word) in table().vowels_kept


def is_listed(word: str) -> bool:
    """`word` is listed as written in the tables, not only as an inflection of a listed word."""
    form = lookup_form(word)
    if form in table().index or form in table().capitalized or form in _native(word):
        return True
    return script(word) == "latn" and written_form(word) in table().written


def is_place_name(word: str) -> bool:
    """`word` is listed as written (not as an inflection of a listed word) as a name, in the
    GeoNames gazetteer or names.tsv, and never as a people's or an ordinary word: a place's
    name (Goris), whatever its ending."""
    form = lookup_form(word)
    entry = table().index.get(form) or _native(word).get(form)
    if entry is None and script(word) == "latn":
        entry = table().written.get(written_form(word))
    return entry is not None and place_only(entry)


def _as_turkish_writes(form: str) -> str:
    """A lookup form with Azerbaijani q and x as Turkish writes them (k, h); lookup_form already
    folds ə and ı."""
    return form.replace("q", "k").replace("x", "h")


@cache
def _turkish_spellings(region: bool, peoples: bool = True) -> frozenset[str]:
    forms = (lookup_form(name) for name, _ in table().names) if region else table().index
    if not peoples:
        forms = (f for f in forms if not _peoples_only(f))
    return settled(frozenset(_as_turkish_writes(form) for form in forms))


def _peoples_only(form: str) -> bool:
    """Whether only peoples.tsv or countries.tsv, the tables made of CLDR's names, lists
    `form`: a Turkish word that writes it is still an ordinary word (generate/words.py:
    kabardı, it swelled, is no Kabard; avare, idle; malı, goods, no Mali)."""
    entry = table().index.get(form)
    return entry is not None and all(
        g.startswith((PEOPLE_GROUP, COUNTRY_GROUP)) for g in entry.groups
    )


def is_turkish_spelling(word: str, region: bool = False, peoples: bool = True) -> bool:
    """`word` is a name of the tables as Turkish writes it (karabağ: Qarabağ, hocalı: Xocalı);
    `region`: a name of the places and groups that link unlisted spellings (bridged);
    `peoples`: the names of peoples.tsv and countries.tsv count too."""
    return _as_turkish_writes(lookup_form(word)) in _turkish_spellings(region, peoples)


def listed_groups(word: str) -> tuple[str, ...]:
    """The groups of `word` as the tables list it, with an inflection, but not a Latin name that
    counts only written with a capital's letters (`X@`): those lookup adds."""
    entry = _lookup(word)
    return entry.groups if entry is not None else ()


@cache
def word_groups() -> frozenset[str]:
    """The groups of words.tsv, peoples and ordinary words, and of countries.tsv, the
    countries beyond the region: no place of the gazetteer's or the hand table's, and no
    name a spelling rule derives words of."""
    return settled(
        frozenset(cells[0].strip() for f in ("words.tsv", "countries.tsv") for cells in rows(f))
    )


@cache
def place_countries() -> dict[str, str]:
    """Group of places.tsv -> its place's country."""
    return settled({cells[0].strip(): cells[2].strip() for cells in rows("places.tsv")})


@cache
def place_populations() -> dict[str, int]:
    """Group of places.tsv -> its place's population."""
    return settled({cells[0].strip(): int(cells[4]) for cells in rows("places.tsv")})


def group_key(group: str) -> str:
    return "=" + group


# The rules for words made of a name (derived.py) read the tables above: imported last, once
# everything they import from here is defined.
from . import derived  # noqa: E402
