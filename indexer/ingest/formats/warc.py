"""Web archives (.warc, .warc.gz) streamed record by record with warcio: every HTML page
becomes a document with its target URI and capture date, PDFs go through the PDF reader,
and of several captures of one URI the latest wins. A truncated archive keeps the pages read
before the break, with a warning."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import zlib

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from indexer.ingest.formats import html, pdf
from indexer.ingest.formats.extracted import Extracted, FormatError
from indexer.ingest.publishers import canonical, host_of

HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPES = ("application/pdf",)
SPOOL_BYTES = 8 * 1024 * 1024  # larger PDF payloads wait in a temporary file, not in memory


def read(handle, name: str, url: str | None = None) -> list[Extracted]:
    latest: dict[str, Extracted] = {}
    problems: list[str] = []
    records = 0
    try:
        for record in ArchiveIterator(handle):
            if record.rec_type not in ("response", "resource"):
                continue
            records += 1
            doc = _document(record, name, problems)
            if doc is None:
                continue
            kept = latest.get(doc.key)
            if kept is None or (doc.captured or "") >= (kept.captured or ""):
                latest[doc.key] = doc
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as exc:
        if not latest:
            raise FormatError(f"not a readable WARC file ({type(exc).__name__}: {exc})") from None
        problems.append(
            f"truncated or corrupt after {records} records ({exc}); "
            f"the {len(latest)} documents read before it are indexed"
        )
    if not latest and not problems:
        raise FormatError("no HTML or PDF captures in this WARC file")
    docs = sorted(latest.values(), key=lambda d: d.key)
    if docs and problems:
        docs[0].warnings.extend(problems)
    elif problems:
        raise FormatError("; ".join(problems))
    return docs


def _check_complete(record) -> None:
    """EOFError when the file ended before the record did (warcio says nothing then)."""
    if getattr(record.raw_stream, "limit", 0) > 0:
        uri = record.rec_headers.get_header("WARC-Target-URI") or "a record without a URI"
        raise EOFError(f"the record of {uri} ends early")


def _document(record, name: str, problems: list[str]) -> Extracted | None:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    ctype = ctype.split(";")[0].strip().lower()
    try:
        if ctype in HTML_TYPES:
            payload = record.content_stream().read(html.MAX_BYTES + 1)
            if len(payload) > html.MAX_BYTES:
                raise FormatError(f"larger than {html.MAX_BYTES // 2**20} MB")
            _check_complete(record)
            doc = html.extract(payload, f"{name} {uri}", url=uri, fmt="warc")
        elif ctype in PDF_TYPES:
            with tempfile.SpooledTemporaryFile(SPOOL_BYTES) as spool:
                shutil.copyfileobj(record.content_stream(), spool)
                _check_complete(record)
                spool.seek(0)
                doc = pdf.read(spool, f"{name} {uri}", url=uri)[0]
        else:
            return None
    except FormatError as exc:
        problems.append(f"{uri}: skipped: {exc}")
        return None
    doc.warnings = [f"{uri}: {w}" for w in doc.warnings]
    doc.key = hashlib.sha1(uri.encode("utf-8")).hexdigest()[:12]
    date = record.rec_headers.get_header("WARC-Date")
    doc.set("captured", date, "WARC-Date")
    doc.url = None
    doc.provenance.pop("url", None)
    doc.set("url", uri, "WARC-Target-URI")
    host = host_of(uri)
    doc.set("publisher", canonical(host), f'WARC target URI host "{host}"')
    return doc
