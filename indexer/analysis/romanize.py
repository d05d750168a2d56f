"""The light variant key: any script and spelling system written the way English press does.

Russian words get the romanization English Wikipedia uses, from `iuliia` (Ходжалы ->
khodzhaly, Алиев -> aliyev, Дмитрий -> dmitry); other Cyrillic (Azerbaijani Cyrillic letters)
and Armenian and Georgian letters get their usual English romanization from data/ (Խոջալու ->
khojalu, ბერიძე -> beridze).
Latin letters whose accent is a sound (ş, ç, ğ, š, ž) get their English digraph, so Şuşa
meets Shusha and never Susa; other accents go (Azéri -> azeri). The
Azerbaijani ə and ı stay as they are: they have no ASCII twin and folding them merges
different words (əl, al, el). Apostrophes and soft signs vanish.
"""

from __future__ import annotations

import re
import unicodedata

import iuliia
from unidecode import unidecode

from indexer.caching import bounded_cache

from .casing import lower
from .tables import char_map

CYRILLIC = char_map("cyrillic.tsv")
ARMENIAN = char_map("armenian.tsv")
GEORGIAN = char_map("georgian.tsv")
LATIN = char_map("latin.tsv")
KEEP = frozenset("əı")
RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


def russian_cyrillic(low: str) -> set[str]:
    """The Cyrillic letters of `low` (lower case) if they are all Russian ones, else none."""
    cyrillic = set(_CYRILLIC_RE.findall(low))
    return cyrillic if cyrillic <= RUSSIAN_LETTERS else set()


# Apostrophes, the modifier letters ALA-LC uses for the soft sign (Ilʹkham) and the ones Armenian
# scholarly romanization uses for aspiration (Kʻočʻaryan, Petʼrosyan), typeset as ‘ too.
# ALA-LC also separates letters that are not a digraph with a middle dot (Azat·ek), and
# BGN/PCGN writes the hard sign as ʺ, and copies of it often as ” (K”uval).
APOSTROPHES = "'‘’ʹʼʻʺ”`´·"
_APOS_RE = re.compile(f"[{APOSTROPHES}]")
# only a real apostrophe starts a suffix, not Ilʹkham's ʹ; a grave accent typed for it on a
# Russian keyboard only before the possessive's s (president`s), as GOST 7.79 writes ы, э,
# ь with it (Taly`sh, Bely`e)
_SUFFIX_MARK_RE = re.compile("['’]|`(?=s$)")
# English contractions keep their tail (don't -> dont); a short tail after an apostrophe that
# reads as a Turkish case ending or the English possessive is a suffix (Hocalı'da, Azerbaijan's,
# Bakı'nın) and the name before it is the word; any other tail is part of the word, where the
# apostrophe stands for a soft sign (Fat’mayy, Bil’gya, Ag'dam). A Turkic ending begins with
# the buffer y only after a vowel (Şuşa'ya, Kars'a), so a y after a consonant is the glide of
# a soft sign's vowel (Il’ya, Natal’ya, Oliv’ye: Ильи, Наталья, Оливье).
_VOWELS = frozenset("aeəıiouöüy")
_CONTRACTION_TAILS = frozenset({"t", "ll", "re", "ve", "d", "m"})
_SUFFIX_TAIL_RE = re.compile(
    r"(?:s|[dt][aeə](?:n|ki)?|[dt][ıiuü]r|n?[ıiuü]n|[ıiuüaeə]|[nys][aeəıiuü]|l[aeə]r\w*|y?l[aeə]"
    r"|m[ıiuü]z)",
    re.IGNORECASE,
)


def strip_apostrophe_suffix(word: str) -> str:
    """Hocalı'da -> Hocalı, Azerbaijan's -> Azerbaijan, O'Brien and don't unchanged."""
    if "'" not in word and "’" not in word and "`" not in word:
        return word  # most words: three tests in C before a split
    parts = _SUFFIX_MARK_RE.split(word)
    if (
        len(parts) == 2
        and len(parts[0]) >= 2
        and 1 <= len(parts[1]) <= 4
        and parts[1].lower() not in _CONTRACTION_TAILS
        and _SUFFIX_TAIL_RE.fullmatch(parts[1])
        and not (parts[1][0] in "yY" and parts[0][-1].lower() not in _VOWELS)
    ):
        return parts[0]
    return word


# The classical orthography's digraphs for a glide and a vowel, which the reform of 1922
# writes with յ and the diaspora press still uses (Գիւմրի, Գյումրի: Gyumri; Եայիճի,
# Yaydzhi; Պետրոսեան, Պետրոսյան: Petrosyan). Inside a word եա may also be the e and a of
# a compound (Մոնթեավան: Monte-avan), so only at its start and in the surnames' -եան
# (with the endings of its cases: Պետրոսեանի, Պետրոսեանց), and իւ before a vowel is i
# and v (հիւանդ: hivand).
_CLASSICAL_RE = re.compile("իւ(?![աեէըիոօ])|^եա|^եօ|եան(?=[իընց]|$)")
_MODERN = {"իւ": "յու", "եա": "յա", "եօ": "յո", "եան": "յան"}


def _armenian(word: str) -> str:
    word = _CLASSICAL_RE.sub(lambda m: _MODERN[m.group()], word)
    word = word.replace("ու", "u")
    out = []
    for i, ch in enumerate(word):
        if i == 0 and ch == "ե":
            out.append("ye")
        elif i == 0 and ch == "ո":
            out.append("vo")
        else:
            out.append(ARMENIAN.get(ch, ch))
    return "".join(out)


def _char(ch: str) -> str:
    if ch.isascii() or ch in KEEP:
        return ch
    if ch in LATIN:
        return LATIN[ch]
    if ch in CYRILLIC:
        return CYRILLIC[ch]
    if ch in GEORGIAN:
        return GEORGIAN[ch]
    base = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in base if not unicodedata.combining(c))
    if base.isascii():
        return base
    # Another script (Greek ...): unidecode, which never sees ə or ı here. Not Georgian:
    # unidecode marks its ejectives and aspirates with apostrophes and backquotes inside the
    # word (ბერიძე: beriz'e), which no spelling of a name in another script has.
    return unidecode(base).lower()


# ISO 9 and GOST 7.79 write я and ю as â and û, so at the start of a word they stand for a
# glide and a vowel (Âlta, Ûrij: Ялта, Юрий), which the light key folds away with the accent
_ONSET_LETTERS = frozenset("âûÂÛ")
# and a j after their soft or hard sign is the glide of я, ю, е, ё (Dʹjakov, Podʺjačev:
# Дьяков, Подъячев), not the French dj of дж, though the light key drops the sign
_SIGN_GLIDE_RE = re.compile("[ʹʺ][jJ]")


def romanize_for_keys(word: str) -> str:
    """romanize(`word`) with the glides that ISO 9's letters and signs stand for written y,
    for the spelling keys (keys/), whose rules read the letters the light key keeps."""
    if "ʹ" in word or "ʺ" in word:
        word = _SIGN_GLIDE_RE.sub("y", word)
    latin = romanize(word)
    return "y" + latin if word[:1] in _ONSET_LETTERS else latin


@bounded_cache(max_bytes=4_000_000)
def romanize(word: str) -> str:
    """Lower-case Latin spelling of `word`; keeps ə and ı; drops apostrophes and soft signs."""
    low = lower(strip_apostrophe_suffix(word))
    if any("\u0531" <= ch <= "\u058f" for ch in low):
        low = _armenian(low)
    low = _APOS_RE.sub("", low)
    if low.isascii():
        return low
    if russian_cyrillic(low):
        low = iuliia.WIKIPEDIA.translate(low).lower()
        if low.isascii():
            return low
    return "".join(_char(ch) for ch in low)
