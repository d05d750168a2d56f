"""The search core against a brute-force truth, on random corpora and random queries.

Each example writes a small random archive, builds it with the real pipeline, then changes,
removes and adds documents and updates the index incrementally (so the index has several
segments and deleted documents). Random queries over the full syntax must give exactly the
documents the reference evaluator (tests/oracle.py) finds, with the same total, facet counts
equal to counts over that truth, and pages that cover it exactly once.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.analysis import exact_key
from indexer.engine import open_engine
from indexer.index.build import build_index
from indexer.results import SearchRequest
from indexer.search.facets import UNDATED
from tests.conftest import write_jsonl
from tests.oracle import Oracle, QAnd, QNot, QOr, QPhrase, QPrefix, QWord

# Names in several spellings and scripts, English words sharing prefixes, a few odd ones.
VOCAB = [
    "Khojaly",
    "Hojaly",
    "Xocalı",
    "Ходжалы",
    "Karabakh",
    "Qarabağ",
    "Agdam",
    "Ağdam",
    "Baku",
    "Bakı",
    "Shusha",
    "Şuşa",
    "massacre",
    "genocide",
    "refugee",
    "refugees",
    "report",
    "reports",
    "river",
    "night",
    "town",
    "winter",
    "Azeri",
    "Azerbaijani",
]
PUBLISHERS = ["AzerTac", "Reuters", "Unknown"]
PER_PAGE = 3

words = st.sampled_from(VOCAB)
doc_text = st.lists(words, min_size=1, max_size=14).map(" ".join)
doc = st.fixed_dictionaries(
    {
        "title": st.lists(words, min_size=1, max_size=3).map(" ".join),
        "text": doc_text,
        "publisher": st.sampled_from(PUBLISHERS),
        "published": st.sampled_from([None, "1992-02-26", "1993", "2012-02-25"]),
    }
)
leaf = st.one_of(
    words.map(QWord),
    st.lists(words, min_size=2, max_size=3).map(lambda ws: QPhrase(tuple(ws))),
    st.builds(lambda w, n: QPrefix(w[:n]), words, st.integers(2, 5)),
)
item = st.one_of(
    leaf,
    leaf,
    st.lists(leaf, min_size=2, max_size=3).map(lambda xs: QOr(tuple(xs))),
    leaf.map(QNot),
)
query = st.lists(item, min_size=1, max_size=3).map(lambda xs: QAnd(tuple(xs)))


@st.composite
def archive(draw):
    """A first corpus and a second one (changed, removed, added documents)."""
    first = draw(st.lists(doc, min_size=1, max_size=8))
    first = {f"d{i}": d for i, d in enumerate(first)}
    second = dict(first)
    for doc_id in list(first):
        change = draw(st.sampled_from(["keep", "keep", "change", "remove"]))
        if change == "change":
            second[doc_id] = draw(doc)
        elif change == "remove":
            del second[doc_id]
    for i in range(draw(st.integers(0, 3))):
        second[f"n{i}"] = draw(doc)
    return first, second


def _jsonl(path, docs: dict[str, dict]):
    rows = [{"id": i, **{k: v for k, v in d.items() if v is not None}} for i, d in docs.items()]
    for row in rows:
        row["language"] = "en"
    return write_jsonl(path, rows)


def _search_all(engine, q: str, **filters):
    """Every page of the answer, each document listed (copies of one text not collapsed)."""
    first = engine.search(SearchRequest(q=q, per_page=PER_PAGE, collapse=False, **filters))
    ids = [h.id for h in first.hits]
    for page in range(2, first.total_pages + 1):
        ids += [
            h.id
            for h in engine.search(
                SearchRequest(q=q, page=page, per_page=PER_PAGE, collapse=False, **filters)
            ).hits
        ]
    return first, ids


def _year(doc: dict) -> str:
    return doc["published"][:4] if doc["published"] else UNDATED


def _label(leaf) -> str:
    if isinstance(leaf, QPhrase):
        return " ".join(exact_key(w) for w in leaf.words)
    return exact_key(leaf.text) if isinstance(leaf, QWord) else exact_key(leaf.stem) + "*"


def _check(engine, docs: dict[str, dict], queries):
    oracle = Oracle(docs)
    for q in queries:
        text = q.render()
        truth = oracle.matches(q)
        result, ids = _search_all(engine, text)
        assert sorted(ids) == sorted(set(ids)), f"{text!r}: a document on two pages"
        assert set(ids) == truth, f"{text!r}: engine {sorted(ids)} truth {sorted(truth)}"
        assert result.total == len(truth)
        # `matched` shows, for every hit, each word, phrase or prefix that had to match it
        required = [c for c in q.children if isinstance(c, QWord | QPhrase | QPrefix)]
        for hit in result.hits:
            assert {_label(c) for c in required} <= set(hit.matched), (text, hit.matched)
        publishers = {v.value: v.count for v in result.facets["publisher"] if v.count}
        assert publishers == dict(Counter(docs[d]["publisher"] for d in truth)), text
        years = {v.value: v.count for v in result.facets["year"] if v.count}
        expected_years = Counter(_year(docs[d]) for d in truth)
        assert years == dict(expected_years), text
        # a filter narrows the total to the truth's documents of that publisher
        narrowed = engine.search(
            SearchRequest(q=text, publisher=("Reuters",), per_page=1, collapse=False)
        )
        assert narrowed.total == sum(docs[d]["publisher"] == "Reuters" for d in truth), text


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(archive(), st.lists(query, min_size=3, max_size=6))
def test_search_finds_exactly_what_the_oracle_finds(tmp_path_factory, corpora, queries):
    first, second = corpora
    root = tmp_path_factory.mktemp("oracle")
    build_index(root / "index", jsonl=_jsonl(root / "a.jsonl", first))
    engine = open_engine(root / "index")
    _check(engine, first, queries)
    # an incremental update: another segment, deleted documents, a grown spelling map
    build_index(root / "index", jsonl=_jsonl(root / "b.jsonl", second))
    _check(engine, second, queries)
