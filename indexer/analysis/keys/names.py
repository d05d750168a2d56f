"""A name's own keys: its skeletons (skeleton.py) and, for short names, its mild keys, and the
keys of its stems as a people's name."""

from __future__ import annotations

import itertools
import re
from functools import cache

from indexer.caching import bounded_cache

from ..casing import lower
from ..name_facts import o_and_u_apart, o_and_u_names
from ..romanize import romanize
from ..skeleton import U_LETTER, skeletons
from ..skeleton_letters import O_LETTER
from .marks import (
    CYRILLIC_RE,
    FOLDED,
    KEPT,
    RUSSIAN_VERB_RE,
    SKELETON,
    SWAP,
    bare_skeleton,
)
from .mild import milds
from .name_reading import MIN_CONSONANTS, as_written, consonant_count, name_reading
from .stems import (
    MIN_PEOPLE_CLASSES,
    RUSSIAN_PEOPLE_RE,
    SHORT_PEOPLE_RE,
    TURKIC_PEOPLE_RE,
    bare_people,
    people_stems,
    word_stems,
)


def _latin_forms(kept: str) -> list[str]:
    """A Latin word's skeleton keys: as written, and with a and e one class (FOLDED) when it has
    an e, to meet other Latin spellings (Mamedov, Mammadov, Bademli, Badamlı; marks.FOLDED), and
    with them apart but one of them read as the other (SWAP), to meet a Cyrillic spelling, whose
    а and е are different letters: Russian writes an ə as е (Мамедов for Mammadov, Гейдар for
    Haydar), so one a of a Latin name may be its е, but Алана and Алена, Давид and Дэвид stay
    apart."""
    folded = kept.replace("E", "A")
    out = [SKELETON + kept] + ([FOLDED + folded] if folded != kept else [])
    for i, sym in enumerate(kept):
        if sym in "AE":
            swapped = kept[:i] + ("E" if sym == "A" else "A") + kept[i + 1 :]
            if swapped != folded:  # a Cyrillic query asks for the plain key anyway
                out.append(SWAP + swapped)
    return out


def name_keys(word: str, listed: bool = False, keep_e: bool = False) -> tuple[str, ...]:
    """Keys of a name or foreign word, or () when the aggressive rules do not apply to it: the
    mild key (`^` + light key with ə -> e and ı -> i: Şəki meets Sheki) and the skeletons.

    `listed`: the word is a name of the curated table, a name even if English has the word
    (Ganja, Baku, Armenia). `keep_e`: the word names only places whose names have no ə or ä,
    so its e is not an a, nor its a an e (Serov, Yarensk, Yertsevo are not Sarov, Yaransk,
    Yartsevo; Chany is not Cheny); its skeletons keep a and e apart. Other words have both
    skeletons: a and e one class (FOLDED: Mamedov meets Mammadov) and as written (an unlisted
    Serow still meets Serov). The stems of a people's name are not among
    them (variant_keys adds them): a place's name is no people's."""
    return name_and_people_keys(word, listed, keep_e)[0]


def name_and_people_keys(
    word: str,
    listed: bool,
    keep_e: bool,
    apart: bool = False,
    dzh: bool = False,
) -> tuple[tuple[str, ...], tuple[str, ...], bool | None]:
    """name_keys: (the word's own keys, the keys of its stems as a people's name, whether it
    is Turkic, or None when the word gets none of these keys). `apart`: the word is a name of
    data/places_vowels.tsv, whose vowels are its own; `dzh`: one the tables write in Russian
    with дж (synonyms.writes_dzh), whose dj is no д and я. A name of two places that differ
    only in o and u (name_facts.o_and_u_apart: Korkino, Kurkino) has skeletons with o and u as
    two classes only (_stem_skeleton_keys)."""
    analysed = name_reading(word, listed)
    if analysed is None:
        return (), _russian_people_keys(word), None
    latin, turkic, cyrillic, stems, consonants = analysed
    keep_e = keep_e or apart or cyrillic
    # a name another place has with another vowel for one of its e keeps each e an e, as a
    # word of an alphabet that writes its vowels as they sound
    written = apart or as_written(word)
    o_apart = o_and_u_apart(word)
    own: list[str] = []
    for stem in stems:
        own += _skeleton_keys(
            stem, turkic, cyrillic, keep_e, consonants, written, dzh, o_apart=o_apart
        )
    own = list(dict.fromkeys(own))
    # Short names (fewer than three consonant classes, Şəki and Sheki) also get the mild key,
    # which is all a four-letter one has; longer names meet through their skeletons.
    if not own or consonant_count(own[0]) <= MIN_CONSONANTS:
        own[:0] = milds(latin, turkic, name=word[:1].isupper())
    people: list[str] = []
    short: list[str] | None = None
    # a Russian case form's stem is a people's name too (лезгинов: лезгин, Lezg)
    bare = stems[1:] if cyrillic else []
    if turkic:
        # a Turkic plural's stem, read as a people's name, needs only the mild key a short
        # one lacks (Avarların: Avar); a longer one meets by the skeletons of word_stems
        for stem in people_stems(latin, TURKIC_PEOPLE_RE)[:1]:
            if not _skeleton_keys(stem, turkic, cyrillic, keep_e, MIN_PEOPLE_CLASSES, written):
                people += milds(stem, turkic)
    # a German plural or demonym need not show by its letters that it is German (Kasachen)
    german = not cyrillic and _GERMAN_PEOPLE_RE.search(latin) is not None
    for stem in [] if turkic else dict.fromkeys(people_stems(latin) + bare_people(bare)):
        keys = _skeleton_keys(
            stem, turkic, cyrillic, keep_e, MIN_PEOPLE_CLASSES, written, german=german
        )
        if not keys:
            # a short people's name meets its plural and derivations by the mild key of its
            # stem (Avar: Avars, Аварец, Awaren), spelt as it is: its skeleton says too little
            if short is None:
                short = people_stems(latin, SHORT_PEOPLE_RE) + bare_people(bare, SHORT_PEOPLE_RE)
            keys = milds(stem, turkic) if stem in short else []
        people += keys
    return tuple(own), tuple(k for k in dict.fromkeys(people) if k not in own), turkic


def _russian_people_keys(word: str) -> tuple[str, ...]:
    """A frequent Russian word, or one that romanizes to an English word, gets no keys of a
    name (its skeleton would meet other words), but a people's name in Russian is often such a
    word, written in lower case (курды, чеченцы, туркмены): in a plural or case form its
    stem as a people's name, of MIN_PEOPLE_CLASSES consonant classes at least, meets the
    people's name in other languages (Kurds, Kurden; Chechens, Tschetschenen)."""
    low = lower(word)
    if not CYRILLIC_RE.search(low) or not RUSSIAN_PEOPLE_RE.search(low):
        return ()
    if RUSSIAN_VERB_RE.search(low):
        return ()
    latin = romanize(word)
    if not latin.isalpha():
        return ()
    bare = word_stems(latin, False, True, lower_case=True)[1:]
    stems = bare + people_stems(latin) + bare_people(bare)
    keys: list[str] = []
    for stem in dict.fromkeys(stems):
        keys += _skeleton_keys(stem, False, True, True, MIN_PEOPLE_CLASSES, False)
    return tuple(dict.fromkeys(keys))


def _skeleton_keys(
    stem: str,
    turkic: bool,
    cyrillic: bool,
    keep_e: bool,
    consonants: int,
    written: bool,
    dzh: bool = False,
    german: bool = False,
    o_apart: bool = False,
) -> tuple[str, ...]:
    """The skeleton keys of one stem with `consonants` classes or more; `dzh`: of a name whose
    dj the tables write as дж; `german`: of a German word, whatever its letters (the stem of a
    German plural, Kasachen: Kazakhs); `o_apart`: of a name whose o and u are two classes. A
    word and its capitalized form, and words that share a stem, ask for the same ones (two
    calls in five of a build's): each is worked out once."""
    latin = not (turkic or cyrillic)
    return _stem_skeleton_keys(
        (stem, bool(turkic), bool(cyrillic), bool(keep_e), consonants, bool(written))
        + (latin and dzh, latin and german, o_apart)
    )


# German plurals and words for a people (Kasachen, Kirgisen, Lesgier, Aserbaidschanern), not
# the English -s (Zakharovs is no Sakharov) nor a Russian surname's -in (Zakharin, Sakharin)
_GERMAN_PEOPLE_RE = re.compile("(?:en|er|ern|erin|erinnen)$")


# Dutch press letters (Sjoesja, Pasjinjan, Kotsjarjan, Dzjabrajil, Soemgait) and German oe,
# ue for ö, ü (Oezdemir, Hueseynov), as English and Turkish write them; not before v, where
# they are the o or u and the e of Russian's -ев (Калоев is not Калов)
_DIGRAPHS = {"tsj": "ch", "dzj": "dzh", "sj": "sh", "zj": "zh", "oe": "o", "ue": "u"}
_DIGRAPH_RE = re.compile("tsj|dzj|sj|zj|oe(?!v)|ue(?!v)")


# Letters of a scheme that the press writes for another sound before a, o (and u, for sc),
# read as the scheme means them for Cyrillic words only: ISO 9's and the scientific scheme's
# dj for д and the glide of я, ё (Hudjaev: Худяев), where the press's dj is дж (Djamal), and
# Telegram's sc for щ (Scagov, Mascuk: Щагов, Мащук), where English and Italian read sk
# (Oscar); their dju and Telegram's sce, sci read so in every key (skeleton_letters.py)
_SCHEME_ONLY_RE = re.compile("dj(?=[aoy])|sc(?=[aou])")
_SC_ONLY_RE = re.compile("sc(?=[aou])")  # of a name whose dj the tables write as дж
_SCHEME_ONLY = {"dj": "dy", "sc": "shch"}
# German writes дж as dsch (Dschafarow), so in a German press form, one with w for в or sch
# for ш, ж, its dj is д and the glide of я, ё, ю (Djakow, Djatschenko, Nowowodjanoje), and
# that reading meets Latin spellings too (Dyakov, Dyachenko)
_GERMAN_RE = re.compile("w|sch")


@bounded_cache(max_bytes=4_000_000)
def _stem_skeleton_keys(
    args: tuple[str, bool, bool, bool, int, bool, bool, bool, bool],
) -> tuple[str, ...]:
    """A Latin stem written with Dutch or German digraphs also has the skeletons of the
    spelling without them, and one with _SCHEME_ONLY_RE's letters also those of the schemes'
    reading, recorded like a and e read as each other (SWAP) for Cyrillic words only: Djamal,
    read so, is Дямал, but never Damal. No dj so of a name whose Russian spellings in the
    tables write it дж (Khodjaly: Ходжалы, no Ходялы). A Cyrillic stem is never read as a
    German press form (its ч is ch), a `german` one always.

    The last of `args`, o_apart: the stem is of a name of two places that differ only in o
    and u (name_facts.o_and_u_apart: Korkino, Kurkino), whose skeletons have them apart only
    (skeleton.py's o_apart). Any other word whose skeleton is such a name's with o and u as
    one class has both: Korkyno, Коркино meet Korkino, not Kurkino."""
    stem, turkic, cyrillic, keep_e, consonants, written, dzh, german, o_apart = args
    press = False if cyrillic else True if german else None  # read as a German press form
    spellings = [stem]
    scheme = None
    if not (turkic or cyrillic):
        plain = _DIGRAPH_RE.sub(lambda m: _DIGRAPHS[m.group()], stem)
        if plain != stem:
            spellings.append(plain)
        scheme_only = _SC_ONLY_RE if dzh else _SCHEME_ONLY_RE
        scheme = scheme_only.sub(lambda m: _SCHEME_ONLY[m.group()], stem)
    out = []
    for spelling in spellings:
        for kept in skeletons(
            spelling,
            turkic,
            keep_e=True,
            e_as_o=not cyrillic,
            hiatus=True,
            as_written=written,
            german=press,
            o_apart=o_apart,
        ):
            if consonant_count(kept) >= consonants:
                out += [KEPT + kept] if keep_e else _latin_forms(kept)
    if scheme and scheme != stem:
        dsch = _GERMAN_RE.search(stem) is not None
        for kept in skeletons(
            scheme, keep_e=True, hiatus=True, as_written=written, german=press, o_apart=o_apart
        ):
            known = SKELETON + kept in out or KEPT + kept in out
            if consonant_count(kept) >= consonants and not known:
                out += _latin_forms(kept) if dsch and not keep_e else [SWAP + kept]
    if not o_apart and any(bare_skeleton(k) in o_and_u_skeletons() for k in out):
        out += _stem_skeleton_keys(args[:-1] + (True,))
    return tuple(dict.fromkeys(out))


@cache
def o_and_u_skeletons() -> frozenset[str]:
    """The skeletons, o and u one class, of the names that keep o and u apart."""
    keys = []
    for name in o_and_u_names():
        analysed = name_reading(name, listed=True)
        if analysed is not None:
            _, turkic, cyrillic, stems, consonants = analysed
            # as the name's own keys read it, and as another word's may (a and e apart or
            # not, spelt as it sounds or not: Korukoy's is also Koruk's without its -oy)
            for stem, keep_e, written in itertools.product(stems, (False, True), (False, True)):
                args = (stem, turkic, cyrillic, keep_e, consonants, written, False, False, True)
                keys += _stem_skeleton_keys(args)
    return frozenset(bare_skeleton(k).replace(O_LETTER, "O").replace(U_LETTER, "O") for k in keys)


def spelt_stems(word: str) -> tuple[str, ...]:
    """The word romanized and without each ending its skeletons leave out (Samuxda: samux),
    for a link's check that a word is spelt close to a name: the ending is no part of it."""
    analysed = name_reading(word, listed=True)
    return tuple(analysed[3]) if analysed is not None else ()


def vowel_exact_skeletons(word: str) -> frozenset[str]:
    """The word's skeletons with a, e and ə each a vowel of its own (SCHWA) and two vowels in
    a row kept apart, so that a link by skeleton can check the vowels the keys fold together."""
    analysed = name_reading(word, listed=True)
    if analysed is None:
        return frozenset()
    _, turkic, cyrillic, stems, consonants = analysed
    written = as_written(word)
    return frozenset(
        kept
        for stem in stems
        for kept in skeletons(
            stem,
            turkic,
            keep_e=True,
            e_as_o=not cyrillic,
            exact=True,
            as_written=written,
            german=False if cyrillic else None,
        )
        if consonant_count(kept) >= consonants
    )
