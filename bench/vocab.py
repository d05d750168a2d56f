"""The building blocks of the synthetic archive: words, names and their spellings, publishers."""

from __future__ import annotations

import random
from functools import cache


def _words(text: str) -> list[str]:
    return text.split()


# Real English words first, so the head of the Zipfian distribution reads like news.
ENGLISH_HEAD = _words(
    """
the of and to in a that is was for on with as by he it at from his are be this have had not
they were but which an their has one been said who after its all would there more also we
when or about new year people two other first government city village war state president
refugees conflict town people forces soldiers region military local international report
families children women officials ministry committee human rights republic parliament
history memory victims survivors witnesses evidence investigation mountain road houses night
winter february march army troops attack ceasefire agreement talks peace border displaced
"""
)

# Each name: the spellings English, Russian, Turkish and Azerbaijani texts use, in that order.
NAMES: dict[str, dict[str, list[str]]] = {
    "khojaly": {
        "en": ["Khojaly", "Khojali", "Hojaly", "Khodjaly"],
        "ru": ["Ходжалы"],
        "tr": ["Hocalı"],
        "az": ["Xocalı"],
    },
    "karabakh": {
        "en": ["Karabakh", "Karabagh", "Garabagh"],
        "ru": ["Карабах"],
        "tr": ["Karabağ"],
        "az": ["Qarabağ"],
    },
    "aghdam": {"en": ["Aghdam", "Agdam"], "ru": ["Агдам"], "tr": ["Ağdam"], "az": ["Ağdam"]},
    "shusha": {"en": ["Shusha", "Shushi"], "ru": ["Шуша"], "tr": ["Şuşa"], "az": ["Şuşa"]},
    "lachin": {"en": ["Lachin"], "ru": ["Лачин"], "tr": ["Laçin"], "az": ["Laçın"]},
    "askeran": {
        "en": ["Askeran", "Asgaran"],
        "ru": ["Аскеран"],
        "tr": ["Askeran"],
        "az": ["Əsgəran"],
    },
    "garadaghly": {
        "en": ["Garadaghly", "Karadagly"],
        "ru": ["Карадаглы"],
        "tr": ["Karadağlı"],
        "az": ["Qaradağlı"],
    },
    "nakhchivanik": {
        "en": ["Nakhchivanik", "Nakhichevanik"],
        "ru": ["Нахичеваник"],
        "tr": ["Nahçıvanik"],
        "az": ["Naxçıvanik"],
    },
}

# Share of documents that mention each name (rare names are what the rare-name queries hit).
NAME_RATE = {
    "khojaly": 0.35,
    "karabakh": 0.5,
    "aghdam": 0.12,
    "shusha": 0.1,
    "lachin": 0.08,
    "askeran": 0.03,
    "garadaghly": 0.004,
    "nakhchivanik": 0.003,
}

# Fixed phrases, inserted whole so that phrase queries have something to find.
PHRASES = [
    "mass grave",
    "ceasefire agreement",
    "human rights watch",
    "humanitarian corridor",
    "{khojaly} massacre",
    "{karabakh} war",
]
PHRASE_RATE = 0.25

PUBLISHERS = [
    "Baku Herald",
    "Caucasus Review",
    "Yerevan Courier",
    "Moscow Evening Post",
    "Ankara Daily",
    "The Karabakh Observer",
    "Associated Wire",
    "Global Press Agency",
    "Tbilisi Times",
    "Human Rights Bulletin",
    "Eurasia Monitor",
    "The Weekly Chronicle",
    "Northern Gazette",
    "Memorial Archive",
    "Radio Liberty Transcripts",
    "The Evening Standard",
    "Capital Tribune",
    "Azeri Voice",
    "Steppe Journal",
    "Black Sea Review",
    "Continental Dispatch",
    "The Frontier Record",
    "Peace Studies Quarterly",
    "Mountain News",
    "Archive of Testimony",
]

LANG_SHARE = {"en": 0.90, "ru": 0.04, "tr": 0.03, "az": 0.03}

_SYLLABLES = {
    "en": (
        _words("b c d f g h k l m n p r s t v w br ch cr dr gr pl pr sh st th tr"),
        _words("a e i o u ai ea ee oo ou"),
        _words("n r s t l m nd nt rs st ck ng"),
    ),
    "ru": (
        _words("б в г д ж з к л м н п р с т ф х ц ч ш"),
        _words("а е и о у ы я ю"),
        _words("н р с т л м к в й"),
    ),
    "tr": (
        _words("b c ç d f g h k l m n p r s ş t v y z"),
        _words("a e ı i o ö u ü"),
        _words("n r s t l m k ğ ş z"),
    ),
    "az": (
        _words("b c ç d f g h x k q l m n p r s ş t v y z"),
        _words("a e ə ı i o ö u ü"),
        _words("n r s t l m k ğ ş z"),
    ),
}


@cache  # the query pools make a generator each; the words take seconds to draw
def make_words(lang: str, count: int, seed: int) -> tuple[str, ...]:
    """`count` distinct pronounceable words for `lang`, the same for the same seed."""
    rng = random.Random(f"{seed}:{lang}")
    onsets, vowels, codas = _SYLLABLES[lang]
    seen = set(ENGLISH_HEAD) if lang == "en" else set()
    words: list[str] = list(ENGLISH_HEAD) if lang == "en" else []
    spellings = {s.lower() for forms in NAMES.values() for lst in forms.values() for s in lst}
    while len(words) < count:
        n = rng.choice((1, 2, 2, 3, 3, 4))
        w = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(n))
        if rng.random() < 0.5:
            w += rng.choice(codas)
        if w not in seen and w not in spellings:
            seen.add(w)
            words.append(w)
    return tuple(words)
