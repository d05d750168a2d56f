"""Long documents are shown a page at a time: the HTML of a page, and the work of
highlighting it, stay bounded whatever the size of the document."""

from __future__ import annotations

from dataclasses import dataclass

PAGE_CHARS = 60_000  # about twenty screens of text


@dataclass(frozen=True)
class TextPage:
    text: str
    number: int  # from 1
    count: int  # pages in the whole text
    start: int = 0  # where the page begins in the whole text


def text_page(text: str, number: int, size: int = PAGE_CHARS) -> TextPage:
    """Page `number` of `text` (clamped to the pages there are), cut at a paragraph break
    where one falls in the page's last fifth, else at a space, else anywhere."""
    starts = [0]
    while len(text) - starts[-1] > size:
        starts.append(_cut(text, starts[-1], size))
    number = min(max(number, 1), len(starts))
    end = starts[number] if number < len(starts) else len(text)
    return TextPage(text[starts[number - 1] : end], number, len(starts), starts[number - 1])


def _cut(text: str, start: int, size: int) -> int:
    end = start + size
    low = end - size // 5
    for separator in ("\n\n", "\n", " "):
        at = text.rfind(separator, low, end)
        if at > start:
            return at + len(separator)
    return end
