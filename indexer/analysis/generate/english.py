"""English word lists the lexicon reads (lexicon.py), from Webster's Second, wordfreq,
Hunspell's en_US dictionary (spylls) and pymorphy3:
- data/english_parts.txt: the words in use a compound of two English words may be made of;
- data/english_names.txt: Webster's words that are names more than words (Larin, Murad);
- data/english_modern.txt: the words English writes today that Webster's lacks (proud, online).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from indexer.analysis.lexicon import MIN_PART
from indexer.analysis.russian_cases import analyzer

from .sources import frequent_words
from .words import DATA, MIN_LENGTH, TURKISH, write_list

# A compound of two English words is English only when both are words in use: Webster's
# Second keeps words nobody writes (soum, tapa, amah), which would make Soumgaït, the French
# Sumgait, soum + gait, and Shishtapa shish + tapa.
PART_ZIPF = 3.0  # wordfreq meets the word once in a million words at least


def english_parts() -> list[str]:
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    return sorted(
        w
        for w in get_english_words_set(["web2"], lower=False)
        if w.islower()
        and w.isalpha()
        and len(w) >= MIN_PART
        and zipf_frequency(w, "en") >= PART_ZIPF
    )


# Names that Webster's keeps as words English hardly writes (wordfreq meets them less than once
# in a million words): Larin, Savin, Averin, Kalashnikov, Murad, Nadir, Ilia are names far more
# often than larin, savin, averin, kalashnikov, murad, nadir, ilia are words, so written with a
# capital they keep the keys of names (lexicon.is_name_more_than_word). They are such words
# that end as Russian surnames do (-in, -yn, -ov, -ev, their feminine -ina, -ova, -eva, the
# French -ine, -sky), and the names of people in pymorphy3's dictionary as the romanization
# schemes write them. A word in use (muffin, cabin, cousin) stays English. So are Webster's
# words that Turkish text writes TURKISH_MARGIN times as often as English, which writes them
# rarely (less than TURKISH_ENGLISH_ZIPF): Turkish words and the names of the region they make
# (Hasan, Aras, Emir, Bahar, Tamer), which English borrowed, if at all, as rare words.
SURNAME_LIKE_RE = re.compile(r"(?:[^aeiouy](?:in|yn|ov|ev|ova|eva|ina|ine)|sky|skiy|skii)$")
NAME_WORD_ZIPF = PART_ZIPF
PERSON_NAMES = 100_000  # frequent Russian words read for names (Хамза is the 91,219th)
TURKISH_MARGIN = 1.0  # zipf: ten times as often
TURKISH_ENGLISH_ZIPF = 3.5  # Hasan, 3.2; not Alan (4.5), Sultan (3.6), Petrol (3.7)


def name_words() -> list[str]:
    """Webster's words that are names more than words (NAME_WORD_ZIPF)."""
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    from indexer.analysis.lexicon import is_english_word, stems
    from indexer.analysis.tables import rows

    from .schemes import scheme_spellings

    rare = {
        w
        for w in get_english_words_set(["web2"], lower=False)
        if w.islower()
        and w.isalpha()
        and SURNAME_LIKE_RE.search(w)
        and zipf_frequency(w, "en") < NAME_WORD_ZIPF
    }
    # the given names and surnames among the frequent Russian words, as each scheme writes
    # them: Murad, Nadir, Ilia (Мурад, Надир, Илья)
    names = {
        w
        for name in _person_names()
        for w in scheme_spellings(name)
        if w.isascii()
        and w.isalpha()
        and len(w) >= MIN_LENGTH
        and is_english_word(w)
        and zipf_frequency(w, "en") < NAME_WORD_ZIPF
    }
    # ... and frequent Turkish words that the inflection of a word Webster's lacks makes
    # English (english_modern.txt: Cafer, a given name, is no cafe + r)
    modern = {cells[0] for cells in rows("english_modern.txt")}
    webster_or_turkish = itertools.chain(
        get_english_words_set(["web2"], lower=False),
        (w for w in frequent_words("tr", TURKISH) if any(s in modern for s in stems(w))),
    )
    turkish = {
        w
        for w in webster_or_turkish
        if w.islower()
        and w.isascii()
        and w.isalpha()
        and len(w) >= MIN_LENGTH
        and zipf_frequency(w, "en") < TURKISH_ENGLISH_ZIPF
        and zipf_frequency(w, "tr") >= zipf_frequency(w, "en") + TURKISH_MARGIN
        and is_english_word(w)
    }
    return sorted(rare | names | turkish)


# Words English writes today that Webster's Second (1934) lacks: proud, stats, boxes, blew,
# signage, online, and British spellings (centre, metres). Without them each would get the
# spelling rules of a name and meet one (Brod would find proud, Stas stats, Boks boxes,
# Signagi signage, Matrasa metres). They are the words wordfreq meets once in a million words
# at least (MODERN_ZIPF) that Hunspell's en_US dictionary (as spylls ships it) accepts in lower
# case, as written or as America spells it (_BRITISH), but for the words its entries or
# Webster's have with a capital too, which are names as well (John, French, Afghan, Ottoman:
# a capital makes them names), and the words of the names the tables list (Sheikh, of Sheikh
# Vali, keeps the rules of names and meets Şeyx).
MODERN_ZIPF = PART_ZIPF
MODERN_WORDS = 60_000  # wordfreq's most frequent English words read: down to MODERN_ZIPF
_NAME_TABLES = ("places.tsv", "places_multiword.tsv", "names.tsv", "names_multiword.tsv")
_NAME_WORD_RE = re.compile(r"[^-' ’,]+")


def english_modern() -> list[str]:
    """Frequent English words none of whose stems (lexicon.stems: houses, house) Webster's
    has, and that Hunspell's dictionary holds in lower case only, as written or as America
    spells it (_BRITISH)."""
    from english_words import get_english_words_set
    from spylls.hunspell import Dictionary
    from wordfreq import top_n_list, zipf_frequency

    from indexer.analysis.lexicon import stems
    from indexer.analysis.tables import rows

    hunspell = Dictionary.from_files(str(_hunspell_folder() / "en_US"))
    # Webster's entries, lower-case or not, and the irregular forms: the lexicon without this
    # list, which must not hold its own words back
    known = {w.lower() for w in get_english_words_set(["web2"], lower=False)}
    known |= {cells[0] for cells in rows("english_irregular.txt")}
    capitalized = {w.stem.lower() for w in hunspell.dic.words if w.stem[:1].isupper()}
    named = {
        part.lower()
        for table in _NAME_TABLES
        for cells in rows(table)
        for cell in cells[:2]
        for part in _NAME_WORD_RE.findall(cell)
    }
    return sorted(
        w
        for w in top_n_list("en", MODERN_WORDS)
        if w.isascii()
        and w.isalpha()
        and len(w) >= MIN_LENGTH
        and zipf_frequency(w, "en") >= MODERN_ZIPF
        and any(hunspell.lookup(form) for form in (w, *_american(w)))
        and not any(s in known or s in capitalized or s in named for s in stems(w))
    )


# British spellings, which an en_US dictionary holds as America writes them: centre, metres,
# realised, licence, programme (center, meters, realized, license, program)
_BRITISH = (
    (re.compile(r"(?<=[^aeiouy])re(s?)$"), r"er\1"),  # centred counts by centre
    (re.compile(r"(?<=..)is(e[sd]?|ing|ations?)$"), r"iz\1"),
    (re.compile(r"(?<=..)ys(e[sd]?|ing)$"), r"yz\1"),
    (re.compile(r"(?<=..)ence(s?)$"), r"ense\1"),
    (re.compile(r"(?<=gra)mme(s?)$"), r"m\1"),  # programme; not femme
)


def _american(word: str) -> list[str]:
    """`word` rewritten by each rule of _BRITISH that applies to it."""
    out = []
    for pattern, american in _BRITISH:
        form = pattern.sub(american, word)
        if form != word:
            out.append(form)
    return out


def _hunspell_folder() -> Path:
    import spylls.hunspell

    return Path(spylls.hunspell.__file__).parent / "data" / "en"


def _person_names() -> list[str]:
    morph = analyzer()
    out = []
    for w in frequent_words("ru", PERSON_NAMES):
        if len(w) >= MIN_LENGTH and {"Name", "Surn"} & set(morph.parse(w)[0].tag.grammemes):
            out.append(w)
    return out


def write_parts(folder: Path = DATA) -> Path:
    from importlib.metadata import version

    header = (
        "# Generated by `python -m indexer.analysis.generate` (make tables): the English words a\n"
        f"# compound of two may be made of, Webster's words of {MIN_PART} letters or more that\n"
        f"# wordfreq {version('wordfreq')} meets once in a million words; "
        "see generate/english.py.\n"
    )
    return write_list(folder / "english_parts.txt", header, english_parts())


def write_names(folder: Path = DATA) -> Path:
    from importlib.metadata import version

    header = (
        "# Generated by `python -m indexer.analysis.generate` (make tables): Webster's words that\n"
        "# end as Russian surnames do or romanize a name of pymorphy3 "
        f"{version('pymorphy3')}, and that wordfreq\n"
        f"# {version('wordfreq')} meets less than once in a million words: names, with a "
        "capital; see generate/english.py.\n"
    )
    return write_list(folder / "english_names.txt", header, name_words())


def write_modern(folder: Path = DATA) -> Path:
    from importlib.metadata import version

    header = (
        "# Generated by `python -m indexer.analysis.generate` (make tables): English words\n"
        f"# Webster's lacks, those wordfreq {version('wordfreq')} meets once in a million words\n"
        f"# at least that the en_US dictionary of spylls {version('spylls')} holds in lower "
        "case only,\n# as written or as America spells it; see generate/english.py.\n"
    )
    return write_list(folder / "english_modern.txt", header, english_modern())
