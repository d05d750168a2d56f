"""Citations of a document: a formatted reference (CSL, by citeproc-py), RIS (rispy) and
BibTeX (pybtex), all from the same metadata.

The reference uses the Harvard "Cite Them Right" style that citeproc-py ships, in Russian on
Russian pages and in English otherwise (citeproc-py has no Azerbaijani locale). The publisher
stands as the author, as in press citations; the accessed date is today's.
"""

from __future__ import annotations

import datetime
import re
from importlib import resources

import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from pybtex.database import BibliographyData, Entry

from indexer.results import DocumentRecord
from webapp.presenters import link_url

ARCHIVE = "Khojaly Archive Search"
STYLE = resources.files("citeproc").joinpath("data", "styles", "harvard-cite-them-right.csl")
CSL_LOCALES = {"ru": "ru-RU"}  # the locales citeproc-py ships besides en-US
UNKNOWN_PUBLISHER = "Unknown"


def _date_parts(value: str | None) -> list[int] | None:
    try:
        return [int(p) for p in value.split("-")] if value else None
    except ValueError:
        return None


def _source_url(doc: DocumentRecord, permalink: str) -> str:
    return link_url(doc.url) or permalink


def csl_item(doc: DocumentRecord, permalink: str, accessed: datetime.date) -> dict:
    item = {
        "id": "doc",
        "type": "webpage",
        "title": doc.title,
        "URL": _source_url(doc, permalink),
        "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
        "archive": ARCHIVE,
        "archive_location": doc.id,
    }
    if doc.publisher and doc.publisher != UNKNOWN_PUBLISHER:
        item["author"] = [{"literal": doc.publisher}]
    parts = _date_parts(doc.published)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    return item


def formatted(doc: DocumentRecord, permalink: str, accessed: datetime.date, lang: str) -> str:
    """The reference as plain text (the page escapes it like any document text)."""
    style = CitationStylesStyle(str(STYLE), locale=CSL_LOCALES.get(lang, "en-US"), validate=False)
    source = CiteProcJSON([csl_item(doc, permalink, accessed)])
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem("doc")]))
    return str(bibliography.bibliography()[0])


class _PlainRis(rispy.RisWriter):
    """rispy's writer without its "1." counter line, which reference managers do not expect."""

    def set_header(self, count: int) -> str:
        return ""


def ris(doc: DocumentRecord, permalink: str, accessed: datetime.date) -> str:
    entry = {
        "type_of_reference": "ELEC",
        "title": doc.title,
        "urls": [_source_url(doc, permalink)],
        "access_date": accessed.strftime("%Y/%m/%d"),
        "accession_number": doc.id,
        "name_of_database": ARCHIVE,
    }
    if doc.publisher and doc.publisher != UNKNOWN_PUBLISHER:
        entry["publisher"] = doc.publisher
    parts = _date_parts(doc.published)
    if parts:
        entry["year"] = str(parts[0])
        entry["date"] = "/".join(f"{p:02d}" for p in parts)
    if doc.language:
        entry["language"] = doc.language
    return rispy.dumps([entry], implementation=_PlainRis)


def _braces_out(text: str) -> str:
    # Braces group in BibTeX: one stray brace in a title would break the whole file.
    return text.replace("{", "(").replace("}", ")")


def bibtex(doc: DocumentRecord, permalink: str, accessed: datetime.date) -> str:
    fields = {
        "title": _braces_out(doc.title),
        "url": _source_url(doc, permalink),
        "urldate": accessed.isoformat(),
        "note": _braces_out(f"{ARCHIVE}, {doc.id}"),
    }
    if doc.publisher and doc.publisher != UNKNOWN_PUBLISHER:
        fields["organization"] = _braces_out(doc.publisher)
    parts = _date_parts(doc.published)
    if parts:
        fields["date"] = "-".join(f"{p:02d}" for p in parts)
        fields["year"] = str(parts[0])
    key = re.sub(r"[^A-Za-z0-9_-]+", "-", doc.id).strip("-") or "doc"
    return BibliographyData({key: Entry("online", fields=fields)}).to_string("bibtex")
