"""`corpus/catalog.toml`: metadata for the documents of a corpus folder, keyed by file stem."""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

CATALOG_NAME = "catalog.toml"
UNKNOWN_PUBLISHER = "Unknown"


@dataclass(frozen=True)
class CatalogEntry:
    title: str | None = None
    publisher: str = UNKNOWN_PUBLISHER
    published: str | None = None
    url: str | None = None
    language: str | None = None
    provenance: str | None = None


def load_catalog(corpus_dir: Path) -> tuple[dict[str, CatalogEntry], list[str]]:
    """Entries by document id, and warnings (a broken catalog is a warning, not a failure)."""
    path = corpus_dir / CATALOG_NAME
    if not path.exists():
        return {}, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        return {}, [f"{path.name}: cannot be read ({exc}); documents are indexed without it"]
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
