"""Which names of places are ordinary words of English, Russian or Turkish, and so no place's
name alone: wordfreq's most frequent words of each language and Webster's words in use."""

from __future__ import annotations

from functools import cache

from indexer.analysis.name_forms import lookup_form

from ..sources import Place, english_words, frequent_words
from .forms import form

FREQUENT = 20_000  # most frequent words of each language that count as ordinary words
# In a name of several words a word is ordinary only among the most common: Krasnaya Zvezda (red
# star) is a newspaper's name too, but Davit Bek (davit is in Webster's) and Poselok Tresta
# (the trust's settlement, Neftçala's Soviet name) name one place each.
COMMON = 5_000
# A frequent word that is the name of a place this large is that place's name, not a word:
# wordfreq's lists hold proper names too (баку, erivan).
BIG_PLACE = 100_000
MIN_ZIPF = 1.0  # wordfreq's scale: once in 100 million words
COMMON_ZIPF = 3.5  # once in 300,000 words: an English word too common to yield to a city


@cache  # asking wordfreq about each of Webster's 200,000 words takes seconds
def in_use(words: frozenset[str]) -> tuple[str, ...]:
    """The English words of `words` that wordfreq has met at least once in 10**(9 - MIN_ZIPF)
    words: Webster's Second keeps words nobody writes any more (sewan, cacur), which are no
    reason to take a place's name from it (Sewan is Sevan; Cacur, Jajur)."""
    from wordfreq import zipf_frequency

    return tuple(w for w in sorted(words) if zipf_frequency(w, "en") >= MIN_ZIPF)


def ordinary_words(places: tuple[Place, ...], n: int = FREQUENT) -> dict[str, str]:
    """Lookup form of an ordinary word -> the language it is a word of: the `n` most frequent
    words of each language and, with the default `n`, every word of Webster's in use, unless a
    place of BIG_PLACE people has the word as a name (wordfreq counts proper names too)."""
    big = {form(n) for p in places if p.population >= BIG_PLACE for n in p.names}
    out: dict[str, str] = {}
    for lang in ("ru", "tr", "en"):
        for w in frequent_words(lang, n):
            f = lookup_form(w)
            if f not in big:
                out.setdefault(f, lang)
    # Webster's lists no proper names in lower case: its words are words, whatever small place
    # shares one (rind, the peel, and Rind, a village of Armenia), and so are the common ones
    # (van, though Van is a city of Turkey); but a rarer word that is a city's own name is
    # that name first (Baku, Ganja, Samara, Astrakhan: a reader who writes them means the
    # city), not when it is only among a city's other names (bane, Baneh; meshed, Mashhad),
    # nor when a Turkish word written with its own letters reads the same (sari, the garment,
    # and Sari, a city of Iran; sarı, yellow, meets both)
    from wordfreq import zipf_frequency

    cities = {form(p.name) for p in places if p.population >= BIG_PLACE}
    written = {name.lower() for p in places if p.population >= BIG_PLACE for name in p.names}
    cities -= {
        lookup_form(w)
        for w in frequent_words("tr", n)
        if _TURKISH_LETTERS & set(w) and w not in written  # bakü is Baku
    }
    for w in in_use(english_words()) if n == FREQUENT else ():
        f = lookup_form(w)
        if f not in cities or zipf_frequency(w, "en") >= COMMON_ZIPF:
            out.setdefault(f, "en")
    return out


_TURKISH_LETTERS = frozenset("çğıöşü")


def written_words(n: int = FREQUENT) -> frozenset[str]:
    """The words of ordinary_words as they are written, in lower case: artık, not artik."""
    words = {w for lang in ("ru", "tr", "en") for w in frequent_words(lang, n)}
    return frozenset(words | set(in_use(english_words())))


def russian_words(places: list[Place], n: int = FREQUENT) -> frozenset[str]:
    """Lookup forms of the `n` most frequent Russian words, unless a place of the region of
    BIG_PLACE people has the word as a name (wordfreq counts баку and ереван as words): куба,
    Cuba to a Russian reader, stays a word, although Santiago de Cuba lists Kuba."""
    big = {form(n) for p in places if p.population >= BIG_PLACE for n in p.names}
    return frozenset(f for f in map(lookup_form, frequent_words("ru", n)) if f not in big)
