"""Links by skeleton from an unlisted spelling to the group of a listed name of the region
(Hojaly to Khojaly's group), checked by spelling and by vowels."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.fuzz import ratio

from ..lookup import lookup
from ..name_facts import place_countries
from ..name_forms import PEOPLE_GROUP, VOWELS_KEPT, lookup_form, script
from ..romanize import romanize_for_keys
from ..skeleton_letters import SCHWA
from ..stored import stored
from ..synonym_table import table
from ..synonyms import bridged
from ..tables import rows, settled
from .marks import MIN_LENGTH, SKELETON, marked
from .mild import press_letters
from .name_reading import consonant_count
from .names import name_keys, spelt_stems, vowel_exact_skeletons
from .stems import people_stems

SPELT_CLOSE = 70  # rapidfuzz ratio, 0-100
_GEONAMES_ID_RE = re.compile(r"\([A-Z]{2} (\d+)\)")  # a place of places_ambiguous.tsv
# a stem is a guess at the word's people: it links only when spelt as a people's name nearly
# letter for letter (Kumyken: Kumyk; not the German Komiker, the Turkish Geçenler: Çeçen)
PEOPLE_STEM_CLOSE = 90
MIN_SKELETON_FOR_GROUP = 3  # consonant classes: "#kOcAl" qualifies, "#cUcA" does not


# A Latin word links by a skeleton with s read as z and v as f, as every skeleton read them
# before they kept them apart: a German press form need not show by its letters that its s
# may be з (Sangesur, Fisuli: Zangezur, Füzuli), and a link checks the spelling itself
# (_spelt_close). A Cyrillic or Armenian word spells them apart (Расин is not Разин, an old
# name of Bakıxanov). A listed name's skeleton with a z or f is also filed so, marked COARSE.
_COARSE = str.maketrans("zf", "sv")
COARSE = "≈"  # marks a coarse key in groups_by_skeleton, never a term's key


def _coarse(skeleton: str) -> str:
    return skeleton.translate(_COARSE)


def _asked(word: str, keys) -> list[str]:
    """The keys of groups_by_skeleton that `word`, with these skeleton keys, links by."""
    out = list(dict.fromkeys(map(_unswapped, keys)))
    if script(word) == "latn":
        coarse = [_coarse(k) for k in out]
        out += [*coarse, *(COARSE + k for k in coarse)]
    return list(dict.fromkeys(out))


def _folded(skeleton: str) -> str:
    return _coarse(skeleton).replace(SCHWA, "A").replace("E", "A")


def _unswapped(key: str) -> str:
    """A skeleton key with one a read as e, a and e folded or kept apart, as a plain one: a link
    checks the vowels itself (Kelbedzhar, through Кельбаджар, to Kəlbəcər's group)."""
    return SKELETON + key[2:] if marked(key) else key


def _vowels_agree(a: str, b: str) -> bool:
    """Skeletons of equal folded form whose vowels agree: a, e, ə by class, where ə may be
    written a or e (Məmmədov: Mammadov, Mamedov) but a is not e (Badamlı is not Bademli)."""
    return all(x == y or SCHWA in (x, y) for x, y in zip(a, b, strict=True))


@cache
def groups_by_skeleton() -> dict[str, dict[str, tuple[str, ...]]]:
    return stored("groups_by_skeleton", _groups_by_skeleton)


def _groups_by_skeleton() -> dict[str, dict[str, tuple[str, ...]]]:
    """Skeleton of each listed name -> its groups -> the names of the group that have it, so
    that an unlisted spelling of a listed name (Hojaly for Khojaly) also meets the name's other
    names (Ivanyan). Only skeletons of three or more symbols count: shorter ones are shared by
    too many unrelated names."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, group in table().names:
        form = lookup_form(name)
        for key in map(_unswapped, name_keys(name, listed=True)):
            if key.startswith(SKELETON) and consonant_count(key) >= MIN_SKELETON_FOR_GROUP:
                coarse = _coarse(key)
                for filed in (key,) if coarse == key else (key, COARSE + coarse):
                    names = out.setdefault(filed, {})
                    names[group] = tuple(dict.fromkeys(names.get(group, ()) + (form,)))
    return settled(out)


@cache
def places_abroad() -> frozenset[str]:
    """The names of the large places outside the region, and of the places of the countries
    that border it that another place has with an a for an e (data/places_abroad.txt,
    generate/abroad.py), as looked up."""
    return settled(frozenset(cells[0] for cells in rows("places_abroad.txt")))


@cache
def places_with_one_name() -> frozenset[str]:
    """The own names of the region's places that have no other name and so no group
    (data/places_one_name.txt, generate/one_name.py), as looked up."""
    return settled(frozenset(cells[0] for cells in rows("places_one_name.txt")))


@cache
def one_names_keeping_vowels() -> frozenset[str]:
    """Of places_with_one_name, those that keep their a and e apart, as a place of Armenia,
    Russia or Turkey does (Adala is not Adela)."""
    kept = (cells[0] for cells in rows("places_one_name.txt") if cells[1:2] == [VOWELS_KEPT])
    return settled(frozenset(kept))


@cache
def vowels_by_group() -> dict[str, dict[str, frozenset[str]]]:
    return stored("vowels_by_group", _vowels_by_group)


def _vowels_by_group() -> dict[str, dict[str, frozenset[str]]]:
    """Group -> folded skeleton -> the vowel-exact skeletons of its listed names (see
    linked_groups)."""
    out: dict[str, dict[str, set[str]]] = {}
    for name, group in table().names:
        by_folded = out.setdefault(group, {})
        for exact in vowel_exact_skeletons(name):
            by_folded.setdefault(_folded(exact), set()).add(exact)
    return settled({g: {k: frozenset(v) for k, v in d.items()} for g, d in out.items()})


def linked_groups(
    word: str, skeleton_keys: tuple[str, ...], own: tuple[str, ...], close: int = SPELT_CLOSE
) -> list[str]:
    """Groups whose listed names share a skeleton with `word`, are spelt close to it and have
    its vowels: a, e and ə are one class in the keys (Mamedov meets Mammadov), but a link
    brings every document of every name of a place, so here a is not e, and only ə may be
    either (Bademli is not Badamlı, Mamedov is Məmmədov). A word the tables list only for
    places outside the region (`own`: its groups) is their name, not an unlisted spelling of
    a name of the region (Kocaali, a town of Turkey, does not link to Xocalı), nor is a name
    of places_abroad that the tables do not list (Astana, Karachi, Таллин; Kermen), or of a
    place of the region that has no other name (Guran, a village of Russia); one the
    tables list for a place of the region links to few other groups (_may_link)."""
    by_skeleton = groups_by_skeleton()
    form = lookup_form(word)
    if sum(ch.isalpha() for ch in word) <= MIN_LENGTH:
        return []  # a short word's skeleton is shared by too many words to prove a name
    if own and bridged().isdisjoint(own):
        return []
    if not own and (form in places_abroad() or form in places_with_one_name()):
        # a place abroad is no spelling of the region's (Astana: Ayastan; Kermen: Kerman), nor
        # is the name of a place of the region that has no other (Guran is not Gogaran's Gyoran)
        return []
    exact: frozenset[str] | None = None
    spelt: tuple[str, ...] | None = None
    out: list[str] = []
    for key in _asked(word, skeleton_keys):
        for group, names in by_skeleton.get(key, {}).items():
            if group in out:
                continue
            if own and not _may_link(own, group):
                continue
            if spelt is None:
                # a case ending is no part of the spelling (Samuxda is Samukh's locative)
                spelt = (form, *spelt_stems(word))
            if not _spelt_close(spelt, names, close):
                continue
            if exact is None:
                exact = vowel_exact_skeletons(word)
            theirs = vowels_by_group().get(group, {})
            if any(
                _vowels_agree(_coarse(e), _coarse(t))
                for e in exact
                for t in theirs.get(_folded(e), ())
            ):
                out.append(group)
    return out


def _spelt_close(spelt: tuple[str, ...], names: tuple[str, ...], close: int) -> bool:
    """Whether a spelling of the word is close to a name, letter for letter or once the word's
    own letters for one English consonant are read as it (mild.press_letters: Chodschawend
    and Khojavend; German's dsch makes a name longer, not another). A name's letters stay as
    written: a word of plain letters is no closer to a place for its French name (Julfa,
    Djoulfa: the towns of Azerbaijan and Iran)."""
    if max(ratio(s, n) for s in spelt for n in names) >= close:
        return True
    folded = {press_letters(s) for s in spelt}.difference(spelt)
    return bool(folded) and max(ratio(s, n) for s in folded for n in names) >= close


@cache
def group_countries() -> dict[str, frozenset[str]]:
    """Group of names.tsv -> the countries of the gazetteer's places its names name (barda:
    Azerbaijan, as Bərdə is); a gazetteer group's country is its place's (_countries)."""
    countries = place_countries()
    out: dict[str, set[str]] = {}
    for name, group in table().names:
        if group in countries:
            continue
        entry = lookup(name)
        theirs = {countries[g] for g in (entry.groups if entry else ()) if g in countries}
        out.setdefault(group, set()).update(theirs)
    return settled({g: frozenset(c) for g, c in out.items() if c})


@cache
def places_sharing_a_name() -> frozenset[frozenset[str]]:
    """Pairs of the gazetteer's places that GeoNames gives one name, which it therefore leaves
    out as neither's (data/places_ambiguous.tsv)."""
    pairs = (
        frozenset("gn" + i for i in _GEONAMES_ID_RE.findall(cells[1] + cells[2]))
        for cells in rows("places_ambiguous.tsv")
        if cells[1].startswith("also ")
    )
    return settled(frozenset(p for p in pairs if len(p) == 2))


def _may_link(own: tuple[str, ...], group: str) -> bool:
    """Whether a listed name of groups `own` may link to `group`. Two places of the gazetteer
    are two places (Balakən is not Balaxanı, Aygavan not Haykavan), unless they are of one
    country and GeoNames gives them a name in common, as it does a place it lists twice, a
    town and its district (Qobustan and Gobustan); a group of names.tsv may be a place of
    the name's own country, never of another (Berda, a village of Armenia, is not Bərdə)."""
    theirs = _countries(group)
    mine = [_countries(g) for g in own]
    if group in place_countries() and all(g in place_countries() for g in own):
        shared = places_sharing_a_name()
        pairs = zip(own, mine, strict=True)
        return any(c == theirs and frozenset((g, group)) in shared for g, c in pairs)
    return theirs is None or any(c is None or c & theirs for c in mine)


def _countries(group: str) -> frozenset[str] | None:
    """The countries of a group's places, or None for a group of no place."""
    country = place_countries().get(group)
    return frozenset((country,)) if country else group_countries().get(group)


def linked_peoples(word: str, people_keys: tuple[str, ...], own: tuple[str, ...]) -> list[str]:
    """Groups of peoples.tsv that a stem of `word` read as a people's name links to, as
    linked_groups links the word itself: a people's plural in another language (Kumyken,
    Kabardiner: the Kumyks, the Kabardians). Never a place's group: a place's name is no
    people's."""
    out: list[str] = []
    by_skeleton = groups_by_skeleton()
    keys = _asked(word, people_keys)
    if not any(g.startswith(PEOPLE_GROUP) for k in keys for g in by_skeleton.get(k, ())):
        return out  # most words: no people's name has a skeleton of theirs
    for stem in people_stems(romanize_for_keys(word)):
        for group in linked_groups(stem, people_keys, own, PEOPLE_STEM_CLOSE):
            if group.startswith(PEOPLE_GROUP) and group not in out:
                out.append(group)
    return out
