"""A page's highlights: every whole word that is a spelling of a query word is marked, wherever
it stands and however it is cased, and nothing inside another word is."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.analysis import exact_key
from indexer.search.plan import And, Word
from indexer.search.snippets import Highlighter, Match

SPELLINGS = frozenset({"khojaly", "xocalı", "istanbul", "khojaly's"})
WORDS = [
    "Khojaly",
    "KHOJALY",
    "Xocalı",
    "xocalı",
    "İstanbul",
    "istanbul",
    "khojalyan",  # starts like a spelling, is another word
    "akhojaly",  # holds a spelling inside it
    "Khojaly's",
    "Xocalı’da",
    "kho",
    "12",
    "x_",
]
GAPS = [" ", ", ", "'", "’", "\n\n", "-", "_", "", "'s ", " '"]


def _is_letter(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _whole_words(text: str) -> list[tuple[int, int]]:
    """Every whole word, read a character at a time: letters, digits and underscores, joined by
    an apostrophe between letters (Khojaly's), not begun right after an apostrophe or letter."""
    low = text.replace("İ", "i").lower()
    out, i = [], 0
    while i < len(low):
        before = low[i - 1] if i else " "
        if not _is_letter(low[i]) or _is_letter(before) or before in "'’":
            i += 1
            continue
        j = i + 1
        while j < len(low) and (
            _is_letter(low[j]) or (low[j] in "'’" and j + 1 < len(low) and _is_letter(low[j + 1]))
        ):
            j += 1
        out.append((i, j))
        i = j
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(GAPS), st.sampled_from(WORDS)), max_size=12))
def test_every_spelling_that_stands_as_a_whole_word_is_marked(pieces):
    text = "".join(gap + word for gap, word in pieces)
    leaf = Word("Khojaly", terms=SPELLINGS)
    expected = [
        Match(start, end, leaf.label(), exact_key(text[start:end]) == leaf.exact)
        for start, end in _whole_words(text)
        if exact_key(text[start:end]) in SPELLINGS
    ]
    assert Highlighter(And((leaf,))).matches(text) == expected
