"""Organisations as a researcher types them: an acronym or a name in any of the archive's
languages finds the others (OSCE, ОБСЕ, ATƏT, Organization for Security and Co-operation in
Europe), while an acronym that is a word in lower case (UN, un; PACE, pace) never brings in
that word's documents."""

import pytest

from indexer.analysis.lookup import lookup
from indexer.analysis.name_forms import in_capitals
from indexer.analysis.russian_cases import is_case_form
from indexer.analysis.tables import rows
from indexer.search.parse import parse
from indexer.search.plan import Phrase, Word
from tests.conftest import engine_of, found_ids

DOCS = {
    "osce-en": "The OSCE Minsk Group co-chairs met in Vienna.",
    "osce-ru": "Сопредседатели Минской группы ОБСЕ прибыли в Баку.",
    "osce-full": "Организация по безопасности и сотрудничеству в Европе выступила с заявлением.",
    "csce": "The CSCE mission reached Aghdam in March 1992.",
    "un-ru": "Резолюция ООН по Карабаху.",
    "un-az": "BMT Təhlükəsizlik Şurası dörd qətnamə qəbul etdi.",
    "un-fr": "Les Nations unies ont adopté la résolution.",
    "un-en": "The UN adopted the resolution.",
    "french": "Un rapport sur la guerre.",
    "pace-ru": "ПАСЕ приняла резолюцию.",
    "pace-en": "PACE adopted resolution 1416.",
    "pace-word": "The talks moved at a slow pace.",
    "osce-fr": "Les coprésidents de l'OSCE sont arrivés.",
    "mfa-az": "Azərbaycan XİN-i bəyanat yaydı.",
    "mfa-en": "The Foreign Ministry of Armenia said so.",
    "ussr-ru": "После распада Советского Союза.",
    "ussr-en": "The Soviet Union collapsed in 1991.",
    "red-cross-ru": "Сотрудники Красного Креста вывезли раненых.",
    "coe-en": "The Council of Europe sent observers.",
}
OSCE = {"osce-en", "osce-ru", "osce-full", "csce", "osce-fr"}
UN = {"un-ru", "un-az", "un-fr"}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_of(tmp_path_factory.mktemp("organisations"), DOCS)


@pytest.mark.parametrize(
    "q, expected",
    [
        ("OSCE", OSCE),
        ("ОБСЕ", OSCE),
        ("ATƏT", OSCE),
        ("AGİT'in", OSCE),  # Turkish: a case ending after an apostrophe
        ("ATƏT-in", OSCE),  # Azerbaijani: after a hyphen
        ("ԵԱՀԿ-ի", OSCE),  # Armenian too
        ("Organization for Security and Co-operation in Europe", OSCE),
        ("Minsk Group", {"osce-en", "osce-ru"}),
        ("groupe de Minsk", {"osce-en", "osce-ru"}),
        ("ООН", UN),
        ("BMT-nin", UN),
        ("United Nations", UN),
        ("Vereinte Nationen", UN),
        ("UN", UN | {"un-en"}),
        ("PACE", {"pace-en", "pace-ru"}),
        # Russian puts a case ending in small letters after an acronym
        ("МИДа", {"mfa-az", "mfa-en"}),
        # Russian declines the head of a name of several words
        ("USSR", {"ussr-ru", "ussr-en"}),
        ("Советский Союз", {"ussr-ru", "ussr-en"}),
        ("Советского Союза", {"ussr-ru", "ussr-en"}),
        ("Red Cross", {"red-cross-ru"}),
        # Azerbaijani and Turkish put a case ending on a name's last word
        ("Avropa Şurasının", {"coe-en"}),
        ("Avrupa Konseyi'nin", {"coe-en"}),
        ("L'OSCE", OSCE),
        ("AŞPA", {"pace-ru"}),
    ],
)
def test_an_organisation_is_found_by_its_acronym_or_name_in_any_language(engine, q, expected):
    assert expected <= found_ids(engine, q)


@pytest.mark.parametrize(
    "q, not_expected",
    [
        # in lower case an acronym is the word it spells
        ("un", UN),
        ("pace", {"pace-ru"}),
        # and that word's documents are no organisation's: the index holds un and UN as one
        # word, so the other names do not find the acronym written in the text
        ("ООН", {"french"}),
        ("United Nations", {"french"}),
        ("AŞPA", {"pace-word"}),
        ("ПАСЕ", {"pace-word"}),
    ],
)
def test_an_acronym_that_is_a_word_in_lower_case_brings_in_no_such_word(engine, q, not_expected):
    assert not found_ids(engine, q) & not_expected


def _acronyms() -> list[tuple[str, str]]:
    """(acronym, group) of organisations.tsv, unless the table lists the word in lower case
    too (АзерТАдж, Азертадж)."""
    out = []
    for cells in rows("organisations.tsv"):
        names = [n.strip() for n in cells[1].split(",")]
        lower_case = {n.lower() for n in names if not in_capitals(n)}
        out += [
            (n, cells[0])
            for n in names
            if in_capitals(n) and n.isalpha() and n.lower() not in lower_case
        ]
    return out


@pytest.mark.parametrize("acronym, group", _acronyms())
def test_every_acronym_of_the_table_counts_in_capitals_only(acronym, group):
    assert group in lookup(acronym).groups
    low = lookup(acronym.lower())
    assert low is None or group not in low.groups


@pytest.mark.parametrize(
    "q, words",
    [
        ("NATO-nun", ("NATO",)),
        ("BMT-nin", ("BMT",)),
        ("ԵԱՀԿ-ի", ("ԵԱՀԿ",)),
        # not an ending, or no acronym: two words side by side
        ("NATO-Russia", ("NATO", "Russia")),
        ("Tovuz-da", ("Tovuz", "da")),
    ],
)
def test_a_case_ending_after_an_acronyms_hyphen_is_no_word_of_its_own(q, words):
    (leaf,) = parse(q).children
    leaf = leaf.children[0] if not isinstance(leaf, Word | Phrase) else leaf
    typed = (leaf,) if isinstance(leaf, Word) else leaf.words
    assert tuple(w.text for w in typed) == words


@pytest.mark.parametrize(
    "word, name_word, expected",
    [
        ("Советского", "Советский", True),
        ("Союзом", "Союз", True),
        ("минскую", "Минская", True),
        ("краснейшего", "Красный", False),  # a superlative is another word
        ("Минского", "Минская", False),  # another gender
        ("Союзы", "Союз", False),  # another number
        ("объединённые", "Объединённых", False),  # a word not in the nominative keeps its case
        ("Organizations", "Organization", False),
    ],
)
def test_a_russian_word_of_a_name_meets_its_own_case_forms_only(word, name_word, expected):
    assert is_case_form(word, name_word) is expected


@pytest.mark.parametrize(
    "word",
    # a headline's words in capitals, as other scripts or letters would fold them to an
    # acronym: ЕС, МИД, DİN, AGİT, TASS, PACE, СССР
    ["YES", "MID", "DIN", "AGITÉ", "TASSE", "PACES", "УССР", "OBSÉDÉ"],
)
def test_a_word_in_capitals_is_an_acronym_only_letter_for_letter(word):
    entry = lookup(word)
    assert entry is None or not {c[0] for c in rows("organisations.tsv")} & set(entry.groups)
