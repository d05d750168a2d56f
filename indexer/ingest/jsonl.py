"""Reading a JSON Lines archive: one document a line, checked and parsed, lines the index holds
unchanged skipped unparsed, and each new record kept as where its line is (JsonlLine).

Bad input never stops the load: each problem becomes a warning naming the line, and the
rest is read.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import weakref
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from indexer.ingest import jsonl_state, metadata
from indexer.ingest.corpus import LoadReport
from indexer.ingest.documents import SourceRecord

JSONL_FIELDS = ("title", "publisher", "published", "url", "language", "provenance")


class JsonlFile:
    """A JSON Lines archive held open while its records are indexed (see JsonlLine)."""

    def __init__(self, path: Path):
        self.path = path
        self.fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self.fd)


class SourceChanged(ValueError):
    """A line of the archive was overwritten while the build was reading it."""


@dataclass(frozen=True)
class JsonlLine:
    """A record of a JSON Lines archive held as where its line is, not as its text.

    A build keeps every new record until it is indexed; for a large archive their texts would
    be most of the build's memory. The line is read again, from the file opened when it was
    first read (so a new file moved over it meanwhile does not matter), by the process that
    analyses it; `record()` raises SourceChanged if its bytes were overwritten meanwhile."""

    id: str
    source: str
    digest: str
    file: JsonlFile = field(repr=False, compare=False)
    offset: int
    length: int

    def content_hash(self) -> str:
        return self.digest

    def record(self) -> SourceRecord:
        raw = os.pread(self.file.fd, self.length, self.offset)
        if line_digest(raw) != self.digest:
            raise SourceChanged(
                f"{self.source}: the line was changed while the build was reading the file; "
                "build again once it is written"
            )
        record = replace(parse_json_line(raw, self.source), digest=self.digest)
        return metadata.checked(record, [])  # its warnings were given when it was first read


def line_digest(raw: bytes) -> str:
    """A line's fingerprint, to notice that it changed: two checksums and the length (64 bits
    of checksum; a cryptographic hash would triple the time to re-read a large archive)."""
    raw = raw.rstrip(b"\r\n")
    return f"jsonl:{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}:{len(raw)}"


def iter_jsonl(
    path: Path,
    report: LoadReport,
    known: dict[str, str] | None = None,
    previous: dict | None = None,
    blocks: list | None = None,
    file: JsonlFile | None = None,
) -> Iterator[SourceRecord | JsonlLine]:
    """Records of the lines of `path`; a line whose hash is in `known` (hash -> id: lines
    the index holds already) is only noted as unchanged, so an update of a large archive
    parses just the lines that changed. Where an id is on several lines, the last one wins:
    an earlier record may still be yielded, and `load_jsonl` drops it.

    `previous` is the file's state at the last build (indexer.ingest.jsonl_state): a run of
    lines it lists as a block whose bytes (length and checksum, one C call) are unchanged, at
    the same place or shifted as much as the file's size changed, is taken from it without
    splitting it into lines; all its lines must be ones the index holds. The blocks of the
    file as read are appended to `blocks`. With `file` (`path` opened), each record is
    yielded as its JsonlLine in that file, without its text."""
    known = known or {}
    lines: dict[str, list[int]] = {}  # id -> the lines it is on
    try:
        handle = open(os.dup(file.fd), "rb") if file else path.open("rb")  # noqa: SIM115
    except OSError as exc:
        report.skip(f"{path.name}: cannot be read: {exc}")
        return
    saved = (previous or {}).get("blocks", ())
    old = {b[0]: b for b in saved}  # where each block was
    firsts = {b[3][0]: b for b in saved}  # which block a line may start
    # Where to look for a block: as far as the last block found moved (at first, not at all),
    # or as far as the whole file's size changed (past the last change).
    shift = 0
    end_shift = os.fstat(handle.fileno()).st_size - (previous or {}).get("size", 0)
    building = jsonl_state.Blocks(blocks)
    lineno = pos = 0

    def take(block, at: int) -> bool:
        """Take the saved `block` as the file's bytes from `at`, if they are the same."""
        nonlocal lineno, pos, shift
        _start, length, crc, digests = block
        if not all(d in known for d in digests):
            return False
        handle.seek(at)
        if zlib.crc32(handle.read(length)) != crc:
            handle.seek(pos)
            return False
        for n, digest in enumerate(digests, lineno + 1):
            report.unchanged[known[digest]] = digest
            lines.setdefault(known[digest], []).append(n)
        building.reuse(at, length, crc, digests)
        lineno, pos, shift = lineno + len(digests), at + length, at - block[0]
        return True

    with handle:
        while True:
            if any(pos - s in old and take(old[pos - s], pos) for s in {shift, end_shift}):
                continue
            raw = _line(handle)
            if raw == b"":
                break
            lineno += 1
            start, pos = pos, handle.tell()
            if raw is None:
                building.close()
                report.skip(f"{path.name}:{lineno}: skipped: longer than {MAX_LINE_MB} MB")
                continue
            offset = start
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
                building.close()  # a line whose bytes are not its text is kept out of blocks
                start, offset = None, offset + 3
            if not raw.strip():
                building.close()
                continue
            where = f"{path.name}:{lineno}"
            digest = line_digest(raw)
            if start is not None and digest in firsts:  # a saved block may start here
                lineno -= 1
                if take(firsts[digest], start):
                    continue
                lineno += 1
            if digest in known:
                doc_id = known[digest]
                report.unchanged[doc_id] = digest
                lines.setdefault(doc_id, []).append(lineno)
                building.add(start, raw, digest)
                continue
            try:
                record = replace(parse_json_line(raw, where), digest=digest)
                record = metadata.checked(record, report.warnings)
            except ValueError as exc:
                building.close()
                report.skip(f"{where}: skipped: {exc}")
                continue
            building.add(start, raw, digest)
            report.unchanged.pop(record.id, None)  # this later line wins over an earlier one
            lines.setdefault(record.id, []).append(lineno)
            if file is not None:
                record = JsonlLine(record.id, where, digest, file, offset, len(raw))
            yield record
    building.close()
    repeated = {i: nums for i, nums in lines.items() if len(nums) > 1}
    if repeated:
        shown = "; ".join(
            f"{i!r} on lines {', '.join(map(str, nums))}"
            for i, nums in itertools.islice(repeated.items(), 20)
        )
        more = f"; and {len(repeated) - 20} more" if len(repeated) > 20 else ""
        report.warnings.append(
            f"{path.name}: {len(repeated)} ids are on more than one line; the last line of "
            f"each is indexed: {shown}{more}"
        )


MAX_LINE_MB = 64  # one JSON line (one document); longer lines are skipped unread


def _line(handle) -> bytes | None:
    """The next line, b"" at the end, None for one longer than MAX_LINE_MB (never held in
    memory: skipped to its end)."""
    limit = MAX_LINE_MB * 1024 * 1024
    raw = handle.readline(limit + 1)
    if len(raw) > limit and not raw.endswith(b"\n"):
        while raw and not raw.endswith(b"\n"):
            raw = handle.readline(1024 * 1024)
        return None
    return raw


def parse_json_line(raw: bytes, where: str) -> SourceRecord:
    """The record on one JSON line; ValueError saying why the line cannot be one."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte {exc.start} of the line)") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc}") from None
    except RecursionError:
        raise ValueError("nested too deeply to be a document") from None
    return _record_from_json(obj, where)


def _record_from_json(obj, where: str) -> SourceRecord:
    if not isinstance(obj, dict):
        raise ValueError("a line must be a JSON object")
    for key in ("id", "text"):
        if key not in obj:
            raise ValueError(f"missing {key!r}")
        if not isinstance(obj[key], str) or not obj[key].strip():
            raise ValueError(f"{key!r} must be a non-empty string")
    extra = {}
    for key in JSONL_FIELDS:
        value = obj.get(key)
        if value is not None and (not isinstance(value, str | int) or isinstance(value, bool)):
            raise ValueError(f"{key!r} must be a string")
        extra[key] = str(value).strip() or None if value is not None else None
    for key, value in [("id", obj["id"]), ("text", obj["text"]), *extra.items()]:
        if isinstance(value, str) and not _encodable(value):
            raise ValueError(f"{key!r} holds an unpaired surrogate escape (not Unicode text)")
    return SourceRecord(id=obj["id"].strip(), text=obj["text"], source=where, **extra)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def load_jsonl(
    path: Path,
    report: LoadReport | None = None,
    known: dict[str, str] | None = None,
    previous: dict | None = None,
    keep_text: bool = True,
) -> LoadReport:
    """Records of the new and changed lines of `path`. `previous` is the file's state at the
    last build: when the file is unchanged since, its lines are taken from it unread. Without
    `keep_text`, the records are JsonlLines: where each line is, to be read again when used."""
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
    last: dict[str, SourceRecord | JsonlLine] = {}
    blocks: list = []
    file = None
    if not keep_text:
        with contextlib.suppress(OSError):  # iter_jsonl says why it cannot be read
            file = JsonlFile(path)
    for record in iter_jsonl(path, report, known, previous, blocks, file):
        last.pop(record.id, None)  # re-inserted: the dict keeps the order of last lines
        last[record.id] = record
    report.records.extend(r for i, r in last.items() if i not in report.unchanged)
    documents = {i: d for i, d in report.unchanged.items() if i not in unchanged_before}
    documents.update((r.id, r.digest) for r in report.records[first_record:])
    report.jsonl_state = jsonl_state.state_of(
        stamp, documents, report.warnings[first_warning:], report.skipped - skipped, blocks
    )
    return report
