"""Rebuild every generated table: python -m indexer.analysis.generate."""

from __future__ import annotations

import sys

from . import evaldata, places


def main() -> int:
    gazetteer = places.write()
    print(f"places: {gazetteer}")
    for path in evaldata.write():
        print(f"evaluation: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
