"""Build or update the index from a corpus folder and/or a JSON Lines archive.

Incremental by content hash: only new, changed and removed documents are touched. Every build
that changes something writes a new index version and switches to it atomically
(indexer.index.store).
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from indexer.index import copies
from indexer.index.schema import build_schema, date_key
from indexer.index.segments import commit_segment
from indexer.index.spelling_pairs import load_words, save_words
from indexer.index.spellings import SpellingMap, save_pairs
from indexer.index.store import LOCK_TIMEOUT, IndexStore
from indexer.ingest import jsonl_state
from indexer.ingest.corpus import LoadReport, load_directory
from indexer.ingest.documents import Document, SourceRecord, analyse
from indexer.ingest.jsonl import JsonlLine, load_jsonl

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"  # {"documents": {id: content hash}}
META = "meta.json"  # {"built_at", "document_count", "version"}
JSONL_STATE = jsonl_state.FILENAME  # the JSON Lines file at the last build


@dataclass
class BuildReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    skipped: int = 0
    unchanged: int = 0
    seconds: float = 0.0
    document_count: int = 0
    version: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        return (
            f"added {self.added}, updated {self.updated}, removed {self.removed}, "
            f"skipped {self.skipped}, unchanged {self.unchanged}, "
            f"{self.document_count} documents, {len(self.warnings)} warnings, "
            f"{self.seconds:.2f} s"
        )


def load_sources(
    corpus_dir: Path | None,
    jsonl: Path | None,
    known: dict[str, str] | None = None,
    previous_jsonl: dict | None = None,
    keep_text: bool = True,
) -> LoadReport:
    """The records of a corpus folder and a JSON Lines archive; without `keep_text`, those of
    the archive are JsonlLines, read again when they are analysed."""
    report = LoadReport()
    if corpus_dir is not None:
        if corpus_dir.is_dir():
            load_directory(corpus_dir, report)
        else:
            report.warnings.append(f"{corpus_dir}: not a folder; nothing read from it")
    if jsonl is not None:
        load_jsonl(jsonl, report, known, previous_jsonl, keep_text)
    return report


def build_index(
    index_dir: str | Path,
    corpus_dir: str | Path | None = None,
    jsonl: str | Path | None = None,
    rebuild: bool = False,
    progress: bool = False,
    lock_timeout: float = LOCK_TIMEOUT,
) -> BuildReport:
    """Raises CatalogError (the catalog cannot be read), SourceChanged (a line of the archive
    was overwritten during the build) and BuildLocked (another build holds the index for over
    `lock_timeout` seconds); the index being served is then unchanged."""
    started = time.perf_counter()
    report = BuildReport()
    store = IndexStore(index_dir)
    with store.build_lock(lock_timeout):
        store.prune()
        base = None if rebuild else store.current_name()
        manifest = store.read_json(base, MANIFEST) if base else {}
        if base and manifest.get("analysis") != analysis_fingerprint():
            report.warnings.append("the analysis code changed since the last build: rebuilding")
            base, manifest = None, {}
        old = manifest.get("documents", {})
        sources = (
            Path(corpus_dir) if corpus_dir is not None else None,
            Path(jsonl) if jsonl is not None else None,
            {h: i for i, h in old.items()},
        )
        # The archive's records are read again by the helpers that analyse them: the build
        # never holds all their texts at once.
        saved = store.read_json(base, JSONL_STATE) if base else None
        loaded = load_sources(*sources, saved, keep_text=False)
        if loaded.jsonl_reused and any(i not in old for i in loaded.unchanged):
            # the saved state is not this index's: read it all
            loaded = load_sources(*sources, keep_text=False)
        report.skipped = loaded.skipped
        report.warnings += loaded.warnings
        records = _unique(loaded.records, report)
        new, to_add, to_update, to_remove = changes(old, loaded, records, report)
        if base and not (to_add or to_update or to_remove):
            report.version = base
            report.document_count = len(old)
            _keep_jsonl_state(store, base, loaded)
        elif new or base:
            report.version = _write_version(
                store, base, records, to_add, to_update, to_remove, new, progress, loaded
            )
            report.added, report.updated, report.removed = (
                len(to_add),
                len(to_update),
                len(to_remove),
            )
            report.document_count = len(new)
        store.prune(background=True)
    report.seconds = time.perf_counter() - started
    return report


def _analyse(record: SourceRecord | JsonlLine) -> Document:
    return analyse(record.record() if isinstance(record, JsonlLine) else record)


def _signature(doc: Document):
    return copies.signature(doc.body)


def _keep_jsonl_state(store: IndexStore, version: str, loaded: LoadReport) -> None:
    """Remember the JSON Lines file as read, so the next build can skip an unchanged one (in
    the version that is served already when nothing changed: a cache, replaced atomically)."""
    if loaded.jsonl_state is not None and not loaded.jsonl_reused:
        store.write_json(store.versions / version, JSONL_STATE, loaded.jsonl_state)


def changes(old: dict[str, str], loaded: LoadReport, records: dict, report: BuildReport):
    """(id -> content hash of every document now, ids to add, to update, to remove) going
    from `old` (id -> content hash of the documents indexed) to what was `loaded`."""
    new = {**loaded.unchanged, **{r.id: r.content_hash() for r in records.values()}}
    to_add = [i for i in new if i not in old]
    to_update = [i for i in new if i in old and old[i] != new[i]]
    to_remove = [i for i in old if i not in new]
    report.unchanged = len(new) - len(to_add) - len(to_update)
    return new, to_add, to_update, to_remove


def _unique(records: list, report: BuildReport) -> dict[str, SourceRecord | JsonlLine]:
    out: dict[str, SourceRecord | JsonlLine] = {}
    for record in records:
        if record.id in out:
            report.warnings.append(
                f"{record.source}: id {record.id!r} already read from "
                f"{out[record.id].source}; the later one is used"
            )
        out[record.id] = record
    return out


def _write_version(
    store, base, records, to_add, to_update, to_remove, hashes, progress, loaded
) -> str:
    name, path = store.new_version(base)
    incoming = [records[i] for i in [*to_add, *to_update]]
    pairs: set = set()  # the new documents' spelling pairs: an update adds them to the saved map
    words = load_words(path) if base else set()  # words whose pairs the saved map holds
    signatures: dict = {}  # of the new documents: an update puts them beside the saved ones
    bar = _progress(progress, len(incoming))

    def on_document(doc: Document, signature) -> None:
        if signature is not None:
            signatures[doc.id] = signature
        if bar is not None:
            bar.update()

    try:
        commit_segment(
            path,
            build_schema(),
            incoming,
            _analyse,
            fields_of,
            remove=[*to_update, *to_remove] if base else [],
            on_document=on_document,
            on_pairs=pairs.update,
            per_document=_signature,  # MinHash of the text, in the helpers
            known_words=words,
        )
    finally:
        if bar is not None:
            bar.close()
    if base:
        spellings = SpellingMap()
        spellings.add(pairs)
        spellings.save_added(path)
    else:
        save_pairs(path, pairs)
    save_words(path, words)
    copies.update(path, signatures, {*to_update, *to_remove}, incremental=bool(base))
    built_at = datetime.now(UTC).isoformat(timespec="seconds")
    store.write_json(path, MANIFEST, {"analysis": analysis_fingerprint(), "documents": hashes})
    store.write_json(
        path, META, {"built_at": built_at, "document_count": len(hashes), "version": name}
    )
    _keep_jsonl_state(store, name, loaded)
    store.finish(path)
    store.switch_to(name)
    return name


# Everything that decides what a document's terms and clean text are: when any of it changes,
# an incremental update would mix old and new analysis, so the next build starts afresh.
ANALYSIS_SOURCES = (
    "analysis",
    "index/spellings.py",
    "index/spelling_pairs.py",
    "index/schema.py",
    "ingest/furniture.py",
    "ingest/language.py",
    "ingest/documents.py",
    "ingest/formats",
    "ingest/publishers.py",
    "ingest/data",
    "index/copies.py",
)


@lru_cache(maxsize=1)
def analysis_fingerprint() -> str:
    here = Path(__file__).parent.parent
    digest = hashlib.sha256()
    for name in ANALYSIS_SOURCES:
        path = here / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" not in file.parts:
                digest.update(file.relative_to(here).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def fields_of(doc: Document) -> dict:
    return {
        "id": doc.id,
        "title": doc.title,
        "body": doc.body,
        "publisher": doc.publisher,
        "languages": ",".join(doc.languages),
        "year": doc.year or 0,
        "date_key": date_key(doc.published),
        "published": doc.published,
        "url": doc.url,
        "provenance": doc.provenance,
        "source": doc.source,
        "format": doc.format,
        "author": doc.author,
        "captured": doc.captured,
        "pages": [list(p) for p in doc.pages] or None,
    }


def _progress(enabled: bool, total: int):
    if not enabled or not sys.stderr.isatty() or total < 2:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc="indexing", unit="doc", file=sys.stderr)
