"""Rebuild every generated table: python -m indexer.analysis.generate."""

from __future__ import annotations

import sys

from . import evaldata, places, words


def main() -> int:
    gazetteer = places.write()
    print(f"places: {gazetteer}")
    print(f"words: {words.write()}")
    for path in evaldata.write():
        print(f"evaluation: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
