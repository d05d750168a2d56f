"""Text analysis: how document and query text become index terms.

Every word has two views:
- its *exact key*: the word as written, lower-cased without shifting character offsets;
- its *variant keys*: spelling-independent keys, so that Khojaly, Xocalı and Ходжалы meet.

The `body`/`title` fields are indexed with exact keys, `body_v`/`title_v` with variant keys, at
the same token positions, so phrases work in both and highlights land on the original text.
The search core only uses the names exported here.

Variant keys, most precise first (keys.py): the light key (script and accents folded as English
press writes names, ə and ı kept), curated group keys for names no rule derives (data/*.tsv),
and consonant skeletons for names and foreign words, never for English words.
"""

from __future__ import annotations

from .keys import is_name_like, variant_keys
from .pipeline import (
    WORD_RE,
    ExactFilter,
    VariantFilter,
    WordTokenizer,
    exact_analyzer,
    exact_key,
    tokens,
    variant_analyzer,
)

__all__ = [
    "WORD_RE",
    "ExactFilter",
    "VariantFilter",
    "WordTokenizer",
    "exact_analyzer",
    "exact_key",
    "is_name_like",
    "tokens",
    "variant_analyzer",
    "variant_keys",
]
