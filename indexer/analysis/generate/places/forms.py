"""How the gazetteer compares names and lists them, and the numbers its rules share.

"Same name" is compared as the table looks names up (form): case, accents, script and ə/ı
ignored, and an apostrophe's tail kept (Cil'na, a romanization of Цыльна, is not Cil in
Romania).
"""

from __future__ import annotations

from pathlib import Path

from indexer.analysis.name_forms import lookup_form, name_form
from indexer.analysis.pipeline import tokens

DATA = Path(__file__).resolve().parents[2] / "data"
MIN_WORD = 3  # letters of the shortest one-word name kept
# times as populous as another place of a name: a reader of the name means the larger place
DOMINANT = 10
CORE_COUNTRIES = ("AZ", "AM")  # the conflict's: the archive's names are mostly theirs


def listed_form(name: str) -> str:
    """What a group lists a name once for: its lookup form with a tail after an apostrophe
    taken off, as a reader's word is looked up, so that Shil’da and Шильда are both listed,
    and Шильда's romanizations in other schemes find the place (synonym_table.far_schemes)."""
    return " ".join(lookup_form(w) for _, _, w in tokens(name))


def form(name: str) -> str:
    return " ".join(name_form(w) for _, _, w in tokens(name))
