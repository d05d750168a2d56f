"""A page's highlights: every whole word that is a spelling of a query word is marked, wherever
it stands and however it is cased, and nothing inside another word is."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.analysis import exact_key
from indexer.search import snippets
from indexer.search.plan import And, Prefix, Word
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
    "l",  # before an apostrophe and a capital, French elides it: l'Xocalı is Xocalı
    "qu",
]
GAPS = [" ", ", ", "'", "’", "\n\n", "-", "_", "", "'s ", " '"]


def _is_letter(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _elided(text: str, i: int) -> int:
    """The length of a French elided word and its apostrophe at `i` (l', qu' before a
    capital) that begins a word, 0 if none."""
    before = text[i - 1] if i else " "
    if _is_letter(before) or before in "'’":
        return 0
    for word in ("l", "qu"):
        n = len(word)
        if text[i : i + n].lower() == word and text[i + n : i + n + 1] in ("'", "’"):
            return n + 1 if text[i + n + 1 : i + n + 2].isupper() else 0
    return 0


def _whole_words(text: str) -> list[tuple[int, int]]:
    """Every whole word, read a character at a time: letters, digits and underscores, joined by
    an apostrophe between letters (Khojaly's), not begun right after an apostrophe or letter
    but after a French elided word (l'Xocalı), which is no word itself."""
    low = text.replace("İ", "i").lower()
    out, i = [], 0
    while i < len(low):
        before = low[i - 1] if i else " "
        after_elision = any(_elided(text, i - k) == k for k in (2, 3) if i >= k)
        if not _is_letter(low[i]) or _is_letter(before) or (before in "'’" and not after_elision):
            i += 1
            continue
        if _elided(text, i):
            i += _elided(text, i)
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
@given(
    st.lists(st.tuples(st.sampled_from(GAPS), st.sampled_from(WORDS)), max_size=12),
    # spellings that begin alike, begin inside each other or are one another's start
    st.sets(st.sampled_from(sorted({exact_key(w) for w in WORDS} | SPELLINGS)), min_size=1)
    | st.just(SPELLINGS),
)
def test_every_spelling_that_stands_as_a_whole_word_is_marked(pieces, spellings):
    text = "".join(gap + word for gap, word in pieces)
    leaf = Word("Khojaly", terms=frozenset(spellings))
    expected = [
        Match(start, end, leaf.label(), exact_key(text[start:end]) == leaf.exact)
        for start, end in _whole_words(text)
        if exact_key(text[start:end]) in spellings
    ]
    highlighter = Highlighter(And((leaf,)))
    assert highlighter.matches(text) == expected
    # a name of many spellings has its candidates found by one regular expression instead
    with patch.object(snippets, "FIND_MAX_STARTS", 0):
        assert highlighter.matches(text) == expected


# words of two letters, so that what a candidate begins with recurs inside words and inside
# itself (aaa in aaaa), and a prefix's start is also a word's
_TINY = st.text(alphabet="ab", min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from([" ", "'", "_", "-", ""]), _TINY), max_size=10),
    st.sets(_TINY, min_size=1, max_size=4),
    st.text(alphabet="ab", min_size=2, max_size=3),
    st.sets(_TINY, max_size=4),
)
def test_words_and_a_prefix_are_marked_wherever_their_beginnings_overlap(
    pieces, spellings, stem, completions
):
    text = "".join(gap + word for gap, word in pieces)
    word = Word("x", terms=frozenset(spellings))
    prefix = Prefix(stem, terms=frozenset(completions))
    expected = []
    for start, end in _whole_words(text):
        key = exact_key(text[start:end])
        if key in spellings:
            expected.append(Match(start, end, word.label(), key == word.exact))
        if key in completions:
            expected.append(Match(start, end, prefix.label(), key.startswith(prefix.exact)))
    highlighter = Highlighter(And((word, prefix)))
    assert highlighter.matches(text) == expected
    # a long text is scanned a window at a time: a word across two windows is still one
    with patch.object(snippets, "CANDIDATE_WINDOW", 3):
        assert highlighter.matches(text) == expected
    with patch.object(snippets, "FIND_MAX_STARTS", 0):
        assert highlighter.matches(text) == expected
