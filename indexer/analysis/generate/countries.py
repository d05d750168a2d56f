"""The countries beyond the region by their names in the archive's languages
(data/countries.tsv, and data/countries_multiword.tsv for names of several words).

The archive names countries everywhere: the parliaments that recognized the massacre
(Pakistan, Mexico, Colombia), the capitals of the diaspora (Germany, France), the neighbours.
A country's names in other languages are no spellings of each other (Switzerland, Schweiz,
İsveçrə, Швейцария), so the Unicode CLDR names every territory in each of the archive's
languages (English, French, German, Russian, Turkish, Azerbaijani, Armenian), and a row holds
one territory's names of one word. CLDR ships with Babel, pinned with the other table sources
(pyproject.toml, `tables`). The region's own countries are listed by hand (words.tsv,
names.tsv).

Like words.tsv, the rows get no spelling rules (Mali is not Molla): every name is listed, and
the lookup finds its case forms (Fransada, Швейцарии). A name is left out when it is not one
country's alone:
- CLDR gives it two territories (Congo);
- the gazetteer or a hand table has it for a place, people or word of its own, or leaves it
  out as several places' (Kuba: Quba, a town of Azerbaijan, and Cuba);
- in Russian it is an ordinary word too (Того, "of that"; Чад, fumes), which a sentence's
  first word writes with a capital.
In a document, a word in lower case is no country (keys/recorded.py: china, mısır, corn, are
words), though a query in lower case finds the country. A name of several words (United
States, Соединенные Штаты) is looked up whole (whole_names.py), with the country's names of
one word beside it; one CLDR gives two territories is left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

from indexer.analysis.name_forms import COUNTRY_GROUP, lookup_form
from indexer.analysis.russian_cases import analyzer
from indexer.analysis.tables import rows as table_rows

DATA = Path(__file__).resolve().parent.parent / "data"
FILENAME = "countries.tsv"
MULTIWORD = "countries_multiword.tsv"  # names of several words, looked up whole
LOCALES = ("en", "fr", "de", "ru", "tr", "az", "hy")
REGION = frozenset({"AZ", "AM", "GE", "IR", "TR", "RU"})  # listed by hand
# CLDR's codes that name no country: groupings, unknown and pseudo-regions
NO_COUNTRY = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})
_CODE_RE = re.compile("[A-Z]{2}")
_REGION_PLACE_RE = re.compile(r"\((?:AZ|AM) \d+\)")  # a place of places_ambiguous.tsv
_WORD_RE = re.compile(r"[^\W\d_]+")  # one word of letters
# pymorphy3's tags of a name: a reading with none of them is an ordinary word
_PROPER = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Abbr", "Init"})


def _territories(one_word: bool = True) -> dict[str, list[str]]:
    """Country code -> its names of one word (or of several), English first, each once."""
    from babel import Locale

    names: dict[str, list[str]] = defaultdict(list)
    for locale in LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if not _CODE_RE.fullmatch(code) or code in REGION | NO_COUNTRY:
                continue
            if bool(_WORD_RE.fullmatch(name)) == one_word and name not in names[code]:
                names[code].append(name)
    return names


@cache
def _taken() -> frozenset[str]:
    """Lookup forms the other tables give a group, or leave out as a name of a place of
    Azerbaijan or Armenia (the gazetteer leaves Chile out as an English word, and names
    Şile in Turkey so: Chile is the country's)."""
    forms = set()
    for filename in ("places.tsv", "names.tsv", "organisations.tsv", "peoples.tsv", "words.tsv"):
        for cells in table_rows(filename):
            for name in cells[1].split(","):
                word = name.strip().rstrip("*@").partition(">")[0]
                if word:
                    forms.add(lookup_form(word))
    forms.update(
        lookup_form(cells[0])
        for cells in table_rows("places_ambiguous.tsv")
        if _REGION_PLACE_RE.search(cells[1] + cells[2])
    )
    return frozenset(forms)


def _russian_word(name: str) -> bool:
    """A Cyrillic name that pymorphy3 reads as an ordinary word first (not Франция, whose
    other reading is francium's genitive)."""
    if not re.search("[а-яё]", name.lower()):
        return False
    return not (_PROPER & analyzer().parse(name.lower())[0].tag.grammemes)


def _owners(territories: dict[str, list[str]], form) -> dict[str, set[str]]:
    """The form of a name (`form`) -> the territories that have a name of that form."""
    owners: dict[str, set[str]] = defaultdict(set)
    for code, names in territories.items():
        for name in names:
            owners[form(name)].add(code)
    return owners


def rows() -> list[list[str]]:
    territories = _territories()
    owners = _owners(territories, lookup_form)
    taken = _taken()
    out = []
    for code in sorted(territories):
        kept = []
        for name in territories[code]:
            form = lookup_form(name)
            if len(owners[form]) > 1 or form in taken or _russian_word(name):
                continue
            kept.append(name)
        if len(kept) > 1:
            out.append([COUNTRY_GROUP + code.lower(), ", ".join(kept)])
    return out


def multiword_rows() -> list[list[str]]:
    """Rows of the countries that have names of several words (United States, Соединенные
    Штаты, Amerika Birləşmiş Ştatları), each followed by the country's one-word names."""
    several = _territories(one_word=False)
    owners = _owners(several, _whole_form)
    one_word = {cells[0]: cells[1].split(", ") for cells in rows()}
    out = []
    for code in sorted(several):
        kept = [n for n in several[code] if len(owners[_whole_form(n)]) == 1]
        group = COUNTRY_GROUP + code.lower()
        if kept:
            out.append([group, ", ".join(kept + one_word.get(group, []))])
    return out


def _whole_form(name: str) -> str:
    return " ".join(lookup_form(w) for w in _WORD_RE.findall(name))


def write(folder: Path = DATA) -> Path:
    return _write(
        folder / FILENAME,
        " and pymorphy3 {pymorphy3}:\n# generate/countries.py. Do not edit.\n"
        "# group<TAB>the country's names of one word in English, French, German, Russian,\n"
        "# Turkish, Azerbaijani and Armenian, as far as CLDR gives them.\n",
        rows(),
    )


def write_multiword(folder: Path = DATA) -> Path:
    return _write(
        folder / MULTIWORD,
        ": generate/countries.py. Do not edit.\n"
        "# group<TAB>the country's names of several words in the languages of countries.tsv,\n"
        "# then its names of one word there; looked up whole (whole_names.py).\n",
        multiword_rows(),
    )


def _write(path: Path, header: str, table: list[list[str]]) -> Path:
    """Write `table` under the common first line and `header`, which may name {pymorphy3}'s
    version."""
    from importlib.metadata import version

    first = (
        "# Generated by `python -m indexer.analysis.generate` (make tables) from the CLDR\n"
        f"# territory names in Babel {version('babel')}"
    )
    text = first + header.format(pymorphy3=version("pymorphy3"))
    path.write_text(text + "".join("\t".join(r) + "\n" for r in table), encoding="utf-8")
    return path
