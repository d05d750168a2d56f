"""A Cyrillic word's skeletons written with its own letters, by which alone it meets another
Cyrillic word (keys/__init__.py, item 3): a skeleton, like every Latin scheme, writes ы and и
alike or leaves them out, ё as o, and ж, ш, щ, ч as one palatal, where Russian spelling tells
two words apart by them (сбытом, сбитом; тёмном, томном; вопросы, вопроси; Жаров, Шаров)."""

from __future__ import annotations

import re

from ..name_forms import script
from .marks import ENDING_MARK, LETTERS_MARK, is_skeleton

# a final run of vowels is an ending, not counted among a Cyrillic word's ы and и (Лезгины,
# лезгин), and so are the case endings -ым, -ыми, -ых (Алиевым, Алиевых: Алиев)
_ENDING_RE = re.compile("(?:[ыи](?:ми|м|х)|[аеёиоуыэюяй]+)$")
# the letters that tell two Cyrillic words apart where a skeleton does not: ы, и; the
# palatals ж, ч, ш, щ and дж, which Latin spellings blur (Zharov, Sharov: Scharow; Kochar,
# Kotschar), дж written as Azerbaijani Cyrillic writes it, ҹ (Ҹаббаров, Джаббаров); and ё
# but after those, where Russian has written ё and о for one sound (шёл, шов; Хрущов), and
# there the у that no spelling writes for that ё (щуки, щёки; ржут, ржёт)
_OWN_LETTERS_RE = re.compile("[иыжчшщҹ]|(?<![жчшщҹ])ё|(?<=[жчшщҹ])у")
_CYRILLIC_VOWEL_RE = re.compile("[аеёиоуыэюя]")
# the ц of a people's plural and its cases, which the singular's -ец leaves out (чеченцы,
# чеченцев: чеченец)
_PEOPLE_SUFFIX_RE = re.compile("(?<=[аеиоуыэюя][бвгджзклмнпрстфхчшщ])ц$")
# an Armenian surname as Russian writes it, in the singular's cases (Саркисян, Пашиняна,
# Мкртчяном; Аветисянц, Аветисянцем), not a Russian word or name with ья (Лукьянов, крестьяне)
_ARMENIAN_SURNAME_RE = re.compile("..(?<![ьъ])(?:ян(?:а|у|ом|е|ы)?|янц(?:а|у|ем|е|ы)?)$")


def letters_keys(word: str, keys: list[str], whole: bool = False, ending: str = "") -> list[str]:
    """`keys` of a Cyrillic word with each skeleton also written with the word's own ы, и, ё
    and palatals (ж, ш, щ, ч: Жаров, Шаров), by which alone it meets another Cyrillic word
    (index_keys records the plain skeletons for Latin and Armenian words only). Russian
    writes ы and и for two sounds that make different words (сбытом, сбитом; Давыдович,
    Давидович), which the skeleton, like every Latin scheme, may write alike (y, i) or leave
    out (an i between consonants may be silent).
    A ё reads as o in the skeleton (Горбачёв, Gorbachov), but in Cyrillic it is never an о,
    у or ю (тёмном, томном; тёлки, толки), except after ж, ч, ш, щ, where spelling has
    wavered between it and о (Хрущёв, Хрущов; not у: щёки, щуки); where print leaves out its
    dots it is an е, whose keys the word has too (words.own_keys). The ending left out is a case
    ending's, unless it holds the word's only vowel (чих, чех; Крым, Крим). With `whole`, each
    skeleton is written with the whole word without its ending and a people's -ц (чеченцы,
    чеченец: чечен). After the letters comes the ы or и that begins the ending left out, or
    else `ending`, one the caller left out before (лезгины: лезгин, ы): an ending with ы and
    one with и are endings of two words (вопросы, вопроси; черным, черним), as a stem takes
    one of them only (other_endings), in a word spelt as Russian spells (spelt_as_russian)."""
    low = word.lower()
    if script(low) != "cyr":
        return keys
    stem = _ENDING_RE.sub("", low)
    if not _CYRILLIC_VOWEL_RE.search(stem):
        stem = low
    if whole:
        letters = _PEOPLE_SUFFIX_RE.sub("", stem)
    else:
        letters = "".join(_OWN_LETTERS_RE.findall(stem.replace("дж", "ҹ")))
    if _ARMENIAN_SURNAME_RE.search(low):
        # an Armenian surname has no ы to tell from и, and Russian writes an и where Armenian
        # writes no vowel, or not (Саркисян, Саргсян), as Latin spellings do (Sarkisian)
        letters = letters.replace("и", "")
    # the и of the instrumental -ами, -ями is no ending's first vowel (болгарами, болгары)
    own = "" if low.endswith(("ами", "ями")) else low[len(stem) :]
    first = (own or ending)[:1]
    if first in ("ы", "и") and spelt_as_russian(low + ending):
        letters += ENDING_MARK + first
    out = []
    for k in keys:
        out.append(k)
        if is_skeleton(k):
            out.append(k + LETTERS_MARK + letters)
    return out


_RUSSIAN_LETTERS_RE = re.compile("[а-яё]+")
_FOREIGN_Y_RE = re.compile("[жшчщкгх]ы")


def spelt_as_russian(low: str) -> bool:
    """Whether a word in lower case is spelt as Russian spells: in its letters only, and with
    no ы after ж, ш, ч, щ or a velar, where Russian writes и. A word spelt otherwise writes a
    name of another language, whose ы and и may be one sound, a Turkic ı (Каябашы, Кайабаши;
    Гөлбашы)."""
    return _RUSSIAN_LETTERS_RE.fullmatch(low) is not None and not _FOREIGN_Y_RE.search(low)


def other_endings(key: str) -> tuple[str, ...]:
    """What a Cyrillic word's skeleton with its own letters asks for besides itself: written
    with the ы or и of another ending, when its own has neither (лезгин: лезгины; Шуша:
    Шуши), or with no such ending, when its own has one; never the other of the two
    (letters_keys)."""
    if LETTERS_MARK not in key:
        return ()
    mark = key.find(ENDING_MARK)
    if mark >= 0:
        return (key[:mark],)
    return (key + ENDING_MARK + "ы", key + ENDING_MARK + "и")
