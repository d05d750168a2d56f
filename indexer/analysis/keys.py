"""A word's variant keys, most precise first. Two words are spellings of each other when they
share a key; the index build records which indexed words have each key
(indexer.index.spellings), and a query word is expanded to them.

1. The light key (romanize.py): script and diacritics folded the way English press writes
   them. Every word has it, and it comes first: prefix and phrase queries use it. An ordinary
   word of another script keeps its letters when its romanization is an English word (он is
   not "on", год not "god").
2. Group keys (`=group`, synonyms.py) for names no rule derives: the GeoNames gazetteer,
   exonyms, ethnonyms and translations.
3. For names and foreign words only, a mild key (`^...`: ə and ı read as e and i, Şəki meets
   Sheki; German and French press letters as English writes them, Juri and Iouri meet Yuri
   and Юрий; a Turkic c and a lone j also as English j: Yaycı, Yayji, Yaydzhi) and skeleton
   keys (`#...`, skeleton.py): not for ordinary English, Russian or Turkish
   words (lexicon.py; a word with the marks of a Russian romanization, Ti͡ara, is none), not
   for short words (xal/hal, Khan/Han), not for Russian verbs (the ы/и of пытаться/питаться),
   not for the curated ordinary words (Azeri/Azari). Armenian surnames
   also get the stem Russian writes for them (Hakobyan -> akobyan, as in Акопян), and a
   people's name the stem left without its endings (Lezgins, Лезгины, Lezgian: lezg). A word
   whose skeleton is a listed name's also joins the name's group, but only when it is spelt
   close to that name (Hojaly, Hojali: Ivanyan), not when only the skeleton is shared
   (Chuchele, güzel), and only when it has the name's vowels, a apart from e unless an ə
   stands behind them (Agdem is not Ağdam): a shared skeleton is weak evidence, and a group
   brings every document of every name of a place. The own name of a place that another
   place has with an a for its e (data/places_vowels.tsv: Zafreh, Zefreh) keeps a and e
   apart in its skeletons, as the names of Russia's places do, and no e of it reads as i or
   o after a palatal (Cherum is not Çorum). A Cyrillic word records its
   skeletons for Latin and Armenian words only (`#&`), and meets another Cyrillic word only by
   a skeleton written with its own ы and и (сбытом is not сбитом, Быков not Биков).
4. The scheme key (`%`, schemes.py) of a Russian word, and of a Latin or Armenian word that is
   no English or Turkish word: Малый meets Maly, Malyj, Malyi; a Cyrillic word is recorded
   under it with `&` (index_keys), which only Latin and Armenian words ask for, so it never
   joins two Cyrillic words.
The prefixes keep the kinds of key apart, so a skeleton never equals a real word and a
query word's light key never matches another word's skeleton.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.fuzz import ratio

from indexer.caching import bounded_cache

from .casing import is_turkic, lower
from .lexicon import is_common_word, is_english_word
from .pipeline import exact_key
from .romanize import romanize, strip_apostrophe_suffix
from .schemes import CYRILLIC_SCHEME, SCHEME, scheme_key
from .skeleton import SCHWA, skeletons
from .synonyms import group_key, lookup, lookup_form, table, vowels_apart
from .tables import settled

MIN_LENGTH = 4  # shorter words are too many and too alike: xal/hal, qar/kar, Han/Khan
MIN_CONSONANTS = 2
SPELT_CLOSE = 70  # rapidfuzz ratio, 0-100
MIN_SKELETON_FOR_GROUP = 3  # consonant classes: "#kOcAl" qualifies, "#cUcA" does not
SKELETON = "#"  # key prefixes: never in a word, and not the search core's own mark "~"
MILD = "^"

# Azerbaijani/Turkish case and plural endings that hold a consonant (vowel endings vanish
# from a skeleton anyway): Xocalıda, Qarabağın, Əliyevin, ermənilər.
_TURKIC_SUFFIX_RE = re.compile(
    r"(?:l[aeə]r[ıi]n|l[aeə]r[ıi]|l[aeə]r|n[ıiu]n|[dt][aeə]n|[dt][aeə]|[ıiu]n)$"
)
# Russian case endings (romanized as Wikipedia does: -iye, -aya) and the adjective's -sk-:
# Нагорного, карабахские.
_RUSSIAN_SUFFIX_RE = re.compile(
    r"(?:ogo|ego|omu|emu|yami|ami|ykh|ikh|yakh|akh|aya|yaya|oye|eye|iye|yye|om|em|ym|im|oy|ey"
    r"|iy|yy|ie|ye|ii|ia|ya|yu|a|e|i|o|u|y)$"
)
_RUSSIAN_PLURAL_RE = re.compile(r"(?<=..[^aeiouy])(?:ov|ev|am|yam)$")
# A Russian adjective of a place in any romanization: Lachinsky, Lachinskiy, Lachinskij,
# Lachinskii, Lachinski, Lachinskaya, Lachinskoye, Lachinskogo.
_RUSSIAN_ADJECTIVE_RE = re.compile(
    r"sk(?:iy|ij|ii|yy|yi|y|i|aya|aja|aia|oye|oe|oie|ogo|oy|oj|oi|ikh|ich|ie|iye|iie)$"
)
_RUSSIAN_VERB_RE = re.compile(r"(?:ть|ться|тся|чь)$")
# Armenian surnames (-yan, -ian, -jan, -yants) and words in Armenian script: Russian writes them
# without the h (Hakobyan/Акопян, Sahakyan/Саакян) and Hovh- as Ог- (Hovhannisyan/Оганесян).
_ARMENIAN_SURNAME_RE = re.compile(r"[iyj]an(?:ts)?$")
_ARMENIAN_RE = re.compile(r"[\u0531-\u058f]")
_LEADING_H_RE = re.compile(r"^h(?=[aeiouəy])")
# Armenian's initial hr- (Hrazdan, Hrach, Hripsime), which Russian writes as р (Раздан)
_ARMENIAN_HR_RE = re.compile(r"hr[aeiouəy]")
_INNER_H_RE = re.compile(r"(?<=[aeiouə])h(?=[aeiouə])")
# the e before -syan, -sjan
_ARMENIAN_E_RE = re.compile(r"(?<=[^aeiouy])e(?=[^aeiouy]+[iyj]a)")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
# The marks with which scholarly schemes romanize Russian's signs and ligatures (Kʺuba, Bankaʹ,
# K”uba, Ai͡ar): a word written with one is a romanized name, never an English word, even when
# its letters spell one (kuba, a rug; ajar)
_ROMANIZATION_MARK_RE = re.compile("[\u02b9\u02ba\u0361\u201d]")
_QARA_RE = re.compile(r"q(?!u)")
_AS_WRITTEN_RE = re.compile("[çöüşğıə]")
# A Cyrillic word's skeletons: recorded with CYRILLIC_SKELETON for Latin and
# Armenian words, and with the word's ы and и after _LETTERS_MARK for Cyrillic ones; a final
# run of vowels is an ending, not counted (Лезгины, лезгин).
CYRILLIC_SKELETON = SKELETON + "&"
_LETTERS_MARK = "/"
_FINAL_VOWELS_RE = re.compile("[аеёиоуыэюяй]+$")


def _armenian_stems(latin: str) -> list[str]:
    """Hakobyan -> akobyan; Hovhannisyan -> ohannisyan; Sahakyan -> saakyan; and Russian's e
    for Armenian i read back as i (Оганесян -> oganisyan)."""
    russian = _LEADING_H_RE.sub("", latin).replace("vh", "h")
    forms = (
        russian,
        _INNER_H_RE.sub("", russian),
        _LEADING_H_RE.sub("", latin).replace("vh", "v"),  # Ованесян as well as Оганесян
        _ARMENIAN_E_RE.sub("i", latin),
    )
    return [s for s in dict.fromkeys(forms) if s != latin]


def _stems(
    latin: str, turkic: bool, cyrillic: bool, armenian: bool = False, lower_case: bool = False
) -> list[str]:
    out = [latin] + (_armenian_stems(latin) if armenian else [])
    if _ARMENIAN_HR_RE.match(latin):
        out.append(latin[1:])  # Hrazdan, Раздан: no English or Turkic word begins so
    if turkic:
        m = _TURKIC_SUFFIX_RE.search(latin)
        if m and m.start() >= MIN_LENGTH:
            out.append(latin[: m.start()])
    if cyrillic:
        stem = _RUSSIAN_SUFFIX_RE.sub("", latin)
        if lower_case:  # лезгинов, лезгинам; a capital -ов is a surname (Мамедов)
            stem = _RUSSIAN_PLURAL_RE.sub("", stem)
        if len(stem) >= MIN_LENGTH - 1:
            out.append(stem)
            if stem.endswith("sk") and len(stem) >= MIN_LENGTH + 2:
                out.append(stem[:-2])
    else:
        m = _RUSSIAN_ADJECTIVE_RE.search(latin)
        if m and m.start() >= MIN_LENGTH - 1:
            out.append(latin[: m.start()])  # Lachinsky, Lachinskiy, Lachinskaya: Lachin
    return out


# How the languages of the archive name a people, and inflect it, after its stem: English -s,
# -ian, -ish (Lezgians, Kurdish), German -er, -en, -isch (Kurden, Tschetschenen), French -ien,
# -ienne, -ais, Russian -ец, -цы, -цев, -ин, -ины (чеченец, чеченцы, лезгин, лезгины) in any
# romanization, and Turkish -ler, -lar where no Turkish letter tells the word Turkic
# (Kazaklar, Lezgiler; Turkic words lose their plural by the suffixes of _stems). Two rounds
# at most (Lezgians: Lezgian, Lezg); a stem keeps three consonant classes at least for its
# skeletons, as fewer are shared by too many names (Chech of Chechen is not kept), and a
# shorter one only its mild key, and not after -in, which ends too many places (Lachin is
# not Lach).
_PEOPLE_ENDINGS = (
    r"(?:ts|tc|c|z)(?:y|i|ev|ov|ami|am|akh|ah)|e?ts|etc|ec|iennes?|iens?|ians?|iers?|ern?s?"
    r"|ens?|ische[nrs]?|isch|ish|aises?|ais|ese|s|l[ae]r"
)
_PEOPLE_RE = re.compile(rf"(?:{_PEOPLE_ENDINGS}|in[aeiy]?s?)")
_SHORT_PEOPLE_RE = re.compile(rf"(?:{_PEOPLE_ENDINGS})")
MIN_PEOPLE_STEM = 4
LONGEST_PEOPLE_ENDING = 7  # ische[nrs]
MIN_PEOPLE_CLASSES = 3


def _people_stems(latin: str, endings: re.Pattern = _PEOPLE_RE) -> list[str]:
    """The word without one or two of the endings of a people's name (`endings`)."""
    out: list[str] = []
    todo = [latin]
    for _ in range(2):
        found = [
            stem[:i]
            for stem in todo
            for i in range(max(MIN_PEOPLE_STEM, len(stem) - LONGEST_PEOPLE_ENDING), len(stem))
            if endings.fullmatch(stem, i)
        ]
        todo = [s for s in dict.fromkeys(found) if s not in out]
        out += todo
    return out


# German and French press spellings of Russian names, and Russian's -ий in its romanizations:
# the mild key writes them as English does (Juri, Iouri, Jurij, Юрий, Yuriy: yuri; Djil, Dzhil,
# Dschil: jil; Kaik, Kajk, Кайк: kayk).
_PRESS_RE = re.compile(r"tsch|dsch|dsh|dzh|sch|dj|ou|w|j")
_PRESS = {
    "tsch": "ch",
    "dsch": "j",
    "dsh": "j",
    "dzh": "j",
    "sch": "sh",
    "dj": "j",
    "ou": "u",
    "w": "v",
    "j": "y",
}
_FINAL_I_RE = re.compile(r"(?<=[^aeiouy])(?:iy|ij|ii|yy|y)$")
_INITIAL_I_RE = re.compile(r"^i(?=[aeou])")
# the glide closing a diphthong before a consonant, written i, y or j (Kaik, Kayk, Кайк)
_GLIDE_I_RE = re.compile(r"(?<=[aeou])i(?=[^aeiouy])")


def _mild(latin: str, turkic: bool) -> str:
    """The mild key's spelling: ə and ı as e and i (Şəki, Sheki), and for other words the press
    forms above folded (a letter's sound is all the vowels and consonants a short name has)."""
    out = latin.replace("ə", "e").replace("ı", "i")
    if turkic:
        return out
    out = _GLIDE_I_RE.sub("y", _PRESS_RE.sub(lambda m: _PRESS[m.group()], out))
    return _INITIAL_I_RE.sub("y", _FINAL_I_RE.sub("i", out))


# Turkic c is English j (Yaycı: Yayji), and a j that German would read as y may be English's
_TURKIC_C_RE = re.compile("c(?!h)")
_LONE_J_RE = re.compile(r"(?<![dz])j")


def _milds(latin: str, turkic: bool) -> list[str]:
    """The mild keys of a word: its _mild spelling, and the spelling English gives its
    letters where they may be read two ways: a Turkic c as j (Yaycı, Yayji, Яйджи) and a
    lone j of another word as j, not y (Yayji, Yaydzhi)."""
    out = [_mild(latin, turkic)]
    if turkic and _TURKIC_C_RE.search(latin):
        out.append(_TURKIC_C_RE.sub("j", out[0]))
    elif not turkic and _LONE_J_RE.search(latin):
        out.append(_mild(_LONE_J_RE.sub("dzh", latin), turkic))
    return [MILD + m for m in dict.fromkeys(out)]


def _latin_forms(kept: str) -> list[str]:
    """A Latin word's skeletons: with a and e one class, to meet other Latin spellings (Mamedov,
    Mammadov, Bademli, Badamlı), and with them apart but one of them read as the other, to meet
    a Cyrillic spelling, whose а and е are different letters: Russian writes an ə as е (Мамедов
    for Mammadov, Гейдар for Haydar), so one a of a Latin name may be its е, but Алана and
    Алена, Давид and Дэвид stay apart."""
    out = [kept.replace("E", "A"), kept]
    for i, sym in enumerate(kept):
        if sym in "AE":
            out.append(kept[:i] + ("E" if sym == "A" else "A") + kept[i + 1 :])
    return out


def consonant_count(skeleton: str) -> int:
    return sum(map(str.islower, skeleton))


def _analysed(word: str, listed: bool) -> tuple[str, bool, bool, list[str], int] | None:
    """(romanized word, Turkic?, Cyrillic?, stems, consonant classes its skeletons need), or
    None when the aggressive rules do not apply to the word (see name_keys). The stems of a
    people's name (_people_stems) are not among them."""
    low = lower(strip_apostrophe_suffix(word))
    latin = romanize(word)
    if len(latin) < MIN_LENGTH or not latin.isalpha():
        return None
    if (
        not listed
        and not _ROMANIZATION_MARK_RE.search(word)
        and (is_english_word(latin) or is_common_word(strip_apostrophe_suffix(word)))
    ):
        return None
    cyrillic = bool(_CYRILLIC_RE.search(low))
    if cyrillic and _RUSSIAN_VERB_RE.search(low):
        return None
    turkic = is_turkic(low) or bool(_QARA_RE.search(latin))
    armenian = bool(_ARMENIAN_SURNAME_RE.search(latin) or _ARMENIAN_RE.search(low))
    # A four-letter word needs three consonant classes: two are shared by too many short
    # words (xala/hala, qala/gala, dənə/dana); those get only the mild key. A listed name of
    # four letters is a name, not one of those words: two do (Quba: Gouba, Kuuba, Kyuba).
    consonants = MIN_CONSONANTS if len(latin) > MIN_LENGTH or listed else MIN_CONSONANTS + 1
    stems = _stems(latin, turkic, cyrillic, armenian, word.islower())
    return latin, turkic, cyrillic, stems, consonants


def name_keys(word: str, listed: bool = False, keep_e: bool = False) -> tuple[str, ...]:
    """Keys of a name or foreign word, or () when the aggressive rules do not apply to it: the
    mild key (`^` + light key with ə -> e and ı -> i: Şəki meets Sheki) and the skeletons.

    `listed`: the word is a name of the curated table, a name even if English has the word
    (Ganja, Baku, Armenia). `keep_e`: the word names only places whose names have no ə, so its
    e is not an a (Serov, Yarensk, Yertsevo are not Sarov, Yaransk, Yartsevo); its skeletons
    keep e apart. Other words have both skeletons: e read as a (Mamedov meets Mammadov) and
    kept (an unlisted Serow still meets Serov). The stems of a people's name are not among
    them (variant_keys adds them): a place's name is no people's."""
    return _name_keys(word, listed, keep_e)[0]


def _name_keys(
    word: str, listed: bool, keep_e: bool, apart: bool = False
) -> tuple[tuple[str, ...], tuple[str, ...], bool | None]:
    """name_keys: (the word's own keys, the keys of its stems as a people's name, whether it
    is Turkic, or None when the word gets none of these keys). `apart`: the word is a name of
    data/places_vowels.tsv, whose vowels are its own."""
    analysed = _analysed(word, listed)
    if analysed is None:
        return (), _russian_people_keys(word), None
    latin, turkic, cyrillic, stems, consonants = analysed
    keep_e = keep_e or apart or cyrillic
    # a name another place has with another vowel for one of its e keeps each e an e, as a
    # word of an alphabet that writes its vowels as they sound
    written = apart or as_written(word)
    own: list[str] = []
    for stem in stems:
        own += _skeleton_keys(stem, turkic, cyrillic, keep_e, consonants, written)
    own = list(dict.fromkeys(own))
    # Short names (fewer than three consonant classes, Şəki and Sheki) also get the mild key,
    # which is all a four-letter one has; longer names meet through their skeletons.
    if not own or consonant_count(own[0]) <= MIN_CONSONANTS:
        own[:0] = _milds(latin, turkic)
    people: list[str] = []
    short: list[str] | None = None
    # a Russian case form's stem is a people's name too (лезгинов: лезгин, Lezg)
    bare = stems[1:] if cyrillic else []
    for stem in [] if turkic else dict.fromkeys(_people_stems(latin) + _bare_people(bare)):
        keys = _skeleton_keys(stem, turkic, cyrillic, keep_e, MIN_PEOPLE_CLASSES, written)
        if not keys:
            # a short people's name meets its plural and derivations by the mild key of its
            # stem (Avar: Avars, Аварец, Awaren), spelt as it is: its skeleton says too little
            if short is None:
                short = _people_stems(latin, _SHORT_PEOPLE_RE)
            keys = _milds(stem, turkic) if stem in short else []
        people += keys
    return tuple(own), tuple(k for k in dict.fromkeys(people) if k not in own), turkic


# The plural and case endings of a Russian people's name (курды, курдов, чеченцы, чеченцев,
# лезгинам, ингушей) and its singular's -ец, -ин (чеченец, татарин)
_RUSSIAN_PEOPLE_RE = re.compile(r"(?:ы|и|ов|ев|ей|ам|ям|ами|ями|ах|ях|ец|ин)$")


def _bare_people(stems: list[str]) -> list[str]:
    """The people's-name stems of the stems a Russian word has without its case ending."""
    return [p for stem in stems for p in _people_stems(stem)]


def _russian_people_keys(word: str) -> tuple[str, ...]:
    """A frequent Russian word, or one that romanizes to an English word, gets no keys of a
    name (its skeleton would meet other words), but a people's name in Russian is often such a
    word, written in lower case (курды, чеченцы, туркмены): in a plural or case form its
    stem as a people's name, of MIN_PEOPLE_CLASSES consonant classes at least, meets the
    people's name in other languages (Kurds, Kurden; Chechens, Tschetschenen)."""
    low = lower(word)
    if not _CYRILLIC_RE.search(low) or not _RUSSIAN_PEOPLE_RE.search(low):
        return ()
    if _RUSSIAN_VERB_RE.search(low):
        return ()
    latin = romanize(word)
    if not latin.isalpha():
        return ()
    stems = _stems(latin, False, True, lower_case=True)[1:] + _people_stems(latin)
    keys: list[str] = []
    for stem in dict.fromkeys(stems):
        keys += _skeleton_keys(stem, False, True, True, MIN_PEOPLE_CLASSES, False)
    return tuple(dict.fromkeys(keys))


def as_written(word: str) -> bool:
    """Whether `word` has a letter of the Turkish or Azerbaijani alphabet, which writes each
    vowel as it sounds: its e never stands for a Russian ё or и (skeleton.py)."""
    return bool(_AS_WRITTEN_RE.search(word.lower()))


def _skeleton_keys(
    stem: str, turkic: bool, cyrillic: bool, keep_e: bool, consonants: int, written: bool
) -> tuple[str, ...]:
    """The skeleton keys of one stem with `consonants` classes or more. A word and its
    capitalized form, and words that share a stem, ask for the same ones (two calls in five
    of a build's): each is worked out once."""
    return _stem_skeleton_keys(
        (stem, bool(turkic), bool(cyrillic), bool(keep_e), consonants, bool(written))
    )


@bounded_cache(max_bytes=4_000_000)
def _stem_skeleton_keys(args: tuple[str, bool, bool, bool, int, bool]) -> tuple[str, ...]:
    stem, turkic, cyrillic, keep_e, consonants, written = args
    out = []
    for kept in skeletons(
        stem, turkic, keep_e=True, e_as_o=not cyrillic, hiatus=True, as_written=written
    ):
        if consonant_count(kept) >= consonants:
            out += [SKELETON + sk for sk in ((kept,) if keep_e else _latin_forms(kept))]
    return tuple(out)


def vowel_exact_skeletons(word: str) -> frozenset[str]:
    """The word's skeletons with a, e and ə each a vowel of its own (SCHWA) and two vowels in
    a row kept apart, so that a link by skeleton can check the vowels the keys fold together."""
    analysed = _analysed(word, listed=True)
    if analysed is None:
        return frozenset()
    _, turkic, cyrillic, stems, consonants = analysed
    written = as_written(word)
    return frozenset(
        kept
        for stem in stems
        for kept in skeletons(
            stem, turkic, keep_e=True, e_as_o=not cyrillic, exact=True, as_written=written
        )
        if consonant_count(kept) >= consonants
    )


def _folded(skeleton: str) -> str:
    return skeleton.replace(SCHWA, "A").replace("E", "A")


def _vowels_agree(a: str, b: str) -> bool:
    """Skeletons of equal folded form whose vowels agree: a, e, ə by class, where ə may be
    written a or e (Məmmədov: Mammadov, Mamedov) but a is not e (Badamlı is not Bademli)."""
    return all(x == y or SCHWA in (x, y) for x, y in zip(a, b, strict=True))


@cache
def _groups_by_skeleton() -> dict[str, dict[str, tuple[str, ...]]]:
    """Skeleton of each listed name -> its groups -> the names of the group that have it, so
    that an unlisted spelling of a listed name (Hojaly for Khojaly) also meets the name's other
    names (Ivanyan). Only skeletons of three or more symbols count: shorter ones are shared by
    too many unrelated names."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, group in table().names:
        form = lookup_form(name)
        for key in name_keys(name, listed=True):
            if key.startswith(SKELETON) and consonant_count(key) >= MIN_SKELETON_FOR_GROUP:
                names = out.setdefault(key, {})
                names[group] = tuple(dict.fromkeys(names.get(group, ()) + (form,)))
    return settled(out)


@cache
def _vowels_by_group() -> dict[str, dict[str, frozenset[str]]]:
    """Group -> folded skeleton -> the vowel-exact skeletons of its listed names (see
    _linked_groups)."""
    out: dict[str, dict[str, set[str]]] = {}
    for name, group in table().names:
        by_folded = out.setdefault(group, {})
        for exact in vowel_exact_skeletons(name):
            by_folded.setdefault(_folded(exact), set()).add(exact)
    return settled({g: {k: frozenset(v) for k, v in d.items()} for g, d in out.items()})


def load_tables() -> None:
    """Read every table the keys consult now (each is read once per process, on first use):
    processes forked afterwards share this copy instead of each reading its own."""
    _groups_by_skeleton()
    _vowels_by_group()
    _bridged()
    vowels_apart("")
    is_english_word("words")
    is_common_word("words")


@cache
def _bridged() -> frozenset[str]:
    """Groups whose names link unlisted spellings to them: the region's (synonyms.py)."""
    return frozenset(group for _, group in table().names)


def _linked_groups(word: str, skeleton_keys: tuple[str, ...], own: tuple[str, ...]) -> list[str]:
    """Groups whose listed names share a skeleton with `word`, are spelt close to it and have
    its vowels: a, e and ə are one class in the keys (Mamedov meets Mammadov), but a link
    brings every document of every name of a place, so here a is not e, and only ə may be
    either (Bademli is not Badamlı, Mamedov is Məmmədov). A word the tables list only for
    places outside the region (`own`: its groups) is their name, not an unlisted spelling of
    a name of the region (Kocaali, a town of Turkey, does not link to Xocalı)."""
    by_skeleton = _groups_by_skeleton()
    form = lookup_form(word)
    if sum(ch.isalpha() for ch in word) <= MIN_LENGTH:
        return []  # a short word's skeleton is shared by too many words to prove a name
    if own and _bridged().isdisjoint(own):
        return []
    exact: frozenset[str] | None = None
    out: list[str] = []
    for key in skeleton_keys:
        for group, names in by_skeleton.get(key, {}).items():
            if group in out:
                continue
            if max(ratio(form, n) for n in names) < SPELT_CLOSE:
                continue
            if exact is None:
                exact = vowel_exact_skeletons(word)
            theirs = _vowels_by_group().get(group, {})
            if any(_vowels_agree(e, t) for e in exact for t in theirs.get(_folded(e), ())):
                out.append(group)
    return out


LOANWORD = 6


def light_key(word: str) -> str:
    """The word romanized, except that an ordinary word of another script whose romanization
    is an English word keeps its own letters: он is not "on", бий not "by", год not "god", мост
    not "most". Ordinary means in the list of frequent words or, for a shorter word that list
    leaves out, written in lower case: a capital marks a name or a part of one (Баш Гейнюк is
    Bash Geynyuk, Нор Артагерс Nor Artagers). A word of LOANWORD letters or more is the English
    word it romanizes to, borrowed one way or the other (совхоз, sovkhoz; модель, model)."""
    latin = romanize(word)
    if word.isascii() or latin == exact_key(word) or not is_english_word(latin):
        return latin
    bare = strip_apostrophe_suffix(word)
    if len(latin) >= LOANWORD:
        return latin
    short = len(bare) < MIN_LENGTH and bare.islower()
    return exact_key(word) if short or is_common_word(bare) else latin


MIN_SCHEME_LENGTH = 3  # Mec, Metc, Mets (Մեծ, 'big'), but not the Russian и, в, на


def _scheme_keys(word: str, strict: bool, turkic: bool | None) -> list[str]:
    """The scheme key (schemes.py) of a Russian word, listed or common too (Малый, Maly,
    Malyj), and of a Latin or Armenian word that is no English, Turkish or Turkic word, with
    the key by which it finds Cyrillic words. `turkic`: what _analysed found, or None when
    the word is no name to it (an English or common word, or a short one)."""
    latin = romanize(word)
    if strict or len(latin) < MIN_SCHEME_LENGTH or not (latin.isascii() and latin.isalpha()):
        return []
    if _CYRILLIC_RE.search(word.lower()):
        return [scheme_key(latin)]
    if _ARMENIAN_RE.search(word.lower()):
        pass
    elif turkic is not None:
        if turkic:
            return []
    elif len(latin) >= MIN_LENGTH:
        return []  # an English or common word (_analysed)
    else:
        low = lower(word)
        bare = strip_apostrophe_suffix(word)
        if is_turkic(low) or is_english_word(latin) or is_common_word(bare):
            return []
        if _QARA_RE.search(latin):
            return []
    key = scheme_key(latin)
    return [key, CYRILLIC_SCHEME + key[len(SCHEME) :]]


def index_keys(word: str) -> tuple[str, ...]:
    """The keys the spelling map records `word` under: its own keys, but a Cyrillic word's
    scheme key with CYRILLIC_SCHEME and its skeletons with CYRILLIC_SKELETON, so that only
    Latin and Armenian words find it by them."""
    # A build asks once for each word it meets (indexer.index.spellings keeps the pairs):
    # its keys are worked out without the memo cache, which would only fill and forget.
    keys = _own_keys.__wrapped__(word)
    if not _CYRILLIC_RE.search(word.lower()):
        # a Latin word asks for Cyrillic words by CYRILLIC_SCHEME, but is not found by it
        return tuple(k for k in keys if not k.startswith(CYRILLIC_SCHEME))
    return tuple(
        CYRILLIC_SCHEME + k[len(SCHEME) :]
        if k.startswith(SCHEME)
        else CYRILLIC_SKELETON + k[len(SKELETON) :]
        if _is_skeleton(k)
        else k
        for k in keys
    )


def _is_skeleton(key: str) -> bool:
    """A skeleton key as Latin words have it (not one with the ы/и letters of a Cyrillic
    word)."""
    return key.startswith(SKELETON) and _LETTERS_MARK not in key


def _cyrillic_letters_keys(word: str, keys: list[str]) -> list[str]:
    """`keys` of a Cyrillic word with each skeleton also written with the word's own ы and и,
    by which alone it meets another Cyrillic word (index_keys records the plain skeletons for
    Latin and Armenian words only). Russian writes ы and и for two sounds that make different
    words (сбытом, сбитом; Давыдович, Давидович), which the skeleton, like every Latin scheme,
    may write alike (y, i) or leave out (an i between consonants may be silent)."""
    low = word.lower()
    if not _CYRILLIC_RE.search(low):
        return keys
    letters = "".join(ch for ch in _FINAL_VOWELS_RE.sub("", low) if ch in "иы")
    out = []
    for k in keys:
        out.append(k)
        if _is_skeleton(k):
            out.append(k + _LETTERS_MARK + letters)
    return out


@bounded_cache(max_bytes=4_000_000)
def variant_keys(word: str) -> tuple[str, ...]:
    """The keys a query for `word` asks the spelling map for (module docstring): its own keys,
    and for a Latin or Armenian word each skeleton also as a Cyrillic word records it. A build
    asks for index_keys only, which leave these copies out."""
    keys = _own_keys(word)
    if _CYRILLIC_RE.search(word.lower()):
        return keys
    cyrillic = tuple(CYRILLIC_SKELETON + k[len(SKELETON) :] for k in keys if _is_skeleton(k))
    return keys + cyrillic if cyrillic else keys


@bounded_cache(max_bytes=4_000_000)
def _own_keys(word: str) -> tuple[str, ...]:
    """A word's keys as the spelling map records them, before index_keys sets the Cyrillic
    ones apart; a query asks for these and more (variant_keys)."""
    keys = [light_key(word)]
    entry = lookup(word)
    if entry is not None:
        keys += [group_key(g) for g in entry.groups]
        for other in entry.also:
            keys += _own_keys(other)
    strict = entry is not None and entry.strict
    turkic = None
    if not strict:
        keep_e = entry is not None and entry.keep_e
        skeleton_keys, people, turkic = _name_keys(
            word, entry is not None, keep_e, vowels_apart(word)
        )
        own = entry.groups if entry is not None else ()
        # a people's name's stem is no name of a place: only the word itself links to one
        keys += [group_key(g) for g in _linked_groups(word, skeleton_keys, own)]
        keys += _cyrillic_letters_keys(word, [*skeleton_keys, *people])
    keys += _scheme_keys(word, strict, turkic)
    return tuple(dict.fromkeys(keys))
