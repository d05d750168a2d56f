"""Web pages: main text and metadata with trafilatura (dates through htmldate), the encoding
found by charset-normalizer when the bytes are not UTF-8.

Each metadata value is traced back to the markup that holds it (an OpenGraph or Dublin Core
meta tag, JSON-LD, <html lang>), so the provenance says where it came from."""

from __future__ import annotations

import json
import re

import lxml.html
import trafilatura
from charset_normalizer import from_bytes

from indexer.ingest.formats.extracted import Extracted, FormatError
from indexer.ingest.publishers import canonical, host_of

MAX_BYTES = 20 * 1024 * 1024  # a page larger than this is not an article
DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w:.-]+)""", re.IGNORECASE)
# markup that may carry each field, in the order trafilatura prefers it
META_SOURCES = {
    "title": ("og:title", "twitter:title", "dc.title", "citation_title"),
    "publisher": ("og:site_name", "application-name", "dc.publisher", "citation_publisher"),
    "published": (
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "dc.date",
        "dc.date.issued",
        "citation_publication_date",
        "pubdate",
        "date",
    ),
    "author": ("author", "article:author", "dc.creator", "citation_author"),
}
JSONLD_SOURCES = {
    "title": ("headline", "name"),
    "publisher": ("publisher.name",),
    "published": ("datePublished",),
    "author": ("author.name",),
}
DATE_PARAMS = {"original_date": True, "extensive_search": False}  # markup, not guesses


def read(handle, name: str, url: str | None = None) -> list[Extracted]:
    data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise FormatError(f"larger than {MAX_BYTES // 2**20} MB; not a web page to index")
    return [extract(data, name, url=url)]


def decode(data: bytes) -> tuple[str, str | None]:
    """The page's text and a warning when its encoding had to be guessed."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormatError("binary file (contains NUL bytes), not a web page")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    declared = DECLARED.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii")), None
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None:
        raise FormatError("not text in any encoding that could be detected")
    return str(best), f"not UTF-8 and no charset declared; read as {best.encoding} (detected)"


def extract(data: bytes, name: str, url: str | None = None, fmt: str = "html") -> Extracted:
    page, warning = decode(data)
    if not page.strip():
        raise FormatError("empty file")
    try:
        tree = lxml.html.document_fromstring(page)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise FormatError(f"not HTML that can be parsed ({exc})") from None
    found = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=DATE_PARAMS,
    )
    markup = _markup(tree)
    text = (found.text if found else "") or ""
    doc = Extracted(format=fmt, text=_one_paragraph_per_line(text))
    if warning:
        doc.warnings.append(warning)
    if found is not None:
        for field in ("title", "published", "author"):
            value = found.date if field == "published" else getattr(found, field)
            doc.set(field, value, _source(field, value, markup))
        site = found.sitename
        if site and site.lower().removeprefix("www.") == host_of(url or found.url):
            site = None  # trafilatura's fallback to the host: named below with its source
        doc.set("publisher", canonical(site), _source("publisher", site, markup, canonical(site)))
        doc.set("url", found.url, _url_source(found.url, markup))
    lang = markup.get("html lang")
    if lang:
        doc.set("language", lang.split("-")[0].lower(), f'<html lang="{lang}">')
    if doc.publisher is None and doc.url and url is None:
        host = host_of(doc.url)
        doc.set("publisher", canonical(host), _aliased("canonical URL host", host))
    return doc


def _one_paragraph_per_line(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _markup(tree) -> dict[str, str]:
    """Metadata the page declares: meta tags by lower-cased name/property, JSON-LD fields by
    "json-ld:path", the canonical link and <html lang>."""
    out: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and key.lower() not in out:
            out[key.lower()] = content.strip()
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            out.setdefault("canonical", link.get("href").strip())
    lang = tree.get("lang") or tree.get("xml:lang")
    if lang:
        out["html lang"] = lang.strip()
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            for obj in data if isinstance(data, list) else [data]:
                _flatten_jsonld(obj, out)
    return out


def _flatten_jsonld(obj, out: dict[str, str]) -> None:
    if not isinstance(obj, dict):
        return
    for paths in JSONLD_SOURCES.values():
        for path in paths:
            value = obj
            for part in path.split("."):
                value = value.get(part) if isinstance(value, dict) else None
                if isinstance(value, list) and value:
                    value = value[0]
            if isinstance(value, str) and value.strip():
                out.setdefault(f"json-ld:{path}", value.strip())
    for nested in obj.get("@graph") or ():
        _flatten_jsonld(nested, out)


def _same(field: str, value: str, declared: str) -> bool:
    if field == "published":
        return declared.strip().startswith(value)
    return " ".join(declared.split()).casefold() == " ".join(value.split()).casefold()


def _source(field: str, value: str | None, markup: dict[str, str], shown=None) -> str:
    """Where `value` of `field` came from: the first tag of the page that holds it."""
    if not value:
        return ""
    for key in META_SOURCES[field]:
        if key in markup and _same(field, value, markup[key]):
            return _aliased(f'<meta property="{key}">', markup[key], shown)
    for path in JSONLD_SOURCES[field]:
        key = f"json-ld:{path}"
        if key in markup and _same(field, value, markup[key]):
            return _aliased(f"JSON-LD {path}", markup[key], shown)
    if field == "published":
        return f"htmldate from the page markup {value!r}"
    if field == "title" and markup:
        return f'<title> "{value}"'
    return _aliased("trafilatura from the page", value, shown)


def _aliased(where: str, raw: str | None, shown: str | None = None) -> str:
    line = f'{where} "{raw}"'
    if shown and raw and shown != " ".join(raw.split()):
        line += f" (alias of {shown})"
    return line


def _url_source(url: str | None, markup: dict[str, str]) -> str:
    if url and markup.get("canonical") == url:
        return '<link rel="canonical">'
    if url and markup.get("og:url") == url:
        return '<meta property="og:url">'
    return "trafilatura from the page"
