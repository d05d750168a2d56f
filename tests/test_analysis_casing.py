"""Casing keeps one character per character, so highlights land on the right letters."""

import pytest

from indexer.analysis import exact_analyzer, exact_key, tokens
from indexer.analysis.casing import capitalized, lower


@pytest.mark.parametrize(
    "word, key",
    [
        ("İlham", "ilham"),  # Python: 'İ'.lower() is 'i' + combining dot (2 characters)
        ("QARABAĞIN", "qarabağın"),  # a Turkic word: I is the dotless ı
        ("XOCALI", "xocali"),  # no Turkic letter to tell: English reading
        ("Khojaly", "khojaly"),
        ("ИЛЬХАМ", "ильхам"),
        ("ƏLİYEV", "əliyev"),
        # the letters typed for ə are ə: the turned e, and a Cyrillic ә in a Latin word
        ("KǝNGǝRLI", "kəngərlı"),
        ("ƎLİYEV", "əliyev"),
        ("Әliyev", "əliyev"),
        ("Әлијев", "әлијев"),  # a Cyrillic word keeps its own ә
    ],
)
def test_exact_key_lowers_letter_for_letter(word, key):
    assert exact_key(word) == key
    assert len(exact_key(word)) == len(word)


TEXT = "İLHAM Əliyev visited Xocalı. Hocalı'da anma; Ильхам Алиев, Ter-Petrosyan's note."


def test_token_offsets_point_into_the_original_text():
    for start, end, word in tokens(TEXT):
        assert TEXT[start:end] == word
    words = [w for _, _, w in tokens(TEXT)]
    assert "Hocalı'da" in words and "Petrosyan's" in words and "Ter" in words


def test_the_analyzer_keeps_positions_and_offsets_of_each_word():
    expected = list(tokens(TEXT))
    seen = {}
    for t in exact_analyzer()(TEXT, positions=True, chars=True):
        seen.setdefault(t.pos, (t.startchar, t.endchar))
        assert seen[t.pos] == (t.startchar, t.endchar)
    assert [seen[p] for p in sorted(seen)] == [(s, e) for s, e, _ in expected]


def test_the_analyzer_survives_pickling():
    import pickle

    again = pickle.loads(pickle.dumps(exact_analyzer()))
    assert [t.text for t in again("Xocalı")] == [t.text for t in exact_analyzer()("Xocalı")]


@pytest.mark.parametrize(
    "text, words",
    [
        # French elides an article or a word before a name: the name is the word
        ("l'Azerbaïdjan et l’Arménie", ["Azerbaïdjan", "et", "Arménie"]),
        ("L'OSCE d'Agdam", ["OSCE", "Agdam"]),
        ("Qu'Erevan", ["Erevan"]),
        ("Côte d'Ivoire", ["Côte", "Ivoire"]),
        # before a small letter the apostrophe may be a soft sign (Дьокуускай), and other
        # apostrophes keep their word whole
        ("D'okuuskaj", ["D'okuuskaj"]),
        ("l'homme", ["l'homme"]),
        ("O'Brien", ["O'Brien"]),
        ("T'ovuz", ["T'ovuz"]),
        ("Hocalı'da", ["Hocalı'da"]),
    ],
)
def test_a_french_elided_word_before_a_name_is_no_part_of_it(text, words):
    assert [w for _, _, w in tokens(text)] == words


@pytest.mark.parametrize(
    "word, capital",
    [("içəri", "İçəri"), ("ıgdır", "Igdır"), ("əli", "Əli"), ("india", "India"), ("", "")],
)
def test_a_word_is_capitalized_as_its_alphabet_writes_a_capital(word, capital):
    # Azerbaijani and Turkish write the capital of i as İ and of ı as I; lower() reads the
    # capital back to the same word
    assert capitalized(word) == capital
    assert lower(capitalized(word)) == word
