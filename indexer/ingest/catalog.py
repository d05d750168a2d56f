"""`corpus/catalog.toml`: metadata for the documents of a corpus folder, keyed by file stem.

A catalog that cannot be read is an error, not a warning: building without it would strip
every document's publisher and date, so the build stops and the index being served stays.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path

from indexer.ingest.safe_files import read_inside

log = logging.getLogger(__name__)

CATALOG_NAME = "catalog.toml"
UNKNOWN_PUBLISHER = "Unknown"


class CatalogError(ValueError):
    """The catalog exists but cannot be read; the message names the place."""


@dataclass(frozen=True)
class CatalogEntry:
    title: str | None = None
    publisher: str = UNKNOWN_PUBLISHER
    published: str | None = None
    url: str | None = None
    language: str | None = None
    provenance: str | None = None


def load_catalog(corpus_dir: Path) -> tuple[dict[str, CatalogEntry], list[str]]:
    """Entries by document id, and warnings; CatalogError when the catalog cannot be read."""
    path = corpus_dir / CATALOG_NAME
    if not path.exists() and not path.is_symlink():
        return {}, []
    try:
        raw = read_inside(path, corpus_dir)
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - raw.rfind(b"\n", 0, exc.start)
        raise CatalogError(
            f"{path.name}: not valid UTF-8 (at line {line}, column {column})"
        ) from None
    except tomllib.TOMLDecodeError as exc:  # its message ends "(at line L, column C)"
        raise CatalogError(f"{path.name}: {exc}") from None
    except (OSError, ValueError) as exc:
        raise CatalogError(f"{path.name}: cannot be read: {exc}") from None
    entries: dict[str, CatalogEntry] = {}
    warnings: list[str] = []
    for doc_id, raw in (data.get("documents") or {}).items():
        if not isinstance(raw, dict):
            warnings.append(f"{path.name}: entry {doc_id!r} is not a table; ignored")
            continue
        entries[str(doc_id)] = CatalogEntry(
            title=_text(raw.get("title")),
            publisher=_text(raw.get("publisher")) or UNKNOWN_PUBLISHER,
            published=_text(raw.get("published")),
            url=_text(raw.get("url")),
            language=_text(raw.get("language")),
            provenance=_text(raw.get("provenance")),
        )
    return entries, warnings


def _text(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
