"""Language of a document and of each of its paragraphs.

langdetect has no Azerbaijani profile and calls Azerbaijani text Turkish; Azerbaijani is told
apart by its own letters: ə, and x or q, which Turkish does not use.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from langdetect import DetectorFactory, LangDetectException, detect_langs

DetectorFactory.seed = (
    0  # langdetect is random by default; seeded, the same text gets the same answer
)

MIN_LETTERS = 20  # shorter paragraphs carry too little signal to label
MIN_SHARE = 0.1  # a language must cover this share of the letters to be listed
SAMPLE_CHARS = 400  # langdetect is as sure after a few hundred characters and costs per character
FOREIGN_SHARE = 0.05  # a paragraph with fewer non-ASCII letters reads like its document
SCHWA = re.compile(r"[əƏ]")
AZ_ONLY = re.compile(r"[xqXQ]")
TURKIC_LETTERS = re.compile(r"[ğĞışŞçÇöÖüÜİ]")
LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class LanguageProfile:
    primary: str | None
    languages: list[str]  # most letters first


def detect_paragraph(text: str) -> str | None:
    if len(LETTERS.findall(text)) < MIN_LETTERS:
        return None
    if SCHWA.search(text):
        return "az"
    try:
        guesses = detect_langs(_sample(text))
    except LangDetectException:
        return None
    lang = guesses[0].lang if guesses else None
    if lang == "tr" and AZ_ONLY.search(text) and TURKIC_LETTERS.search(text):
        return "az"
    return lang


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    cut = text.rfind(" ", 0, SAMPLE_CHARS)
    return text[: cut if cut > 0 else SAMPLE_CHARS]


def _foreign_share(letters: list[str]) -> float:
    return sum(1 for ch in letters if not ch.isascii()) / max(1, len(letters))


def profile(paragraphs: list[str]) -> LanguageProfile:
    """Languages by share of letters. langdetect is slow, so a plain-ASCII paragraph is
    taken to be in the language of the document's first ASCII paragraph, and only paragraphs
    with a real share of other letters (Cyrillic, ə, ş, ğ…) are detected on their own."""
    letters: Counter[str] = Counter()
    ascii_lang: str | None = None
    for para in paragraphs:
        found = LETTERS.findall(para)
        if _foreign_share(found) < FOREIGN_SHARE and len(found) >= MIN_LETTERS:
            if ascii_lang is None:
                ascii_lang = detect_paragraph(para)
            lang = ascii_lang
        else:
            lang = detect_paragraph(para)
        if lang:
            letters[lang] += len(found)
    total = sum(letters.values())
    if not total:
        return LanguageProfile(None, [])
    ranked = [lang for lang, n in letters.most_common() if n / total >= MIN_SHARE]
    return LanguageProfile(ranked[0], ranked)
