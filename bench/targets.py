"""The issue's speed targets, checked against one run's figures (reported, never asserted)."""

from __future__ import annotations

LARGE = 100_000


def _p(results: dict, engine: str, kind: str, stat: str) -> float | None:
    return (
        results["engines"]
        .get(engine, {})
        .get("search", {})
        .get("kinds", {})
        .get(kind, {})
        .get(stat)
    )


def check(results: dict) -> list[dict]:
    """Rows of {target, measured, met}; targets set for 100k are marked so on smaller runs."""
    rows: list[dict] = []
    docs = results["docs"]
    large = docs >= LARGE
    tag = "" if large else " (set for 100k)"
    ours = results["engines"].get("ours", {})

    def add(target: str, measured: str, met: bool | None) -> None:
        rows.append({"target": target, "measured": measured, "met": met})

    factor = 1.0 if large else 3.0
    for kind in ours.get("search", {}).get("kinds", {}):
        mine, ref = _p(results, "ours", kind, "p95"), _p(results, "fts5", kind, "p95")
        if mine is None or ref is None:
            continue
        add(
            f"{kind}: p95 ≤ {factor:g}× FTS5 p95",
            f"{mine:.1f} ms vs {factor * ref:.1f} ms",
            mine <= factor * ref,
        )
    search = ours.get("search", {})
    if search.get("all"):
        p99 = search["all"]["p99"]
        add(f"search core p99 ≤ 300 ms{tag}", f"{p99:.1f} ms", p99 <= 300)
        worst = max(search["kinds"].items(), key=lambda kv: kv[1]["p99"])
        add(
            f"no kind above 500 ms at p99{tag}",
            f"{worst[0]}: {worst[1]['p99']:.1f} ms",
            worst[1]["p99"] <= 500,
        )
    http = ours.get("http", {})
    if http.get("latency_ms"):
        p95 = http["latency_ms"]["p95"]
        add(f"HTTP, {http['clients']} clients: p95 ≤ 200 ms{tag}", f"{p95:.1f} ms", p95 <= 200)
        add(f"HTTP: zero errors{tag}", str(http["errors"]), http["errors"] == 0)
    if "server_rss_after_mib" in http:
        rss = http["server_rss_after_mib"]
        add(f"server RSS < 1 GiB after the query run{tag}", f"{rss:.0f} MiB", rss < 1024)
    build = ours.get("build", {})
    if build.get("docs_per_second"):
        dps = build["docs_per_second"]
        add(f"build ≥ 400 docs/s{tag}", f"{dps:.0f} docs/s", dps >= 400)
    inc = ours.get("incremental", {})
    if "incremental_seconds" in inc:
        times = [inc[k] for k in ("incremental_seconds", "second_incremental_seconds") if k in inc]
        shown = " then ".join(f"{t:.2f} s" for t in times)
        add(f"incremental update of one document ≤ 2 s{tag}", shown, max(times) <= 2)
    return rows
