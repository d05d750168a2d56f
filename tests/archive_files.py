"""Real files of every format the indexer reads, written by the libraries people make them
with (fpdf2, python-docx, warcio), for tests that index them through the real build."""

from __future__ import annotations

import io

import docx
from fpdf import FPDF
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def html_page(
    title: str,
    paragraphs: list[str],
    *,
    site_name: str | None = None,
    published: str | None = None,
    canonical: str | None = None,
    lang: str | None = "en",
    jsonld_author: str | None = None,
    charset: str | None = "utf-8",
    furniture: str = "default",
) -> str:
    """A news page with navigation, a sidebar of other headlines, comments and a footer."""
    head = [f"<title>{title} | {site_name or 'News'}</title>"]
    if charset:
        head.insert(0, f'<meta charset="{charset}">')
    if site_name:
        head.append(f'<meta property="og:site_name" content="{site_name}">')
    head.append(f'<meta property="og:title" content="{title}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    if jsonld_author:
        head.append(
            '<script type="application/ld+json">{"@context":"https://schema.org",'
            f'"@type":"NewsArticle","headline":"{title}",'
            f'"author":{{"@type":"Person","name":"{jsonld_author}"}}}}</script>'
        )
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    nav = {
        "default": '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
        '<li><a href="/sport">Sport</a></li></ul></nav>',
        "other": '<header><div class="menu"><a href="/">Main page</a> | <a href="/region">'
        'Region</a> | <a href="/economy">Economy</a></div></header>',
    }[furniture]
    aside = (
        '<aside><h3>Most read</h3><ul><li><a href="/a">Football club wins the cup final</a></li>'
        '<li><a href="/b">Weather: snow expected in the mountains</a></li></ul></aside>'
    )
    comments = (
        '<div class="comments"><h3>Comments</h3><div class="comment">Reader42: first!</div>'
        "<form><textarea></textarea><button>Post comment</button></form></div>"
    )
    footer = "<footer><p>© 2023 All rights reserved.</p><a href='/contact'>Contact us</a></footer>"
    lang_attr = f' lang="{lang}"' if lang else ""
    return (
        f"<!DOCTYPE html><html{lang_attr}><head>{''.join(head)}</head><body>{nav}"
        f"<main><article><h1>{title}</h1>{body}</article>{aside}{comments}</main>"
        f"{footer}</body></html>"
    )


def pdf_bytes(
    pages: list[list[str]],
    *,
    title: str | None = None,
    author: str | None = None,
    created: str | None = None,
    password: str | None = None,
    blank: bool = False,
) -> bytes:
    """A PDF with one list of paragraphs per page; `blank` draws shapes but no text (a scan)."""
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    if created:
        from datetime import datetime

        pdf.set_creation_date(datetime.fromisoformat(created))
    pdf.set_font("Helvetica", size=11)  # a core font: Latin-1 text only, no font file needed
    for paragraphs in pages:
        pdf.add_page()
        if blank:
            pdf.rect(20, 20, 150, 200, style="F")
            continue
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(6)
    if password:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password="owner",
            user_password=password,
            encryption_method=EncryptionMethod.AES_128,
        )
    return bytes(pdf.output())


def docx_bytes(paragraphs: list[str], *, title=None, author=None, created=None) -> bytes:
    document = docx.Document()
    props = document.core_properties
    props.title = title or ""
    props.author = author or ""
    if created:
        from datetime import datetime

        props.created = datetime.fromisoformat(created)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def warc_bytes(captures: list[tuple[str, str, str, bytes]], gzip: bool = True) -> bytes:
    """A WARC of (target URI, WARC-Date, content type, payload) response records."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for uri, date, ctype, payload in captures:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(payload),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(record)
    return out.getvalue()


def write_huge_pdf(path, megabytes: int) -> None:
    """A PDF of two text pages, each also carrying a scan-sized image of random bytes."""
    import os

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, NumberObject, StreamObject

    small = pdf_bytes([["Survivors of Khojaly reached Agdam."], ["The second page."]])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(small)))
    side = int((megabytes * 2**20 / 2) ** 0.5)
    for page in writer.pages:
        image = StreamObject()
        image.set_data(os.urandom(side * side))
        image.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Image"),
                NameObject("/Width"): NumberObject(side),
                NameObject("/Height"): NumberObject(side),
                NameObject("/ColorSpace"): NameObject("/DeviceGray"),
                NameObject("/BitsPerComponent"): NumberObject(8),
            }
        )
        page["/Resources"][NameObject("/XObject")] = DictionaryObject(
            {NameObject("/Im1"): writer._add_object(image)}
        )
    with open(path, "wb") as handle:
        writer.write(handle)


def scanned_pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF whose text exists only as a picture of it (what a scanner makes)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 200 + 90 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=56)
    for i, line in enumerate(lines):
        draw.text((80, 80 + 90 * i), line, fill=0, font=font)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=190)
    return bytes(pdf.output())
