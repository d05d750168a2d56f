"""A document of several megabytes is shown a page at a time: the page stays small and quick
whatever the size of the document, and every part of the text can be reached."""

from __future__ import annotations

import random
import re
import time

import pytest

from indexer.index.build import build_index
from tests.conftest import write_jsonl
from webapp.paging import PAGE_CHARS, text_page

WORDS = ["memorial", "village", "winter", "refugees", "survivors", "testimony", "mountain"]


def long_text(megabytes: float) -> str:
    rng = random.Random(3)
    paragraphs, size = [], 0
    while size < megabytes * 1_000_000:
        paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 200))) + "."
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return (
        "Opening paragraph of the transcript.\n\n"
        + "\n\n".join(paragraphs)
        + ("\n\nClosing paragraph of the transcript.")
    )


@pytest.fixture(scope="module")
def long_client(tmp_path_factory):
    from webapp import create_app

    root = tmp_path_factory.mktemp("long")
    docs = [{"id": "transcript", "title": "Transcript", "text": long_text(3), "language": "en"}]
    build_index(root / "index", jsonl=write_jsonl(root / "long.jsonl", docs))
    return create_app({"TESTING": True, "INDEX": str(root / "index")}).test_client()


def test_a_long_document_page_is_one_bounded_page_with_a_clear_note(long_client):
    started = time.monotonic()
    response = long_client.get("/doc/transcript?q=memorial")
    assert time.monotonic() - started < 30  # finishes at all; the real figure is benchmarked
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert len(html) < 4 * PAGE_CHARS
    count = int(re.search(r"shown in (\d+) pages\. Page 1 of \1", html).group(1))
    assert count >= 3_000_000 // PAGE_CHARS
    assert "Opening paragraph" in html and "Closing paragraph" not in html
    assert "matches for <q>memorial</q> highlighted on this page" in html
    assert 'rel="next"' in html and 'rel="prev"' not in html


def test_the_last_page_of_a_long_document_holds_its_end(long_client):
    html = long_client.get("/doc/transcript?page=100000").get_data(as_text=True)
    assert "Closing paragraph of the transcript." in html
    assert 'rel="prev"' in html and 'rel="next"' not in html


@pytest.mark.parametrize("size", [1, 999, PAGE_CHARS, PAGE_CHARS + 1, 5 * PAGE_CHARS + 17])
def test_pages_put_the_whole_text_back_together(size):
    rng = random.Random(size)
    text = "".join(rng.choice("ab \n") for _ in range(size))
    first = text_page(text, 1)
    pages = [text_page(text, n) for n in range(1, first.count + 1)]
    assert "".join(p.text for p in pages) == text
    assert all(len(p.text) <= PAGE_CHARS for p in pages)
    assert text_page(text, 0) == first and text_page(text, first.count + 5) == pages[-1]
