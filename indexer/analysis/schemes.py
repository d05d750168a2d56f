"""The scheme key: a word as any of the Russian romanization schemes writes it.

The schemes `iuliia` implements write one Cyrillic letter in several ways (щ: shch, shh, sch,
chtch; х: kh, x; ц: ts, tc, c, cz; й: y, j, i, ĭ, jj; я, ю: ya, ia, ja; the ending -ый, -ий: y, yy,
yj, iy, ij, ii), so an ordinary Russian word, which gets no skeleton (lexicon.py), still meets
its romanizations in another scheme: Малый, Maly, Malyj, Malyi; район, rajon, raion; Ильхам,
Ilkham, Ilxam. The key keeps every vowel (ы is y, и is i: быть is not бить) and folds only
what the schemes disagree on:
- each Cyrillic consonant's spellings become one symbol (Q щ, Č ч, Š ш, Z ж, X х, C ц; the
  French dj of дж is dzh), except х written h, which in Azerbaijani is another sound (xal, hal);
- a glide before a vowel goes (я, ю, е as ya, ia, ja, yu, iu, ju, ye: the vowel stays), but
  not a word's first before a, o or u (Yalta, Jalta, Ialta, and ISO 9's Âlta: not Alta), nor
  an и before it: iy, ij or ii before a vowel write и and a glide (Gariyev, Dmitrijevka),
  and a lone i after a consonant may be that и or the i of я or ье (Gariev, Lialia,
  Vasiliev), so such a word has both keys (scheme_keys: Gariev meets Gariyev and Gareev,
  which stay apart: Гариев is not Гареев); the same rule as the skeletons' (skeleton_letters.py),
  which read a German ij as either; ё
  after a consonant is e (yo, jo, ë: most schemes drop its dots), and й after a vowel is one
  symbol (J) however it is written (y, j, i, jj);
- the ending -ый/-ий is one ending (Y), and so is a final -i or -y (Yuri, Yury, Jurij), and a
  final -ine after a consonant may also be French passports' -ин (Armianine: Армянин);
  French ou is u and gu before e or i is g, and a doubled letter is one (Petrossian);
- a word with w is a German press form: its w is v and its sch, tsch, schtsch ш, ч, щ
  (Prawda, Fjodorow: Правда, Фёдоров).
The key joins a Cyrillic word to the Latin words that may romanize it, never to another
Cyrillic word (пенсии is not пенсий, though both end as the schemes write -ий): a Cyrillic
word is recorded under the key with another prefix (CYRILLIC_SCHEME), which only Latin and
Armenian words ask for (keys.variant_keys, keys.index_keys).
"""

from __future__ import annotations

import re

from .skeleton_letters import i_readings

SCHEME = "%"  # key prefixes: never in a word, apart from the other keys' prefixes
CYRILLIC_SCHEME = "&"

# (pattern, replacement, letters without which it cannot match: a test in C before a search)
_STEPS = (
    (re.compile(r"jj"), "j", "jj"),  # GOST 16876's й (Kajjk: Kajk)
    (re.compile(r"chtch|shch|shh|sch"), "Q", "h"),
    (re.compile(r"tch|ch"), "Č", "ch"),
    (re.compile(r"sh"), "Š", "sh"),
    (re.compile(r"zh"), "Z", "zh"),
    (re.compile(r"dj"), "dZ", "dj"),  # French дж: Djabrail, Azerbaidjan
    (re.compile(r"kh|x"), "X", ""),  # not h: Azerbaijani tells x from h (xal is not hal)
    (re.compile(r"ts|tc|cz|c"), "C", ""),  # cz: GOST 7.79's ц (Czvetochny`j)
    (re.compile(r"ou"), "u", "ou"),
    (re.compile(r"gu(?=[eiy])"), "g", "gu"),
    (re.compile(r"(?<=[b-df-hj-np-tv-z])[yj]o"), "e", "o"),  # ё: Posyolok, Posjolok, Poselok
    # -ый, -ий: Maly, Malyy, Malyj, Malyi; Yuri, Yury, Jurij, Yuriy
    (re.compile(r"(?<![aeiou])(?:[yi][yji]|[yi])$"), "Y", ""),
    # a word's first glide before a, o or u is я, ю, ё or й: no scheme leaves it out (Yalta,
    # Jalta, Ialta; not Alta), but е may be e (Yerevan, Erevan)
    (re.compile(r"^[iyj]+(?=[aou])"), "J", ""),
    (re.compile(r"[iyj]+(?=[aeou])"), "", ""),  # glides: yama, iama, jama; Mariya, Marija, Maria
    (re.compile(r"(?<=[aeiou])[yji]"), "J", ""),  # й: Chay, Chaj, Chai; Geydar, Gejdar, Geidar
    (re.compile(r"(.)\1+"), r"\1", ""),
)


_CONSONANT = "(?<=[bcdfghjklmnpqrstvwxz])"
VOWEL_I = "I"  # an и before a vowel, which no step removes as a glide
# not in a final -ия, -ие, -ию, which are endings (Мария, Mariia, Maria; здание, zdaniye)
_BEFORE_VOWEL = "(?=[aeou]+[bcdfghjklmnpqrstvwxz])"
_VOWEL_I_RE = re.compile(_CONSONANT + "i(?:[yj]+|i)" + _BEFORE_VOWEL)
_MAYBE_I_RE = re.compile(_CONSONANT + "i" + _BEFORE_VOWEL)


# French passports (MVD 310) write a final -ин as -ine, so that French reads no nasal vowel:
# Армянин, Armianine; Молоканин, Molokanine; Пушкин, Pouchkine
_FRENCH_IN_RE = re.compile(r"(?<=[b-df-hj-np-tv-z])ine$")


def scheme_keys(latin: str, cyrillic: bool = False) -> tuple[str, ...]:
    """The scheme keys of a romanized word (lower-case ASCII letters): one, or more when a lone
    i after a consonant before a vowel may be и or the i of я or ье (Gariev: Гариев, Гарьев),
    the first reading each as the glide, and when a final -ine may be the French passports'
    -ин, read both ways. `cyrillic`: `latin` romanizes a Cyrillic word, as romanize.py writes
    я, ю and ье with a y, so that each lone i is и: the one key."""
    if cyrillic:
        return (_key(_MAYBE_I_RE.sub(VOWEL_I, _VOWEL_I_RE.sub(VOWEL_I, latin))),)
    keys = tuple(_key(r) for r in i_readings(latin, _VOWEL_I_RE, _MAYBE_I_RE, VOWEL_I))
    if latin.endswith("ine") and _FRENCH_IN_RE.search(latin):
        return keys + scheme_keys(latin[:-1])
    return keys


# German press forms: a word with w for в is German (no scheme, nor English, Turkish or French
# press, writes в so), whose sch, tsch and schtsch are ш or ж, ч and щ (Chruschtschow, Prawda,
# Fjodorow: Хрущёв, Правда, Фёдоров; keys.names reads its dj)
_GERMAN_RE = re.compile("schtsch|tsch|sch|w")
_GERMAN = {"schtsch": "shch", "tsch": "ch", "sch": "sh", "w": "v"}


def _key(latin: str) -> str:
    out = latin
    if "w" in out:
        out = _GERMAN_RE.sub(lambda m: _GERMAN[m.group()], out)
    for pattern, repl, needed in _STEPS:
        if needed in out:  # "" always is
            out = pattern.sub(repl, out)
    return SCHEME + out


# ISO 9 and GOST 7.79's system A write х as h, which the key keeps apart from x and kh, and
# the scientific scheme as x; in the endings -ах, -ях, -их, -ых of the prepositional and
# genitive plural it can be no other sound (russkih, persah, persax: русских, персах)
_X_ENDING_RE = re.compile(r"(?<=[aiy])[hx]$")


def x_ending(latin: str) -> str | None:
    """`latin` with the h or x of such an ending written kh, or None if it has none."""
    kh = _X_ENDING_RE.sub("kh", latin)
    return kh if kh != latin else None
