"""The aggressive key for names: consonant classes with the class of each vowel.

Romanizations of one name differ in how a sound is written (kh, x, h, ch, g, q, ğ, gh for the
velars; j, c, dzh, dj, dsch, dsh, ch for /dʒ/), in doubled letters (Mammadov, Mamedov), in voicing
(Dashnak, Tashnak; but only German writes з as s: Sacharow, Zakharov, Sakharov;
skeleton_letters.UNITS) and in the glide between vowels (Alijew, Aliyev). The skeleton keeps
what they share: the sequence of consonant classes, a mark for a leading vowel, and between the
consonants the class of each vowel, as the vowels of these languages pair up across scripts:
A (a ə e ä: Məmmədov, Mammadov, Мамедов), I (i ı y: Xocalı, Khojali), O (o ö u ü ou: Hüseynov,
Гусейнов, Souleimanov; two classes for the names of places that differ only in them, `o_apart`:
Korkino, Kurkino). Vowels carry identity, so they are compared by class rather than
dropped (Mammadov/Mahmudov, Jamal/Jamil, Karan/Kiran, tatmak/tutmak stay apart), with a bounded
budget for what romanizations really do:
- an i or y between two consonants may be silent, at most MAX_SILENT of them (Sarkisian,
  Sargsyan: Armenian writes no vowel where romanizations put one), but not between two of
  one class, which it keeps two (Lachish is not Lach-, Kasisyan not Kasyan);
- one e after a palatal (ch, j, sh, zh; not a bare c, see BARE_C) may read as ё in a Latin
  word (`e_as_o`), for Russian
  ё written e (Gorbachev, Горбачёв, Gorbatschow; Khrushchev, Chruschtschow; but Cyrillic
  Дженни and Джонни stay apart), which an o after a palatal also reads as but a u does not
  (YO: Chernobyl meets Chornobyl, Chepa is not Chupa), or after ch alone as I (Russian
  writes че for Azerbaijani çı: Нахичевань, Naxçıvan; but not ше for şı: Shelov is not
  Shilov); elsewhere an e is never an i, or Lerik would meet Lirik, Kesecik
  Kisecik and Kamenskiy Kaminskiy (Russian's е for Armenian i is a rule of its own in keys/stems.py:
  Оганесян, Hovhannisyan); and never in a word with a letter of the Turkish or Azerbaijani
  alphabet (ç, ö, ü, ş, ğ, ı, ə), which writes each vowel as it sounds: çeken is not çöken,
  eşeği not eşiği (`as_written`);
- a run of vowels counts as its first vowel that is not i or y, since a glide is spelt y, i,
  j or not at all (Heydar, Geidar, Гейдар; Sargsyan, Sarkisian), but an i before a glide and
  a vowel is a vowel of its own (VOWEL_I: Gariyev, Гариев, is not Gareev, Гареев), and a lone
  i after a consonant is read both ways (Aliev meets Aliyev, Alijew and Алиев), but
  a word's first glide before a, o or u is a consonant class of its own, as no
  spelling leaves it out (Yalta, Jalta, Ialta are not Alta); before e it may be (Yerevan,
  Erevan).
Final vowels are case endings (Карабаха, Khojalu) and are left out, but not a vowel and the y
after it at the end of a word spelt with a Turkish or Azerbaijani letter, where y is a
consonant (Karaköy is not Karakaya; a case ending after them still goes: Karaköyü, Ağçaya),
nor an a or u and the y, j or i after it, which end no Russian word form (Kaday is not Kaduy),
nor such a glide after an a before a final e (Krasnaye, Belarusian, is not Krasnoye),
nor the i of a final lli, which is the Azerbaijani and Turkish suffix -lı after a stem in l
(Kamallı, Kamalli are not Kamal, Cəlilli is not Cəlil);
another spelling of such a name has keys with and without them, a y unwritten between two
vowels included (Agchay, Агчай, Агчае: Ağçay; Каракёе: Karaköy; Krasnyy's -yy, an ending,
is not a vowel and y).

Letters whose sound depends on the language give one skeleton per spelling system, and a
word is read in its other spellings too (skeleton_letters.py).

These rules merge ordinary words (hair/chair, van/wan), so the caller applies them to names
and foreign words only (see keys/).
"""

from __future__ import annotations

import itertools
import re
from operator import itemgetter

from .skeleton_letters import BARE_C, CH, O_LETTER, SCHWA, VOWEL_I, symbol_readings

# _slots' final_glide: a final glide is kept (GLIDE), and a glide may hide between two final
# vowels too (HIDDEN)
GLIDE, HIDDEN = 1, 2
MAX_SILENT = 1
MAX_E_AS_I = 1  # e is A, but one e of a word may read as I or O after a palatal ...
# ... as I only after ч (ch, tch, tsch), as Russian writes че for Azerbaijani çı (Нахичевань
# for Naxçıvan), but never ше or же for şı or jı: Shelov is not Shilov, Bazhenov not
# Bazhinov. CH is that ч; it is the palatal class in the keys (CH -> c).
_E_AS_I_AFTER = frozenset(CH)
# ... as ё after any palatal (Gorbachev, Горбачёв; Khrushchev), a bare c too, for a č that
# lost its caron (Gorbacev). A bare c read as a palatal is Turkish or Azerbaijani c, whose e
# is not i (acele is not acile), as no romanization of Russian writes че so. It is the
# palatal class in the keys (BARE_C -> c).
_E_AS_O_AFTER = frozenset(("c", BARE_C, CH))
# That ё is YO, which only an o after a palatal also reads as (Gorbatschow, Chornobyl,
# Горбачёв): romanizations write ё o, yo, jo or io, never u, so Chepa is not Chupa, nor Jelfa
# Julfa, though o and u are one class
YO = "Ȯ"
# A u (or ou) in a key that keeps o and u apart (skeletons' o_apart), where an o stays O_LETTER
U_LETTER = "Ŭ"
_WEAK = frozenset("I")
_RUN_RE = re.compile(r"(.)\1+", re.DOTALL)  # a run of one symbol
# what replaces a run: its symbol, taken in C (a template such as r"\1" is parsed again on
# every call, about 8% of the skeletons' time)
_ONE_OF_RUN = itemgetter(1)
# a glide after a or u ends no Russian word form (-ой, -ей, -ий, -ый and -ая do): a word that
# ends so keeps its glide, as a word spelt as it sounds does (Kaday is not Kaduy, Aksay not Aksoy),
# and so does one that ends in a, a glide and e, which in Russian is only a case of a name in -ай
# (Агчае: Ağçay), and in Belarusian the neuter's ending (Krasnaye is not Russia's Krasnoye)
_OWN_GLIDE_RE = re.compile("[au][yji]$|a[yji]e$")
# a word's first glide before one of these vowels is a consonant class of its own
_ONSET, _ONSET_BEFORE = "j", frozenset(("A", "O", O_LETTER, SCHWA))


def _slots(
    symbols: tuple[str, ...], hiatus: bool = False, exact: bool = False, final_glide: int = 0
) -> tuple[bool, list[str]]:
    """(leading vowel?, consonant classes and vowel classes in order), doubled consonants and
    runs of vowels collapsed, final vowels dropped. `hiatus`: a run that does not begin with I
    keeps each of its vowels that is not I (Kocaeli's ae is two vowels, Kocaali's aa one), and
    the I that closes it before a consonant (ai, ey: Kocaili, Heydar).
    `exact`: a or e before a glide ending the run is ə's symbol, either of them (ay and ey are
    one diphthong: Azərbaycan, Azerbejdżan; bəy, bey). `final_glide`: of a final run with a
    glide after a vowel, the vowel and the glide are kept, and what follows them is a case
    ending (köy, köyü, köye; çay, çaya; bəy): a Turkic y is a consonant."""
    out: list[str] = []
    run = ""
    glide = False  # the run began with I: a palatal onset (Kyandakh, Kieandakh), no hiatus
    glided = ""  # the run as it was when a glide followed its vowel (köy, çaya)
    last = ""
    for sym in symbols:
        if sym == VOWEL_I:  # after a consonant: no run to end
            out.append(sym)
            continue
        if sym.isupper():
            # a glide after the run's vowel; in a word not spelt as it sounds, any vowel
            # there may follow one unwritten (Каракёе, karakyoe: Karaköy's dative)
            if (sym == "I" or final_glide == HIDDEN) and run and run != "I" and not glided:
                glided = run
            # a run of vowels counts as its first one that is not I (a glide, or i before
            # another vowel: Sarkisian's ia is Sargsyan's ya); I when it has no other
            if not run or run == "I":
                glide = run == "I"
                run = sym
            elif hiatus and not glide and sym != "I" and _plain(run[-1]) != _plain(sym):
                run += _plain(sym)
            last = sym
            continue
        if run:
            vowel = SCHWA if exact and last == "I" and run in ("A", "E") else run
            # a glide closing a run before a consonant is a diphthong, which a vowel alone
            # never writes (Haidar, Heydar, Гейдар; but Kocaili is not Kocaali, Teira not Teera)
            out.append(vowel + "I" if hiatus and last == "I" and run != "I" else vowel)
            run, glided = "", ""
        if not out or out[-1] != sym:
            out.append(sym)
    if final_glide and glided:
        out += [SCHWA if exact and glided in ("A", "E") else glided, "I"]
    elif run == "I" and symbols[-3:-1] == ("l", "l"):
        out.append(run)  # the suffix -lı of a stem in l, no ending: Kamallı is not Kamal
    lead = bool(symbols) and symbols[0].isupper()
    if lead and symbols[0] == "I" and symbols[1:2] and symbols[1] in _ONSET_BEFORE:
        out.insert(0, _ONSET)  # Yalta, Jalta: jAld; Alta: _Ald
        lead = False
    return lead, out


def _keys(
    symbols: tuple[str, ...],
    e: str,
    e_as_o: bool,
    hiatus: bool = False,
    exact: bool = False,
    e_as_i: int = MAX_E_AS_I,
    final_glide: int = 0,
    o_apart: bool = False,
) -> list[str]:
    """Every key of one reading: as it is, and with at most MAX_SILENT weak vowels between two
    consonants of different classes left out; an e is written `e` (A, or E to keep it apart
    from a); with `o_apart`, an o is O_LETTER and a u U_LETTER."""
    lead, slots = _slots(symbols, hiatus, exact, final_glide)
    if "E" not in slots and "I" not in slots[1:-1] and not _yo(slots):
        # nothing to read two ways (most words): the one key, runs of a symbol collapsed
        return [
            _RUN_RE.sub(_ONE_OF_RUN, _palatals(("_" if lead else "") + "".join(slots), o_apart))
        ]
    keys = [("_" if lead else "", 0, 0)]  # (key, vowels left out, e read as I)
    classes = [_palatals(sym) for sym in slots]
    for i, sym in enumerate(slots):
        inner = 0 < i < len(slots) - 1 and not (lead and i == 0)
        # a vowel between two consonants of one class keeps them two: left out, it would
        # make the word one consonant shorter (Lachish is no Lach-, Shishkin no Shkin); a
        # reading of two consonants counts by the one next to the vowel (x as ks: Bakixanov)
        inner = inner and classes[i - 1][-1:] != classes[i + 1][:1]
        nxt = []
        for key, silent, as_i in keys:
            if sym == "E":
                nxt.append((key + e, silent, as_i))
                after = slots[i - 1] if i > 0 and as_i < e_as_i else ""
                if after in _E_AS_I_AFTER:
                    nxt.append((key + "I", silent, as_i + 1))
                    if inner and silent < MAX_SILENT:
                        nxt.append((key, silent + 1, as_i + 1))
                if e_as_o and after in _E_AS_O_AFTER:
                    nxt.append((key + YO, silent, as_i + 1))  # ё: Горбачёв, Gorbatschow
                continue
            if sym[0] == O_LETTER:
                nxt.append((key + (O_LETTER if o_apart else "O") + sym[1:], silent, as_i))
                # as one e at most reads as ё, one o at most needs to: a key per o, not per
                # choice of o's (Choshojoshchozhov has a few keys more, not hundreds)
                if i > 0 and slots[i - 1] in _E_AS_O_AFTER and YO not in key:
                    nxt.append((key + YO + sym[1:], silent, as_i))
                continue
            nxt.append((key + sym, silent, as_i))
            if sym in _WEAK and inner and silent < MAX_SILENT:
                nxt.append((key, silent + 1, as_i))
        keys = nxt
    out = []
    for key, _, _ in keys:
        # a vowel left out can bring two equal consonant classes together: keep one
        collapsed = _RUN_RE.sub(_ONE_OF_RUN, _palatals(key, o_apart))
        if collapsed not in out:
            out.append(collapsed)
    return out


def _palatals(key: str, o_apart: bool = False) -> str:
    """The key with each palatal written as its class, c, and an o as its class, O (with
    `o_apart`, a u, written O, as U_LETTER instead)."""
    key = key.replace(BARE_C, "c").replace(CH, "c")
    return key.replace("O", U_LETTER) if o_apart else key.replace(O_LETTER, "O")


def _plain(vowel: str) -> str:
    return "O" if vowel == O_LETTER else vowel


def _yo(slots: list[str]) -> bool:
    """Whether an o follows a palatal: it reads as ё too."""
    return any(s[0] == O_LETTER and slots[i - 1] in _E_AS_O_AFTER for i, s in enumerate(slots) if i)


def skeletons(
    latin: str,
    turkic: bool = False,
    keep_e: bool = False,
    e_as_o: bool = True,
    hiatus: bool = False,
    exact: bool = False,
    as_written: bool = False,
    german: bool | None = None,
    o_apart: bool = False,
) -> tuple[str, ...]:
    """Skeletons of a romanized word, one per reading, e.g. khojaly -> kOcAl. `keep_e`: e is
    not read as a, for a place whose names have no ə (Serov is not Sarov). `hiatus`: two vowels
    in a row stay two (_slots). `exact`: ə is SCHWA, apart from a and e, and so is the a or e
    of a diphthong, for the checks of links to a name's group (keys/links.py). `as_written`:
    the word is spelt in an alphabet that writes each vowel as it sounds (Turkish,
    Azerbaijani), so no e reads as I or O. `german`: the word is read as a German press form
    too (skeleton_letters._german_readings) always, never (a word romanized from Cyrillic),
    or when it has a letter of one (None). `o_apart`: o and u are two classes, for the names
    of places that differ only in them (Korkino is not Kurkino; keys/names.py)."""
    variants = symbol_readings(latin, turkic, german, exact)
    out: list[str] = []
    # a final glide is a consonant in a word spelt as it sounds (Karaköy is not Karakaya,
    # Yeşilköy not Yeşilkey); another spelling may end so too (Agchay, Агчай: Ağçay) or in a
    # Russian case ending (-ой, -ей), so it has the keys with the glide and without, unless
    # its glide follows an a or u, as in no Russian ending (_OWN_GLIDE_RE)
    for v in variants:
        e_as_i = 0 if as_written else MAX_E_AS_I
        own = as_written or bool(_OWN_GLIDE_RE.search(latin))
        ends = ((GLIDE,) if own else (0, HIDDEN)) if _final_glide(v, own) else (0,)
        for glide in ends:
            for key in _keys(
                v, "E" if keep_e else "A", e_as_o, hiatus or exact, exact, e_as_i, glide, o_apart
            ):
                if key not in out:
                    out.append(key)
    return tuple(out)


def _final_glide(symbols: tuple[str, ...], as_written: bool) -> bool:
    """Whether the word ends in a run of vowels with a glide after a vowel (köy, çaya), or in
    a word not spelt as it sounds, with any vowel after a vowel (karakyoe)."""
    trail = list(itertools.takewhile(str.isupper, reversed(symbols)))[::-1]
    return any(
        (s == "I" or not as_written) and any(v != "I" for v in trail[:i])
        for i, s in enumerate(trail)
    )
