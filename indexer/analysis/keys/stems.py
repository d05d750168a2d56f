"""The stems a name's keys are made from: the word without its Turkic or Russian case endings,
an Armenian surname as Russian writes it, and a people's name without the endings the
archive's languages give it."""

from __future__ import annotations

import re

from .marks import MIN_LENGTH

# The Azerbaijani and Turkish plural, alone or with a case after it (Ermənilər, Ermənilərin,
# Ermənilərlə)
_PLURAL = r"l[aeə]r(?:[ıi]n|[ıi]|[aeə]|d[aeə]n?|l[aeə])?"
# Azerbaijani/Turkish case and plural endings that hold a consonant (vowel endings vanish
# from a skeleton anyway), a case after the plural too (Ermənilərə, Lezgilerden): Xocalıda,
# Qarabağın, Əliyevin, ermənilər; the relative -dakı (Qarabağdakı) and the comitative, -la
# after a consonant and -yla after a vowel (Əliyevlə, Xocalıyla): a bare la after a vowel ends
# names (Zaqatala, Qəbələ); and the dative's y after a vowel (Bəhramtəpəyə).
_TURKIC_SUFFIX_RE = re.compile(
    rf"(?:{_PLURAL}|n[ıiu]n|[dt][aeə]k[ıi]|[dt][aeə]n"
    r"|[dt][aeə]|[ıiu]n|(?<=[^aeəiıoöuüy])l[aeə]|(?<=[aeəiıoöuü])y(?:l[aeə]|[aeə]))$"
)
# ... and the accusative's n after a vowel (Xocalını, Şuşanı; in a word with an x too,
# Oluxlunu), but not in a word that is a frequent one in lower case, where it is mostly a
# possessive's (Davasını, "his case")
_TURKIC_ACCUSATIVE_RE = re.compile(r"(?<=[aeəıiou])n[ıiu]$")
# ... and those of them an Azerbaijani name with an x and no other letter of the alphabet may
# take (Xrazdanda, Dzaxidzorun, Evloxlar, Samuxdakı), not the -ta, -tan, -in that end names in
# pinyin, whose x is another sound (Xiantan is not Xian), or in Russian (Alexin is not Alex)
_X_SUFFIX_RE = re.compile(rf"(?:{_PLURAL}|dak[ıi]|dan?|un)$")
# Russian case endings (romanized as Wikipedia does: -iye, -aya) and the adjective's -sk-:
# Нагорного, карабахские.
_RUSSIAN_SUFFIX_RE = re.compile(
    r"(?:ogo|ego|omu|emu|yami|ami|ykh|ikh|yakh|akh|aya|yaya|oye|eye|iye|yye|om|em|ym|im|oy|ey"
    r"|iy|yy|ie|ye|ii|ia|ya|yu|a|e|i|o|u|y)$"
)
_RUSSIAN_PLURAL_RE = re.compile(r"(?<=..[^aeiouy])(?:ov|ev|am|yam)$")
# A Russian adjective of a place in any romanization: Lachinsky, Lachinskiy, Lachinskij,
# Lachinskii, Lachinski, Lachinskaya, Lachinskoye, Lachinskogo.
_RUSSIAN_ADJECTIVE_RE = re.compile(
    r"sk(?:iy|ij|ii|yy|yi|y|i|aya|aja|aia|oye|oe|oie|ogo|oy|oj|oi|ikh|ich|ie|iye|iie)$"
)
# Armenian surnames (-yan, -ian, -jan, -yants) and words in Armenian script: Russian writes them
# without the h (Hakobyan/Акопян, Sahakyan/Саакян) and Hovh- as Ог- (Hovhannisyan/Оганесян).
ARMENIAN_SURNAME_RE = re.compile(r"[iyj]an(?:ts)?$")
# ... and the Hov- of given names and places (Hovhannes, Hovsep, Hovk: Ованес, Овсеп, Овк);
# English words that begin so (hover, hovel) get no name keys, and a word with a letter of
# the Turkic alphabets is not Armenian (Hövsəlli); a Persian or Russian name may still begin
# so (Hoveyda, Hovanskij: Хованский in ISO 9), and then also meets its form without the h
ARMENIAN_HOV_RE = re.compile(r"^hov")
ARMENIAN_RE = re.compile(r"[\u0531-\u058f]")
# Armenian case endings that hold a consonant, romanized (vowel endings vanish from a skeleton
# anyway): the locative -ում and the ablative -ից, with the յ they take after a vowel
# (Երևանում, Արփայից). Only for words in Armenian letters: in Latin ones these are endings of
# other words (Sokhum). Not the instrumental -ով, which ends Russian surnames written in
# Armenian letters (Մամեդով is not Mamed).
_ARMENIAN_CASE_RE = re.compile(r"y?(?:um|its)$")
_LEADING_H_RE = re.compile(r"^h(?=[aeiouəy])")
# Armenian's initial hr- (Hrazdan, Hrach, Hripsime), which Russian writes as р (Раздан)
_ARMENIAN_HR_RE = re.compile(r"hr[aeiouəy]")
_INNER_H_RE = re.compile(r"(?<=[aeiouə])h(?=[aeiouə])")
_HOV_VOWEL_RE = re.compile(r"^hov(?=[aeiou])")
# Russian writes the Hovh- of Hovhannes as Ог- or Ов- (Оганесян, Ованесян; Oganesyan,
# Ovanesyan, and in German Owannisjan), so a surname written one way is also written the other
_RUSSIAN_HOV_RE = re.compile(r"^o[gvw](?=[aeiou])")
# Persian writes a final e with a silent h, and its romanizations keep the h (Ganjeh, Bardeh,
# Cheshmeh: Gəncə, Bərdə, Çeşmə), which a skeleton would read as a consonant
_PERSIAN_FINAL_EH_RE = re.compile(r"...(?<!e)eh$")
# the e before -syan, -sjan
_ARMENIAN_E_RE = re.compile(r"(?<=[^aeiouy])e(?=[^aeiouy]+[iyj]a)")


# ALA-LC romanizes the classical orthography of the diaspora letter by letter: -եան as -ean,
# an initial յո as yo (Petrosean, Yovhannēs: Petrosyan, Hovhannes), and in a surname in -ean
# an initial յա as ya and իւ as iw too (Yakobean, Yarutʻiwnean: Hakobyan, Harutyunyan), not in
# one in -yan, -ian, which is no classical spelling (Yasharyan, Yaghjian keep their y); its
# marks (ʻ ʼ ‘ ē ō) tell such a word from an English one in -ean (Korean, Crimean), and so do a
# length of CLASSICAL_LENGTH letters or more and a consonant before the -ean, but for a word
# Webster's lists (Galilean, Caribbean) and one in Romanian letters (Sălăjean)
ARMENIAN_MARKS_RE = re.compile("[ʻʼ‘ēō]")
CLASSICAL_SURNAME_RE = re.compile(r"[^aeiouy]ean(?:ts)?$")
CLASSICAL_LENGTH = 8
_CLASSICAL_ENDING_RE = re.compile(r"ean(?=(?:ts)?$)")
_CLASSICAL = ((re.compile(r"^yo"), "ho"),)
_CLASSICAL_SURNAME = (
    (_CLASSICAL_ENDING_RE, "yan"),
    (re.compile(r"^ya"), "ha"),
    (re.compile("iw"), "yu"),
)


def _armenian_stems(latin: str) -> list[str]:
    """Hakobyan -> akobyan; Hovhannisyan -> ohannisyan; Sahakyan -> saakyan; and Russian's e
    for Armenian i read back as i (Оганесян -> oganisyan); Russian's Ог- as Ов- and back
    (Оганесян -> ovanesyan); a classical spelling as reformed (Petrosean -> petrosyan)."""
    reformed = latin
    rules = _CLASSICAL + (_CLASSICAL_SURNAME if _CLASSICAL_ENDING_RE.search(latin) else ())
    for pattern, repl in rules:
        reformed = pattern.sub(repl, reformed)
    if reformed != latin:
        return [reformed, *(s for s in _armenian_stems(reformed) if s != latin)]
    russian = _LEADING_H_RE.sub("", latin).replace("vh", "h")
    forms = (
        russian,
        _INNER_H_RE.sub("", russian),
        # the Western spelling without the h after Hov- (Hovannisian, Hovanes): Оганесян too
        _HOV_VOWEL_RE.sub("oh", latin),
        _LEADING_H_RE.sub("", latin).replace("vh", "v"),  # Ованесян as well as Оганесян
        _ARMENIAN_E_RE.sub("i", latin),
        _RUSSIAN_HOV_RE.sub(lambda m: "ov" if m.group() == "og" else "og", latin),
    )
    return [s for s in dict.fromkeys(forms) if s != latin]


# Russian ё, which print mostly writes е (Горбачев, Федор), as Latin schemes write it where no
# other letter is meant: the surname ending -ёв after ж, ч, ш, щ as -ov, -ow (Gorbachov,
# Gorbatschow, Khrouchtchov; any o after a palatal is not, Shorak is not Sherak, which Shirak's
# spellings meet, nor one after a stem with no vowel, Chova is no Чёва), and French io after a
# consonant (Fiodor, Piotr, Artiom), but not after a c or g, which make it Italian or Georgian
# (Giorgi, Ciocca), nor before an l or n, which make it the -ion of other names (Rodion,
# Dionis, Marion, Lionel); each with what it is read as
_YO_RE = re.compile(r"(?<=[aeiouy])([b-df-hj-np-tv-xz]*[csz]h)o(?=[vw](?:a|y|u|e|om|ym|ykh)?$)")
_FRENCH_YO_RE = re.compile(r"(?<=[bdfhj-np-tv-z])io(?=[b-df-hjkmp-tv-z])")
_YO_READINGS = ((_YO_RE, r"\1e"), (_FRENCH_YO_RE, "e"))
# The instrumental of a Russian name romanized, -ом, -ем, -ым after a consonant, and -ем in
# place of a final й (a vowel ending leaves the skeleton anyway): a title or a reference in
# Latin letters keeps the case (Gevorkyanom, Geranboem: Геранбоем); not -им, which ends too
# many Muslim given names (Ibrahim, Karim)
_ROMANIZED_INSTRUMENTAL_RE = re.compile(r"(?<=[^aeiouy])(?:om|em|ym)$|(?<=[aeiou])([yj]?)em$")
# A final -р after two consonants, which Russian writes with no vowel before it and English and
# German with an e (Александр, Aleksandr: Alexander; Днестр, Dnestr: Dniester)
_WESTERN_ER_RE = re.compile(r"(?<=[^aeiouy][bdgkpt])er$")


def word_stems(
    latin: str,
    turkic: bool,
    cyrillic: bool,
    armenian: bool = False,
    lower_case: bool = False,
    armenian_letters: bool = False,
    frequent: bool = False,
) -> list[str]:
    """The romanized word and its stems without the endings of its languages (README);
    `frequent`: the word in lower case is a frequent word."""
    out = [latin] + (_armenian_stems(latin) if armenian else [])
    if armenian_letters:
        m = _ARMENIAN_CASE_RE.search(latin)
        if m and m.start() >= MIN_LENGTH:
            out += [latin[: m.start()], *_armenian_stems(latin[: m.start()])]
    if _ARMENIAN_HR_RE.match(latin):
        out.append(latin[1:])  # Hrazdan, Раздан: no English or Turkic word begins so
    endings = _TURKIC_SUFFIX_RE if turkic else _X_SUFFIX_RE if "x" in latin else None
    if endings is not None:
        # every ending that fits, not the longest only: a plural may be part of the name
        # (Sxların: Sxlar, not Sx)
        for i in range(MIN_LENGTH, len(latin)):
            if endings.fullmatch(latin, i):
                out.append(latin[:i])
    m = _TURKIC_ACCUSATIVE_RE.search(latin) if endings is not None and not frequent else None
    if m and m.start() >= MIN_LENGTH:
        out.append(latin[: m.start()])
    if cyrillic:
        stem = _RUSSIAN_SUFFIX_RE.sub("", latin)
        if lower_case:  # лезгинов, лезгинам; a capital -ов is a surname (Мамедов)
            stem = _RUSSIAN_PLURAL_RE.sub("", stem)
        if len(stem) >= MIN_LENGTH - 1:
            out.append(stem)
            if stem.endswith("sk") and len(stem) >= MIN_LENGTH + 2:
                out.append(stem[:-2])
            if stem != latin and ARMENIAN_SURNAME_RE.search(stem):
                out += _armenian_stems(stem)  # Оганесяну, Оганесяном: Оганесян
    else:
        # Lachinsky, Lachinskiy, Lachinskaya: Lachin; with an Azerbaijani ending too
        # (Laxtinskijdə: Laxtin)
        for stem in list(out):
            m = _RUSSIAN_ADJECTIVE_RE.search(stem)
            if m and m.start() >= MIN_LENGTH - 1:
                out.append(stem[: m.start()])
        if not (turkic or armenian_letters):
            for pattern, reading in _YO_READINGS:
                dotless = pattern.sub(reading, latin, count=1)
                if dotless != latin:
                    out.append(dotless)
            if _PERSIAN_FINAL_EH_RE.search(latin):
                out.append(latin[:-1])  # Ganjeh, Bardeh: Ganja, Barda
            m = _ROMANIZED_INSTRUMENTAL_RE.search(latin)
            if m and m.start() >= MIN_LENGTH:
                # Gevorkyanom, Aliyevym: Gevorkyan, Aliyev; Geranboem: Geranboy
                out.append(latin[: m.start()] + ("" if m.group(1) is None else "y"))
            m = _WESTERN_ER_RE.search(latin)
            if m and m.start() >= MIN_LENGTH - 1:
                out.append(latin[: m.start()] + "r")
    return out


# How the languages of the archive name a people, and inflect it, after its stem: English -s,
# -ian, -ish (Lezgians, Kurdish), German -er, -en, -isch (Kurden, Tschetschenen), French -ien,
# -ienne, -ais, Russian -ец, -цы, -ин, -ины (чеченец, чеченцы, лезгин, лезгины) in any
# romanization, but -цев only in Cyrillic, as a case ending (чеченцев: bare_people), since a
# Latin -tsev is a surname's (Bulavintsev is not Bulaventsev), and Turkish -ler, -lar, with a
# case ending after it too, where no Turkish letter tells the word Turkic (Kazaklar, Lezgiler,
# Avarlardan; Turkic words lose their plural by the suffixes of word_stems). Two rounds
# at most (Lezgians: Lezgian, Lezg); a stem keeps three consonant classes at least for its
# skeletons, as fewer are shared by too many names (Chech of Chechen is not kept), and a
# shorter one only its mild key, and not after -in, which ends too many places (Lachin is
# not Lach).
_PEOPLE_ENDINGS = (
    r"(?:ts|tc|c|z)(?:y|i|ami|am|akh|ah)|e?ts|etc|ec|iennes?|iens?|ians?|iers?|ern?s?"
    rf"|ens?|ische[nrs]?|isch|ish|aises?|ais|ese|s|{_PLURAL}"
)
_PEOPLE_RE = re.compile(rf"(?:{_PEOPLE_ENDINGS}|in[aeiy]?s?)")
SHORT_PEOPLE_RE = re.compile(rf"(?:{_PEOPLE_ENDINGS})")
MIN_PEOPLE_STEM = 4
LONGEST_PEOPLE_ENDING = 7  # ische[nrs]
MIN_PEOPLE_CLASSES = 3


def people_stems(latin: str, endings: re.Pattern = _PEOPLE_RE) -> list[str]:
    """The word without one or two of the endings of a people's name (`endings`)."""
    out: list[str] = []
    todo = [latin]
    for _ in range(2):
        found = [
            stem[:i]
            for stem in todo
            for i in range(max(MIN_PEOPLE_STEM, len(stem) - LONGEST_PEOPLE_ENDING), len(stem))
            if endings.fullmatch(stem, i)
        ]
        todo = [s for s in dict.fromkeys(found) if s not in out]
        out += todo
    return out


# The Azerbaijani and Turkish plural of a people's name, with a case ending after it (Avarların,
# Avarlara, Avarlardan): a word with a letter of these alphabets loses it by word_stems'
# suffixes, but a short stem (Avar) has no skeleton, only its mild key, which it needs then
TURKIC_PEOPLE_RE = re.compile(_PLURAL)


# The plural and case endings of a Russian people's name (курды, курдов, чеченцы, чеченцев,
# лезгинам, ингушей) and its singular's -ец, -ин (чеченец, татарин)
RUSSIAN_PEOPLE_RE = re.compile(r"(?:ы|и|ов|ев|ей|ам|ям|ами|ями|ах|ях|ец|ин)$")


def bare_people(stems: list[str], endings: re.Pattern = _PEOPLE_RE) -> list[str]:
    """The people's-name stems of the stems a Russian word has without its case ending."""
    return [p for stem in stems for p in people_stems(stem, endings)]
