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
# Everything but letters: removing it leaves a text's letters as one string, in one C call (a
# list of one-letter strings per paragraph cost most of a profile).
NOT_LETTERS = re.compile(r"[\W\d_]+")
# The same for ASCII text, as bytes to delete: bytes.translate drops them four times faster
# than the substitution, and most paragraphs are plain ASCII.
ASCII_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
CYRILLIC = re.compile("[\u0400-\u04ff]")


@dataclass(frozen=True)
class LanguageProfile:
    primary: str | None
    languages: list[str]  # most letters first


def detect_paragraph(text: str) -> str | None:
    if len(_letters(text)) < MIN_LETTERS:
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


def _letters(text: str) -> str:
    if text.isascii():
        return text.encode("ascii").translate(None, ASCII_NOT_LETTERS).decode("ascii")
    return NOT_LETTERS.sub("", text)


def _by_shape(para: str, found: str, declared: str | None, first_ascii: list) -> str | None:
    """A paragraph's language, taken from its letters where they say enough:
    - plain ASCII in an English document (or like the document's first ASCII paragraph);
    - Cyrillic in a document declared Russian; Turkic letters in one declared Turkish or
      Azerbaijani (told apart by ə, x and q);
    anything else goes to langdetect."""
    if len(found) < MIN_LETTERS:
        return None
    share = _foreign_share(found)
    if share < FOREIGN_SHARE:
        if declared == "en":
            return "en"
        if declared is None:
            if not first_ascii:
                first_ascii.append(detect_paragraph(para))
            return first_ascii[0]
    elif declared == "ru" and _cyrillic_share(found) > 0.5:
        return "ru"
    elif declared in ("tr", "az") and TURKIC_LETTERS.search(para):
        return "az" if SCHWA.search(para) or AZ_ONLY.search(para) else "tr"
    return detect_paragraph(para)


def _cyrillic_share(letters: str) -> float:
    return len(CYRILLIC.findall(letters)) / max(1, len(letters))


def _foreign_share(letters: str) -> float:
    # counted by C code, not a Python step per letter: a build runs this on every paragraph
    return (len(letters) - len(letters.encode("ascii", "ignore"))) / max(1, len(letters))


def profile(paragraphs: list[str], declared: str | None = None) -> LanguageProfile:
    """Languages by share of letters; langdetect (slow) runs only where a cheaper sign fails."""
    letters: Counter[str] = Counter()
    first_ascii: list[
        str | None
    ] = []  # the language of the first plain-ASCII paragraph, once known
    for para in paragraphs:
        found = _letters(para)
        lang = _by_shape(para, found, declared, first_ascii)
        if lang:
            letters[lang] += len(found)
    total = sum(letters.values())
    if not total:
        return LanguageProfile(None, [])
    ranked = [lang for lang, n in letters.most_common() if n / total >= MIN_SHARE]
    return LanguageProfile(ranked[0], ranked)
