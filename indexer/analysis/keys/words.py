"""A word's own keys (own_keys): the light key, group keys, a name's keys (names.py), a
Cyrillic word's with its own letters (cyrillic.py), links to a listed name's group (links.py)
and the scheme key. The spelling map records them (recorded.py); a query asks for them and
more (queries.py)."""

from __future__ import annotations

import re
import unicodedata

from indexer.caching import bounded_cache

from ..casing import QARA_RE, is_turkic, lower
from ..lexicon import is_common_word, is_english_word
from ..lexicon import load as load_lexicon
from ..lookup import lookup, turkic_case_stems
from ..name_facts import (
    given_name_groups,
    given_name_only,
    is_place_name,
    keeps_its_vowels,
    o_and_u_apart,
    place_countries,
    vowels_apart,
    word_groups,
)
from ..name_forms import Entry, group_key, lookup_form, script
from ..pipeline import exact_key
from ..romanize import romanize, romanize_for_keys, strip_apostrophe_suffix
from ..schemes import CYRILLIC_SCHEME, SCHEME, scheme_keys, x_ending
from ..synonyms import bridged, by_scheme, is_listed, writes_dzh
from .bare import bare_spelling, short_name_spelling
from .cyrillic import letters_keys
from .links import (
    group_countries,
    groups_by_skeleton,
    linked_groups,
    linked_peoples,
    one_names_keeping_vowels,
    places_abroad,
    places_sharing_a_name,
    places_with_one_name,
    vowels_by_group,
)
from .marks import ARMENIAN_RE, BARE, CYRILLIC_RE, MIN_LENGTH, SKELETON
from .names import name_and_people_keys, o_and_u_skeletons
from .stems import RUSSIAN_PEOPLE_RE

# a final и after a consonant whose plural, in a hard stem, is ы: a people's plural writes ы
# there (курды, лезгины), so a frequent word ending so is no people's name, and its stem is
# not that of the word with ы (почти, почты; среди, среды); not the instrumental -ами, -ями,
# -ими, -ыми (татарами)
_SOFT_I_RE = re.compile("(?:[бвдзлнпрстф]|(?<![аяиы])м)и$")

LOANWORD = 6
# ALA-LC's letters for Armenian that Polish has not (č, š, ž, ǰ, ṙ, the aspiration's ʻ, the
# classical ē, ō), and the -yan, -ean of Armenian surnames
_ALA_LC_RE = re.compile("[čšžǰṙʻʼ‘ēō]|(?:ya|ea|ia)n$")
# ISO 9985's letters for Armenian that no scheme of ours for another language writes: the
# aspiration's modifier apostrophe ʼ (ALA-LC's is ʻ), ǰ for ջ, ġ for ղ (not its ë for ը,
# which BGN/PCGN writes for Russian ё); with them, a j is ձ
_ISO_9985_RE = re.compile("[ʼǰġ]")
# letters by which a romanization of a Russian word writes х, й, ь, ъ and дж, ж, х, which
# a short English or Turkish word does not write so (Kax, Kaĭk, Djil: Ках, Кайк, Джил)
_SCHEME_LETTER_RE = re.compile("[xĭʹʺ]|dj|zh|kh")
GROUP = group_key("")


def light_key(word: str) -> str:
    """The word romanized, except that an ordinary word of another script whose romanization
    is an English word keeps its own letters: он is not "on", бий not "by", год not "god", мост
    not "most". Ordinary means in the list of frequent words or, for a shorter word that list
    leaves out, written in lower case: a capital marks a name or a part of one (Баш Гейнюк is
    Bash Geynyuk, Нор Артагерс Nor Artagers). A word of LOANWORD letters or more is the English
    word it romanizes to, borrowed one way or the other (совхоз, sovkhoz; модель, model)."""
    latin = romanize(word)
    if word.isascii() or latin == exact_key(word) or not is_english_word(latin):
        return latin
    bare = strip_apostrophe_suffix(word)
    if len(latin) >= LOANWORD:
        return latin
    short = len(bare) < MIN_LENGTH and bare.islower()
    return exact_key(word) if short or is_common_word(bare) else latin


MIN_SCHEME_LENGTH = 3  # Mec, Metc, Mets (Մեծ, 'big'), but not the Russian и, в, на


def _scheme_keys(word: str, strict: bool, turkic: bool | None) -> list[str]:
    """The scheme key (schemes.py) of a Russian word, listed or common too (Малый, Maly,
    Malyj), and of a Latin or Armenian word that is no English, Turkish or Turkic word, with
    the key by which it finds Cyrillic words. `turkic`: what name_reading found, or None when
    the word is no name to it (an English or common word, or a short one)."""
    latin = romanize_for_keys(word)
    if strict or len(latin) < MIN_SCHEME_LENGTH or not (latin.isascii() and latin.isalpha()):
        return []
    if CYRILLIC_RE.search(word.lower()):
        return list(scheme_keys(latin, cyrillic=True))
    if ARMENIAN_RE.search(word.lower()):
        pass
    elif turkic is not None:
        if turkic:
            return []
    elif len(latin) >= MIN_LENGTH:
        return []  # an English or common word (name_reading)
    else:
        low = lower(word)
        bare = strip_apostrophe_suffix(word)
        if is_turkic(low) or is_english_word(latin) or is_common_word(bare):
            return []
        if QARA_RE.search(latin):
            return []
    keys = scheme_keys(latin)
    return [*keys, *(CYRILLIC_SCHEME + key[len(SCHEME) :] for key in keys)]


def _keeps_its_vowels(form: str) -> bool:
    """Whether `form` (a lookup form) is of the name of places that keep their a and e apart,
    which the gazetteer leaves out as several places' or as a place's only name (Evren;
    Adala)."""
    return keeps_its_vowels(form) or form in one_names_keeping_vowels()


@bounded_cache(max_bytes=4_000_000)
def own_keys(word: str) -> tuple[str, ...]:
    """A word's keys as the spelling map records them, before recorded.index_keys sets the
    Cyrillic ones apart; a query asks for these and more (queries.variant_keys)."""
    keys = [light_key(word)]
    # a name of a large place abroad that the tables do not list is no inflection or
    # other romanization of a listed name (Almaty is not Almat's, Karachi not Карачи), nor is
    # that of a place near the region that another place has with an a for an e (Kermen is
    # not Kerman)
    form = lookup_form(word)
    abroad = form in places_abroad() and not is_listed(word) and not _given_name_case(word)
    entry = None if abroad else lookup(word) or _plural_in_other_scheme(word)
    if entry is not None:
        keys += [group_key(g) for g in entry.groups]
    strict = entry is not None and entry.strict
    bare = None if strict else bare_spelling(word, entry.groups if entry is not None else ())
    if bare is not None:
        keys.append(BARE + bare)
    turkic = None
    if not strict:
        # a place abroad of places_abroad writes its vowels as they are: no ə stands behind
        # its a or e
        keep_e = entry.keep_e if entry is not None else abroad or _keeps_its_vowels(form)
        dzh = entry is not None and writes_dzh(entry.groups)
        # a word listed only as a given name gets the rules' keys as an unlisted word would:
        # Serge and Peter, English words, have their group's key alone (a skeleton would meet
        # Sergo, Sarkis and Petar)
        listed = entry is not None and not given_name_only(entry)
        skeleton_keys, people, turkic = name_and_people_keys(
            word, listed, keep_e, vowels_apart(word), dzh
        )
        own = entry.groups if entry is not None else ()
        # a people's name's stem is no name of a place: only the word itself links to one
        keys += [group_key(g) for g in linked_groups(word, skeleton_keys, own)]
        keys += [group_key(g) for g in linked_peoples(word, people, own) if g not in own]
        keys += letters_keys(word, list(skeleton_keys))
        # a people's name's ы and и are those of its stem: the ending's are no part of the name
        # (татары, татарин, татарами are one people); a word the gazetteer lists as a place's
        # name is no people's plural (Goris, a town of Armenia, is not Gori, one of Georgia),
        # nor is a given name (Nicholas is no Nichol's, nor Николай Никол's)
        if not (own and (is_place_name(word) or given_name_only(entry))):
            # a frequent Russian word (turkic is None) has one spelling: it meets another
            # Cyrillic word by its stem as a people's name only where both write that stem
            # alike (курды, курдов), never where a skeleton alone is shared (привезти,
            # привести; замки, самки)
            stem = RUSSIAN_PEOPLE_RE.sub("", word.lower())
            plural = word[len(stem) :].lower() if len(word) == len(stem) + 1 else ""
            if turkic is not None:
                keys += letters_keys(stem, list(people), ending=plural)
            if turkic is not None or not _SOFT_I_RE.search(word.lower()):
                keys += letters_keys(stem, list(people), whole=True, ending=plural)
    scheme = _scheme_keys(word, strict, turkic)
    keys += scheme
    composed = unicodedata.normalize("NFC", word)  # a document may write ё as е and dots
    low = composed.lower()
    if "ё" in low:
        # Russian print mostly leaves out the dots: Горбачев is Горбачёв, все may be всё
        keys += own_keys(composed.replace("ё", "е").replace("Ё", "Е"))
    if entry is None and "ə" in low:
        # Turkish writes an Azerbaijani ə as e (Kəmal, Kemal; Səlim, Selim), and a name that
        # keeps its a and e apart keeps its skeleton with that e: the word has those skeletons
        # too
        turkish = lower(composed).replace("ə", "e")
        turkish = turkish[:1].upper() + turkish[1:]  # a name's, whatever the case of the word
        keys += [k for k in own_keys(turkish) if k.startswith(SKELETON)]
    if "j" in low and _ISO_9985_RE.search(low):
        # ISO 9985 writes ձ as j, which every other scheme writes dz (Kakʼavajor, Kakavadzor):
        # a word in its letters also has the keys of its j read so
        keys += own_keys(composed.replace("j", "dz").replace("J", "Dz"))
    if "ł" in low and _ALA_LC_RE.search(low):
        # ALA-LC romanizes Armenian ղ as ł, which Polish reads as л (Wsiewołożsk, Michał): a
        # word with ł and a letter or ending of ALA-LC's Armenian that Polish never writes
        # also has the keys of its reading as ղ, ISO 9985's ġ (Łazaryan is Ghazaryan)
        keys += own_keys(composed.replace("ł", "ġ").replace("Ł", "Ġ"))
    if (
        entry is None
        and scheme
        and not abroad
        and (
            len(word) > MIN_LENGTH
            or len(word) == MIN_LENGTH
            and _SCHEME_LETTER_RE.search(word.lower())
        )
        and not CYRILLIC_RE.search(word.lower())
    ):
        # a romanization of a listed name in a scheme no list holds is that name; as for links
        # by skeleton, not a short word, which shares its key with too many names (goai),
        # unless it has four letters, one of which only a scheme gives a word that short
        # (Kaxi: Кахи, Qax's); three are too few even so (lex, Лех, a name of Tegh)
        known = next(filter(None, (by_scheme(k, word) for k in scheme if k[0] == SCHEME)), None)
        kh = x_ending(romanize(word))
        if known is None and kh:
            # a people's plural (persah: персах), not a place: Aytah is no Aytakh
            plural = next(filter(None, (by_scheme(k, kh) for k in scheme_keys(kh))), None)
            known = plural if plural and set(plural.groups) <= word_groups() else None
        keys += [group_key(g) for g in known.groups] if known else []
    if entry is None and not abroad and not any(k.startswith(GROUP) for k in keys):
        keys += [group_key(g) for g in _romanized_stem_groups(word)]
    spelt = short_name_spelling(word) if entry is None and word[:1].isupper() else None
    if spelt is not None:
        keys += own_keys(spelt)  # Əli: Ali's, and so Али's
    return tuple(dict.fromkeys(keys))


def _given_name_case(word: str) -> bool:
    """Whether the Cyrillic `word` is a Russian case form of a given name of given_names.tsv, which
    it is before it is a place abroad: Петра I is Peter the Great, not Petra in Jordan."""
    entry = lookup(word) if CYRILLIC_RE.search(word) else None
    return entry is not None and given_name_only(entry)


def _romanized_stem_groups(word: str) -> tuple[str, ...]:
    """The groups that a rule, not a table, gives the name of which `word` is an Azerbaijani
    or Turkish case form (Xobidən: Xobi, the scientific romanization of Хоби, which by_scheme
    joins to Khobi). The stem is of plain Latin letters, as such a romanization is, and
    neither it nor the word is an English or common word (Kullanın, "use it", is no
    Kullan's)."""
    stems = turkic_case_stems(word)
    if not stems or is_common_word(lower(strip_apostrophe_suffix(word))):
        return ()
    for stem in stems:
        low = stem.lower()
        if not stem.isascii() or is_english_word(low) or is_common_word(low):
            continue
        if lookup(stem) is not None and not is_listed(stem):
            continue  # a stem's own inflection (Kazansın, "may he win", is no Kazans')
        groups = tuple(k[len(GROUP) :] for k in own_keys(stem) if k.startswith(GROUP))
        if groups:
            return groups
    return ()


def _plural_in_other_scheme(word: str) -> Entry | None:
    """The entry of a word of words.tsv that `word`, of Latin letters, writes with ISO 9's h
    or the scientific x for the х of a plural ending (persah, persax: персах, Персы), which
    lookup's endings do not know."""
    latin = script(word.lower()) == "latn"
    kh = x_ending(romanize(word)) if latin else None
    entry = lookup(kh) if kh else None
    return entry if entry is not None and entry.strict else None


def load_tables() -> None:
    """Read every table the keys consult now (each is read once per process, on first use):
    processes forked afterwards share this copy instead of each reading its own. The slowest
    to work out come from the file an earlier process stored, or are stored (stored.py)."""
    groups_by_skeleton()
    group_countries()
    places_sharing_a_name()
    vowels_by_group()
    places_abroad()
    places_with_one_name()
    one_names_keeping_vowels()
    bridged()
    vowels_apart("")
    o_and_u_apart("")
    o_and_u_skeletons()
    place_countries()
    word_groups()
    given_name_groups()
    load_lexicon()
