"""Word files (.docx) with python-docx: paragraphs and tables, title, author and dates from
the core properties."""

from __future__ import annotations

import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError

from indexer.ingest.formats.extracted import Extracted, FormatError


def read(handle, name: str, url: str | None = None) -> list[Extracted]:
    try:
        document = docx.Document(handle)
    except (PackageNotFoundError, zipfile.BadZipFile):
        raise FormatError("not a Word file (.docx is a ZIP package; this one is not)") from None
    except (KeyError, ValueError, zipfile.LargeZipFile, OSError) as exc:
        raise FormatError(f"a ZIP without a Word document in it ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises lxml errors for bad XML
        raise FormatError(f"broken Word document ({type(exc).__name__}: {exc})") from None
    lines = [" ".join(p.text.split()) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = [" ".join(c.text.split()) for c in row.cells]
            lines.append(" | ".join(c for c in cells if c))
    doc = Extracted(format="docx", text="\n".join(line for line in lines if line), url=url)
    props = document.core_properties
    doc.set("title", props.title, f'DOCX core property title "{props.title}"')
    doc.set("author", props.author, "DOCX core property author")
    if props.created is not None:
        created = props.created.date().isoformat()
        doc.set("published", created, f'DOCX core property created "{props.created.isoformat()}"')
    if props.language:
        lang = props.language.split("-")[0].lower()
        doc.set("language", lang, f'DOCX core property language "{props.language}"')
    return [doc]
