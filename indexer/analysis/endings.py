"""The endings that the table's lookup strips from a word to find a listed name (lookup.py),
by language and script, and the stems they leave. Pure string rules: what counts as a name is
the tables' (synonym_table.py)."""

from __future__ import annotations

import re

# English plural, Azerbaijani/Turkish case and plural endings (a case after the plural too:
# Ermənilərlə, azərbaycanlılara), Russian case endings (romanized). Tried longest first, only
# to find a listed word.
_ENDINGS = (
    r"lerinin|larinin|lerden|lardan|lerin|larin|lerde|larda|lerle|larla|lere|lara|leri|lari"
    r"|ler|lar|(?<=l[ae]r)l[ae]|nin|nun|daki|deki|taki|teki|dan|den|tan|ten"
    r"|da|de|ta|te|yla|yle"
    r"|in|un|ogo|ego|ykh|ikh|yakh|akh|ami|yami|yam|am|aya|oye|iye|yye|om|em|oy|ey|iy|yy|ov|ev"
    r"|ya|es|s|a|e|i|u|y"
)
SUFFIX_RE = re.compile(rf"(?:{_ENDINGS})$")
# and in their own scripts only (in Latin letters they are Turkish endings too: eğilim is
# not Eğil's), Russian adjectives' -ым, -им, -ыми, -ими (армянским, русскими) and the
# Armenian locative -ում and ablative -ից, and the յ these and the genitive -ի take after a
# vowel (Երևանում, Արփայում, Արփայի, հայերից), and the article's ն after a vowel (Շուշին)
_RUSSIAN_ADJECTIVE = "imi|ymi|im|ym|omu|emu|uyu"  # армянскими, армянскому, армянскую
SCRIPT_SUFFIX_RE = {
    "cyr": re.compile(rf"(?:{_RUSSIAN_ADJECTIVE}|{_ENDINGS})$"),
    "hy": re.compile(rf"(?:yits|its|yum|um|yi|(?<=[aeiou])n|{_ENDINGS})$"),
}
# the Armenian locative and ablative, which a name of three letters takes too (Ջիլում,
# Զառից: Jil, Zarr); MIN_STEM keeps a Latin plural from reading as a short name's (Hayes),
# but in Armenian letters these endings are the cases'
ARMENIAN_CASE_RE = re.compile("(?:yits|its|yum|um)$")
MIN_CASE_STEM = 3
# ... and the Armenian plural, -եր after one syllable and -ներ after more, with the article
# or a case after it (թալիշներ, ուզբեկները, չեչենների: Talysh, Uzbek, Chechen)
ARMENIAN_PLURAL_RE = re.compile("n?er(?:e|n|i|its|ov|um|in)?$")
# ... and so do the Azerbaijani and Turkish locative, ablative and genitive (Qaxda, Qaxdan,
# Qaxın: Qax) of a name those alphabets write: a capitalized word with one of their letters,
# or a q that is not English's qu (QARA_RE); qumda is "in the sand", not Qom
TURKIC_CASE_RE = re.compile("(?:[dt]an|[dt]en|[dt]a|[dt]e|nin|nun|in|un)$")
# ... and the accusative and the dative, which take an n and a y after a vowel (Xocalını,
# Gəncəyə: Xocalı, Gəncə), but not in a frequent word, where the n is mostly a possessive's
# (Davasını, "his case")
TURKIC_VOWEL_CASE_RE = re.compile("(?<=[aeiou])(?:n[iu]|y[ae])$")

# the German adjective's endings after -isch (armenischen, russischer, kurdisches: Armenisch,
# Russisch, Kurdisch)
GERMAN_ADJECTIVE_RE = re.compile("(?<=isch)(?:e|en|er|es|em)$")
GERMAN_ADJECTIVE_ENDINGS = tuple(f"isch{e}" for e in ("e", "en", "er", "es", "em"))

MIN_STEM = 4  # Hayes is not the plural of Hay (Armenian), Ermeniler is of Ermeni
# -ец and its ц without the е, as a lookup form romanizes them (аварец, аварцев)
ETS, TS = "ets", "ts"

# the Azerbaijani and Turkish case endings of TURKIC_CASE_RE and TURKIC_VOWEL_CASE_RE as
# written, after vowel harmony (Xobidən, Cxinvalın, Lyxnıya)
TURKIC_WRITTEN_CASE_RE = re.compile("(?:[dt][aəe]n?|n?[ıiuü]n)$")
TURKIC_WRITTEN_VOWEL_CASE_RE = re.compile("(?<=[aəeıiouöü])(?:n[ıiuü]|y[aəe])$")

# Azerbaijani and Turkish case and plural endings after vowel harmony, as written
WRITTEN_SUFFIX_RE = re.compile(
    "(?:[dt][aəe]n?|[dt][aəe]ki|n?[ıiuü]n|y?[aəe]|[ny]?[ıiuü]|l[aəe]r(?:d[aəe]n?|l?[aəe])?)$"
)


def stem_of(form: str, suffix_re: re.Pattern = SUFFIX_RE) -> str | None:
    """The form without its longest ending, if a stem longer than MIN_STEM is left (Azer, a
    given name, is not the stem of Azeri)."""
    m = suffix_re.search(form)
    return form[: m.start()] if m and m.start() > MIN_STEM else None


def without_endings(form: str, suffix_re: re.Pattern, min_stem: int = MIN_STEM):
    """`form` without each ending of `suffix_re` that leaves `min_stem` letters, longest ending
    first; a shorter one is tried even when a longer one leaves too few (Ermenilerin: lerin,
    rin ... Ermeni; rusların: ların leaves rus, ın leaves ruslar)."""
    m = suffix_re.search(form)
    while m:
        if m.start() >= min_stem:
            yield form[: m.start()]
        m = suffix_re.search(form, m.start() + 1)


# a case ending that Azerbaijani and Turkish (BMT-nin, ATƏT-ə, NATO-ya) and Armenian (ԵԱՀԿ-ի,
# ՄԱԿ-ը) write after a hyphen on an acronym: no word of its own
_HYPHEN_ENDING_RE = re.compile(
    r"(?:[dt][aeə](?:n|ki)?|n?[ıiuü]n|[ıiuüaeə]|[nsy][aeəıiuü]|l[aeə]r[ıi]?|y?l[aeə]"
    r"|ի|ը|ն|ին|ում|ից|ով)",
    re.IGNORECASE,
)


def is_hyphen_ending(part: str) -> bool:
    """Whether the part after an acronym's hyphen is a case ending (BMT-nin: nin)."""
    return _HYPHEN_ENDING_RE.fullmatch(part) is not None
