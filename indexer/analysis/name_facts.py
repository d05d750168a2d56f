"""What the curated table and the place tables say of a name beyond its groups (synonym_table.py):
whether its vowels are its own (places_vowels.tsv, places_o_and_u.tsv, and the names the
gazetteer leaves out whose every place keeps them), whether it names only a place, whether it
is a name of the tables as Turkish writes it, and each place's country and population.
"""

from __future__ import annotations

from functools import cache

from .name_forms import COUNTRY_GROUP, PEOPLE_GROUP, Entry, lookup_form, script, written_form
from .synonym_table import BRIDGE_COUNTRIES, table
from .synonyms import native_names
from .tables import rows, settled


@cache
def _vowels_apart() -> frozenset[str]:
    return frozenset(lookup_form(c) for cells in rows("places_vowels.tsv") for c in cells[:2])


def vowels_apart(word: str) -> bool:
    """Whether `word` is a name of data/places_vowels.tsv: the own name of a place whose name
    another place has with an a for its e or an e for its a, or an i, y, o or u for an e after
    a palatal (Zafreh is not Zefreh, Cherum not Çorum), or that other place's name. The names
    of a place written both ways (Yolbilen: Arbet, Erbet) meet through its group."""
    return lookup_form(word) in _vowels_apart()


@cache
def o_and_u_names() -> tuple[str, ...]:
    """The names of data/places_o_and_u.tsv, as written: names of two places that differ only
    in o and u (Korkino, Kurkino)."""
    return tuple(dict.fromkeys(c for cells in rows("places_o_and_u.tsv") for c in cells[:2]))


@cache
def _o_and_u_forms() -> frozenset[str]:
    return frozenset(map(lookup_form, o_and_u_names()))


def o_and_u_apart(word: str) -> bool:
    """Whether `word` is one of o_and_u_names: its skeletons keep o and u apart."""
    return lookup_form(word) in _o_and_u_forms()


def place_only(entry: Entry) -> bool:
    """No group of `entry` is a people's, an ordinary word's or a given name's: `entry` names
    a place (or a name of names.tsv)."""
    return (
        word_groups().isdisjoint(entry.groups)
        and given_name_groups().isdisjoint(entry.groups)
        and not any(g.startswith(PEOPLE_GROUP) for g in entry.groups)
    )


def given_name_only(entry: Entry) -> bool:
    """Every group of `entry` is a given name's of given_names.tsv."""
    return bool(entry.groups) and given_name_groups().issuperset(entry.groups)


def keeps_its_vowels(form: str) -> bool:
    """`form` (a lookup form) is of a name the gazetteer leaves out, whose every place keeps
    its a and e apart (Evren, two towns of Turkey, is not Avren, a village of Bulgaria)."""
    return form in table().vowels_kept


def is_place_name(word: str) -> bool:
    """`word` is listed as written (not as an inflection of a listed word) as a name, in the
    GeoNames gazetteer or names.tsv, and never as a people's or an ordinary word: a place's
    name (Goris), whatever its ending."""
    form = lookup_form(word)
    entry = table().index.get(form) or native_names(word).get(form)
    if entry is None and script(word) == "latn":
        entry = table().written.get(written_form(word))
    return entry is not None and place_only(entry)


def _as_turkish_writes(form: str) -> str:
    """A lookup form with Azerbaijani q and x as Turkish writes them (k, h); lookup_form already
    folds ə and ı."""
    return form.replace("q", "k").replace("x", "h")


@cache
def _turkish_spellings(region: bool, peoples: bool = True, abroad: bool = True) -> frozenset[str]:
    forms = (lookup_form(name) for name, _ in table().names) if region else table().index
    if not peoples:
        forms = (f for f in forms if not _peoples_only(f))
    if not abroad:
        forms = (f for f in forms if not _abroad_only(f))
    return settled(frozenset(_as_turkish_writes(form) for form in forms))


def _abroad_only(form: str) -> bool:
    """Whether only places of the gazetteer beyond Azerbaijan and Armenia have `form` for a
    name (generate/words.py: sekiz, eight, is no Seqiz, a name of Iran's Saqqez; karşı,
    opposite, no Karşı, an old name of Payas in Turkey)."""
    entry = table().index.get(form)
    countries = place_countries()
    return entry is not None and all(
        g in countries and countries[g] not in BRIDGE_COUNTRIES for g in entry.groups
    )


def _peoples_only(form: str) -> bool:
    """Whether only peoples.tsv or countries.tsv, the tables made of CLDR's names, lists
    `form`: a Turkish word that writes it is still an ordinary word (generate/words.py:
    kabardı, it swelled, is no Kabard; avare, idle; malı, goods, no Mali)."""
    entry = table().index.get(form)
    return entry is not None and all(
        g.startswith((PEOPLE_GROUP, COUNTRY_GROUP)) for g in entry.groups
    )


def is_turkish_spelling(
    word: str, region: bool = False, peoples: bool = True, abroad: bool = True
) -> bool:
    """`word` is a name of the tables as Turkish writes it (karabağ: Qarabağ, hocalı: Xocalı);
    `region`: a name of the places and groups that link unlisted spellings (bridged);
    `peoples`: the names of peoples.tsv and countries.tsv count too; `abroad`: so do the
    names of places beyond Azerbaijan and Armenia."""
    return _as_turkish_writes(lookup_form(word)) in _turkish_spellings(region, peoples, abroad)


@cache
def word_groups() -> frozenset[str]:
    """The groups of words.tsv, peoples and ordinary words, and of countries.tsv, the
    countries beyond the region: no place of the gazetteer's or the hand table's, and no
    name a spelling rule derives words of."""
    return settled(
        frozenset(cells[0].strip() for f in ("words.tsv", "countries.tsv") for cells in rows(f))
    )


@cache
def given_name_groups() -> frozenset[str]:
    """The groups of given_names.tsv: given names, which take a Russian name's case endings."""
    return settled(frozenset(cells[0].strip() for cells in rows("given_names.tsv")))


@cache
def place_countries() -> dict[str, str]:
    """Group of places.tsv -> its place's country."""
    return settled({cells[0].strip(): cells[2].strip() for cells in rows("places.tsv")})


@cache
def place_populations() -> dict[str, int]:
    """Group of places.tsv -> its place's population."""
    return settled({cells[0].strip(): int(cells[4]) for cells in rows("places.tsv")})
