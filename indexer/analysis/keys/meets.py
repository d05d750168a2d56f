"""Whether an indexed term that shares a key with a query word is a spelling of that word: the
checks the spelling map makes of the terms found by a light, mild or skeleton key, for the
letters that key folds while a script tells two words apart by them (indexer.index.spellings)."""

from __future__ import annotations

import re
import unicodedata

from .cyrillic import spelt_as_russian
from .marks import CYRILLIC_RE

_BREVE = "\u0306"  # of й, a letter of its own: мой is not мои


def _cyrillic_form(term: str) -> str:
    """A Cyrillic word as Russian spelling tells words apart: without the dots of ё, which
    print mostly leaves out (все, всё), or stress marks."""
    decomposed = unicodedata.normalize("NFD", term)
    kept = "".join(c for c in decomposed if c == _BREVE or not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


def meets_by_light_key(term: str, exact: str) -> bool:
    """Whether an indexed `term` that shares a light key with a query word (`exact`: its exact
    key) is a spelling of that word. The light key romanizes, folding letters Russian tells
    apart: the soft sign, э and е, -ий and -ый (угол, уголь; мэр, мер; летний, летный); so a
    Cyrillic word meets another by it only when the two are one word but for ё and stress
    marks, and meets any Latin word that has it (ugol)."""
    if CYRILLIC_RE.search(exact) is None or CYRILLIC_RE.search(term) is None:
        return True
    return _cyrillic_form(term) == _cyrillic_form(exact)


def meets_by_mild_key(term: str, exact: str) -> bool:
    """Whether an indexed `term` that shares a mild key with a query word (`exact`: its exact
    key) is a spelling of that word: not when both are Cyrillic words that differ only in an ы
    for an и, which the mild key folds (кони, коны; веды, веди), as Russian writes the two
    for two sounds that make different words; nor two words in Azerbaijani letters one ə for an
    e apart (əllər, ellər), as meets_by_skeleton says."""
    if _schwa_for_e(term, exact):
        return False
    if CYRILLIC_RE.search(exact) is None or CYRILLIC_RE.search(term) is None:
        return True
    if not (spelt_as_russian(term) and spelt_as_russian(exact)):
        return True  # one sound in a name of another language (Ахы, Ахи)
    return term.replace("ы", "и") != exact.replace("ы", "и")


# Armenian consonants one voicing or aspiration apart: a skeleton writes most rows as one
# consonant, as Latin and Russian spellings blur them (Hakobyan, Hagopian, Акопян), and s and
# z may share a skeleton in a word it reads as a German press form (skeleton_letters.py), but an
# Armenian surname keeps its letters in Armenian spelling, Eastern and Western alike
# (Պետրոսյան, Պետրոսեան). A name of another language is not so fixed: Armenian writes a
# Turkish k as ք, կ or գ (Թոփրաքքալե, Թոփրաքկալա, Թօփրագգալէ: Toprakkale).
_ARMENIAN_ROWS = ("բպփ", "գկք", "դտթ", "ձծց", "ջճչ", "զս", "ժշ", "ղխ", "վֆ")
_ARMENIAN_ROW = {letter: row for row, letters in enumerate(_ARMENIAN_ROWS) for letter in letters}
# -յան, or -եան in the classical spelling, with a case ending, the article or the plural
_ARMENIAN_LETTERS_SURNAME_RE = re.compile("[յե]անց?(?:ը|ն|ի|ին|ից|ով|ներ|ները|ների)?$")
# Azerbaijani spelling writes ə and e for two sounds, which skeletons and the mild key read
# as one, as Latin and Russian spellings do (Şəki, Sheki, Шеки): two words that both have an
# ə are spelt in its letters, so an e of one where the other has its ə makes two words (əllər,
# "hands", and ellər, "peoples"; dəyər, "value", and deyər, "will say")
_SCHWA = "ə"


def skeleton_checked(exact: str) -> bool:
    """Whether meets_by_skeleton may turn down a term for the query word `exact` (its exact
    key): the spelling map asks it only then."""
    return _SCHWA in exact or _ARMENIAN_LETTERS_SURNAME_RE.search(exact) is not None


def meets_by_skeleton(term: str, exact: str) -> bool:
    """Whether an indexed `term` that shares a skeleton with a query word (`exact`: its exact
    key) is a spelling of that word: not when both are Armenian surnames in Armenian letters
    that differ in a consonant's voicing or aspiration only (Բաբայան, Պապայան), nor when both
    are written in Azerbaijani letters and differ in an ə for an e (əllər, ellər)."""
    if _schwa_for_e(term, exact):
        return False
    if not (
        _ARMENIAN_LETTERS_SURNAME_RE.search(exact) and _ARMENIAN_LETTERS_SURNAME_RE.search(term)
    ):
        return True
    ours = [c for c in exact if c in _ARMENIAN_ROW]
    theirs = [c for c in term if c in _ARMENIAN_ROW]
    if [_ARMENIAN_ROW[c] for c in ours] != [_ARMENIAN_ROW[c] for c in theirs]:
        return True  # other consonants tell them apart, or not: the skeleton's call
    return ours == theirs


def _schwa_for_e(term: str, exact: str) -> bool:
    """Whether two words in Azerbaijani letters are one but for an ə where the other has e."""
    if _SCHWA not in term or _SCHWA not in exact or len(term) != len(exact) or term == exact:
        return False
    return term.replace(_SCHWA, "e") == exact.replace(_SCHWA, "e")
