"""The bare spelling: an Azerbaijani or Turkish word typed without the marks of its letters, as
a keyboard without them writes it (Şəmkir: Semkir; Şırnak: Sirnak; Daşaltı: Dasalti). The
light key writes ş as sh (English press), and the skeletons keep ş apart from s, so without
this a reader who types the bare spelling, and a page written in it, meet nothing.

The bare spelling is a spelling, not a rule's reading, so it is exact: Semkir meets Şəmkir, not
Samkir. The spelling map records it under its own mark, which only a query of plain Latin
letters asks for, and a Turkic query asks for it as a plain word's light key. It is
left out for a frequent word in lower case, where a bare spelling may be another word's (aşık,
asık: asik), and where the bare spelling is a word or a name of its own:
- shorter than MIN_LENGTH letters (Muş: mus);
- an English or frequent word (sır: sir; kır: kir);
- a name the gazetteer lists for another place, or leaves out as several places' (Şirvan:
  Sirvan, a town of Iran; Şuşa: Susa, a city of Iran and towns elsewhere).
"""

from __future__ import annotations

import re

from ..casing import lower
from ..lexicon import is_common_word, is_english_word, is_short_name
from ..lookup import lookup
from ..romanize import romanize, romanize_for_keys, strip_apostrophe_suffix
from ..synonyms import is_left_out
from .marks import MIN_LENGTH

# the light key already writes ö, ü as o, u; ş, ğ, ə and ı are what keeps a Turkic word's
# light key from its bare spelling (ǝ, the turned e, is how some lists write ə)
_MARKED_RE = re.compile("[şğəǝı]")
_BARE = str.maketrans("şçğəǝıöü", "scgeeiou")


def bare_spelling(word: str, groups: tuple[str, ...] = ()) -> str | None:
    """The light key of `word` typed without its letters' marks, or None when that is no other
    spelling of it, or when it is a word or name of its own (module docstring). `groups`: the
    word's own groups, which its bare spelling may name too."""
    word = strip_apostrophe_suffix(word)
    low = lower(word)
    if not _MARKED_RE.search(low) or is_common_word(word):
        return None
    bare = low.translate(_BARE)
    if len(bare) < MIN_LENGTH or not bare.isalpha() or not bare.isascii():
        return None
    if is_english_word(bare) or is_common_word(bare) or is_left_out(bare):
        return None
    entry = lookup(bare.capitalize())
    if entry is not None and not set(entry.groups) <= set(groups):
        return None
    return romanize(bare)


def short_name_spelling(word: str) -> str | None:
    """How English writes `word`, a name of three letters with ə (Əli: Ali), or None. Such a
    name is too short for a name's keys, which would fold its vowels (marks.MIN_LENGTH), so
    it has those of this one spelling: ə as a, as English writes Azerbaijani names (Əliyev,
    Aliyev), not as e, which is another name (Eli). Only when that spelling is a given name
    (lexicon.is_short_name) and no English or frequent word: a capital begins a sentence too
    (Hər, 'every', is no Har; Mən, 'I', no Man)."""
    latin = romanize_for_keys(strip_apostrophe_suffix(word))  # Əli'nin, Әли: əli
    if len(latin) != MIN_LENGTH - 1 or "ə" not in latin:
        return None
    spelt = latin.replace("ə", "a")
    if not is_short_name(spelt) or is_english_word(spelt) or is_common_word(spelt):
        return None
    return spelt.capitalize()
