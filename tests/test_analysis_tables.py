"""The reviewable data files: well formed, and each entry reaches its group."""

import pytest

from indexer.analysis import tokens, variant_keys
from indexer.analysis.romanize import ARMENIAN, CYRILLIC, romanize
from indexer.analysis.synonyms import NATIVE, group_key
from indexer.analysis.tables import rows

ENTRIES = [
    (filename, cells[0], name.strip())
    for filename in ("names.tsv", "words.tsv")
    for cells in rows(filename)
    for name in cells[1].split(",")
]


@pytest.mark.parametrize("filename, group, name", ENTRIES)
def test_every_listed_name_is_one_word_that_carries_its_group(filename, group, name):
    # X*: counts written as a name; X@: in its own script only
    word = name.partition(">")[0].removesuffix("*").removesuffix(NATIVE)
    assert [w for _, _, w in tokens(word)] == [word], "one word per entry"
    assert group_key(group) in variant_keys(word)


@pytest.mark.parametrize(
    "alphabet, table",
    [
        ("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", CYRILLIC),
        ("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ", ARMENIAN),
    ],
)
def test_every_letter_of_the_alphabet_has_a_romanization(alphabet, table):
    assert set(alphabet) <= set(table)


@pytest.mark.parametrize(
    "word, latin",
    [
        ("Ходжалы", "khodzhaly"),
        ("Խոջալու", "khojalu"),
        ("Երևան", "yerevan"),
        ("Ilʹkham", "ilkham"),
        ("Azéri", "azeri"),
        ("Şuşa", "shusha"),
        ("Azərbaycan", "azərbaycan"),
    ],
)
def test_romanization_writes_names_as_english_press_does(word, latin):
    assert romanize(word) == latin
