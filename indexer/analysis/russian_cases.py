"""The case forms of a Russian word of a name of several words, from pymorphy3's dictionary.

Russian declines the head of such a name (Советский Союз: Советского Союза, Красный Крест:
Красного Креста), which no spelling key ties to its nominative: an ordinary word gets none of
a name's keys (keys/words.py). A word of a listed name written in the nominative is found in
its other cases of the same number and gender (Минская: Минской, Минскую), but not in its
comparative or superlative (краснейшего), nor in another number or gender; a word that the
name already has in another case (Объединённых of Организация Объединённых Наций) is the
name's as written. Used for the names of whole_names.py only, where every word of the name
has to be there."""

from __future__ import annotations

import re
from functools import cache

from indexer.caching import bounded_cache

from .casing import lower

_RUSSIAN_RE = re.compile("[а-яё]+")
_DECLINED = frozenset({"NOUN", "ADJF", "PRTF"})
_DEGREES = frozenset({"COMP", "Supr", "Cmp2"})


@cache
def analyzer():
    """The process's one Russian morphological analyser (pymorphy3), for these case forms and
    for the generators of the tables: its dictionary of a few megabytes is read on first use."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@bounded_cache(max_bytes=2_000_000)
def case_forms(word: str) -> frozenset[str]:
    """The other case forms, in lower case and with ё written е too, of a Russian noun or
    adjective in the nominative; none for any other word."""
    low = lower(word)
    if not _RUSSIAN_RE.fullmatch(low):
        return frozenset()
    forms: set[str] = set()
    for parse in analyzer().parse(low):
        tag = parse.tag
        if tag.POS not in _DECLINED or tag.case != "nomn":
            continue
        for form in parse.lexeme:
            other = form.tag
            if (
                other.POS == tag.POS
                and other.number == tag.number
                and other.gender == tag.gender
                and not _DEGREES & other.grammemes
            ):
                forms |= {form.word, form.word.replace("ё", "е")}
    forms.discard(low)
    return frozenset(forms)


def is_case_form(word: str, of: str) -> bool:
    """Whether `word` is a case form of the Russian name's word `of`."""
    return lower(word).replace("ё", "е") in case_forms(of)
