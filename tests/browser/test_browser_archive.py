"""An archive of files in a real headless Chromium: a PDF's page numbers in the snippets and
on its document page, and copies of one agency story folded into one hit that expands."""

from __future__ import annotations

import re
import threading

import pytest
from archive_files import html_page, pdf_bytes
from playwright.sync_api import expect
from werkzeug.serving import make_server

from indexer.index.build import build_index
from webapp import create_app

STORY = [
    "Thousands of people marched in Baku on Sunday to commemorate the victims of the Khojaly "
    "tragedy, carrying red carnations to the monument in the Khatai district.",
    "The marchers included members of parliament, diplomats and the families of the victims, "
    "who laid wreaths and observed a minute of silence at noon.",
    "Similar ceremonies were held in Ankara, Istanbul and Tbilisi, where the Azerbaijani "
    "communities organised exhibitions of photographs from February 1992.",
]
OUTLETS = [
    ("aa", "Anadolu Ajansı", "default"),
    ("sabah", "Daily Sabah", "other"),
    ("azertac", "AZERTAC", "other"),
]


@pytest.fixture(scope="module")
def archive_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, site, furniture in OUTLETS:
        html = html_page(
            "Khojaly victims remembered in Baku",
            STORY,
            site_name=site,
            published="2024-02-26",
            furniture=furniture,
        )
        (corpus / f"{name}.html").write_text(html, "utf-8")
    (corpus / "report.pdf").write_bytes(
        pdf_bytes(
            [
                ["The mission interviewed survivors of Khojaly in Baku in March 1992."],
                ["Witnesses described the flight through the forest towards Agdam."],
                ["The report ends with recommendations to both governments."],
            ],
            title="Bloodshed in the Caucasus",
            created="1992-09-01",
        )
    )
    build_index(root / "index", corpus_dir=corpus)
    app = create_app({"TESTING": True, "INDEX": str(root / "index")})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(params=[True, False], ids=["js", "nojs"])
def page(request, browser, archive_server):
    context = browser.new_context(java_script_enabled=request.param)
    context.set_default_timeout(5000)
    pg = context.new_page()
    pg.base = archive_server
    yield pg
    context.close()


def test_pdf_snippets_and_document_page_show_page_numbers(page):
    page.goto(page.base + "/?q=forest")
    hit = page.locator(".hit").filter(has_text="Bloodshed in the Caucasus")
    expect(hit.locator(".snippet-page")).to_have_text("p. 2")
    expect(hit.locator(".snippet mark")).to_have_text("forest")

    hit.locator(".hit-title a").click()
    expect(page.locator("h1")).to_have_text("Bloodshed in the Caucasus")
    expect(page.locator(".doc-format")).to_have_text("PDF")
    labels = page.locator(".doc-text .page-label")
    expect(labels).to_have_text(["p. 1", "p. 2", "p. 3"])
    expect(page.locator("#page-2 + p")).to_contain_text("forest")


def test_copies_of_one_story_are_one_hit_that_expands(page):
    page.goto(page.base + "/?q=carnations")
    hits = page.locator(".hit")
    expect(hits).to_have_count(1)
    copies = hits.first.locator("details.copies")
    summary = copies.locator("summary")
    expect(summary).to_have_text(re.compile(r"^\+2 copies from "))
    listed = copies.locator("li")
    expect(listed.first).to_be_hidden()
    summary.click()
    expect(listed).to_have_count(2)
    expect(listed.first).to_be_visible()
    publishers = {*copies.locator(".copy-meta").all_inner_texts()}
    shown = hits.first.locator(".publisher").inner_text()
    assert {p.split(" · ")[0] for p in publishers} | {shown} == {
        "Anadolu Agency",
        "Daily Sabah",
        "AZERTAC",
    }
    # the publisher facet still counts each document
    expect(page.locator(".facet-publisher")).to_contain_text("Daily Sabah")

    listed.first.locator("a").click()
    expect(page).to_have_url(re.compile(r"/doc/"))
    others = page.locator(".doc-copies li")
    expect(others).to_have_count(2)
    expect(others.first).to_contain_text("% of the wording in common")


def test_collapse_false_lists_every_copy(page):
    page.goto(page.base + "/?q=carnations&collapse=false")
    expect(page.locator(".hit")).to_have_count(3)
    expect(page.locator("details.copies")).to_have_count(0)
