"""The web pages, web archives, PDFs and Word files of a corpus folder, found recursively and
read by the format readers (indexer.ingest.formats), as records beside the .txt files.

Each file is read on its own: one that cannot be read is one warning naming it and the
reason, and the rest is read. With many files, two processes share the reading (the index
writer has not started yet, so both cores are free)."""

from __future__ import annotations

import functools
import multiprocessing
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from indexer.ingest import metadata
from indexer.ingest.catalog import UNKNOWN_PUBLISHER, CatalogEntry
from indexer.ingest.documents import SourceRecord
from indexer.ingest.formats import READERS, Extracted, FormatError, suffix_of
from indexer.ingest.safe_files import UnsafeFile, open_inside

PARALLEL_MIN_FILES = 16
PROCESSES = 2
FIELDS = ("title", "publisher", "published", "url", "language")


@dataclass
class FileResult:
    path: Path
    documents: list[Extracted]
    error: str | None = None


def find_files(corpus_dir: Path) -> list[Path]:
    """Files a format reader handles, in every subfolder (links to folders are not
    followed; links to files are checked when the file is opened)."""
    found = []
    for folder, subfolders, names in os.walk(corpus_dir):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            path = Path(folder) / name
            if suffix_of(path) and not name.startswith("."):
                found.append(path)
    return found


def read_file(path: Path, root: Path | None = None) -> FileResult:
    """The documents of one file of the folder `root`, or the reason it cannot be read."""
    try:
        with open_inside(path, root or path.parent) as handle:
            return FileResult(path, READERS[suffix_of(path)](handle, path.name))
    except (FormatError, UnsafeFile) as exc:
        return FileResult(path, [], str(exc))
    except OSError as exc:
        return FileResult(path, [], f"cannot be read: {exc.strerror or exc}")
    except (MemoryError, RecursionError) as exc:
        return FileResult(
            path, [], f"too large or too deeply nested to read ({type(exc).__name__})"
        )


def read_all(paths: list[Path], root: Path):
    read = functools.partial(read_file, root=root)
    serial = len(paths) < PARALLEL_MIN_FILES or threading.active_count() > 1
    if serial or (os.cpu_count() or 1) < 2:
        yield from map(read, paths)
        return
    with multiprocessing.get_context("fork").Pool(PROCESSES) as pool:
        yield from pool.imap(read, paths, chunksize=4)


def load_files(corpus_dir: Path, catalog: dict[str, CatalogEntry], report) -> None:
    """Add the records of the folder's format files (and their warnings) to `report`."""
    for result in read_all(find_files(corpus_dir), corpus_dir):
        rel = result.path.relative_to(corpus_dir)
        name = f"{corpus_dir.name}/{rel.as_posix()}"
        if result.error is not None:
            report.skip(f"{name}: skipped: {result.error}")
            continue
        base = document_id(rel)
        for doc in result.documents:
            doc_id = f"{base}-{doc.key}" if doc.key else base
            for warning in doc.warnings:
                report.warnings.append(f"{name}: {warning}")
            record = to_record(doc, doc_id, name, catalog.get(doc_id))
            try:
                report.records.append(metadata.checked(record, report.warnings))
            except ValueError as exc:
                report.skip(f"{name}: skipped: {exc}")


def document_id(rel: Path) -> str:
    """ "reports/hrw-1992.pdf" -> "reports-hrw-1992": the catalog key and the page address."""
    stem = rel.name[: -len(suffix_of(rel))]
    return "-".join([*rel.parent.parts, stem])


def to_record(doc: Extracted, doc_id: str, source: str, entry: CatalogEntry | None) -> SourceRecord:
    """The catalog wins where it names a field; the provenance says where each field came
    from. A catalog's publisher "Unknown" names nothing: the file's own may fill it."""
    values, lines = {}, []
    if entry is not None and entry.provenance:
        lines.append(entry.provenance)
    for field in FIELDS:
        given = getattr(entry, field, None) if entry is not None else None
        if field == "publisher" and given == UNKNOWN_PUBLISHER:
            given = None
        if given is not None:
            values[field] = given
            lines.append(f"{field}: catalog.toml")
        elif getattr(doc, field) is not None:
            values[field] = getattr(doc, field)
            lines.append(f"{field}: {doc.provenance[field]}")
    for field in ("author", "captured", "text"):
        if field in doc.provenance:
            lines.append(f"{field}: {doc.provenance[field]}")
    return SourceRecord(
        id=doc_id,
        text=doc.text,
        source=source,
        provenance="\n".join(lines) or None,
        format=doc.format,
        author=doc.author,
        captured=doc.captured,
        pages=doc.pages,
        **values,
    )
