"""Reading input: a corpus folder of .txt files with its catalog, or a JSON Lines archive.

Bad input never stops the load: each problem becomes a warning naming the file (and line), and
the rest is read.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from indexer.ingest import jsonl_state
from indexer.ingest.catalog import load_catalog
from indexer.ingest.documents import SourceRecord

TEXT_SUFFIXES = {".txt"}
JSONL_FIELDS = ("title", "publisher", "published", "url", "language", "provenance")


@dataclass
class LoadReport:
    records: list[SourceRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: int = 0
    # id -> hash of JSON lines the index already holds unchanged (not even parsed)
    unchanged: dict[str, str] = field(default_factory=dict)
    # the JSON Lines file as read (indexer.ingest.jsonl_state), and whether it was reused as is
    jsonl_state: dict | None = None
    jsonl_reused: bool = False

    def skip(self, message: str) -> None:
        self.warnings.append(message)
        self.skipped += 1


def read_text_file(path: Path) -> str:
    """The file's text; ValueError with a reason for binary, non-UTF-8 or empty files."""
    data = path.read_bytes()
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise ValueError("empty file")
    return text


def load_directory(corpus_dir: Path, report: LoadReport | None = None) -> LoadReport:
    report = report or LoadReport()
    catalog, warnings = load_catalog(corpus_dir)
    report.warnings += warnings
    for path in sorted(p for p in corpus_dir.iterdir() if p.suffix.lower() in TEXT_SUFFIXES):
        name = f"{corpus_dir.name}/{path.name}"
        try:
            text = read_text_file(path)
        except (OSError, ValueError) as exc:
            report.skip(f"{name}: skipped: {exc}")
            continue
        entry = catalog.get(path.stem)
        if entry is None:
            report.warnings.append(
                f"{name}: no entry in catalog.toml; title taken from its first line, "
                "publisher Unknown, language detected"
            )
            report.records.append(SourceRecord(id=path.stem, text=text, source=name))
            continue
        report.records.append(
            SourceRecord(
                id=path.stem,
                text=text,
                source=name,
                title=entry.title,
                publisher=entry.publisher,
                published=entry.published,
                url=entry.url,
                language=entry.language,
                provenance=entry.provenance,
            )
        )
    return report


def line_digest(raw: bytes) -> str:
    """A line's fingerprint, to notice that it changed: two checksums and the length (64 bits
    of checksum; a cryptographic hash would triple the time to re-read a large archive)."""
    raw = raw.rstrip(b"\r\n")
    return f"jsonl:{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}:{len(raw)}"


def iter_jsonl(
    path: Path, report: LoadReport, known: dict[str, str] | None = None
) -> Iterator[SourceRecord]:
    """Records of the lines of `path`; a line whose hash is in `known` (hash -> id: lines
    the index holds already) is only noted as unchanged, so an update of a large archive
    parses just the lines that changed."""
    known = known or {}
    try:
        handle = path.open("rb")
    except OSError as exc:
        report.skip(f"{path.name}: cannot be read: {exc}")
        return
    with handle:
        for lineno, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{path.name}:{lineno}"
            digest = line_digest(raw)
            if digest in known:
                report.unchanged[known[digest]] = digest
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
                yield replace(_record_from_json(obj, where), digest=digest)
            except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
                report.skip(f"{where}: skipped: {exc}")


def _record_from_json(obj, where: str) -> SourceRecord:
    if not isinstance(obj, dict):
        raise ValueError("a line must be a JSON object")
    for key in ("id", "text"):
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            raise ValueError(f"missing or empty {key!r}")
    extra = {}
    for key in JSONL_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str | int):
            raise ValueError(f"{key!r} must be a string")
        extra[key] = str(value).strip() or None if value is not None else None
    return SourceRecord(id=obj["id"].strip(), text=obj["text"], source=where, **extra)


def load_jsonl(
    path: Path,
    report: LoadReport | None = None,
    known: dict[str, str] | None = None,
    previous: dict | None = None,
) -> LoadReport:
    """Records of the new and changed lines of `path`. `previous` is the file's state at the
    last build: when the file is unchanged since, its lines are taken from it unread."""
    report = report or LoadReport()
    if jsonl_state.unchanged(path, previous):
        report.unchanged.update(previous["documents"])
        report.warnings += previous["warnings"]
        report.skipped += previous["skipped"]
        report.jsonl_state, report.jsonl_reused = previous, True
        return report
    stamp = jsonl_state.file_stamp(path)  # before reading: a write meanwhile changes it
    first_record, first_warning, skipped = len(report.records), len(report.warnings), report.skipped
    unchanged_before = set(report.unchanged)
    report.records.extend(iter_jsonl(path, report, known))
    documents = {i: d for i, d in report.unchanged.items() if i not in unchanged_before}
    documents.update((r.id, r.digest) for r in report.records[first_record:])
    report.jsonl_state = jsonl_state.state_of(
        stamp, documents, report.warnings[first_warning:], report.skipped - skipped
    )
    return report
