"""SQLite FTS5 (standard library) as a reference engine: bm25, snippet(), GROUP BY facets."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from bench import queries
from bench.queries import BenchQuery

SCHEMA = """
CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, title TEXT, publisher TEXT,
                   language TEXT, year INTEGER, published TEXT, url TEXT);
CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
"""
BATCH = 2000


def _year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None


def build(jsonl: Path, index_dir: Path) -> dict:
    shutil.rmtree(index_dir, ignore_errors=True)
    index_dir.mkdir(parents=True)
    con = sqlite3.connect(index_dir / "fts.db")
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    rows, n = [], 0
    with jsonl.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            d = json.loads(line)
            rows.append(
                (
                    n,
                    d["id"],
                    d["title"],
                    d.get("publisher") or "",
                    d.get("language"),
                    _year(d.get("published")),
                    d.get("published"),
                    d.get("url"),
                    d["text"],
                )
            )
            if len(rows) >= BATCH:
                _insert(con, rows)
                rows = []
    _insert(con, rows)
    con.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    con.commit()
    con.close()
    return {"documents": n}


def _insert(con: sqlite3.Connection, rows: list[tuple]) -> None:
    con.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?)", [r[:8] for r in rows])
    con.executemany(
        "INSERT INTO fts(rowid, title, body) VALUES (?,?,?)", [(r[0], r[2], r[8]) for r in rows]
    )


class Searcher:
    """First page with snippets, total, and disjunctive publisher/language/year facets."""

    def __init__(self, index_dir: Path):
        self.con = sqlite3.connect(index_dir / "fts.db", check_same_thread=False)

    def _where(self, q: BenchQuery, skip: str = "") -> tuple[str, list]:
        sql, args = "fts MATCH ?", [queries.fts5(q)]
        if q.publisher and skip != "publisher":
            sql += f" AND d.publisher IN ({','.join('?' * len(q.publisher))})"
            args += list(q.publisher)
        return sql, args

    def search(self, q: BenchQuery, per_page: int = 10) -> dict:
        where, args = self._where(q)
        base = "FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE " + where
        hits = self.con.execute(
            "SELECT d.id, d.title, snippet(fts, 1, '<b>', '</b>', '…', 24), bm25(fts) "
            f"{base} ORDER BY bm25(fts) LIMIT ?",
            [*args, per_page],
        ).fetchall()
        total = self.con.execute(f"SELECT count(*) {base}", args).fetchone()[0]
        facets = {}
        for facet in ("publisher", "language", "year"):
            fwhere, fargs = self._where(q, skip=facet)
            facets[facet] = self.con.execute(
                f"SELECT d.{facet}, count(*) FROM fts JOIN docs d ON d.rowid = fts.rowid "
                f"WHERE {fwhere} GROUP BY 1 ORDER BY 2 DESC",
                fargs,
            ).fetchall()
        return {"total": total, "hits": hits, "facets": facets}
