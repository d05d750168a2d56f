"""Web pages, web archives, PDFs and Word files in a corpus folder: built through
`python -m indexer build`, their text, metadata, provenance and pages are what the files say,
and each bad file is one warning while the rest is indexed."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile

import pytest
from archive_files import docx_bytes, html_page, pdf_bytes, warc_bytes

from indexer.engine import open_engine
from indexer.results import SearchRequest
from tests.conftest import ROOT

ARTICLE = [
    "Refugees from Khojaly said that hundreds of civilians were killed as they fled across "
    "the mountains towards Agdam on the night of 25 February 1992.",
    "Survivors described the attack to the correspondents who reached Agdam the next day, "
    "and officials of the town confirmed the number of the dead.",
]
REPORT_PAGES = [
    ["Helsinki Watch sent a mission to Azerbaijan in March 1992 to interview the survivors."],
    ["The mission heard from many witnesses who had walked through the forest from Khojaly."],
    ["Annex: the names of the villages near Askeran that the refugees passed."],
]


def _page(title, **kw):
    return html_page(title, ARTICLE, **kw).encode("utf-8")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A corpus of every format (good and bad files), indexed by the command line."""
    root = tmp_path_factory.mktemp("mixed")
    corpus = root / "corpus"
    (corpus / "reports").mkdir(parents=True)
    (corpus / "news.html").write_bytes(
        _page(
            "Khojaly remembered in Ankara",
            site_name="Anadolu Ajansı",
            published="2023-02-26T10:15:00+03:00",
            canonical="https://www.aa.com.tr/en/khojaly-remembered/123",
            jsonld_author="Ayşe Yılmaz",
        )
    )
    (corpus / "bare.html").write_bytes(_page("A page that names nothing", lang=None))
    legacy = "Жители Ходжалы покинули город ночью 26 февраля 1992 года, спасаясь от обстрела."
    (corpus / "legacy.html").write_bytes(
        html_page("Трагедия в Ходжалы", [legacy, legacy], lang="ru", charset=None).encode("cp1251")
    )
    (corpus / "reports" / "helsinki.pdf").write_bytes(
        pdf_bytes(
            REPORT_PAGES,
            title="Bloodshed in the Caucasus",
            author="Helsinki Watch",
            created="1992-09-01",
        )
    )
    (corpus / "scan.pdf").write_bytes(pdf_bytes([[], []], blank=True, title="Scanned letter"))
    (corpus / "statement.docx").write_bytes(
        docx_bytes(
            ARTICLE,
            title="Statement of the Embassy on Khojaly",
            author="Press office",
            created="2012-02-25T09:00:00",
        )
    )
    old = _page("Old headline")
    new = _page("Khojaly: the latest headline", site_name="")
    (corpus / "crawl.warc.gz").write_bytes(
        warc_bytes(
            [
                ("https://www.aa.com.tr/en/k/1", "2020-02-26T08:00:00Z", "text/html", old),
                ("https://www.aa.com.tr/en/k/1", "2022-02-26T08:00:00Z", "text/html", new),
                (
                    "https://report.az/en/k/2",
                    "2021-03-01T08:00:00Z",
                    "text/html; charset=utf-8",
                    _page("Report on Khojaly anniversary", lang=None),
                ),
                (
                    "https://www.hrw.org/report.pdf",
                    "2021-05-01T00:00:00Z",
                    "application/pdf",
                    pdf_bytes(REPORT_PAGES[:2], title="HRW report on Khojaly"),
                ),
                ("https://example.org/logo.png", "2021-05-01T00:00:00Z", "image/png", b"\x89PNG"),
            ]
        )
    )
    # bad files, each with the reason the build must give
    whole = warc_bytes(
        [
            (f"https://report.az/{i}", "2021-01-01T00:00:00Z", "text/html", _page(f"Page {i}"))
            for i in range(3)
        ],
        gzip=False,
    )
    (corpus / "truncated.warc").write_bytes(whole[: len(whole) - 200])
    (corpus / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    (corpus / "locked.pdf").write_bytes(pdf_bytes([ARTICLE], password="secret"))
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("photos/readme.txt", "not a Word file")
    (corpus / "photos.docx").write_bytes(zipped.getvalue())
    (corpus / "empty.html").write_bytes(b"")
    index = root / "index"
    run = subprocess.run(
        [sys.executable, "-m", "indexer", "build", "--corpus", str(corpus), "--index", str(index)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return open_engine(index), run


def test_every_format_is_indexed_with_its_metadata(mixed):
    engine, run = mixed
    assert "added 11," in run.stdout and "skipped 4," in run.stdout
    assert "7 warnings" in run.stdout  # the skipped files, a scan, a legacy page, a cut WARC
    news = engine.document("news")
    assert news.format == "html"
    assert news.title == "Khojaly remembered in Ankara"
    assert news.publisher == "Anadolu Agency"  # "Anadolu Ajansı" through the alias table
    assert news.published == "2023-02-26" and news.year == 2023
    assert news.url == "https://www.aa.com.tr/en/khojaly-remembered/123"
    assert news.author == "Ayşe Yılmaz"
    assert news.language == "en"
    assert "hundreds of civilians were killed" in news.text


@pytest.mark.parametrize(
    "doc_id, line",
    [
        (
            "news",
            'publisher: <meta property="og:site_name"> "Anadolu Ajansı" (alias of Anadolu Agency)',
        ),
        ("news", 'published: <meta property="article:published_time"> "2023-02-26T10:15:00+03:00"'),
        ("news", 'url: <link rel="canonical">'),
        ("news", 'language: <html lang="en">'),
        ("news", 'author: JSON-LD author.name "Ayşe Yılmaz"'),
        ("reports-helsinki", "title: PDF Title"),
        ("reports-helsinki", 'published: PDF CreationDate "D:19920901'),
        ("statement", 'title: DOCX core property title "Statement of the Embassy on Khojaly"'),
        ("statement", "published: DOCX core property created"),
    ],
)
def test_provenance_says_where_each_field_came_from(mixed, doc_id, line):
    engine, _ = mixed
    assert line in engine.document(doc_id).provenance


def test_page_furniture_is_left_out_of_web_pages(mixed):
    text = mixed[0].document("news").text
    for furniture in ("Most read", "Football club", "Post comment", "All rights reserved", "Sport"):
        assert furniture not in text


def test_unknown_stays_unknown(mixed):
    bare = mixed[0].document("bare")
    assert (bare.publisher, bare.published, bare.url) == ("Unknown", None, None)
    assert "publisher:" not in (bare.provenance or "")


def test_a_legacy_encoded_page_is_decoded_and_named(mixed):
    engine, run = mixed
    legacy = engine.document("legacy")
    assert legacy.title == "Трагедия в Ходжалы" and "Жители Ходжалы" in legacy.text
    assert "legacy.html: not UTF-8 and no charset declared; read as cp1251" in run.stderr
    assert [h.id for h in engine.search(SearchRequest(q="покинули")).hits] == ["legacy"]


def test_pdf_pages_are_kept_for_snippets_and_the_document(mixed):
    engine, _ = mixed
    doc = engine.document("reports-helsinki")
    assert (doc.format, doc.title, doc.author) == (
        "pdf",
        "Bloodshed in the Caucasus",
        "Helsinki Watch",
    )
    assert doc.published == "1992-09-01"
    paragraphs = doc.text.split("\n\n")
    assert [p["label"] for p in doc.pages] == ["1", "2", "3"]
    for page, words in zip(
        doc.pages, ["Helsinki Watch sent", "The mission heard", "Annex"], strict=True
    ):
        assert paragraphs[page["paragraph"]].startswith(words)
    hit = engine.search(SearchRequest(q="Askeran")).hits[0]
    assert hit.id == "reports-helsinki" and hit.snippet_pages == ["3"]
    hit = engine.search(SearchRequest(q="forest")).hits[0]
    assert hit.snippet_pages == ["2"]


def test_a_web_archive_gives_the_latest_capture_of_each_page(mixed):
    engine, _ = mixed
    hits = engine.search(SearchRequest(q="headline", per_page=50, collapse=False)).hits
    titles = [h.title for h in hits]
    assert "Khojaly: the latest headline" in titles and "Old headline" not in titles
    page = engine.document(next(h.id for h in hits if h.title.startswith("Khojaly: the")))
    assert page.format == "warc"
    assert page.url == "https://www.aa.com.tr/en/k/1"
    assert page.captured == "2022-02-26T08:00:00Z"
    assert page.publisher == "Anadolu Agency"
    assert 'publisher: WARC target URI host "aa.com.tr"' in page.provenance
    assert "captured: WARC-Date" in page.provenance
    assert page.source == "corpus/crawl.warc.gz"


def test_a_pdf_inside_a_web_archive_goes_through_the_pdf_reader(mixed):
    engine, _ = mixed
    hit = engine.search(SearchRequest(q="forest", publisher=("Human Rights Watch",))).hits[0]
    doc = engine.document(hit.id)
    assert (doc.format, doc.title, doc.url) == (
        "pdf",
        "HRW report on Khojaly",
        "https://www.hrw.org/report.pdf",
    )
    assert [p["label"] for p in doc.pages] == ["1", "2"] and hit.snippet_pages == ["2"]


@pytest.mark.parametrize(
    "name, reason",
    [
        ("corrupt.pdf", "skipped: corrupt or unreadable PDF"),
        ("locked.pdf", "skipped: password-protected PDF"),
        ("photos.docx", "skipped: a ZIP without a Word document in it"),
        ("empty.html", "skipped: empty file"),
        ("truncated.warc", "truncated or corrupt after 3 records"),
        ("scan.pdf", "no text layer (scanned?): pages 1, 2 indexed without their text"),
    ],
)
def test_each_bad_file_is_one_warning_naming_it(mixed, name, reason):
    _, run = mixed
    lines = [line for line in run.stderr.splitlines() if f"corpus/{name}:" in line]
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"warning: corpus/{name}: ") and reason in lines[0]


def test_what_bad_files_hold_that_can_be_read_is_indexed(mixed):
    engine, _ = mixed
    scan = engine.document("scan")
    assert scan.title == "Scanned letter" and scan.text == ""
    truncated = [
        h
        for h in engine.search(SearchRequest(per_page=50, collapse=False)).hits
        if h.id.startswith("truncated-")
    ]
    assert len(truncated) == 2  # the third record is cut short


def test_facets_are_filled_from_the_files(mixed):
    engine, _ = mixed
    facets = engine.search(SearchRequest()).facets
    publishers = {v.value: v.count for v in facets["publisher"]}
    assert publishers["Anadolu Agency"] == 2  # one page file and one archived page
    assert publishers["Report.az"] >= 1 and publishers["Human Rights Watch"] == 1
    years = {v.value for v in facets["year"]}
    assert {"1992", "2012", "2023"} <= years
    assert {"en", "ru"} <= {v.value for v in facets["language"]}


def test_the_catalog_still_wins(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.html").write_bytes(
        _page("From the page", site_name="Anadolu Ajansı", published="2023-02-26")
    )
    (corpus / "catalog.toml").write_text(
        '[documents.page]\ntitle = "From the catalog"\npublished = "2023-02-27"\n', "utf-8"
    )
    from indexer.index.build import build_index

    build_index(tmp_path / "index", corpus_dir=corpus)
    doc = open_engine(tmp_path / "index").document("page")
    assert (doc.title, doc.published, doc.publisher) == (
        "From the catalog",
        "2023-02-27",
        "Anadolu Agency",
    )
    assert "title: catalog.toml" in doc.provenance
    assert "published: catalog.toml" in doc.provenance
    assert 'publisher: <meta property="og:site_name">' in doc.provenance


def _peak_build_mb(corpus, index) -> float:
    """Peak resident memory of `python -m indexer build` over `corpus`, in MB."""
    code = (
        "import resource, sys; from indexer.cli import main; code = main(sys.argv[1:]); "
        "print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(code)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, "build", "--corpus", str(corpus), "--index", str(index)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return int(run.stdout.split("peak")[1]) / 1024


@pytest.mark.slow
def test_a_200_mb_pdf_is_read_in_bounded_memory(tmp_path):
    """Its text is indexed, and the build takes no more memory than for a small PDF, give or
    take far less than the file's size (pypdf reads object by object, images untouched)."""
    from archive_files import write_huge_pdf

    small, huge = tmp_path / "small", tmp_path / "huge"
    small.mkdir()
    huge.mkdir()
    (small / "scan.pdf").write_bytes(pdf_bytes([["Survivors of Khojaly reached Agdam."]]))
    write_huge_pdf(huge / "scan.pdf", 200)
    assert (huge / "scan.pdf").stat().st_size > 200 * 10**6
    baseline = _peak_build_mb(small, tmp_path / "index-small")
    peak = _peak_build_mb(huge, tmp_path / "index")
    assert peak - baseline < 100, f"peak RSS {peak:.0f} MB, {baseline:.0f} MB for a small PDF"
    hit = open_engine(tmp_path / "index").search(SearchRequest(q="Agdam")).hits[0]
    assert hit.id == "scan" and hit.snippet_pages == ["1"]


def test_good_files_have_nothing_to_warn_about(mixed):
    _, run = mixed
    for name in ("news.html", "crawl.warc.gz", "statement.docx", "reports/helsinki.pdf"):
        assert f"corpus/{name}:" not in run.stderr


def test_scans_are_read_by_ocr_where_it_is_installed(tmp_path):
    from archive_files import scanned_pdf_bytes

    from indexer.ingest.formats import ocr

    if not ocr.available():
        pytest.skip("OCR is not installed: pip install '.[ocr]' and apt-get install tesseract-ocr")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "letter.pdf").write_bytes(
        scanned_pdf_bytes(["Refugees from Khojaly", "reached Agdam in February."])
    )
    from indexer.index.build import build_index

    report = build_index(tmp_path / "index", corpus_dir=corpus)
    assert report.warnings == []
    doc = open_engine(tmp_path / "index").document("letter")
    assert "Agdam" in doc.text and "text: OCR (Tesseract) on pages 1" in doc.provenance


def test_files_that_lead_outside_the_folder_or_never_end_are_named(tmp_path):
    import os

    from indexer.index.build import build_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (tmp_path / "secret.html").write_bytes(_page("Outside the corpus"))
    (corpus / "link.html").symlink_to(tmp_path / "secret.html")
    os.mkfifo(corpus / "pipe.pdf")
    (corpus / "page.html").write_bytes(_page("Inside the corpus"))
    report = build_index(tmp_path / "index", corpus_dir=corpus)
    assert report.added == 1 and report.skipped == 2
    assert any(
        "link.html: skipped: a symbolic link to a file outside" in w for w in report.warnings
    )
    assert any("pipe.pdf: skipped: a FIFO" in w for w in report.warnings)


def test_a_long_pdf_keeps_its_page_labels_on_every_page_of_the_document_view(tmp_path):
    from indexer.index.build import build_index
    from webapp import create_app

    filler = "The commission heard the witnesses of Khojaly one by one. " * 30
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pages = [[f"Page {n} opens here. {filler}"] for n in range(1, 61)]
    (corpus / "long.pdf").write_bytes(pdf_bytes(pages, title="A long report"))
    build_index(tmp_path / "index", corpus_dir=corpus)
    client = create_app({"TESTING": True, "INDEX": str(tmp_path / "index")}).test_client()
    seen = []
    for view in (1, 2):
        html = client.get(f"/doc/long?page={view}").get_data(as_text=True)
        labels = re.findall(r'class="page-label"[^>]*>p\. (\d+)</p><p>Page (\d+) opens', html)
        assert labels and all(a == b for a, b in labels)
        seen += [int(a) for a, _ in labels]
    assert seen == list(range(1, len(seen) + 1)) and len(seen) > 40
