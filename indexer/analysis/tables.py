"""Reading the reviewable data files under `data/` (tab-separated, `#` starts a comment)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from importlib import resources


def rows(name: str) -> Iterator[list[str]]:
    """Non-comment, non-blank lines of data/`name`, split on tabs (trailing empty cells kept)."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield line.split("\t")


def char_map(name: str) -> dict[str, str]:
    """A two-column letter table as a dict; a missing or empty second cell maps to ''."""
    return {cells[0]: (cells[1] if len(cells) > 1 else "") for cells in rows(name)}


def settled(table):
    """`table`, once loaded, moved out of the garbage collector's way: the word lists and the
    gazetteer are hundreds of thousands of objects that live as long as the process, and
    without this every collection walks them again, tripling the cost of analysing a word."""
    gc.freeze()
    return table
