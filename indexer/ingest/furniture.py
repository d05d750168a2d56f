"""Separate an article from the page furniture a scraper left around it.

General rules, no list of known strings:
- the article ends with its last prose paragraph (a long run of words ending like a sentence,
  a news sign-off such as "— AA" allowed); everything after it (comment forms, "follow us",
  unrelated headlines, section names) is furniture;
- copyright/legal footer lines (©, ®, "all rights reserved") are furniture wherever they stand;
- lines before the article (title, subtitles, dates) are kept: they are headings of the piece.
Whitespace is tidied; the file on disk is never touched.
"""

from __future__ import annotations

import re

PROSE_MIN_WORDS = 12
SENTENCE_MIN_WORDS = 5  # a shorter closing line still counts if it ends with a full stop
# "— AA", "-0 -", "(AzerTAc)": a short trailing sign-off after the last sentence.
SIGN_OFF = re.compile(r"\s*(?:[-—–]+\s*[\w.]{0,6}\s*[-—–]*|\([\w .]{1,12}\))\s*$")
SENTENCE_END = re.compile(r"[.!?…\"”’'»)\]]$")
FULL_STOP = re.compile(r"[.…][\"”’'»)]?$")
LEGAL = re.compile(r"©|®|\(c\)\s*\d{4}|all rights reserved", re.IGNORECASE)
SPACES = re.compile(r"[ \t\u00a0]+")


def paragraphs(text: str) -> list[str]:
    """Non-empty lines, whitespace-tidied (the seeds put one paragraph per line)."""
    out = []
    for line in text.splitlines():
        # A line whose spaces are all single ones is as SPACES would leave it: most lines are,
        # and the substitution (a match at every space) was a third of the cleaning.
        if "  " in line or "\t" in line or "\u00a0" in line:
            line = SPACES.sub(" ", line)
        line = line.strip()
        if line:
            out.append(line)
    return out


def is_prose(line: str) -> bool:
    words = len(line.split())
    if words < SENTENCE_MIN_WORDS:
        return False
    line = SIGN_OFF.sub("", line)
    if words < PROSE_MIN_WORDS:
        return bool(FULL_STOP.search(line))
    return bool(SENTENCE_END.search(line))


def is_legal(line: str) -> bool:
    return bool(LEGAL.search(line))


def clean_paragraphs(text: str) -> list[str]:
    paras = paragraphs(text)
    # the last prose paragraph, looked for from the end: most articles end with one
    last_prose = next((i for i in range(len(paras) - 1, -1, -1) if is_prose(paras[i])), None)
    if last_prose is None:
        last_prose = len(paras) - 1
    return [p for p in paras[: last_prose + 1] if not is_legal(p)]


def clean_text(text: str) -> str:
    """The article alone, paragraphs separated by blank lines."""
    return "\n\n".join(clean_paragraphs(text))
