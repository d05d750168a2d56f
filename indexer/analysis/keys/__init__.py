"""A word's variant keys, most precise first. Two words are spellings of each other when they
share a key; the index build records which indexed words have each key
(indexer.index.spellings), and a query word is expanded to them.

1. The light key (romanize.py): script and diacritics folded the way English press writes
   them. Every word has it, and it comes first: prefix and phrase queries use it. An ordinary
   word of another script keeps its letters when its romanization is an English word (он is
   not "on", год not "god"). A Cyrillic query word meets another Cyrillic word by it only when
   the two are one word but for ё and stress marks (все, всё; meets_by_light_key): the
   romanization folds letters Russian tells apart (угол, уголь; летний, летный).
   An Azerbaijani or Turkish word also has its bare spelling (`!...`, bare.py), the light
   key of its letters without their marks (Şəmkir: semkir), which only a query of plain
   Latin letters asks for; a Turkic query asks for it as that plain word's light key.
2. Group keys (`=group`, synonym_table.py) for names no rule derives: the GeoNames gazetteer,
   exonyms, ethnonyms, the countries' names in each language and translations.
3. For names and foreign words only, a mild key (`^...`: ə and ı read as e and i, Şəki meets
   Sheki; German and French press letters as English writes them, Juri and Iouri meet Yuri and
   Юрий; a Turkic c and a lone j also as English j: Yaycı, Yayji, Yaydzhi; two Cyrillic words
   one ы for an и apart do not meet by it: кони, коны, meets_by_mild_key; nor, by it or by a
   skeleton, two words in Azerbaijani letters one ə for an e apart: əllər, ellər) and skeleton
   keys (`#...`, skeleton.py; a Latin word with Dutch or German digraphs also has those of its
   spelling without them: Sjoesja, Oezdemir; one with ISO 9's dja or djo, for д and я or ё, or
   Telegram's sc before a, o or u, for щ, has those of that reading for Cyrillic words only:
   Hudjaev, Худяев; Mascuk, Мащук, but for every word in a German press form, one with w or sch:
   Djakow, Dyakov; no dj so in a listed name whose names in the tables write дж and no дя:
   Khodjaly, Ходжалы, no Ходялы): not for ordinary English, Russian or Turkish words
   (lexicon.py; a word with the marks of a Russian or Armenian romanization, Ti͡ara, Chʻinar, is
   no English word, nor is a word in Cyrillic or Armenian letters that romanizes to one, Չինար),
   not for short words (xal/hal, Khan/Han), not for Russian verbs (the ы/и of
   пытаться/питаться), not for the curated ordinary words (Azeri/Azari). Armenian surnames also
   get the stem Russian writes for them (Hakobyan -> akobyan, as in Акопян), but two in Armenian
   letters one voicing or aspiration apart do not meet by a skeleton (Բաբայան, Պապայան;
   meets_by_skeleton), and a people's name the stem left without its endings (Lezgins, Лезгины,
   Lezgian: lezg). A word whose skeleton is a listed name's also joins the name's group, but
   only when it is spelt close to that name (Hojaly, Hojali: Ivanyan; German's dsch read as
   j: Chodschawend, Martuni), not when only the
   skeleton is shared (Chuchele, güzel), and only when it has the name's vowels, a apart from e
   unless an ə stands behind them (Agdem is not Ağdam): a shared skeleton is weak evidence, and
   a group brings every document of every name of a place. A people's plural of another language
   joins the group of a people of data/peoples.tsv by its stem, when that stem is spelt nearly
   as the people's name (Kumyken: Kumyk; Komiker is not). The own name of a place that another
   place has with an a for its e (data/places_vowels.tsv: Zafreh, Zefreh), and that other name,
   keep a and e apart in their skeletons, as the names of Armenia's, Russia's and Turkey's
   places do (such a name records its skeleton under `#=`, which other words ask for only as
   they write it, and the folded skeleton of a word with an e is recorded under `#*`: Cheny
   meets no Chany), and no e of it reads as i or o after a palatal (Cherum is not Çorum). The
   names of two places that differ only in o and u (Korkino, Kurkino: places_o_and_u.tsv)
   have skeletons with o and u apart only, and a word whose skeleton with o and u one class is
   such a name's has both (Korkyno and Коркино meet Korkino, not Kurkino). A
   Cyrillic word records its skeletons for Latin and Armenian words only (`#&`), and meets
   another Cyrillic word only by a skeleton written with its own ы, и, ё, ж, ш, щ and ч, and the
   ы or и its ending begins with, if any (сбытом is not сбитом, Быков not Биков, Сёмин not
   Сомин, Жаров not Шаров, вопросы
   not вопроси, черным not черним, but Каябашы, not spelt as Russian spells, meets Кайабаши;
   лезгин meets лезгины; a ё after ж, ч, ш, щ is left out, as spelling has written о there:
   Хрущёв, Хрущов, but an у there is kept: щуки is not щёки; a short word's only vowel is kept
   though it looks like an ending: чих is not чех), or for a frequent Russian word, whose only
   skeletons are those of its stem as a people's name (курды, курдов: Kurds), by one written
   with that whole stem (привезти is not привести), and none when it ends in an и that a
   people's plural would write ы (почти is not почты).
4. The scheme key (`%`, schemes.py) of a Russian word, and of a Latin or Armenian word that is
   no English or Turkish word: Малый meets Maly, Malyj, Malyi; a Cyrillic word is recorded
   under it with `&` (index_keys), which only Latin and Armenian words ask for, so it never
   joins two Cyrillic words.
The prefixes keep the kinds of key apart, so a skeleton never equals a real word and a
query word's light key never matches another word's skeleton.
"""

from __future__ import annotations

from .marks import ARMENIAN_RE, MILD, SKELETON, SWAP
from .meets import meets_by_light_key, meets_by_mild_key, meets_by_skeleton, skeleton_checked
from .name_reading import as_written, consonant_count
from .names import name_keys, vowel_exact_skeletons
from .queries import keys_as_recorded, keys_without_skeletons, variant_keys
from .recorded import index_keys
from .words import light_key, load_tables

__all__ = [
    "ARMENIAN_RE",
    "MILD",
    "SKELETON",
    "SWAP",
    "as_written",
    "consonant_count",
    "index_keys",
    "keys_as_recorded",
    "keys_without_skeletons",
    "light_key",
    "load_tables",
    "meets_by_light_key",
    "meets_by_mild_key",
    "meets_by_skeleton",
    "skeleton_checked",
    "name_keys",
    "variant_keys",
    "vowel_exact_skeletons",
]
