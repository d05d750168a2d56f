"""Text analysis: how document and query text become index terms.

Every word has two views:
- its *exact key*: the word as written, lower-cased without shifting character offsets;
- its *variant keys*: spelling-independent keys, so that Khojaly, Xocalı and Ходжалы meet.

The search core indexes both views in one field per text (`indexer.search.terms`): the exact key,
plus each variant key that differs from it, at the same position, so phrases work across
spellings and highlights land on the original text.

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
