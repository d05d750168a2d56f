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
        guesses = detect_langs(text)
    except LangDetectException:
        return None
    lang = guesses[0].lang if guesses else None
    if lang == "tr" and AZ_ONLY.search(text) and TURKIC_LETTERS.search(text):
        return "az"
    return lang


def profile(paragraphs: list[str]) -> LanguageProfile:
    letters: Counter[str] = Counter()
    for para in paragraphs:
        lang = detect_paragraph(para)
        if lang:
            letters[lang] += len(LETTERS.findall(para))
    total = sum(letters.values())
    if not total:
        return LanguageProfile(None, [])
    ranked = [lang for lang, n in letters.most_common() if n / total >= MIN_SHARE]
    return LanguageProfile(ranked[0], ranked)
