"""Text analysis: how document and query text become index terms.

Every word has two views:
- its *exact key*: the word as written, lower-cased without shifting character offsets;
- its *variant keys*: spelling-independent keys, so that Khojaly, Xocalı and Ходжалы meet.

The `body`/`title` fields are indexed with exact keys, `body_v`/`title_v` with variant keys, at
the same token positions, so phrases work in both and highlights land on the original text.
The search core only uses the functions below.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from unidecode import unidecode
from whoosh.analysis import Analyzer, Filter, Tokenizer
from whoosh.analysis.acore import Token

# A word: letters/digits, joined by inner apostrophes or hyphens are split (Ter-Petrosyan = 2 words).
WORD_RE = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for every word of `text`, offsets into `text` itself."""
    for m in WORD_RE.finditer(text):
        yield m.start(), m.end(), m.group()


@lru_cache(maxsize=200_000)
def exact_key(word: str) -> str:
    return unicodedata.normalize("NFC", word).lower()


@lru_cache(maxsize=200_000)
def variant_keys(word: str) -> tuple[str, ...]:
    return (unidecode(exact_key(word)).lower(),)


class WordTokenizer(Tokenizer):
    """Splits on WORD_RE, keeping positions and character offsets."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kw):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kw)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        for pos, (start, end, word) in enumerate(tokens(value), start_pos):
            t.text = word
            t.boost = 1.0
            if keeporiginal:
                t.original = word
            t.stopped = False
            if positions:
                t.pos = pos
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            yield t


class ExactFilter(Filter):
    def __call__(self, tokens_):
        for t in tokens_:
            t.text = exact_key(t.text)
            yield t


class VariantFilter(Filter):
    """Replaces each word by its variant keys, all at the word's position."""

    def __call__(self, tokens_):
        for t in tokens_:
            keys = variant_keys(t.text)
            for key in keys:
                t.text = key
                yield t


def exact_analyzer() -> Analyzer:
    return WordTokenizer() | ExactFilter()


def variant_analyzer() -> Analyzer:
    return WordTokenizer() | VariantFilter()
