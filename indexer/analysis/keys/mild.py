"""The mild key: a short name's spelling with the letters the press writes differently read
as English writes them."""

from __future__ import annotations

import re

from ..skeleton_letters import GERMAN_MARK_RE, LONE_S_RE
from .marks import MILD

# German and French press spellings of Russian names, and Russian's -ий in its romanizations:
# the mild key writes them as English does (Juri, Iouri, Jurij, Юрий, Yuriy: yuri; Djil, Dzhil,
# Dschil: jil; Kaik, Kajk, Кайк: kayk); and the gh by which English writes Armenian ղ and
# Azerbaijani ğ, which Russian writes г (Aghul, Ağul, Агул): g.
_PRESS_RE = re.compile(r"tsch|dsch|dsh|dzh|sch|dj|ou|gh|w|j")
_PRESS = {
    "gh": "g",
    "tsch": "ch",
    "dsch": "j",
    "dsh": "j",
    "dzh": "j",
    "sch": "sh",
    "dj": "j",
    "ou": "u",
    "w": "v",
    "j": "y",
}
# the letters of those that write one English consonant: German's and French's, and the
# dzh of Russian's romanizations (not j, which German reads as y, nor w or ou: Wiwent, Tegout
# and Mougan are short enough to be spelt close to other places once so read)
_PRESS_LETTERS_RE = re.compile(r"tsch|dsch|dsh|dzh|sch|dj")


def press_letters(latin: str) -> str:
    """The word with the letters that write one English consonant written as English writes
    it (Chodschawend: chojawend; Kelbadschar: kelbajar)."""
    return _PRESS_LETTERS_RE.sub(lambda m: _PRESS[m.group()], latin)


_FINAL_I_RE = re.compile(r"(?<=[^aeiouy])(?:iy|ij|ii|yy|y)$")
_INITIAL_I_RE = re.compile(r"^i(?=[aeou])")
# the glide closing a diphthong before a consonant, written i, y or j (Kaik, Kayk, Кайк)
_GLIDE_I_RE = re.compile(r"(?<=[aeou])i(?=[^aeiouy])")


def _mild(latin: str, turkic: bool) -> str:
    """The mild key's spelling: ə and ı as e and i (Şəki, Sheki), and for other words the press
    forms above folded (a letter's sound is all the vowels and consonants a short name has)."""
    out = latin.replace("ə", "e").replace("ı", "i")
    if turkic:
        return out.replace("gh", "g")  # ğ, romanized gh
    out = _GLIDE_I_RE.sub("y", _PRESS_RE.sub(lambda m: _PRESS[m.group()], out))
    return _INITIAL_I_RE.sub("y", _FINAL_I_RE.sub("i", out))


# Turkic c is English j (Yaycı: Yayji), and a j that German would read as y may be English's
_TURKIC_C_RE = re.compile("c(?!h)")
_LONE_J_RE = re.compile(r"(?<![dz])j")
# German writes з as s (Ajas, Аяз; Asisow, Азизов): a word with a letter only German press
# forms give a Russian name (j for й or the glide of я, w for в, sch; zch for цх) has its lone
# s read so too


def milds(latin: str, turkic: bool, name: bool = False) -> list[str]:
    """The mild keys of a word: its _mild spelling, and the spelling English gives its
    letters where they may be read two ways: a Turkic c as j (Yaycı, Yayji, Яйджи), a lone
    j of another word as j, not y (Yayji, Yaydzhi), and in a `name` (a word with a capital)
    ə as a, as English writes Azerbaijani names (Əziz, Aziz; Vəli, Vali), where Turkish
    writes e (Şəki, Şeki). An ordinary word in lower case has the e only: dənə, 'grain', is
    Turkish dane, not dana, 'calf'. One that begins a sentence has a capital too, and no
    list of Azerbaijani words tells it from a name, so it meets such a spelling (Yəni, 'that
    is', meets Yani)."""
    out = [_mild(latin, turkic)]
    if name and "ə" in latin:
        out.append(_mild(latin.replace("ə", "a"), turkic))
    if turkic and _TURKIC_C_RE.search(latin):
        out += [_TURKIC_C_RE.sub("j", m) for m in out]
    elif not turkic and _LONE_J_RE.search(latin):
        out.append(_mild(_LONE_J_RE.sub("dzh", latin), turkic))
    if not turkic and GERMAN_MARK_RE.search(latin) and LONE_S_RE.search(latin):
        out.append(_mild(LONE_S_RE.sub("z", latin), turkic))
    return [MILD + m for m in dict.fromkeys(out)]
