"""Which place a name two places have belongs to: the rules by which a place claims a name
another place lists, so that GeoNames' noise (a far town that lists a name among its other
names, a village that lists its district town's) does not take a name from its place."""

from __future__ import annotations

from indexer.analysis.name_forms import script
from indexer.analysis.skeleton import skeletons

from ..sources import COUNTRIES, Place
from .forms import CORE_COUNTRIES, DOMINANT, form

# A place this far away that lists a name only among its alternate names, while its own name
# is another, does not claim it if it is outside the region or no larger: GeoNames' alternate
# names are its noisiest part (Uyar in Siberia lists Ujar, the German spelling of its name;
# Kākhk in Khorasan lists Kakh; Santiago de Cuba lists Kuba), and a reader of this archive
# who writes Ujar means the town of Azerbaijan whose own name it is.
FAR_KM = 300.0
# A village up to this far from a town NEIGHBOUR_DOMINANT times as populous in its country,
# that lists one of the town's names among its other names, does not share that name with it:
# GeoNames gives some villages the name of their district's town (Aghlavashli, 50 km from
# Goranboy, lists Kasum-Ismailov, Goranboy's Soviet name). Farther apart, two places that
# list one name both may have borne it (Pokr Karakilisa: Lernahovit and Azatan, 67 km apart).
NEIGHBOUR_KM = 60.0
NEIGHBOUR_DOMINANT = 3
NEIGHBOUR_WORDS = 60_000  # most frequent words of each language: no town takes one so


# Countries that write, or wrote in Soviet times, their places' names in Cyrillic: a Russian
# text names their towns in Cyrillic, whether GeoNames lists that name or not
CYRILLIC_COUNTRIES = ("UA", "BY", "KZ", "KG", "TJ", "TM", "UZ", "MD", "BG", "RS", "MK", "MN")


def foreign(q: Place, p: Place, f: str, letters: str) -> bool:
    """Whether `q` is a place FAR_KM from `p` outside the six countries none of whose names
    of lookup form `f` is in the script `letters`: GeoNames gives a Cyrillic or Armenian name
    to the places abroad that Russian or Armenian writers name, except to the towns of
    countries that write Cyrillic themselves (CYRILLIC_COUNTRIES). Nor does a far place of
    Iran, Turkey, Georgia or Russia with no such name claim the Armenian letters of a place
    of Armenia or Azerbaijan: they name few places there (Նավար, a village of Armenia, is not
    Navār in Iran)."""
    if p.km(q) < FAR_KM:
        return False
    armenian_here = letters == "hy" and p.country in CORE_COUNTRIES
    if q.country in COUNTRIES and (q.country in CORE_COUNTRIES or not armenian_here):
        return False
    if letters == "cyr" and q.country in CYRILLIC_COUNTRIES:
        return False
    return not any(form(n) == f and script(n) == letters for n in q.names)


def has_in_script(q: Place, f: str, letters: str) -> bool:
    """Whether a name of `q` in the script `letters`, or a word of one, has lookup form `f`."""
    forms = (form(n) for n in q.names if script(n) == letters)
    return any(f == g or f in g.split() for g in forms)


def claims(q: Place, f: str, p: Place) -> bool:
    """Whether place `q` claims the name of lookup form `f` that place `p` lists: always
    when it is its own name (Susa is the Italian town's own name) or `q` is near `p`, but not
    a far place outside the six countries, and not DOMINANT times as large, whose own name
    spells that of `p`, a place of Azerbaijan or Armenia, as the spelling keys read it (Wedi
    in Indonesia, Vedi's German spelling; Koš in Slovakia, Kosh): a reader of this archive
    who writes it means `p`. For another name only when `q` is near `p` or is a
    larger place of the region (Shush, whose list has Susa as Shusha's does). A word of a
    name of several words claims only for a place near `p` or a larger one of Azerbaijan and
    Armenia (Khojaly, whose Hocalı Rayonu makes Hocalı its name): a reader who writes Kot,
    Nour or Guba does not mean Shahdad Kot in Pakistan, Sidi Ben Nour in Tunisia or
    Monchegorsk in Russia, once Moncha-Guba."""
    if p.km(q) < FAR_KM:
        return True
    if f == form(q.name):
        mine = p.country in CORE_COUNTRIES and q.population < DOMINANT * p.population
        return q.country in COUNTRIES or not (mine and spells(f, p.name))
    whole = any(form(n) == f for n in q.names)
    core = COUNTRIES if whole else CORE_COUNTRIES
    return q.country in core and q.population > p.population


def neighbour_of(q: Place, p: Place, f: str, big: int) -> bool:
    """Whether `q` is a smaller neighbour of `p` (of population `big`) in its country that
    lists the name of lookup form `f` only among its other names, not as its own name spelt
    another way (Tsakhkashen is Tsaghkashen's, not its larger neighbour Tsaghkaber's):
    GeoNames gives some villages the name of the town whose district they are in."""
    return (
        q.country == p.country
        and p.km(q) < NEIGHBOUR_KM
        and not (f == form(q.name) or spells(f, q.name))
        and form(q.name) != form(p.name)
        and big >= NEIGHBOUR_DOMINANT * q.population
    )


def spells(f: str, name: str) -> bool:
    """Whether the one-word lookup form `f` reads as `name` however its letters are read: its
    skeletons are all skeletons of `name` (skeleton.py). Saraj, a town of North Macedonia,
    does not spell Saray: a Spanish j would make it Sarah."""
    if " " in f or " " in form(name):
        return False
    return set(skeletons(f)) <= set(skeletons(form(name)))
