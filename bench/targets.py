"""The speed issues' targets, checked against one run's figures (reported, never asserted).

Search targets are on first-seen queries; targets set for 100,000 documents are marked so on
smaller runs.
"""

from __future__ import annotations

LARGE = 100_000


def _p(results: dict, engine: str, kind: str, stat: str) -> float | None:
    search = results["engines"].get(engine, {}).get("search", {})
    return search.get("kinds", {}).get(kind, {}).get(stat)


def check(results: dict) -> list[dict]:
    """Rows of {target, measured, met}."""
    rows: list[dict] = []
    tag = "" if results["docs"] >= LARGE else " (set for 100k)"
    ours = results["engines"].get("ours", {})

    def add(target: str, measured: str, met: bool | None) -> None:
        rows.append({"target": target, "measured": measured, "met": met})

    for kind in ours.get("search", {}).get("kinds", {}):
        mine, fts, tan = (_p(results, e, kind, "p95") for e in ("ours", "fts5", "tantivy"))
        if mine is not None and fts is not None:
            add(f"{kind}: first-seen p95 ≤ FTS5 p95", f"{mine:.1f} vs {fts:.1f} ms", mine <= fts)
        if mine is not None and tan is not None:
            add(
                f"{kind}: first-seen p95 ≤ 3× tantivy p95",
                f"{mine:.1f} vs {3 * tan:.1f} ms",
                mine <= 3 * tan,
            )
    search = ours.get("search", {})
    if search.get("all"):
        every = search["all"]
        add(f"first-seen p99 ≤ 300 ms{tag}", f"{every['p99']:.1f} ms", every["p99"] <= 300)
        add(f"no first-seen query above 1 s{tag}", f"{every['max']:.0f} ms", every["max"] <= 1000)
    firsts = {
        "first search after opening an index": search.get("first_search_ms"),
        "first search after a version switch": ours.get("incremental", {}).get(
            "first_search_after_switch_ms"
        ),
        "first search after the server starts": ours.get("http", {})
        .get("first_seen", {})
        .get("first_search_after_start_ms"),
    }
    for what, ms in firsts.items():
        if ms is not None:
            add(f"{what} ≤ 1 s", f"{ms:.0f} ms", ms <= 1000)
    http = ours.get("http", {})
    first_http = http.get("first_seen", {}).get("latency_ms")
    if first_http:
        add(
            f"HTTP first-seen p99 ≤ 300 ms{tag}",
            f"{first_http['p99']:.1f} ms",
            first_http["p99"] <= 300,
        )
    if http.get("latency_ms"):
        add("HTTP load: zero errors", str(http["errors"]), http["errors"] == 0)
    if "server_process_rss_peak_mib" in http:  # the target: per server process
        rss = http["server_process_rss_peak_mib"]
        add(f"each server process's RSS < 1 GiB{tag}", f"{rss:.0f} MiB peak", rss < 1024)
    if "server_rss_peak_mib" in http:
        rss = http["server_rss_peak_mib"]
        add(f"server RSS < 1 GiB{tag}", f"{rss:.0f} MiB peak (2 workers)", rss < 1024)
    build = ours.get("build", {})
    if build.get("docs_per_second"):
        dps = build["docs_per_second"]
        add("build ≥ 400 docs/s", f"{dps:.0f} docs/s", dps >= 400)
    pss = build.get("report", {}).get("peak_pss_all_processes_mib")
    if pss is not None:
        add("build processes' peak memory < 1.5 GiB", f"{pss:.0f} MiB (PSS)", pss < 1536)
    inc = ours.get("incremental", {})
    if "incremental_seconds" in inc:
        times = [inc[k] for k in ("incremental_seconds", "second_incremental_seconds") if k in inc]
        shown = " then ".join(f"{t:.2f} s" for t in times)
        add(f"incremental update of one document ≤ 2 s{tag}", shown, max(times) <= 2)
    if "batch_incremental_seconds" in inc:
        seconds = inc["batch_incremental_seconds"]
        count = inc["batch_update_documents"]
        add(
            f"incremental update of {count:,} documents ≤ 15 s{tag}",
            f"{seconds:.2f} s",
            seconds <= 15,
        )
    for run in ours.get("long_documents", []):
        lat = run.get("latency_ms")
        measured = f"{lat['max']:.0f} ms max" if lat else run.get("error", "not run")
        add(
            f"search with a {run['size_mb']:g} MB document answers within 2 s",
            measured,
            bool(lat) and lat["max"] <= 2000,
        )
    return rows
