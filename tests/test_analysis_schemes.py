"""An ordinary Russian word, which gets no skeleton, still meets its romanizations in the
schemes iuliia implements, and never another Russian word through them."""

import iuliia
import pytest

from indexer.analysis import exact_key, variant_keys
from indexer.analysis.keys import index_keys
from indexer.analysis.schemes import scheme_keys

SCHEMES = {
    "bgn_pcgn": iuliia.BGN_PCGN,
    "ala_lc": iuliia.ALA_LC,
    "iso_9_1968": iuliia.ISO_9_1968,
    "gost_52535": iuliia.GOST_52535,
    "wikipedia": iuliia.WIKIPEDIA,
    "mvd_310_fr": iuliia.MVD_310_FR,
    "scientific": iuliia.SCIENTIFIC,
    "telegram": iuliia.TELEGRAM,
    "icao": iuliia.ICAO_DOC_9303,
    # and those the evaluation data leave out: a reader may meet any of them
    "bgn_pcgn_alt": iuliia.BGN_PCGN_ALT,
    "bs_2979": iuliia.BS_2979,
    "gost_16876": iuliia.GOST_16876,  # щ as ŝ
    "gost_16876_alt": iuliia.GOST_16876_ALT,  # й as jj
    "gost_52290": iuliia.GOST_52290,
    "gost_7034": iuliia.GOST_7034,
    "gost_779": iuliia.GOST_779,
    "gost_779_alt": iuliia.GOST_779_ALT,  # ц as cz, ы as y`
    "iso_9_1954": iuliia.ISO_9_1954,
    "iso_9_1968_alt": iuliia.ISO_9_1968_ALT,
    "mosmetro": iuliia.MOSMETRO,
    "mvd_310": iuliia.MVD_310,
    "mvd_782": iuliia.MVD_782,
    "ungegn_1987": iuliia.UNGEGN_1987,
    "yandex_maps": iuliia.YANDEX_MAPS,
}


def finds(query: str, document: str) -> bool:
    """A query for `query` finds a document that says `document` (as the spelling map does)."""
    return exact_key(query) == exact_key(document) or bool(
        set(variant_keys(query)) & set(index_keys(document))
    )


# ordinary words of place names (small, big, new, upper, red; the -ый/-ий endings, й, я, ю, ц,
# щ, ч), which no skeleton reaches
WORDS = ["Малый", "Новый", "Красный", "Цветочный", "Хлебный", "Чайный", "Грязный", "Юрий"]
WORDS.append("Знаменье")  # ье: ye, ʹe, e, ie


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("word", WORDS)
def test_a_russian_word_meets_its_romanization_in_every_scheme(word, scheme):
    latin = SCHEMES[scheme].translate(word)
    assert finds(word, latin) and finds(latin, word), latin


# и before a vowel inside a word, as ia, iya, ie, iye; not in ISO 9's alternative of 1968,
# which writes и as y throughout (Oryentyr), as English and Russian texts never do
@pytest.mark.parametrize("scheme", sorted(set(SCHEMES) - {"iso_9_1968_alt"}))
@pytest.mark.parametrize("word", ["Социалистический", "Ориентир", "Гариев"])
def test_a_russian_words_i_before_a_vowel_meets_it_in_every_scheme(word, scheme):
    latin = SCHEMES[scheme].translate(word)
    assert finds(word, latin) and finds(latin, word), latin


@pytest.mark.parametrize(
    "word, scheme",
    [("Щучье", "gost_779"), ("Щучье", "gost_16876"), ("Талыш", "gost_779_alt")],
)
def test_a_word_meets_the_schemes_with_marks_of_their_own(word, scheme):
    latin = SCHEMES[scheme].translate(word)  # Ŝučʹe, Taly`sh
    assert finds(word, latin) and finds(latin, word), latin


@pytest.mark.parametrize(
    "spellings",
    [
        ["Mec", "Metc", "Мец", "Մեծ"],  # ц: c, tc, ts (Armenian 'big' in village names)
        ["Posyolok", "Posjolok", "Poselok", "Posëlok", "Посёлок"],  # ё
        ["Rajon", "Raion", "район"],  # й between vowels
        ["Gejdar", "Geidar", "Geydar", "Gueidar", "Гейдар"],  # й before a consonant
        ["Ilkham", "Ilxam", "Ильхам"],  # х: kh, x
        ["Yuri", "Yury", "Jurij", "Yuriy", "Юрий"],  # -ий: i, y, ij, iy
    ],
)
def test_spellings_of_one_russian_letter_meet(spellings):
    for a in spellings:
        for b in spellings:
            assert finds(a, b), (a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("пенсии", "пенсий"),  # -ии and -ий have one key, but Cyrillic words keep their own
        ("лунный", "луны"),
        ("быть", "бить"),  # ы is not и
        ("xal", "hal"),  # Azerbaijani x is not h
        ("Малый", "Molyj"),  # every vowel stays
    ],
)
def test_the_scheme_key_keeps_words_apart(a, b):
    assert not finds(a, b) and not finds(b, a)


def test_an_english_word_gets_no_scheme_key():
    assert not [k for k in variant_keys("chair") if k.startswith("%")]  # not ч + air
    assert scheme_keys("malyy") == scheme_keys("maly") == scheme_keys("malyj")
