"""`TypesenseEngine`: the search contract served by a Typesense cluster.

Matching uses our own spelling tokens (`translate`); a search is one multi-search: the page
from the documents that use the spelling typed, the total, and one search per facet with every
filter but its own (disjunctive counts). Documents that only use another spelling follow in a
second request when the page reaches them. Snippets and `matched` come from our own matcher
over the stored text, so both engines mark the same words.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

from indexer.cluster import facets as cluster_facets
from indexer.cluster import nodes as cluster_nodes
from indexer.cluster import server
from indexer.cluster.documents import SEARCH_ONLY
from indexer.cluster.spellings import highlighter, resolved
from indexer.cluster.translate import Translation, negate, render, translate
from indexer.results import (
    DocumentRecord,
    Hit,
    IndexStats,
    QueryError,
    SearchRequest,
    SearchResult,
)
from indexer.search.plan import And, parse
from indexer.search.snippets import highlight_text, matched_spellings, snippets

log = logging.getLogger(__name__)

EXCLUDE = ",".join([*SEARCH_ONLY, "content_hash"])
BY_DATE = "date_key:desc,seq:asc"  # newest first, then order of arrival (as the embedded engine)
BY_OLDEST = "oldest_key:asc,seq:asc"  # oldest first, undated documents last
EXACT_SCORE, OTHER_SCORE = 2.0, 1.0
STATS_SECONDS = 1.0
MULTI_TRIES = 2  # per node


class TypesenseEngine:
    def __init__(self, cfg: cluster_nodes.ClusterConfig):
        self.cfg = cfg
        self.alias = cfg.collection
        self.client = cluster_nodes.read_client(cfg)
        self._stats: tuple[float, IndexStats] | None = None
        self._facet_cache: tuple[str | None, cluster_facets.ClusterFacets] | None = None

    def warm_up(self) -> None:
        try:
            self.search(SearchRequest(q="Hojaly massacre"))
        except Exception:  # noqa: BLE001 - the health check reports an unreachable cluster
            log.exception("the Typesense collection %s cannot be searched yet", self.alias)

    # -- search ---------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        parsed = parse(request.q)
        plan = translate(parsed)
        facet_set = self._facets()
        request, unknown = facet_set.resolve(request)
        facet_filters = cluster_facets.filters(request)
        by_date = parsed.empty or request.sort in ("date", "oldest")
        dates = BY_OLDEST if request.sort == "oldest" else BY_DATE
        tiers = (
            [plan.match]
            if by_date or plan.exact is None
            else [
                _and(plan.match, plan.exact),
                _and(plan.match, negate(plan.exact)),
            ]
        )
        first = self._params(plan, tiers[0], facet_filters.values(), by_date, dates)
        # The total, and the counts of every facet without a filter of its own, come from one
        # search with all filters; a facet with a filter gets a search without it (disjunctive).
        unfiltered = [f for f in FACETS if f not in facet_filters]
        own = [f for f in FACETS if f in facet_filters]
        searches = [
            {**first, "page": request.page, "per_page": request.per_page},
            {
                **self._params(plan, plan.match, facet_filters.values(), by_date, dates),
                **_facet_params(unfiltered),
            },
        ]
        for facet in own:
            others = [f for name, f in facet_filters.items() if name != facet]
            searches.append(
                {
                    **self._params(plan, plan.match, others, by_date, dates),
                    **_facet_params([facet]),
                }
            )
        results = self._multi(searches)
        total = results[1]["found"]
        docs = [
            (h["document"], EXACT_SCORE if len(tiers) > 1 else h.get("text_match", 0))
            for h in results[0]["hits"]
        ]
        if len(tiers) > 1:
            docs = [(d, EXACT_SCORE) for d, _ in docs]
            docs += self._second_tier(
                plan, tiers[1], facet_filters, request, results[0]["found"], len(docs)
            )
        by_facet = {f: results[1] for f in unfiltered} | {
            f: results[2 + i] for i, f in enumerate(own)
        }
        facets = {f: facet_set.counts(f, by_facet[f], request) for f in FACETS}
        return SearchResult(
            query=request.q,
            normalized_query=parsed.normalized(),
            total=total,
            page=request.page,
            per_page=request.per_page,
            took_ms=(time.perf_counter() - started) * 1000,
            hits=_hits(docs, parsed, 0.0 if parsed.empty else None),
            facets=facets,
            unknown_filters=unknown,
            request=request,
        )

    def highlight(self, text: str, query: str) -> str:
        """`text` escaped, with the matches of `query` marked as a search would mark them."""
        try:
            plan = parse(query)
        except QueryError:
            plan = And()
        return highlight_text(text, resolved(plan, text))

    def _facets(self) -> cluster_facets.ClusterFacets:
        """The collection's known facet values, read again when its version changes."""
        version = self.stats().version
        cached = self._facet_cache
        if cached is not None and cached[0] == version:
            return cached[1]
        result = self._multi(
            [
                {
                    "collection": self.alias,
                    "q": "*",
                    "query_by": "words",
                    "per_page": 0,
                    "facet_by": "publisher,languages",
                    "max_facet_values": cluster_facets.MAX_FACET_VALUES,
                }
            ]
        )[0]
        facet_set = cluster_facets.ClusterFacets.from_counts(result)
        self._facet_cache = (version, facet_set)
        return facet_set

    def _second_tier(self, plan, expr, facet_filters, request, found_first, have) -> list:
        """The page's share of documents that use only other spellings (after the exact ones)."""
        want = request.per_page - have
        start = (request.page - 1) * request.per_page + have - found_first
        if want <= 0 or start < 0:
            return []
        size = request.per_page
        first_page = start // size + 1
        params = self._params(plan, expr, facet_filters.values(), False)
        pages = self._multi(
            [{**params, "page": p, "per_page": size} for p in (first_page, first_page + 1)]
        )
        hits = [h["document"] for r in pages for h in r["hits"]]
        skip = start - (first_page - 1) * size
        return [(d, OTHER_SCORE) for d in hits[skip : skip + want]]

    def _params(
        self, plan: Translation, expr, facet_filters, by_date: bool, dates: str = BY_DATE
    ) -> dict:
        parts = [render(expr)] if expr is not None else []
        parts += list(facet_filters)
        params = {
            "collection": self.alias,
            "q": plan.prefix or "*",
            "query_by": "words",
            "exclude_fields": EXCLUDE,
            "highlight_fields": "none",
        }
        if plan.prefix:
            params.update(
                prefix="true",
                num_typos=0,
                typo_tokens_threshold=0,
                drop_tokens_threshold=0,
                max_candidates=PREFIX_MAX_TERMS,
            )
        if parts:
            params["filter_by"] = " && ".join(parts)
        params["sort_by"] = dates if by_date or not plan.prefix else "_text_match:desc," + dates
        return params

    def _multi(self, searches: list[dict]) -> list[dict]:
        """One multi-search. Its answer is 200 even when a search in it failed, so the client
        cannot see a node that is not ready (restarting, lagging behind the leader, cut off
        from it): such answers are retried, and the client's round robin moves to another node."""
        problem = ""
        for _ in range(MULTI_TRIES * len(self.cfg.nodes)):
            answer = self.client.multi_search.perform({"searches": searches}, {})
            results = answer["results"]
            errors = [r for r in results if "error" in r]
            if not errors:
                return results
            problem = f"{errors[0].get('code')} {errors[0]['error']}"
            if errors[0].get("code", 500) < 500 and errors[0].get("code") != 404:
                break
        raise RuntimeError(f"Typesense: {problem}")

    # -- documents and health -------------------------------------------------------------

    def document(self, doc_id: str) -> DocumentRecord | None:
        from typesense import exceptions

        try:
            stored = self.client.collections[self.alias].documents[doc_id].retrieve()
        except exceptions.ObjectNotFound:
            return None
        langs = list(stored.get("languages") or [])
        return DocumentRecord.from_stored(stored, langs)

    def stats(self) -> IndexStats:
        """Cached for STATS_SECONDS: every search asks for it (its version makes the ETag)."""
        cached = self._stats
        if cached is not None and time.monotonic() - cached[0] < STATS_SECONDS:
            return cached[1]
        try:
            stats = self._read_stats()
        except Exception:
            if cached is None:
                raise
            log.warning("the cluster's stats could not be read; serving the last ones")
            return cached[1]
        self._stats = (time.monotonic(), stats)
        return stats

    def _read_stats(self) -> IndexStats:
        from typesense import exceptions

        cluster = self.cluster_state()
        try:
            name = self.client.aliases[self.alias].retrieve()["collection_name"]
            info = self.client.collections[name].retrieve()
            newest = self.client.collections[name].documents.search(
                {
                    "q": "*",
                    "query_by": "words",
                    "sort_by": "seq:desc",
                    "per_page": 1,
                    "include_fields": "seq",
                }
            )["hits"]
        except exceptions.ObjectNotFound:
            return IndexStats(0, None, None, cluster)
        built = datetime.fromtimestamp(info["created_at"], UTC).isoformat(timespec="seconds")
        # Incremental builds keep the collection: its newest sequence number and its size
        # change with every update, so the version (and the ETag) does too.
        seq = newest[0]["document"]["seq"] if newest else -1
        version = f"{name}.{seq}.{info['num_documents']}"
        return IndexStats(info["num_documents"], built, version, cluster)

    def cluster_state(self) -> dict:
        """Which nodes answer, which one leads: what /api/health reports."""
        states = {server.LEADER: "leader", server.FOLLOWER: "follower"}
        out = []
        for url in self.cfg.nodes:
            ok = server.healthy(url, self.cfg.api_key)
            state = server.raft_state(url, self.cfg.api_key)
            out.append(
                {"url": url, "ok": ok, "role": states.get(state, "unknown" if ok else "down")}
            )
        answering = sum(n["ok"] for n in out)
        status = "ok" if answering == len(out) else "degraded" if answering else "down"
        return {"engine": "typesense", "status": status, "nodes": out}


PREFIX_MAX_TERMS = 64  # a prefix finds documents with its most frequent completions
FACETS = tuple(cluster_facets.FIELDS)


def _facet_params(facets: list[str]) -> dict:
    params: dict = {"per_page": 0}
    if facets:
        params["facet_by"] = ",".join(cluster_facets.FIELDS[f] for f in facets)
        params["max_facet_values"] = cluster_facets.MAX_FACET_VALUES
    return params


def _and(a, b):
    return b if a is None else ("all", [a, b])


def _hits(docs: list[tuple[dict, float]], parsed: And, fixed_score: float | None) -> list[Hit]:
    out = []
    for stored, score in docs:
        body, title = stored.get("body") or "", stored.get("title") or ""
        matcher = highlighter(parsed, title, body)
        body_matches = matcher.matches(body)
        out.append(
            Hit(
                id=stored["id"],
                title=title,
                publisher=stored.get("publisher") or "Unknown",
                published=stored.get("published"),
                languages=list(stored.get("languages") or []),
                url=stored.get("url"),
                score=round(float(fixed_score if fixed_score is not None else score), 4),
                snippets=snippets(body, body_matches),
                matched=matched_spellings((title, matcher.matches(title)), (body, body_matches)),
                format=stored.get("format"),
            )
        )
    return out
