"""`TypesenseEngine`: the search contract served by a Typesense cluster.

A query is resolved against the collection's vocabulary (its spelling map, read once per
version: versions.py) exactly as the embedded engine resolves it against its index's, and then
matched by the tokens of the words it stands for (`translate`). A search is one multi-search:
the page from the documents that use the spelling typed, the total, and one search per facet
with every filter but its own (disjunctive counts). Documents that only use another spelling
follow in a second request when the page reaches them. Snippets, `matched` and "did you mean"
come from the same code as on the embedded engine, over the stored text and the same resolved
plan (the hits: hits.py). The stats and the nodes' states come from health.py.
"""

from __future__ import annotations

import logging
import time

from indexer.analysis.whole_names import load as load_names
from indexer.cluster import copies as cluster_copies
from indexer.cluster import facets as cluster_facets
from indexer.cluster import nodes as cluster_nodes
from indexer.cluster.documents import SEARCH_ONLY
from indexer.cluster.health import ClusterHealth
from indexer.cluster.hits import hits_of
from indexer.cluster.translate import negate, render, translate
from indexer.cluster.versions import Versions
from indexer.results import (
    DocumentRecord,
    IndexStats,
    QueryError,
    SearchRequest,
    SearchResult,
)
from indexer.search.parse import parse
from indexer.search.plan import And
from indexer.search.resolve import resolve
from indexer.search.snippets import highlight_text
from indexer.search.suggest import suggest

log = logging.getLogger(__name__)

EXCLUDE = ",".join([*SEARCH_ONLY, "content_hash"])
BY_DATE = "date_key:desc,seq:asc"  # newest first, then order of arrival (as the embedded engine)
BY_OLDEST = "oldest_key:asc,seq:asc"  # oldest first, undated documents last
EXACT_SCORE, OTHER_SCORE = 2.0, 1.0
MULTI_TRIES = 2  # per node


class TypesenseEngine:
    def __init__(self, cfg: cluster_nodes.ClusterConfig):
        self.cfg = cfg
        self.alias = cfg.collection
        self.client = cluster_nodes.read_client(cfg)
        self.health = ClusterHealth(cfg, self.client)
        self.versions = Versions(self.alias, self.client, lambda: self.stats().version, self._multi)

    def warm_up(self) -> None:
        load_names()  # the names' Russian case forms, which no warm-up query reads
        try:
            self.search(SearchRequest(q="Hojaly massacre"))
        except Exception:  # noqa: BLE001 - the health check reports an unreachable cluster
            log.exception("the Typesense collection %s cannot be searched yet", self.alias)

    # -- search ---------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        parsed = parse(request.q)
        version = self.versions.current()
        plan = resolve(parsed, version.vocabulary)
        request, unknown = version.facets.resolve(request)
        facet_filters = cluster_facets.filters(request)
        total, docs, grouped, by_facet = self._matches(plan, request, facet_filters, version)
        facets = {f: version.facets.counts(f, by_facet[f], request) for f in FACETS}
        suggestion = None
        if total <= 2 and not plan.empty and not unknown:
            suggestion = suggest(
                version.vocabulary,
                plan,
                request.q,
                total,
                lambda p: self._count(resolve(p, version.vocabulary), request, facet_filters),
            )
        return SearchResult(
            query=request.q,
            normalized_query=plan.normalized(),
            total=total,
            page=request.page,
            per_page=request.per_page,
            took_ms=(time.perf_counter() - started) * 1000,
            hits=hits_of(docs, plan, 0.0 if plan.empty else None, version.copies, grouped),
            facets=facets,
            suggestion=suggestion,
            unknown_filters=unknown,
            request=request,
        )

    def _matches(self, plan: And, request: SearchRequest, facet_filters: dict, version):
        """(total, [(stored document, score)] of the page, the matching documents with copies
        in result order when collapsing (else None), facet name -> the search result that
        holds its counts)."""
        query = translate(plan)
        by_date = plan.empty or request.sort in ("date", "oldest")
        dates = BY_OLDEST if request.sort == "oldest" else BY_DATE
        tiers = (
            [query.match]
            if by_date or query.exact is None
            else [_and(query.match, query.exact), _and(query.match, negate(query.exact))]
        )
        grouped, listed = None, tiers
        if request.collapse and version.copies.group_of:
            # of each copy group only the matching member that ranks first is listed
            grouped = self._with_copies(tiers, facet_filters.values(), dates)
            hidden = version.copies.hidden(grouped)
            if hidden:
                listed = [_and(t, ("not_in", "doc_id", hidden)) for t in tiers]
        # The counts of every facet without a filter of its own come from one search with all
        # filters; a facet with a filter gets a search without it (disjunctive). Facets count
        # every document, also the copies a list folds.
        unfiltered = [f for f in FACETS if f not in facet_filters]
        own = [f for f in FACETS if f in facet_filters]
        searches = [
            {
                **self._params(listed[0], facet_filters.values(), dates),
                "page": request.page,
                "per_page": request.per_page,
            },
            {
                **self._params(query.match, facet_filters.values(), dates),
                **_facet_params(unfiltered, version.facets),
            },
        ]
        for facet in own:
            others = [f for name, f in facet_filters.items() if name != facet]
            searches.append(
                {
                    **self._params(query.match, others, dates),
                    **_facet_params([facet], version.facets),
                }
            )
        if listed is not tiers:  # the total of the list, copies folded
            match = listed[0] if len(listed) == 1 else ("any", listed)
            searches.append({**self._params(match, facet_filters.values()), "per_page": 0})
        results = self._multi(searches)
        docs = [(h["document"], EXACT_SCORE) for h in results[0]["hits"]]
        if len(listed) > 1:
            docs += self._second_tier(
                listed[1], facet_filters, request, results[0]["found"], len(docs)
            )
        by_facet = {f: results[1] for f in unfiltered} | {
            f: results[2 + i] for i, f in enumerate(own)
        }
        total = results[-1 if listed is not tiers else 1]["found"]
        return total, docs, grouped, by_facet

    def _with_copies(self, tiers: list, facet_filters, dates: str) -> list[dict]:
        """The matching documents that have copies, in result order (tier by tier)."""
        out: list[dict] = []
        for expr in tiers:
            params = {
                **self._params(expr, [*facet_filters, "grouped:=1"], dates),
                "include_fields": cluster_copies.REF_FIELDS,
                "per_page": cluster_copies.GROUPED_PAGE,
            }
            page = 1
            while True:
                result = self._multi([{**params, "page": page}])[0]
                out += [h["document"] for h in result["hits"]]
                if page * cluster_copies.GROUPED_PAGE >= result["found"]:
                    break
                page += 1
        return out

    def _count(self, plan: And, request: SearchRequest, facet_filters: dict) -> int:
        """How many documents `plan` finds under the request's filters."""
        expr = translate(plan).match
        return self._multi([{**self._params(expr, facet_filters.values()), "per_page": 0}])[0][
            "found"
        ]

    def highlight(self, text: str, query: str) -> str:
        """`text` escaped, with the matches of `query` marked as a search would mark them."""
        try:
            plan = parse(query)
        except QueryError:
            plan = And()
        return highlight_text(text, resolve(plan, self.versions.current().vocabulary))

    def _second_tier(self, expr, facet_filters, request, found_first, have) -> list:
        """The page's share of documents that use only other spellings (after the exact ones)."""
        want = request.per_page - have
        start = (request.page - 1) * request.per_page + have - found_first
        if want <= 0 or start < 0:
            return []
        size = request.per_page
        first_page = start // size + 1
        params = self._params(expr, facet_filters.values())
        pages = self._multi(
            [{**params, "page": p, "per_page": size} for p in (first_page, first_page + 1)]
        )
        hits = [h["document"] for r in pages for h in r["hits"]]
        skip = start - (first_page - 1) * size
        return [(d, OTHER_SCORE) for d in hits[skip : skip + want]]

    def _params(self, expr, facet_filters, dates: str = BY_DATE) -> dict:
        parts = [render(expr)] if expr is not None else []
        parts += list(facet_filters)
        params = {
            "collection": self.alias,
            "q": "*",
            "query_by": "terms",
            "exclude_fields": EXCLUDE,
            "highlight_fields": "none",
            "sort_by": dates,
        }
        if parts:
            params["filter_by"] = " && ".join(parts)
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
        copies = self.versions.current().copies
        group = copies.group_of.get(doc_id)
        refs = cluster_copies.copy_refs(stored, copies, self.alias, self._multi)
        return DocumentRecord.from_stored(stored, langs, copy_group=group, copies=refs)

    def stats(self) -> IndexStats:
        """The collection's size, build time and version (health.py)."""
        return self.health.stats()

    def cluster_state(self) -> dict:
        """Which nodes answer, which one leads (health.py)."""
        return self.health.cluster_state()


FACETS = tuple(cluster_facets.FIELDS)


def _facet_params(facets: list[str], known: cluster_facets.ClusterFacets) -> dict:
    params: dict = {"per_page": 0}
    if facets:
        params["facet_by"] = ",".join(cluster_facets.FIELDS[f] for f in facets)
        params["max_facet_values"] = known.max_values(facets)
    return params


def _and(a, b):
    return b if a is None else ("all", [a, b])
