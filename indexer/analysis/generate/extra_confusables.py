"""More confusables for tuning (../eval/confusables-tuning-extra.tsv), fresh pairs from the same
real sources as evaldata.confusables and a few more kinds of them:

- the same families drawn from longer word lists (wordfreq's 100,000 most frequent Russian and
  Turkish words), past the pairs the tuning and held-out files already hold;
- Russian surnames (pymorphy3 reads them as Surn) one vowel of another class apart, in
  Cyrillic and romanized as Wikipedia does (Котов, Катов; Kotov, Katov); a and e are not
  counted as apart in a Latin pair, since Russian writes Azerbaijani ə as either (Мамадов,
  Мамедов);
- distinct GeoNames places of the region two vowels apart, or one vowel apart in any of their
  Latin names;
- a place of the region and a place elsewhere in the world whose own names are one vowel apart
  (Revda in Russia, Ravda in Bulgaria);
- Russian surnames of pymorphy3's dictionary one з/с, ж/ш or в/ф apart, letters every
  spelling but German's keeps apart, in Cyrillic (Захаров, Сахаров; Жаров, Шаров) and, but
  for ж/ш, which Latin spellings blur, romanized as Wikipedia does (Kozarev, Kosarev).

Only pairs whose hash puts them in the tuning half are kept (evaldata.held_out), so nothing here
can be a held-out pair.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from indexer.analysis.russian_cases import analyzer

from .evaldata import (
    _VOWEL_CLASS,
    CONFUSABLE_COLUMNS,
    EVAL,
    TAIL,
    _one_apart,
    _write,
    confusables,
    held_out,
    plain,
    vowel_pairs,
)
from .sources import (
    COUNTRIES,
    SAME_PLACE_KM,
    Place,
    english_words,
    frequent_words,
    region,
    world,
)

WORDS = 100_000
PAIRS_PER_FAMILY = 400
FILENAME = "confusables-tuning-extra.tsv"


def _two_apart(words, classes: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs that differ in exactly two vowels, each of another class, the last TAIL letters
    left alone."""
    present = set(words)
    out = []
    for w in words:
        head = len(w) - TAIL
        spots = [i for i, ch in enumerate(w[:head]) if ch in classes]
        for n, i in enumerate(spots):
            for j in spots[n + 1 :]:
                for v in classes:
                    if classes[v] == classes[w[i]]:
                        continue
                    for u in classes:
                        if classes[u] == classes[w[j]]:
                            continue
                        other = w[:i] + v + w[i + 1 : j] + u + w[j + 1 :]
                        if other in present and w < other:
                            out.append((w, other))
    return out


def _surnames() -> list[str]:
    morph = analyzer()
    out = []
    for w in frequent_words("ru", WORDS):
        parses = morph.parse(w)
        if len(w) >= 5 and parses and "Surn" in parses[0].tag and w.endswith(("ов", "ев", "ин")):
            out.append(w)
    return out


def _words() -> list[list[str]]:
    rows, tr = vowel_pairs(WORDS)
    english = english_words()
    for w in tr:
        stripped = plain(w).replace("ı", "i")
        dotless = "ı" in w and all(ch in "abcdefghijklmnopqrstuvwxyzı" for ch in w)
        if dotless and stripped in english and len(w) >= 3:
            why = f"Turkish '{w}' vs English '{stripped}' once diacritics go (wordfreq, Webster's)"
            rows.append([w, stripped, why, "tr-en:dotless-i"])
    return rows


def _surname_rows() -> list[list[str]]:
    import iuliia

    rows: list[list[str]] = []
    names = _surnames()
    for a, b, x, y in _one_apart(names, _VOWEL_CLASS["ru"], 99):
        why = f"Russian surnames one vowel apart ({x}/{y}; wordfreq, pymorphy3)"
        rows.append([a.capitalize(), b.capitalize(), why, "surname:cyrillic"])
        la, lb = (iuliia.WIKIPEDIA.translate(s.capitalize()) for s in (a, b))
        if {x, y} not in ({"а", "е"}, {"я", "е"}, {"а", "э"}, {"ы", "и"}) and la != lb:
            rows.append([la, lb, why + ", romanized (iuliia Wikipedia)", "surname:latin"])
    return rows


# consonants a skeleton once folded into one class that Russian spells apart
_VOICING = {"з": "с", "ж": "ш", "в": "ф"}


def _dictionary_surnames() -> set[str]:
    """The surnames in -ов, -ев, -ин of pymorphy3's dictionary, as their own entries write them
    (the nominative singular masculine), five letters or more. Each of its five million word
    forms is read, but only a lemma's tag is made (about 40 s)."""
    dictionary = analyzer().dictionary
    return {
        word
        for word, (paradigm, index) in dictionary.words.iteritems()
        if index == 0  # the paradigm's first form, its lemma
        and len(word) >= 5
        and word.endswith(("ов", "ев", "ин"))
        and {"Surn", "masc", "nomn", "sing"} <= dictionary.build_tag_info(paradigm, 0).grammemes
    }


def _voicing_apart(names: set[str]) -> list[tuple[str, str, str]]:
    """(word, other word, the word's letter) for each two `names` that differ in one letter of
    _VOICING alone, the voiced one first."""
    out = []
    for w in sorted(names):
        for i, ch in enumerate(w):
            other = w[:i] + _VOICING.get(ch, ch) + w[i + 1 :]
            if other != w and other in names:
                out.append((w, other, ch))
    return out


def _voicing_rows() -> list[list[str]]:
    import iuliia

    rows: list[list[str]] = []
    for w, other, ch in _voicing_apart(_dictionary_surnames()):
        a, b = w.capitalize(), other.capitalize()
        why = f"Russian surnames one {ch}/{_VOICING[ch]} apart (pymorphy3)"
        rows.append([a, b, why, "surname:voicing-cyrillic"])
        if ch != "ж":
            la, lb = (iuliia.WIKIPEDIA.translate(s) for s in (a, b))
            rows.append([la, lb, why + ", romanized (iuliia Wikipedia)", "surname:voicing-latin"])
    return rows


def _place_rows() -> list[list[str]]:
    rows: list[list[str]] = []
    places = [p for p in region() if " " not in p.name and "-" not in p.name]
    by_name = defaultdict(list)
    for p in places:
        by_name[p.name.lower()].append(p)
    for a, b in _two_apart(sorted(by_name), _VOWEL_CLASS["place"]):
        pa, pb = by_name[a][0], by_name[b][0]
        if pa.km(pb) >= SAME_PLACE_KM:
            why = f"distinct places {pa.name} ({pa.country}) and {pb.name} ({pb.country}), GeoNames"
            rows.append([pa.name, pb.name, why + ", two vowels apart", "place:two-vowel"])
    # any Latin name of a place, not only its main one: a name no other place near it has
    by_alt: dict[str, set[int]] = defaultdict(set)
    where = {p.geonameid: p for p in region()}
    for p in region():
        for n in p.names:
            if n.isascii() and n.isalpha():
                by_alt[n.lower()].add(p.geonameid)
    for a, b, _, _ in _one_apart(sorted(by_alt), _VOWEL_CLASS["place"], 99):
        ga, gb = by_alt[a], by_alt[b]
        if ga & gb:
            continue
        pa, pb = where[min(ga)], where[min(gb)]
        near = any(where[i].km(where[j]) < SAME_PLACE_KM for i in ga for j in gb)
        if not near:
            why = f"names of distinct places {pa.name} ({pa.country}) and {pb.name} ({pb.country})"
            rows.append([a.capitalize(), b.capitalize(), why + ", GeoNames", "place:alt-one-vowel"])
    return rows


def _abroad_rows() -> list[list[str]]:
    """Pairs of a place of the region and one abroad whose own names are one vowel apart."""
    mine: dict[str, Place] = {}
    theirs: dict[str, Place] = {}
    for p in world():
        if " " not in p.name and "-" not in p.name:
            (mine if p.country in COUNTRIES else theirs).setdefault(p.name.lower(), p)
    rows = []
    names = sorted(set(mine) | set(theirs))
    for a, b, _, _ in _one_apart(names, _VOWEL_CLASS["place"], 99):
        if (a in mine) == (b in mine):
            continue  # both of the region (the other families) or both abroad
        pa, pb = mine.get(a) or theirs[a], mine.get(b) or theirs[b]
        if pa.km(pb) < SAME_PLACE_KM:
            continue  # a town across a border, named in each country's spelling
        why = f"distinct places {pa.name} ({pa.country}) and {pb.name} ({pb.country}), GeoNames"
        rows.append([pa.name, pb.name, why, "place:abroad-one-vowel"])
    return rows


def extra_confusables() -> list[list[str]]:
    taken = {(r[0], r[1]) for r in confusables()}
    by_family: dict[str, list[list[str]]] = defaultdict(list)
    for r in _words() + _surname_rows() + _voicing_rows() + _place_rows() + _abroad_rows():
        if (r[0], r[1]) in taken or held_out(r[0] + "\t" + r[1]):
            continue
        taken.add((r[0], r[1]))
        by_family[r[3]].append(r)
    picked = []
    for family in sorted(by_family):
        ranked = sorted(by_family[family], key=lambda r: hashlib.sha1(r[0].encode()).hexdigest())
        picked += ranked[:PAIRS_PER_FAMILY]
    return picked


def write() -> str:
    return str(_write(EVAL / FILENAME, CONFUSABLE_COLUMNS, extra_confusables()))
