"""Readers for the file formats of a corpus folder beside .txt: one module per format.

Each reader takes a binary file object and the file's display name and returns the
documents it holds (`Extracted`), or raises `FormatError` with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from indexer.ingest.formats import docx, html, pdf, warc
from indexer.ingest.formats.extracted import Extracted, FormatError

READERS: dict[str, Callable] = {
    ".html": html.read,
    ".htm": html.read,
    ".pdf": pdf.read,
    ".docx": docx.read,
    ".warc": warc.read,
    ".warc.gz": warc.read,
}

__all__ = ["READERS", "Extracted", "FormatError", "suffix_of"]


def suffix_of(path: Path) -> str | None:
    """The format suffix of `path` that a reader handles (".warc.gz" counts as one), or None."""
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return None
