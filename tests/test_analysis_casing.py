"""Casing keeps one character per character, so highlights land on the right letters."""

import pytest

from indexer.analysis import exact_analyzer, exact_key, tokens, variant_analyzer


@pytest.mark.parametrize(
    "word, key",
    [
        ("İlham", "ilham"),  # Python: 'İ'.lower() is 'i' + combining dot (2 characters)
        ("QARABAĞIN", "qarabağın"),  # a Turkic word: I is the dotless ı
        ("XOCALI", "xocali"),  # no Turkic letter to tell: English reading
        ("Khojaly", "khojaly"),
        ("ИЛЬХАМ", "ильхам"),
        ("ƏLİYEV", "əliyev"),
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


@pytest.mark.parametrize("make", [exact_analyzer, variant_analyzer])
def test_analyzers_keep_positions_and_offsets_of_each_word(make):
    expected = list(tokens(TEXT))
    seen = {}
    for t in make()(TEXT, positions=True, chars=True):
        seen.setdefault(t.pos, (t.startchar, t.endchar))
        # several variant keys of one word share its position and offsets
        assert seen[t.pos] == (t.startchar, t.endchar)
    assert [seen[p] for p in sorted(seen)] == [(s, e) for s, e, _ in expected]


def test_variant_keys_of_one_word_share_its_position():
    toks = [(t.pos, t.text) for t in variant_analyzer()("in Khojaly today", positions=True)]
    assert [p for p, _ in toks] == [0] + [1] * (len(toks) - 2) + [2]
    assert len(toks) > 3


def test_analyzers_survive_pickling():
    import pickle

    for make in (exact_analyzer, variant_analyzer):
        again = pickle.loads(pickle.dumps(make()))
        assert [t.text for t in again("Xocalı")] == [t.text for t in make()("Xocalı")]
