"""Rebuild every generated table: python -m indexer.analysis.generate."""

from __future__ import annotations

import os
import sys

from ..stored import CACHE_DIR_ENV, OFF
from . import (
    abroad,
    case_forms,
    countries,
    english,
    evaldata,
    extra_confusables,
    one_name,
    peoples,
    places,
    schemes,
    short_names,
    words,
)


def main() -> int:
    # Each table is read from data/ as the generators before it wrote it, never from a file of
    # stored tables another process left (indexer/analysis/stored.py)
    os.environ[CACHE_DIR_ENV] = OFF
    gazetteer = places.write()
    # before the tables that ask the lexicon which words are English
    print(f"English words Webster's lacks: {english.write_modern()}")
    print(f"places: {gazetteer}")
    print(f"places abroad: {abroad.write()}")
    print(f"places with one name: {one_name.write()}")
    print(f"scheme spellings: {schemes.write()}")
    print(f"words: {words.write()}")
    print(f"peoples: {peoples.write()}")
    print(f"countries: {countries.write()}")
    print(f"countries' names of several words: {countries.write_multiword()}")
    print(f"compound parts: {english.write_parts()}")
    print(f"names English has as words: {english.write_names()}")
    print(f"given names of three letters: {short_names.write()}")
    for path in evaldata.write():
        print(f"evaluation: {path}")
    print(f"evaluation: {extra_confusables.write()}")
    for path in case_forms.write():
        print(f"evaluation: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
