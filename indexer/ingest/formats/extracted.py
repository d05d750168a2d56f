"""What a format reader hands back: text and metadata, each field with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field


class FormatError(ValueError):
    """A file that cannot be read at all; the message is the reason, meant for the user."""


@dataclass
class Extracted:
    """One document found in a file (a WARC file may hold many).

    `text` has one paragraph per line; `pages` are (index of the page's first paragraph,
    page label) for paged formats; `provenance` maps a field to where its value came from,
    e.g. {"published": 'PDF CreationDate "D:19920301"'}."""

    format: str  # "html", "pdf", "docx", "warc"
    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None
    captured: str | None = None  # when a web archive captured the page
    pages: tuple[tuple[int, str], ...] = ()
    provenance: dict[str, str] = field(default_factory=dict)
    key: str | None = None  # what tells documents of one file apart (a WARC target URI)
    warnings: list[str] = field(default_factory=list)  # read, but with something to say

    def set(self, name: str, value: str | None, source: str) -> None:
        """Set a field and record its source, unless the value is empty or already set."""
        if value is None or getattr(self, name) is not None:
            return
        value = " ".join(str(value).split())
        if value:
            setattr(self, name, value)
            self.provenance[name] = source
