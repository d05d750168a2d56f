"""Reading input: a corpus folder of .txt files with its catalog (the other formats, in
subfolders too: files.py), into a LoadReport that a JSON Lines archive is read into as well
(jsonl.py).

Bad input never stops the load: each problem becomes a warning naming the file, and the rest
is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import charset_normalizer

from indexer.ingest import metadata
from indexer.ingest.catalog import load_catalog
from indexer.ingest.documents import SourceRecord
from indexer.ingest.files import load_files
from indexer.ingest.safe_files import read_inside

if TYPE_CHECKING:  # for the annotation only: jsonl.py imports LoadReport from here
    from indexer.ingest.jsonl import JsonlLine

TEXT_SUFFIXES = {".txt"}


@dataclass
class LoadReport:
    records: list[SourceRecord | JsonlLine] = field(default_factory=list)
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


def read_text_file(path: Path, root: Path) -> tuple[str, str | None]:
    """The text of `path`, a file of the corpus folder `root`, and a note when its encoding had
    to be guessed; ValueError with a reason for unsafe, binary, undecodable or empty files."""
    text, note = decode_text(read_inside(path, root))
    if not text.strip():
        raise ValueError("empty file")
    return text, note


# Legacy encodings an archive like ours meets (Western and Turkish Windows, Russian Windows
# and KOI8-R). Offering the detector only these keeps it from picking an exotic code page that
# happens to fit a short text.
LEGACY_ENCODINGS = ["cp1252", "cp1254", "cp1251", "koi8_r"]


def decode_text(data: bytes) -> tuple[str, str | None]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "read as UTF-16 (it starts with a UTF-16 byte order mark)"
        except UnicodeDecodeError:
            raise ValueError("not valid UTF-16 despite its byte order mark") from None
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    best = charset_normalizer.from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        raise ValueError(
            f"not valid UTF-8 (byte {bad}) and charset-normalizer recognises no other encoding"
        )
    return str(best), (
        f"not valid UTF-8 (byte {bad}); read as {best.encoding}, the encoding charset-normalizer "
        "detected: check the text, or save the file as UTF-8"
    )


def load_directory(corpus_dir: Path, report: LoadReport | None = None) -> LoadReport:
    report = report or LoadReport()
    catalog, warnings = load_catalog(corpus_dir)
    report.warnings += warnings
    for path in sorted(p for p in corpus_dir.iterdir() if p.suffix.lower() in TEXT_SUFFIXES):
        name = f"{corpus_dir.name}/{path.name}"
        try:
            text, note = read_text_file(path, corpus_dir)
        except OSError as exc:  # its strerror alone: the message names the file already
            report.skip(f"{name}: skipped: {exc.strerror or exc}")
            continue
        except ValueError as exc:
            report.skip(f"{name}: skipped: {exc}")
            continue
        if note:
            report.warnings.append(f"{name}: {note}")
        entry = catalog.get(path.stem)
        if entry is None:
            report.warnings.append(
                f"{name}: no entry in catalog.toml; title taken from its first line, "
                "publisher Unknown, language detected"
            )
            record = SourceRecord(id=path.stem, text=text, source=name)
        else:
            record = SourceRecord(
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
        try:
            report.records.append(metadata.checked(record, report.warnings))
        except ValueError as exc:
            report.skip(f"{name}: skipped: {exc}")
    load_files(corpus_dir, catalog, report)  # HTML, WARC, PDF, DOCX, in subfolders too
    return report
