"""tantivy (optional `bench` extra) as a reference engine: BM25, snippets, terms aggregations."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import tantivy
from tantivy import Occur, Query

from bench import queries
from bench.fts5_engine import _year
from bench.queries import BenchQuery

TEXT_FIELDS = ["title", "body"]
FACETS = {"publisher": 30, "language": 10, "year": 50}


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=True, tokenizer_name="fold")
    sb.add_text_field("body", stored=True, tokenizer_name="fold")
    sb.add_text_field("publisher", stored=True, fast=True, tokenizer_name="raw")
    sb.add_text_field("language", stored=True, fast=True, tokenizer_name="raw")
    sb.add_integer_field("year", stored=True, fast=True, indexed=True)
    return sb.build()


def _open(index_dir: Path) -> tantivy.Index:
    index = tantivy.Index(_schema(), path=str(index_dir))
    analyzer = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )
    index.register_tokenizer("fold", analyzer)
    return index


def build(jsonl: Path, index_dir: Path) -> dict:
    shutil.rmtree(index_dir, ignore_errors=True)
    index_dir.mkdir(parents=True)
    index = _open(index_dir)
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    with jsonl.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):  # noqa: B007 - n is the count
            d = json.loads(line)
            fields = {
                "id": d["id"],
                "title": d["title"],
                "body": d["text"],
                "publisher": d.get("publisher") or "",
                "language": d.get("language") or "",
            }
            year = _year(d.get("published"))
            if year is not None:
                fields["year"] = year
            writer.add_document(tantivy.Document(**fields))
    writer.commit()
    writer.wait_merging_threads()
    return {"documents": n}


class Searcher:
    def __init__(self, index_dir: Path):
        self.index = _open(index_dir)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def _part(self, p: queries.Part) -> Query:
        if p.kind == "prefix":
            pattern = re.escape(p.text.lower()) + ".*"
            return Query.boolean_query(
                [(Occur.Should, Query.regex_query(self.schema, f, pattern)) for f in TEXT_FIELDS]
            )
        if p.kind == "name":
            text = " OR ".join(f'"{s}"' for s in queries.spellings(p.name))
        elif p.kind == "phrase":
            text = " OR ".join(f'"{f}"' for f in queries.phrase_forms(p))
        else:
            text = p.text
        return self.index.parse_query(text, TEXT_FIELDS)

    def _query(self, q: BenchQuery, text_query: Query, skip: str = "") -> Query:
        if not q.publisher or skip == "publisher":
            return text_query
        flt = Query.term_set_query(self.schema, "publisher", list(q.publisher))
        return Query.boolean_query([(Occur.Must, text_query), (Occur.Must, flt)])

    def search(self, q: BenchQuery, per_page: int = 10) -> dict:
        text_query = Query.boolean_query([(Occur.Must, self._part(p)) for p in q.parts])
        query = self._query(q, text_query)
        result = self.searcher.search(query, per_page, count=True)
        snippets = tantivy.SnippetGenerator.create(self.searcher, text_query, self.schema, "body")
        hits = []
        for score, addr in result.hits:
            doc = self.searcher.doc(addr)
            hits.append(
                (doc["id"][0], doc["title"][0], snippets.snippet_from_doc(doc).to_html(), score)
            )
        facets = {}
        for facet, size in FACETS.items():
            agg = self.searcher.aggregate(
                self._query(q, text_query, skip=facet),
                {facet: {"terms": {"field": facet, "size": size}}},
            )
            facets[facet] = [(b["key"], b["doc_count"]) for b in agg[facet]["buckets"]]
        return {"total": result.count, "hits": hits, "facets": facets}
