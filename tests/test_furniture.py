"""Page furniture stays out of the indexed text and the snippets; the files stay untouched."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.ingest.furniture import (
    SPACES,
    clean_paragraphs,
    clean_text,
    is_legal,
    is_prose,
    paragraphs,
)
from tests.conftest import SEED_CORPUS

# (seed, a line of furniture, the article's own last words)
CASES = [
    ("000_a328629233d40734", "Please enter your comment!", "should be brought to justice"),
    ("000_a328629233d40734", "Please enter your name here", "he asserted. — AA"),
    ("001_c789e00b426436a5", "Search in archive", "the Foreign Ministry said."),
    ("002_e5a54278f5ce035e", "Copyright EMBASSY", "good relations with the neighbors."),
    ("003_157ca68bc35a757b", "Leave a review", "Committee of the Parliament of Pakistan."),
    ("003_157ca68bc35a757b", "Follow us on social networks", "Parliament of Pakistan"),
    ("003_157ca68bc35a757b", "News Line", "the genocide Khojaly."),
    ("003_157ca68bc35a757b", "Prezidentinin", "Parliament of Pakistan"),  # unrelated headline
    ("004_f0194c78374355c2", "Khojaly genocide is one of", "civilized world and humanity."),
]


@pytest.mark.parametrize(("seed", "furniture", "content"), CASES)
def test_furniture_is_removed_and_the_article_kept(seed, furniture, content):
    raw = (SEED_CORPUS / f"{seed}.txt").read_text("utf-8")
    clean = clean_text(raw)
    assert content in clean
    if seed.startswith("004"):  # no furniture at all: the first line is the article's own
        assert furniture in clean
    else:
        assert furniture in raw and furniture not in clean


@pytest.mark.parametrize("seed", sorted(p.stem for p in SEED_CORPUS.glob("*.txt")))
def test_headings_and_first_paragraph_are_kept(seed):
    raw = (SEED_CORPUS / f"{seed}.txt").read_text("utf-8")
    first_line = raw.strip().splitlines()[0].strip()
    assert clean_text(raw).startswith(first_line)


def test_snippets_never_show_furniture(seed_engine):
    from indexer.results import SearchRequest

    for q in ("comment", "review", "archive", "networks", "Copyright", "Prezidentinin"):
        result = seed_engine.search(SearchRequest(q=q))
        assert result.total == 0, (q, [h.id for h in result.hits])


# Lines of words, sentence ends, sign-offs, legal marks and every kind of space the cleaning
# tidies, so that the shortcuts it takes meet the cases they skip.
_PIECES = ["word", "Khojaly", "said.", "end!", "— AA", "(AzerTAc)", "©", "2024", " ", "  "]
_LINES = st.lists(st.sampled_from([*_PIECES, "\t", "\u00a0", "\u2003", "-", "."]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES.map("".join), max_size=12))
def test_cleaning_keeps_what_the_plain_rules_keep(lines):
    """The article ends with its last prose paragraph and every space run is one space, as
    the rules say when applied one paragraph at a time, without the shortcuts."""
    text = "\n".join(lines)
    plain = [line for line in (SPACES.sub(" ", ln).strip() for ln in text.splitlines()) if line]
    assert paragraphs(text) == plain
    last = max((i for i, p in enumerate(plain) if is_prose(p)), default=len(plain) - 1)
    assert clean_paragraphs(text) == [p for p in plain[: last + 1] if not is_legal(p)]
