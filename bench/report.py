"""RESULTS.md and results-N.json: each run's section replaces only its own size's section."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bench.queries import LABELS
from bench.targets import check

HEADER = """# Benchmark results

Rerun with `make bench` (10,000 documents) or `make bench-large` (100,000). Each run replaces
only its own section below; the raw figures are in `results-N.json` beside this file.
Latencies are in milliseconds; a ratio is ours ÷ theirs (below 1 means we are faster).

**First-seen** figures are the headline: every timed query is distinct and runs once, after a
warm-up with a disjoint set of queries, as a reader's query usually meets the server. **Hot**
figures repeat a few of the same queries many times; they show what caches do and are labelled
as such wherever they appear.
"""
SECTION_RE = re.compile(r"<!-- results:(\d+) -->\n.*?<!-- /results:\1 -->\n", re.S)
ENGINES = (("fts5", "SQLite FTS5"), ("tantivy", "tantivy"), ("typesense", "Typesense cluster"))


def _f(x, fmt="{:.1f}") -> str:
    return "–" if x is None else fmt.format(x)


def _ratio(a, b) -> str:
    return "–" if a is None or not b else f"{a / b:.2f}×"


def section(r: dict) -> str:
    m, eng = r["machine"], r["engines"]
    out = [
        f"<!-- results:{r['docs']} -->",
        f"## {r['docs']:,} documents",
        "",
        f"Run {r['date']} on {m['cores']} cores, {m['memory_gib']} GiB, {m['cpu']}; "
        f"Python {m['python']}, SQLite {r['versions'].get('sqlite')}, "
        f"tantivy {r['versions'].get('tantivy') or 'not installed'}. "
        f"Corpus: {r['corpus']['docs']:,} documents, {r['corpus']['bytes'] / 2**20:.0f} MiB "
        f"JSONL, seed {r['corpus']['seed']}. {r['query_count']} first-seen queries, each run "
        f"once after {r.get('warm_up_count', '?')} warm-up queries; hot figures: "
        f"{r['repeat']} rounds over up to 10 of them per kind.{_load(r)}",
        "",
    ]
    out += [f"Note: {note}." for note in r.get("notes", ())]
    out += [""] if r.get("notes") else []
    out += [
        "### Build",
        "",
        "| engine | seconds | docs/s | index MiB | peak RSS MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in ("ours", *(e for e, _ in ENGINES)):
        b = eng.get(name, {}).get("build", {})
        if "error" in b or not b:
            out.append(f"| {name} | {b.get('error', 'not run')} | | | |")
            continue
        out.append(
            f"| {name} | {b['build_seconds']:.1f} | {b['docs_per_second']:.0f} | "
            f"{b['index_bytes'] / 2**20:.1f} | {b['peak_rss_mib']:.0f} |"
        )
    pss = eng.get("ours", {}).get("build", {}).get("report", {}).get("peak_pss_all_processes_mib")
    if pss:
        out += ["", f"Our build's processes together (PSS, sampled): peak {pss:.0f} MiB."]
    if "ours" not in eng:
        out += [
            "",
            "Our search core has no figures in this run: it was left out with --engines,"
            " or the run was stopped before its build finished.",
        ]
    inc = eng.get("ours", {}).get("incremental", {})
    if "incremental_seconds" in inc:
        out += [
            "",
            f"Incremental update of one changed document (ours, no --rebuild): "
            f"{inc['incremental_seconds']:.2f} s{_second(inc)}, "
            f"peak RSS {inc['peak_rss_mib']:.0f} MiB.",
        ]
    out += _latency_table(eng, "kinds", "Search core latency, first-seen queries")
    out += _latency_table(eng, "hot_kinds", "Search core latency, hot (repeated) queries")
    out += ["", "### First search", ""]
    out += [_first_searches(eng)]
    names = ("ours", *(e for e, _ in ENGINES))
    counts = {e: _counts(eng.get(e, {})) for e in names}
    found = "; ".join(
        f"{k} {' / '.join(str(counts[e].get(k, '–')) for e in names)}" for k in LABELS
    )
    out += [
        "",
        f"Documents found, summed over each kind's queries (ours / FTS5 / tantivy): {found}.",
    ]
    out += [
        "",
        "Peak RSS of the search process: "
        + ", ".join(
            f"{e} {_f(eng.get(e, {}).get('search', {}).get('peak_rss_mib'), '{:.0f}')} MiB"
            for e in ("ours", *(e for e, _ in ENGINES))
        )
        + ".",
    ]
    out += _http(eng.get("ours", {}).get("http", {}))
    out += _long_documents(eng.get("ours", {}).get("long_documents", []))
    out += ["", "### Targets", "", "| target | measured | |", "|---|---|---|"]
    for t in check(r):
        out.append(f"| {t['target']} | {t['measured']} | {'met' if t['met'] else 'NOT met'} |")
    out += [
        "",
        "Result counts per query are in the JSON file.",
        f"<!-- /results:{r['docs']} -->",
        "",
    ]
    return "\n".join(out)


def _latency_table(eng: dict, key: str, title: str) -> list[str]:
    out = [
        "",
        f"### {title} (first page with snippets and three facets)",
        "",
        "| query kind | ours p50 / p95 / p99 / max | "
        + " | ".join(f"{t} p50 / p95 / p99 / max | p95 ratio" for _, t in ENGINES)
        + " |",
        "|---|---:|" + "---:|---:|" * len(ENGINES),
    ]
    for kind in LABELS:
        mine = eng.get("ours", {}).get("search", {}).get(key, {}).get(kind, {})
        row = f"| {kind} | {_trio(mine)} |"
        for e, _ in ENGINES:
            theirs = eng.get(e, {}).get("search", {}).get(key, {}).get(kind)
            row += f" {_trio(theirs)} | {_ratio(mine.get('p95'), (theirs or {}).get('p95'))} |"
        out.append(row)
    return out


def _first_searches(eng: dict) -> str:
    parts = []
    for name in ("ours", *(e for e, _ in ENGINES)):
        s = eng.get(name, {}).get("search", {})
        if "first_search_ms" in s:
            warm = " with the warm-up the app runs before serving" if name == "ours" else ""
            parts.append(
                f"{name}: opening the index{warm} {s['open_ms']:.0f} ms, then the first search "
                f"{s['first_search_ms']:.0f} ms"
            )
    inc = eng.get("ours", {}).get("incremental", {})
    if "first_search_after_switch_ms" in inc:
        parts.append(
            "ours, the first search of a serving process after a build switched versions: "
            f"{inc['first_search_after_switch_ms']:.0f} ms"
        )
    first = eng.get("ours", {}).get("http", {}).get("first_seen", {})
    if "first_search_after_start_ms" in first:
        parts.append(
            "ours over HTTP, the first search after gunicorn reported ready: "
            f"{first['first_search_after_start_ms']:.0f} ms"
        )
    return "; ".join(parts) + "." if parts else "Not measured."


def _http(h: dict) -> list[str]:
    out = ["", "### HTTP (`/api/search` under gunicorn, 2 workers, 127.0.0.1)", ""]
    if not h.get("latency_ms"):
        return out + [f"Not measured: {h.get('error', 'not run')}."]
    first = h.get("first_seen", {})
    if first.get("latency_ms"):
        lat = first["latency_ms"]
        out += [
            f"First-seen, one client, each query once ({lat['n']} queries): p50 "
            f"{lat['p50']:.1f} / p95 {lat['p95']:.1f} / p99 {lat['p99']:.1f} / max "
            f"{lat['max']:.1f} ms. Server ready {h.get('server_ready_seconds') or 0:.1f} s "
            "after start.",
            "",
            "| query kind | p50 / p95 / p99 / max |",
            "|---|---:|",
        ]
        out += [f"| {k} | {_trio(first['kinds'].get(k))} |" for k in LABELS]
        out.append("")
    lat = h["latency_ms"]
    out += [
        f"Load, the same queries repeated: {h['clients']} concurrent clients, "
        f"{h['requests_done']} requests in {h['seconds']:.1f} s: {h['throughput_rps']:.1f} "
        f"requests/s, p50 {lat['p50']:.1f} / p95 {lat['p95']:.1f} / p99 {lat['p99']:.1f} ms, "
        f"{h['errors']} errors{_stopped(h)}. Server RSS after the run "
        f"{h['server_rss_after_mib']:.0f} MiB (peak {h['server_rss_peak_mib']:.0f} MiB)"
        + _shared_memory(h)
        + "."
    ]
    return out


def _shared_memory(h: dict) -> str:
    """The workers map the same index files, which summed RSS counts once per process."""
    if "server_pss_peak_mib" not in h:
        return ""
    return (
        f", summed over gunicorn's processes; PSS of them all (shared pages counted once) peak "
        f"{h['server_pss_peak_mib']:.0f} MiB, largest process peak RSS "
        f"{h['server_process_rss_peak_mib']:.0f} MiB"
    )


def _long_documents(runs: list[dict]) -> list[str]:
    if not runs:
        return []
    out = [
        "",
        "### Long documents (ours)",
        "",
        "An index of 200 ordinary documents and one long one; each query is first-seen and",
        "filtered to the long document, so its snippets are always made.",
        "",
        "| document | queries | p50 / p95 / p99 / max | build s |",
        "|---|---:|---:|---:|",
    ]
    for run in runs:
        if "error" in run:
            out.append(f"| {run['size_mb']:g} MB | {run['error']} | | |")
            continue
        out.append(
            f"| {run['size_mb']:g} MB | {run['queries']} | {_trio(run['latency_ms'])} | "
            f"{run['build_seconds']:.1f} |"
        )
    return out


def _second(inc: dict) -> str:
    out = ""
    if "second_incremental_seconds" in inc:
        out += f"; a second one right after it: {inc['second_incremental_seconds']:.2f} s"
    if "batch_incremental_seconds" in inc:
        out += (
            f"; then {inc['batch_update_documents']:,} changed documents at once: "
            f"{inc['batch_incremental_seconds']:.2f} s"
        )
    return out


def _stopped(h: dict) -> str:
    if not h.get("stopped_by_time_limit"):
        return ""
    return f"; stopped by the time limit before the {h['requests_planned']} planned requests"


def _load(r: dict) -> str:
    load = r.get("load_average")
    if not load:
        return ""
    return (
        f" Load average (1 min) {load['start'][0]:.1f} at the start, {load['end'][0]:.1f} at"
        " the end: anything above 0 is other work sharing the cores."
    )


def _counts(engine: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, total in engine.get("search", {}).get("totals", {}).items():
        label = key.split(":", 1)[0]
        out[label] = out.get(label, 0) + total
    return out


def _trio(s: dict | None) -> str:
    if not s:
        return "–"
    return f"{s['p50']:.1f} / {s['p95']:.1f} / {s['p99']:.1f} / {s['max']:.0f}"


def write(results: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    results["targets"] = check(results)
    (out_dir / f"results-{results['docs']}.json").write_text(
        json.dumps(results, indent=1, ensure_ascii=False) + "\n"
    )
    md = out_dir / "RESULTS.md"
    sections = {
        int(m.group(1)): m.group(0)
        for m in SECTION_RE.finditer(md.read_text() if md.exists() else "")
    }
    sections[results["docs"]] = section(results)
    md.write_text(HEADER + "\n" + "\n".join(sections[k] for k in sorted(sections)))
    return md
