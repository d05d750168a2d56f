"""Whoosh tokenizer and filters. Module-level classes: analyzers are pickled into the schema."""

from __future__ import annotations

import re
from collections.abc import Iterator

from whoosh.analysis import Analyzer, Filter, Tokenizer
from whoosh.analysis.acore import Token

from .casing import lower

# A word: letters and digits with their combining marks (ALA-LC's tie in Akopi͡an), an inner
# apostrophe keeps a suffix on its word (Hocalı'da, Azerbaijan's); modifier letters are letters
# (Ilʹkham, Kʻočʻaryan, Petʼrosyan), and so is the opening quote that typeset texts print for
# ʻ (Xač‘atryan); a closing quote between letters is the hard sign some romanizations write
# for ъ (K”uval, Къувал), and so is a grave accent, GOST 7.79's mark for ы, э and ь
# (Taly`sh, E`jlyar); hyphens split (Ter-Petrosyan is two words).
_LETTERS = r"[\w\u0300-\u036f\u0483-\u0489\u0591-\u05bd]"
WORD_RE = re.compile(rf"\w{_LETTERS}*(?:['‘’”·`]{_LETTERS}+)*")
# French writes the article and some words elided before a name (l'OSCE, d'Azerbaïdjan,
# qu'Erevan): the elided word is no word of the text's and the name is the word, as a search
# for it expects; not before a small letter, where the apostrophe may be a romanized soft sign
# (D'okuuskaj, Дьокуускай), nor inside a word (x'l'Osce). Found from the apostrophe, which
# most texts have few of: a pattern tried at every letter would cost a third of the word scan.
_BEFORE_CAPITAL_RE = re.compile("['’](?=[A-ZÀ-ÖØ-ÞŒŞĞİƏ])")
_ELIDED = ("l", "L", "d", "D", "qu", "Qu")
_JOINED = "_'‘’”·`"  # what joins letters into a word besides letters and digits


def without_elisions(text: str) -> str:
    """`text` with each French elided word and its apostrophe blanked (l'OSCE: "  OSCE"):
    the same length, so a word's offsets hold in `text` too."""
    if "'" not in text and "’" not in text:
        return text
    spans = []
    for m in _BEFORE_CAPITAL_RE.finditer(text):
        at = m.start()
        for elided in _ELIDED:
            start = at - len(elided)
            if start >= 0 and text[start:at] == elided:
                before = text[start - 1] if start else " "
                if not (before.isalnum() or before in _JOINED):
                    spans.append((start, at + 1))
                break
    if not spans:
        return text
    pieces, at = [], 0
    for start, end in spans:
        pieces += [text[at:start], " " * (end - start)]
        at = end
    return "".join(pieces) + text[at:]


def words(text: str) -> list[str]:
    """Every word of `text`, as tokens gives them."""
    return WORD_RE.findall(without_elisions(text))


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for every word of `text`, offsets into `text` itself."""
    for m in WORD_RE.finditer(without_elisions(text)):
        yield m.start(), m.end(), text[m.start() : m.end()]


def exact_key(word: str) -> str:
    """The word lower-cased, one character per character (İ -> i, Turkic I -> ı)."""
    return lower(word)


class WordTokenizer(Tokenizer):
    """Splits on WORD_RE, keeping positions and character offsets."""

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kw,
    ):
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
    """Each word becomes its exact key."""

    def __call__(self, tokens_):
        for t in tokens_:
            t.text = exact_key(t.text)
            yield t


def exact_analyzer() -> Analyzer:
    return WordTokenizer() | ExactFilter()
