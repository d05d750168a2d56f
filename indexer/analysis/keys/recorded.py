"""The keys the spelling map records a word under (index_keys): its own keys (words.py), but a
Cyrillic word's scheme key and skeletons under marks of their own, with the keys of the words
a compound carries, and without the group of a place that a word in lower case does not name.
"""

from __future__ import annotations

import re

from ..casing import same_letters
from ..derived import adjective_groups
from ..lexicon import is_common_word, is_name_more_than_word
from ..lookup import asked_only, listed_groups, lookup
from ..name_facts import place_countries
from ..name_forms import COUNTRY_GROUP, group_key, lookup_form, script
from ..schemes import CYRILLIC_SCHEME, SCHEME
from ..synonym_table import BRIDGE_COUNTRIES
from ..synonyms import carrying_forms
from .links import group_countries
from .marks import CYRILLIC_RE, CYRILLIC_SKELETON, bare_skeleton, is_skeleton
from .words import GROUP, own_keys


def index_keys(word: str) -> tuple[str, ...]:
    """The keys the spelling map records `word` under: its own keys, but a Cyrillic word's
    scheme key with CYRILLIC_SCHEME and its skeletons with CYRILLIC_SKELETON, so that only
    Latin and Armenian words find it by them."""
    # A build asks once for each word it meets (indexer.index.spellings keeps the pairs):
    # its keys are worked out without the memo cache, which would only fill and forget.
    global _LAST_LOWER
    if word.isdigit() and word.isascii():
        return (word,)  # a number has no other spelling (a tenth of a bench build's words)
    word = same_letters(word)
    own = _as_lower_case(word)
    if own is None:
        own = own_keys.__wrapped__(word)
    if word.islower():
        _LAST_LOWER = (word, own)
    keys = own + carried_keys(word)
    asked = {group_key(g) for g in asked_only(word)}
    if asked:
        keys = tuple(k for k in keys if k not in asked)
    if word.islower():
        keys = tuple(k for k in keys if not _place_in_lower_case(k, word))
    if script(word.lower()) != "cyr":
        # a Latin word asks for Cyrillic words by CYRILLIC_SCHEME, but is not found by it
        return tuple(k for k in keys if not k.startswith(CYRILLIC_SCHEME))
    return tuple(
        CYRILLIC_SCHEME + k[len(SCHEME) :]
        if k.startswith(SCHEME)
        else CYRILLIC_SKELETON + bare_skeleton(k)
        if is_skeleton(k)
        else k
        for k in keys
    )


# the last word in lower case index_keys worked out and its own keys: a build meets a word and
# its capitalized form one after the other (indexer.index.spellings)
_LAST_LOWER: tuple[str, tuple[str, ...]] = ("", ())
_CAPITALIZED_RE = re.compile("[A-Z][a-z]+")


def _as_lower_case(word: str) -> tuple[str, ...] | None:
    """The own keys of `word`, a capitalized word of plain Latin letters, when they are those
    of the same word in lower case that index_keys worked out just before, or None. They are,
    unless one of the rules that read a capital tells the two apart: the table's entry of the
    capitalized word (Hay, a people's name; a German people's plural, a Turkish case ending),
    a frequent word in lower case (abdul, where Abdul is a name), or an English word that is
    a name more often (Larin). A build meets most words of a text both ways."""
    low, own = _LAST_LOWER
    if (
        len(word) != len(low)
        or word.lower() != low
        or not _CAPITALIZED_RE.fullmatch(word)
        or lookup(word) is not None
        or is_common_word(low)
        or is_name_more_than_word(low)
    ):
        return None
    return own


def carried_keys(word: str) -> tuple[str, ...]:
    """The keys of the other words a compound of the tables carries (Bergkarabach>Karabakh):
    what finds those words finds the compound in a document too, while a query for the
    compound asks for its own keys only, as it names the whole (Nagorno-Karabakh, not every
    Karabakh)."""
    if lookup_form(word) not in carrying_forms():
        return ()
    entry = lookup(word)
    return tuple(k for other in entry.also for k in own_keys(other)) if entry else ()


def _place_in_lower_case(key: str, word: str) -> bool:
    """Whether `key` is the group of a place that `word`, in lower case in a document, does not
    name. In running text a name has a capital: a word in lower case is an ordinary word, not a
    place elsewhere that has it for a name (миски, bowls: Miski is Myski's name), and in
    Russian, which writes every name with one, not a place of Azerbaijan or Armenia of either
    table (кипчаков: Kipchag; корица, cinnamon, is not Goris), but for the adjective in
    -инский (-ынский, -уйский) that Russian makes of one ending in a vowel and writes in lower
    case, as the lookup finds it (ходжалинской трагедии, шушинского района). The region's own
    names in Latin or Armenian letters may be written so (a web address's khojaly), but only
    as the gazetteer lists them: a word that joins a place by its skeleton, or names one only
    as a name kept as written (İçəri@), is a word (the Turkish bilgi, tatlı; the Azerbaijani
    içəri, inside). A query in lower case still finds the place: readers type names so."""
    if not key.startswith(GROUP):
        return False
    group = key[len(GROUP) :]
    if group.startswith(COUNTRY_GROUP):
        return True  # every language of the archive writes a country with a capital
    country = place_countries().get(group)
    if country is None:
        # a group of names.tsv: in Russian, a place of the region only as its adjective or
        # its people (корица, cinnamon, is not Goris; барды, bards, not Barda)
        countries = group_countries().get(group)
        cyrillic = CYRILLIC_RE.search(word) is not None
        if not (cyrillic and countries and countries <= BRIDGE_COUNTRIES):
            return False
        return group not in adjective_groups(word)
    if country not in BRIDGE_COUNTRIES:
        return True
    if CYRILLIC_RE.search(word):
        return group not in adjective_groups(word)
    return group not in listed_groups(word)
