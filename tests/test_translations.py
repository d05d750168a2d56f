"""The committed .mo catalogs are what the .po files say (serving reads only the .mo files)."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parent.parent / "webapp" / "translations"


def _key(value):
    return tuple(value) if isinstance(value, list | tuple) else value


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_compiled_catalog_matches_its_source(lang):
    folder = TRANSLATIONS / lang / "LC_MESSAGES"
    with open(folder / "messages.po", "rb") as f:
        source = {_key(m.id): _key(m.string) for m in read_po(f) if m.id}
    with open(folder / "messages.mo", "rb") as f:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(f) if m.id}
    assert compiled == source, "run: sh scripts/translations.sh compile"
