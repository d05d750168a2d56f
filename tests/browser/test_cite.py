"""Citing a document: a formatted reference, a permanent link, RIS and BibTeX files that
reference managers read back with the document's metadata, and one-click copy."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest
import rispy
from playwright.sync_api import expect
from pybtex.database import parse_string

from .ui_docs import XSS_PUBLISHER, XSS_TITLE


def access_days() -> set[datetime.date]:
    """The days a request answered just now can date its access by (midnight may fall between)."""
    now = datetime.datetime.now(datetime.UTC)
    return {(now - datetime.timedelta(minutes=5)).date(), now.date()}


def citation_text(html: str) -> str:
    return unescape(re.search(r'<p id="citation"[^>]*>(.*?)</p>', html, re.S).group(1))


def test_reference_names_publisher_year_title_url_and_accessed_date(ui_client):
    html = ui_client.get("/doc/ui-02?lang=en").get_data(as_text=True)
    text = citation_text(html)
    assert text.startswith("Caucasus Herald (1993) Report 2 on Khojaly.")
    assert "Available at: https://example.org/reports/2" in text
    assert any(f"Accessed: {d:%B} {d.day}, {d.year}" in text for d in access_days())
    assert 'value="http://localhost/doc/ui-02"' in html  # the permanent link


def test_reference_follows_the_russian_interface(ui_client):
    text = citation_text(ui_client.get("/doc/ui-02?lang=ru").get_data(as_text=True))
    assert "Доступно на: https://example.org/reports/2" in text


def test_a_document_without_a_web_address_is_cited_by_its_permanent_link(ui_client):
    text = citation_text(ui_client.get("/doc/ui-xss?lang=en").get_data(as_text=True))
    assert "Available at: http://localhost/doc/ui-xss" in text  # its url is javascript:


def test_ris_file_reads_back_with_the_metadata(ui_client):
    resp = ui_client.get("/doc/ui-02/cite.ris")
    assert resp.mimetype == "application/x-research-info-systems"
    assert 'filename="ui-02.ris"' in resp.headers["Content-Disposition"]
    (entry,) = rispy.loads(resp.get_data(as_text=True))
    assert entry["title"] == "Report 2 on Khojaly"
    assert entry["publisher"] == "Caucasus Herald"
    assert entry["date"] == "1993/02/26" and entry["year"] == "1993"
    assert entry["urls"] == ["https://example.org/reports/2"]
    assert entry["accession_number"] == "ui-02"
    assert entry["access_date"] in {d.strftime("%Y/%m/%d") for d in access_days()}


@pytest.mark.parametrize("doc_id", ["ui-02", "ui-xss"])
def test_bibtex_file_reads_back_with_the_metadata(ui_client, doc_id):
    resp = ui_client.get(f"/doc/{doc_id}/cite.bib")
    assert resp.mimetype == "application/x-bibtex"
    entry = parse_string(resp.get_data(as_text=True), "bibtex").entries[doc_id]
    fields = {k.lower(): v for k, v in entry.fields.items()}
    if doc_id == "ui-02":
        assert fields["title"] == "Report 2 on Khojaly"
        assert fields["organization"] == "Caucasus Herald"
        assert fields["date"] == "1993-02-26" and fields["url"] == "https://example.org/reports/2"
    else:  # markup in the metadata is just text in the file
        assert fields["title"] == XSS_TITLE and fields["organization"] == XSS_PUBLISHER
    assert fields["urldate"] in {d.isoformat() for d in access_days()}


def test_citation_files_of_an_unknown_document_are_404(ui_client):
    assert ui_client.get("/doc/no-such-doc/cite.ris").status_code == 404


@pytest.mark.browser
def test_copy_buttons_put_the_link_and_the_reference_on_the_clipboard(browser, ui_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=ui_server)
    page = context.new_page()
    try:
        page.goto(ui_server + "/doc/ui-02?lang=en")
        page.get_by_role("button", name="Copy reference").click()
        expect(page.locator("#copy-status")).to_have_text("Copied")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#citation").inner_text().strip()
        assert copied.startswith("Caucasus Herald (1993)")
        page.get_by_role("button", name="Copy link").click()
        assert page.evaluate("navigator.clipboard.readText()") == ui_server + "/doc/ui-02"
    finally:
        context.close()
