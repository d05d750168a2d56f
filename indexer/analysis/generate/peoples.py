"""The peoples of the region by the names of their languages (data/peoples.tsv).

A people's name in one language is often no spelling of its name in another: Kumyks are
Kumuklar in Turkish, Nogais Noqaylar in Azerbaijani, Kabardians Kabardiner in German. The
Unicode CLDR names each language in each of the archive's languages, and the people's name is
that name without the ending that makes it a language's: кумыкский, Kumukça, Kumükisch,
կումիկերեն give кумык, Kumuk, Kumük, կումիկ. CLDR ships with Babel; its version is pinned
with the other table sources (pyproject.toml, `tables`).

The peoples listed here are those of the Caucasus and its neighbours that data/words.tsv does
not list by hand. Their names keep the spelling rules (synonym_table.py), so each listed stem also
finds its plural and case forms (Kumuklar, кумыков) and unlisted spellings close to it; the
Russian singular in -ец and its plural are added where pymorphy3's dictionary knows them
(ногаец, ногайцы), as they are no case forms of the stem. The Russian and German names of the
language are the people's adjectives too (аварский, awarisch), which the press writes as often
as the people's name: they are listed beside a stem that is, so that they meet the people's
names in every language, and synonym_table.py gives the Russian one a stem for its cases
(аварского, avarskikh). A stem shorter than MIN_LENGTH, an
ordinary word of English, Russian or Turkish (Turkish writes the Tsakhurs' language Sahurca,
and sahur is a meal), or a name of several words is left out. A people one of whose names the
gazetteer gives a place is left out whole: a name shared by a place and a people must not merge
them (Kazakh is also Qazax, a town of Azerbaijan).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from indexer.analysis.lexicon import is_common_word, is_english_word
from indexer.analysis.name_forms import PEOPLE_GROUP, lookup_form
from indexer.analysis.russian_cases import analyzer
from indexer.analysis.tables import rows as table_rows

DATA = Path(__file__).resolve().parent.parent / "data"
FILENAME = "peoples.tsv"
# Languages (ISO 639) of peoples of the Caucasus and its neighbours not in words.tsv
LANGUAGES = (
    "ab", "ady", "av", "ba", "be", "ce", "crh", "dar", "inh", "kbd", "kk", "krc", "kum", "ky",
    "lez", "nog", "tk", "tkr", "tly", "tt", "uz",
)  # fmt: skip
# The archive's languages, each with the ending that makes a people's name a language's
ENDINGS = {
    "en": None,
    "fr": None,
    "az": None,
    "ru": re.compile(r"ский$"),
    "tr": re.compile(r"(?:[cç][ae]| dili)$"),
    "de": re.compile(r"isch$"),
    "hy": re.compile(r"երեն$"),
}
MIN_LENGTH = 4
ADJECTIVES = ("ru", "de")  # whose name of a language is the people's adjective


def _stem(name: str, ending: re.Pattern | None) -> str | None:
    stem = ending.sub("", name) if ending is not None else name
    if ending is not None and stem == name:
        return None  # not the adjective or suffix form this language names it by
    if not stem.isalpha() or len(stem) < MIN_LENGTH:
        return None
    low = stem.lower()
    if is_english_word(low) or is_common_word(low):
        return None
    return stem[:1].upper() + stem[1:]


def _russian_nouns(stem: str) -> list[str]:
    """The singular in -ец and its plural, for a people whose Russian name takes them
    (ногаец, ногайцы; чеченец, чеченцы), as pymorphy3's dictionary knows them."""
    morph = analyzer()
    low = stem.lower()
    singular = (low[:-1] if low.endswith("й") else low) + "ец"
    plural = low + "цы"
    if morph.word_is_known(singular) and morph.word_is_known(plural):
        return [singular.capitalize(), plural.capitalize()]
    return []


def rows() -> list[list[str]]:
    from babel import Locale

    places = _place_names()
    out = []
    for code in LANGUAGES:
        names, adjectives = [], 0
        for locale, ending in ENDINGS.items():
            name = Locale.parse(locale).languages.get(code)
            stem = _stem(name, ending) if name else None
            if stem and stem not in names:
                names.append(stem)
                if locale == "ru":
                    names += _russian_nouns(stem)
            adjective = name[:1].upper() + name[1:] if name else ""
            if stem and locale in ADJECTIVES and adjective not in names:
                names.append(adjective)  # also beside a stem another language gave too
                adjectives += 1
        # a people's name in one language only, with its adjective, meets nothing new
        if len(names) - adjectives > 1 and not any(lookup_form(n) in places for n in names):
            out.append([PEOPLE_GROUP + code, ", ".join(names)])
    return out


@cache
def _place_names() -> frozenset[str]:
    """The gazetteer's names, as looked up."""
    return frozenset(
        lookup_form(n.strip().rstrip("*@").partition(">")[0])
        for cells in table_rows("places.tsv")
        for n in cells[1].split(",")
        if n.strip()
    )


def write(folder: Path = DATA) -> Path:
    from importlib.metadata import version

    path = folder / FILENAME
    header = (
        "# Generated by `python -m indexer.analysis.generate` (make tables) from the CLDR\n"
        f"# language names in Babel {version('babel')} and pymorphy3 {version('pymorphy3')}:\n"
        "# generate/peoples.py. Do not edit.\n"
        "# language<TAB>the people's name in English, French, Azerbaijani, Russian, Turkish,\n"
        "# German and Armenian, as far as CLDR gives it, and its Russian and German adjective.\n"
    )
    path.write_text(header + "".join("\t".join(r) + "\n" for r in rows()), encoding="utf-8")
    return path
