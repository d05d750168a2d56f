"""`python -m bench.formats`: documents per second for each file format, and a build from
web pages against the same texts as JSON Lines (the pages' extraction must not make it
twice as slow).

Texts come from the synthetic archive (bench.corpus); the files are written with the test
builders (tests/archive_files.py), furniture and metadata included.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from bench.corpus import Generator
from indexer.index.build import build_index
from indexer.ingest.files import read_file
from tests.archive_files import docx_bytes, html_page, pdf_bytes, warc_bytes


def write_files(docs: list[dict], folder: Path, fmt: str) -> None:
    folder.mkdir(parents=True)
    pages = [
        html_page(d["title"], d["text"].split("\n"), site_name=d["publisher"],
                  published=d.get("published")).encode("utf-8")
        for d in docs
    ]  # fmt: skip
    if fmt == "html":
        for d, page in zip(docs, pages, strict=True):
            (folder / f"{d['id']}.html").write_bytes(page)
    elif fmt == "warc":  # one archive of all the pages
        captures = [(f"https://example.org/{d['id']}", "2024-01-01T00:00:00Z", "text/html", p)
                    for d, p in zip(docs, pages, strict=True)]  # fmt: skip
        (folder / "crawl.warc.gz").write_bytes(warc_bytes(captures))
    elif fmt == "pdf":  # three pages each
        for d in docs:
            paras = d["text"].split("\n")
            third = max(1, len(paras) // 3)
            chunks = [paras[:third], paras[third : 2 * third], paras[2 * third :]]
            data = pdf_bytes(chunks, title=d["title"])
            (folder / f"{d['id']}.pdf").write_bytes(data)
    elif fmt == "docx":
        for d in docs:
            data = docx_bytes(d["text"].split("\n"), title=d["title"])
            (folder / f"{d['id']}.docx").write_bytes(data)


def latin1(doc: dict) -> dict:
    """The PDF builder's core font holds Latin-1 only."""
    return {k: v.encode("latin-1", "replace").decode("latin-1") if isinstance(v, str) else v
            for k, v in doc.items()}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.formats")
    ap.add_argument("--docs", type=int, default=300, help="documents per format")
    ap.add_argument("--build-docs", type=int, default=1000, help="pages for the build comparison")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-formats-"))
    try:
        docs = list(Generator(7).documents(max(args.docs, args.build_docs)))
        print(f"extraction alone, {args.docs} documents per format (one process):")
        for fmt in ("html", "warc", "pdf", "docx"):
            sample = [latin1(d) for d in docs[: args.docs]] if fmt == "pdf" else docs[: args.docs]
            folder = work / fmt
            write_files(sample, folder, fmt)
            started = time.perf_counter()
            count = sum(len(read_file(p).documents) for p in sorted(folder.iterdir()))
            seconds = time.perf_counter() - started
            print(f"  {fmt:5} {count:6d} documents {seconds:7.2f} s {count / seconds:8.0f} docs/s")

        pages = docs[: args.build_docs]
        write_files(pages, work / "build-html", "html")
        jsonl = work / "pages.jsonl"
        jsonl.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in pages))
        timings = {}
        for name, kwargs in (("jsonl", {"jsonl": jsonl}),
                             ("html", {"corpus_dir": work / "build-html"})):  # fmt: skip
            report = build_index(work / f"index-{name}", **kwargs)
            timings[name] = report.seconds
            print(f"build of {report.document_count} {name}: {report.seconds:.1f} s, "
                  f"{report.document_count / report.seconds:.0f} docs/s")  # fmt: skip
        print(f"web pages ÷ JSON Lines: {timings['html'] / timings['jsonl']:.2f}×")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
