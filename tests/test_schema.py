"""The index's fast word positions must say exactly what the exact-key analyzer says."""

from __future__ import annotations

from collections import defaultdict

import pytest

from indexer.analysis import exact_analyzer
from indexer.index.schema import build_schema


@pytest.mark.parametrize(
    "text",
    [
        "Khojaly's İlham ALİYEV, Xocalı'da  KHOJALY khojaly; Ходжалы — 1992 Hocalı'da",
        "Nagorno-Karabakh / Qarabağ: Şuşa, Shusha, ŞUŞA. Əliyev & Məmmədov",
        "",
        "<script>alert(1)</script> 100% Ter-Petrosyan",
    ],
)
def test_word_positions_match_the_analyzer(text):
    expected = defaultdict(list)
    for token in exact_analyzer()(text, positions=True):
        expected[token.text].append(token.pos)
    fmt = build_schema()["title"].format
    got = {word: (freq, weight) for word, freq, weight, _ in fmt.word_values(text, None)}
    assert got == {w: (len(p), len(p) * fmt.field_boost) for w, p in expected.items()}
    for word, _, _, value in fmt.word_values(text, None):
        assert fmt.decode_positions(value) == expected[word]
