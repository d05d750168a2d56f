"""Documents as the indexer sees them: raw input records and their analysed form."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from indexer.ingest import furniture, language


@dataclass(frozen=True)
class SourceRecord:
    """One document as it came in (a corpus file plus its catalog entry, or a JSONL line)."""

    id: str
    text: str
    source: str  # where it came from, for messages: "corpus/x.txt", "archive.jsonl:12"
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    provenance: str | None = None
    digest: str | None = None  # a JSON line's own hash: the line is the whole record
    # Set for files a format reader extracted (indexer.ingest.formats): their text is the
    # article already, one paragraph per line, so no furniture is cut from it.
    format: str | None = None  # "html", "warc", "pdf", "docx"
    author: str | None = None
    captured: str | None = None  # a web archive's capture date
    pages: tuple[tuple[int, str], ...] = ()  # (first paragraph, page label) per page

    def content_hash(self) -> str:
        """Changes when anything that ends up in the index changes (text or metadata)."""
        if self.digest:
            return self.digest
        data = asdict(self)
        data.pop("source")
        data.pop("digest")
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()[:32]


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    body: str  # clean text
    publisher: str
    published: str | None
    year: int | None
    language: str | None
    languages: list[str]
    url: str | None
    provenance: str | None
    source: str
    content_hash: str
    format: str | None = None
    author: str | None = None
    captured: str | None = None
    pages: tuple[tuple[int, str], ...] = ()


def year_of(published: str | None) -> int | None:
    if published and len(published) >= 4 and published[:4].isdigit():
        return int(published[:4])
    return None


def analyse(record: SourceRecord) -> Document:
    """Clean the text, take the title, detect languages (given metadata wins)."""
    if record.format:
        paras = furniture.paragraphs(record.text)
    else:
        paras = furniture.clean_paragraphs(record.text)
    title = record.title or (paras[0] if paras else record.id)
    lang = language.profile(paras, declared=record.language)
    if record.language:  # declared metadata wins over detection for the primary language
        others = [code for code in lang.languages if code != record.language]
        lang = language.LanguageProfile(record.language, [record.language, *others])
    return Document(
        id=record.id,
        title=title,
        body="\n\n".join(paras),
        publisher=record.publisher or "Unknown",
        published=record.published,
        year=year_of(record.published),
        language=lang.primary,
        languages=lang.languages,
        url=record.url,
        provenance=record.provenance,
        source=record.source,
        content_hash=record.content_hash(),
        format=record.format,
        author=record.author,
        captured=record.captured,
        pages=record.pages,
    )
