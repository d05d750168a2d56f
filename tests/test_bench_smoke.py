"""The benchmark runs end to end on a tiny corpus. Figures are reported, never asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import ours_engine, report
from bench.corpus import Generator
from bench.queries import LABELS, fts5, ours, query_set
from bench.query_pool import pools

ROOT = Path(__file__).resolve().parent.parent
DOCS = 40


def test_generator_is_deterministic_and_news_like():
    a = list(Generator(7).documents(40))
    assert a == list(Generator(7).documents(40))
    assert a != list(Generator(8).documents(40))
    for doc in a:
        assert 400 <= len(doc["text"].split()) <= 900
        assert doc["title"] and doc["publisher"] and doc["published"][:4].isdigit()
        assert 1992 <= int(doc["published"][:4]) <= 2025


def test_every_query_has_a_form_for_each_engine():
    for q in query_set() + pools(200, per_kind=3).timed:
        assert ours(q) and fts5(q)
    assert any(q.publisher for q in query_set())


def test_timed_queries_are_first_seen():
    """Over a thousand timed queries, none repeated and none met in the warm-up."""
    qs = pools(10_000)
    timed = [(ours(q), q.publisher) for q in qs.timed]
    assert len(timed) >= 1_000
    assert len(set(timed)) == len(timed)
    assert not set(timed) & {(ours(q), q.publisher) for q in qs.warm}
    assert {q.label for q in qs.timed} == set(LABELS)
    assert qs.timed == pools(10_000).timed  # the same queries on every run


def test_an_incremental_step_of_one_document_updates_one_on_a_reused_index(tmp_path):
    # the index of an earlier run still holds that run's edits, whose file was restored
    jsonl = tmp_path / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(d) + "\n" for d in Generator(3).documents(12)))
    original = jsonl.read_text()
    ours_engine.replace_lines(jsonl, {7, 8}, lambda _n, line: line.replace("the", "a"))
    ours_engine.build(jsonl, tmp_path / "index")
    jsonl.write_text(original)
    report = ours_engine.incremental(jsonl, tmp_path / "index")
    assert report["incremental_report"]["updated"] == 1
    assert report["second_incremental_report"]["updated"] == 1
    assert jsonl.read_text() == original


@pytest.mark.slow
def test_tiny_benchmark_end_to_end(tmp_path):
    other = "<!-- results:100000 -->\nthe large run\n<!-- /results:100000 -->\n"
    (tmp_path / "RESULTS.md").write_text(report.HEADER + "\n" + other)
    options = f"--docs {DOCS} --repeat 1 --limit-queries 1 --http-requests 24 --http-clients 2"
    options += " --long-docs 0.1"
    cmd = [sys.executable, "-m", "bench", "run", *options.split(), "--http-time-limit", "30"]
    cmd += ["--work", str(tmp_path / "work"), "--results", str(tmp_path)]
    proc = subprocess.run(cmd, cwd=ROOT, timeout=170, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads((tmp_path / f"results-{DOCS}.json").read_text())
    md = (tmp_path / "RESULTS.md").read_text()
    assert f"## {DOCS} documents" in md and "### Targets" in md
    assert other in md  # another size's section is left as it was
    fts = results["engines"]["fts5"]
    assert fts["build"]["docs_per_second"] > 0
    assert set(fts["search"]["kinds"]) == set(LABELS)
    assert set(fts["search"]["hot_kinds"]) == set(LABELS)
    mine = results["engines"]["ours"]
    assert "error" not in mine["build"], mine["build"]
    assert set(mine["search"]["kinds"]) == set(fts["search"]["kinds"])
    assert "second_incremental_seconds" in mine["incremental"], mine["incremental"]
    assert "latency_ms" in mine["http"], mine["http"]
    assert mine["http"]["first_seen"]["first_search_after_start_ms"] > 0
    # the workers' memory, shared index pages counted once, is no more than their summed RSS
    http = mine["http"]
    assert 0 < http["server_process_rss_peak_mib"] <= http["server_rss_peak_mib"]
    assert 0 < http["server_pss_peak_mib"] <= http["server_rss_peak_mib"]
    assert mine["incremental"]["first_search_after_switch_ms"] > 0
    (long_run,) = mine["long_documents"]
    assert long_run["queries"] > 0 and long_run["latency_ms"]["n"] == long_run["queries"]
    assert "### Long documents" in md and "first-seen" in md
