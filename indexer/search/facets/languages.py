"""Language codes and names, from langcodes and its CLDR-derived language_data.

The index stores BCP 47 codes (`en`, `az`, `zh-cn`); people also type names (`English`,
`Azeri`, `Русский`) or three-letter codes (`eng`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import langcodes


@cache
def language_name(code: str | None) -> str:
    """`en` → English; a code langcodes does not know is shown as it is."""
    if not code:
        return "Unknown"
    try:
        language = langcodes.Language.get(code)
    except (LookupError, ValueError):
        return code
    return language.display_name() if language.is_valid() else code


def _tag(code: str) -> str | None:
    try:
        return langcodes.standardize_tag(code).lower()
    except (LookupError, ValueError):
        return None


def find_languages(text: str, known: Iterable[str]) -> list[str]:
    """The `known` codes that `text` means: a code in any case, or a language's name."""
    known = list(known)
    folded = text.strip().casefold()
    same = [code for code in known if code.casefold() == folded]
    if same:
        return same
    wanted = _tag(folded) if langcodes.tag_is_valid(folded) else None
    if wanted is None or not any(_tag(code) == wanted for code in known):
        try:
            wanted = langcodes.find(text.strip()).to_tag().lower()
        except LookupError:
            return []
    exact = [code for code in known if _tag(code) == wanted]
    if exact:
        return exact
    # "Chinese" finds zh-cn and zh-tw: the same language in any region or script
    base = wanted.split("-")[0]
    return [code for code in known if (_tag(code) or "").split("-")[0] == base]
