"""The reviewable data files: well formed, and each entry reaches its group."""

import pytest

from indexer.analysis import tokens, variant_keys
from indexer.analysis.name_forms import NATIVE, group_key, lookup_form
from indexer.analysis.romanize import ARMENIAN, CYRILLIC, romanize
from indexer.analysis.synonym_table import table
from indexer.analysis.tables import rows

ENTRIES = [
    (filename, cells[0], name.strip())
    for filename in ("names.tsv", "given_names.tsv", "words.tsv")
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


NATIVE_ENTRIES = [
    (cells[0], name.strip().removesuffix(NATIVE))
    for cells in rows("places.tsv")
    for name in cells[1].split(",")
    if name.strip().endswith(NATIVE)
]


def test_the_gazetteer_has_names_kept_in_their_own_script():
    assert len(NATIVE_ENTRIES) > 100  # Горан@, Արթիկ@, Мулки@ ...


@pytest.mark.parametrize("group, name", NATIVE_ENTRIES)
def test_a_name_kept_in_its_own_script_is_looked_up_only_in_that_script(group, name):
    assert group_key(group) in variant_keys(name)
    # its letters romanized name the place only as a spelling or an inflection of its other
    # names (Harich of Haric), never as this name
    listed = table().index.get(lookup_form(name))
    assert listed is None or group not in listed.groups
