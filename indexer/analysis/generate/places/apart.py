"""Names of two places of the region a vowel apart, whose spelling keys keep that vowel apart
(keys/names.py), as they are two places, not two spellings of one.

Names (own or alternate, Latin) of two places that differ only in a and e (Zafreh, Zefreh;
Katovo, Ketovo), or in one e after a palatal where the other has i, y, o or u (Cherum, Çorum)
go to places_vowels.tsv, whose names keep their vowels apart in their spelling keys. Those that
differ only in o and u (Korkino, Kurkino) go to places_o_and_u.tsv, whose names' skeletons
write o and u as two classes, unless a place is in Iran, the two places share a name, or a
name of the pair is a given name (Osman, Usman).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from ..sources import SAME_PLACE_KM, Place, region
from .forms import DATA, DOMINANT, MIN_WORD, form


def _where(p: Place) -> str:
    return f"{p.name} ({p.country} {p.geonameid})"


def vowels_apart() -> list[list[str]]:
    """Rows (a name, the other place's name, both places) of the places of the region whose
    names differ only where one writes a and the other e (Zafreh and Zefreh, two towns of
    Isfahan; Badamlı and Bademli; Katovo and Ketovo), or in one e after a palatal where the
    other has i, y, o or u (Cherum and Chorum, Shchekino and Shchukino): the spelling keys
    keep these vowels apart for these names (keys/names.py), as they are two places, not two
    spellings of one."""
    holders, written = _latin_holders()
    rows = {
        (r[0], r[1]): r
        for r in _own_names_apart()
        + _other_names_apart(holders, written)
        + _one_vowel_apart(holders, written)
    }
    return sorted(rows.values(), key=lambda r: (r[0].lower(), r[1].lower()))


def _own_names_apart() -> list[list[str]]:
    """Two places' own names, unless one place is DOMINANT times as populous as the other."""
    by_folded: dict[str, dict[str, Place]] = defaultdict(dict)
    for p in region():
        f = form(p.name)
        if " " not in f and len(f) >= MIN_WORD:
            by_folded[f.replace("a", "e")].setdefault(f, p)
    out = []
    for spellings in by_folded.values():
        for f, p in spellings.items():
            for g, q in spellings.items():
                if f != g and two_places({p.geonameid: p}, {q.geonameid: q}):
                    out.append([p.name, q.name, f"{_where(p)}, {_where(q)}"])
    return out


Holders = dict[str, dict[int, Place]]


def _latin_holders() -> tuple[Holders, dict[str, str]]:
    """Each one-word Latin name (own or alternate) of the region's places, as looked up: the
    places that have it, and how it is written."""
    holders: Holders = defaultdict(dict)
    written: dict[str, str] = {}
    for p in region():
        for name in p.names:
            f = form(name)
            if " " in f or len(f) < MIN_WORD or not latin_name(name):
                continue
            holders[f][p.geonameid] = p
            written.setdefault(f, name)
    return holders, written


def _other_names_apart(holders: Holders, written: dict[str, str]) -> list[list[str]]:
    """Latin names, own or alternate, of two places, when no place has both (Sheki is also
    written Shaki), nor the other's a/e spelling of its own name."""
    by_folded: dict[str, list[str]] = defaultdict(list)
    for f in holders:
        by_folded[f.replace("a", "e")].append(f)
    return _apart(by_folded.values(), holders, written)


def o_and_u_apart() -> list[list[str]]:
    """Rows (a name, the other place's name, both places) of Latin names of two places of the
    region that differ only where one writes o and the other u (Korkino and Kurkino, Orsk and
    Ursk), neither in Iran: the keys read o and u as one class, as the region's alphabets pair
    them across scripts, but Persian writes neither, so Iran's romanizations guess (Moghan,
    Mughan)."""
    holders, written = _latin_holders()
    rows = {(r[0], r[1]): r for r in _o_and_u_apart(holders, written)}
    return sorted(rows.values(), key=lambda r: (r[0].lower(), r[1].lower()))


def _o_and_u_apart(holders: Holders, written: dict[str, str]) -> list[list[str]]:
    by_folded: dict[str, list[str]] = defaultdict(list)
    for f, places in holders.items():
        # French ou is u, which the keys read so already (Shahoumian, Shahumian)
        iranian = any(p.country == "IR" for p in places.values())
        if ("o" in f or "u" in f) and "ou" not in f and not iranian:
            by_folded[f.replace("u", "o")].append(f)
    # two places that share a name are spelt both ways as spellings of that name (Qobustan,
    # a town, and Qobustan, a district's seat: Kobustan, Kubustan), and a given name is one
    # name in every spelling (Osman, Usman: Осман, Усман, as pymorphy3 knows them): a pair
    # of places with a row of such a name has none of its rows kept
    groups = [
        spellings
        for spellings in by_folded.values()
        if len(spellings) > 1 and not _share_a_name([holders[f] for f in spellings])
    ]
    rows = _apart(groups, holders, written, dominant=False)
    named = {r[2] for r in rows if _given_name(r[0]) or _given_name(r[1])}
    return [r for r in rows if r[2] not in named and _places_swapped(r[2]) not in named]


def _places_swapped(places: str) -> str:
    """A row's "place, other place" as the other row of the pair writes it."""
    first, _, second = places.partition("), ")
    return f"{second}, {first})"


# A Latin name in Russian letters, as near as a letter-for-letter reading gets, for the
# morphological dictionary to tell a given name
_TO_CYRILLIC_RE = re.compile("shch|sh|ch|zh|kh|ts|ya|yu|yo|ye|[a-zşçöüığə'’]")
_TO_CYRILLIC = {
    **dict(
        zip("abcdefghijklmnopqrstuvwyzşçöüığə", "абкдефгхийклмнопкрстуввызшчоуыга", strict=True)
    ),
    **{"x": "кс", "shch": "щ", "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц"},
    **{"ya": "я", "yu": "ю", "yo": "ё", "ye": "е", "'": "ь", "’": "ь"},
}


def _given_name(name: str) -> bool:
    """Whether pymorphy3's dictionary knows `name`, read in Russian letters, as a given name."""
    from indexer.analysis.russian_cases import analyzer

    cyrillic = _TO_CYRILLIC_RE.sub(lambda m: _TO_CYRILLIC[m.group()], name.lower())
    return any(p.is_known and "Name" in p.tag.grammemes for p in analyzer().parse(cyrillic))


def _share_a_name(holders: list[dict[int, Place]]) -> bool:
    """Whether places of two of `holders` (the places of each spelling) share a name."""
    names = [{form(n) for p in places.values() for n in p.names} for places in holders]
    return any(a & b for i, a in enumerate(names) for b in names[i + 1 :])


# An e after a palatal (ch, sh, zh, j, c) that the keys may read as another vowel: as Russian
# ё (o) or as Azerbaijani ı (Нахичевань) (skeleton.py)
_E_READ_AS = frozenset("iyou")
_PALATAL_ENDS = ("ch", "sh", "zh", "j", "c")


def _one_vowel_apart(holders: Holders, written: dict[str, str]) -> list[list[str]]:
    """Latin names of two places one e after a palatal apart from an i, y, o or u, inside the
    name (a final vowel is an ending, which the keys leave out anyway)."""
    by_gap: dict[str, list[str]] = defaultdict(list)
    for f in holders:
        for i, ch in enumerate(f[:-1]):
            if (ch == "e" or ch in _E_READ_AS) and f[:i].endswith(_PALATAL_ENDS):
                by_gap[f[:i] + "*" + f[i + 1 :]].append(f)
    pairs = []
    for gap, spellings in by_gap.items():
        i = gap.index("*")
        if len(spellings) > 1 and any(f[i] == "e" for f in spellings):
            pairs.append(spellings)
    return _apart(pairs, holders, written, one_e=True)


def _apart(
    groups,
    holders: Holders,
    written: dict[str, str],
    one_e: bool = False,
    dominant: bool | None = None,
) -> list[list[str]]:
    """Rows for the spellings of each of `groups` that are names of two places, unless a place
    is written both ways (Babək: Babak, Babek), which needs both to meet. With `one_e`, only
    pairs of an e and another vowel count. `dominant`: as two_places takes it (by default,
    unless `one_e`)."""
    if dominant is None:
        dominant = not one_e
    out = []
    for spellings in groups:
        for f in spellings:
            if any(holders[f].keys() & holders[g].keys() for g in spellings if g != f):
                continue
            for g in spellings:
                if f == g or (one_e and ("e" in _diff(f, g)) == ("e" in _diff(g, f))):
                    continue
                if two_places(holders[f], holders[g], dominant=dominant):
                    p, q = _largest(holders[f]), _largest(holders[g])
                    out.append([written[f], written[g], f"{_where(p)}, {_where(q)}"])
    return out


def _diff(f: str, g: str) -> str:
    """The letters of f where g has others (f and g of one length)."""
    return "".join(a for a, b in zip(f, g, strict=True) if a != b)


def latin_name(name: str) -> bool:
    """`name` is written in Latin letters (ə among them)."""
    return all(ch < "\u0370" or ch in "əƏ" for ch in name if ch.isalpha())


_SCHWA = "ə"


def _largest(places: dict[int, Place]) -> Place:
    return max(places.values(), key=lambda p: (p.population, -p.geonameid))


def two_places(these: dict[int, Place], those: dict[int, Place], dominant: bool = True) -> bool:
    """Whether two names are those of different places: no place (or one place listed twice)
    has both, and, with `dominant`, a reader of either does not mean the other's much larger
    place (Sheki, the city of Azerbaijan, is also written Shaki, which is a village of Armenia
    too: a and e may both write its ə). No such sound lies between e and o (Cherum, a village
    of Iran, is not Çorum, the Turkish city)."""
    for p in these.values():
        for q in those.values():
            if p.geonameid == q.geonameid or (p.country == q.country and p.km(q) < SAME_PLACE_KM):
                return False
    if not dominant:
        return True
    small, big = sorted((_largest(these), _largest(those)), key=lambda p: p.population)
    # only an ə makes a and e two spellings of the larger place's name (Şəki: Shaki, Sheki);
    # Keşan, a town of Turkey, is not the village Kasan of Russia however large it is
    if not any(_SCHWA in n.casefold() for n in big.names):
        return True
    return not small.population or big.population < DOMINANT * small.population  # 0: unknown


def write(folder: Path = DATA) -> list[Path]:
    header = "# Generated with places.tsv: names of two places of the region that differ only in\n"
    vowels = folder / "places_vowels.tsv"
    vowels.write_text(
        header
        + "# a and e, or in one e after a palatal; their spelling keys keep the vowels apart\n"
        "# (indexer/analysis/keys/names.py).\n"
        "# name\tthe other place's name\tthe places\n"
        + "".join("\t".join(r) + "\n" for r in vowels_apart()),
        encoding="utf-8",
    )
    o_and_u = folder / "places_o_and_u.tsv"
    o_and_u.write_text(
        header + "# o and u; their skeletons write o and u as two classes\n"
        "# (indexer/analysis/keys/names.py).\n"
        "# name\tthe other place's name\tthe places\n"
        + "".join("\t".join(r) + "\n" for r in o_and_u_apart()),
        encoding="utf-8",
    )
    return [vowels, o_and_u]
