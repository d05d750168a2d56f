"""Measure the spelling-variant search: variant recall, false merges, exact-first ranking.

    python -m indexer.evaluate [--set NAME] [--misses]
                               [--variants FILE... --confusables FILE...] [--engine typesense]

By default it measures three sets from indexer/analysis/eval/ (README there): the tuning half,
the held-out half (the figures that count: no rule was tuned on it) and the shared sample.
Files are in the format of that sample (`variants.tsv`: group_id, canonical, variant,
script_lang, kind, source; `confusables.tsv`: word_a, word_b, why, rule). The evaluation writes
one small document per spelling and per confusable word, indexes them with the real build
pipeline, sends every spelling through the search core as a user query, and prints each figure
by kind and family (with --misses or for files given on the command line, every miss and every
merge too), and for each set one line: <set>: recall=… recall_no_exonym=… false_merge=…
exact_first=…

With `--engine typesense` the same documents go into a throwaway collection on the cluster that
KHOJALY_SEARCH_TYPESENSE_NODES names, or on a one-node server started for the evaluation.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from indexer.engine import open_engine
from indexer.index.build import build_index
from indexer.results import SearchRequest

DATA = Path(__file__).resolve().parent / "analysis" / "eval"
# name -> (variants, confusables); each half's variants are its attested spellings and case forms
# of them (variants-<half>-cases.tsv), and the tuning half's confusables are its share of the
# generated pairs and further fresh pairs of the tuning half (confusables-tuning-extra.tsv)
SETS = {
    "tuning": (
        (DATA / "variants-tuning.tsv", DATA / "variants-tuning-cases.tsv"),
        (DATA / "confusables-tuning.tsv", DATA / "confusables-tuning-extra.tsv"),
    ),
    "heldout": (
        (DATA / "variants-heldout.tsv", DATA / "variants-heldout-cases.tsv"),
        DATA / "confusables-heldout.tsv",
    ),
    "sample": (DATA / "sample" / "variants.tsv", DATA / "sample" / "confusables.tsv"),
}
DEFAULT_VARIANTS, DEFAULT_CONFUSABLES = SETS["sample"]
# Pairs that differ only by a mark diacritic-insensitive search ignores on purpose: a merge is
# allowed, but the exact spelling must rank first.
RANKED_FAMILIES = frozenset({"tr-diacritics", "ru-drop-soft-sign"})
PAGE = 100


@dataclass(frozen=True)
class Spelling:
    group: str
    text: str
    kind: str  # canonical, transliteration, typo-free-alt-spelling, inflection, exonym
    script: str


@dataclass
class Tally:
    """hits out of tries, per label."""

    hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    tries: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, labels: list[str], hit: bool) -> None:
        for label in labels:
            self.tries[label] += 1
            self.hits[label] += hit

    def rate(self, label: str) -> float:
        return self.hits[label] / self.tries[label] if self.tries[label] else 1.0

    def lines(self, prefix: str) -> list[str]:
        return [
            f"  {label:<28} {self.rate(label):.3f}  ({self.hits[label]}/{self.tries[label]})"
            for label in sorted(self.tries)
            if label.startswith(prefix)
        ]


@dataclass
class Report:
    recall: Tally = field(default_factory=Tally)
    merges: Tally = field(default_factory=Tally)
    exact: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    not_first: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            "recall": self.recall.rate("all"),
            "recall_no_exonym": self.recall.rate("no-exonym"),
            "false_merge": self.merges.rate("all") if self.merges.tries["all"] else 0.0,
            "exact_first": self.exact.rate("all"),
        }

    def last_line(self) -> str:
        return " ".join(f"{k}={v:.3f}" for k, v in self.figures().items())

    def text(self, misses: bool = True) -> str:
        out = ["Variant recall (share of a group's documents a spelling finds)"]
        for prefix, title in (
            ("kind:", "by kind"),
            ("family:", "by family"),
            ("script:", "by script"),
            ("group:", "by group"),
        ):
            out += [f" {title}"] + self.recall.lines(prefix)
        out += ["False merges (a word finds the document of the other)", " by family"]
        out += self.merges.lines("rule:")
        out += ["Exact-first (the exact spelling ranks above the other)", " by family"]
        out += self.exact.lines("rule:")
        counts = [("Misses", self.misses), ("Merges", self.merged), ("Not first", self.not_first)]
        for title, found in counts:
            out += [f"{title} ({len(found)})"] + ([f"  {m}" for m in found] if misses else [])
        return "\n".join(out + [self.last_line()])


def read_variants(paths: Path | tuple[Path, ...]) -> dict[str, list[Spelling]]:
    groups: dict[str, list[Spelling]] = defaultdict(list)
    for row in _rows(paths):
        group = row["group_id"].strip()
        seen = {s.text for s in groups[group]}
        canonical = row["canonical"].strip()
        if canonical not in seen:
            groups[group].append(Spelling(group, canonical, "canonical", "en"))
            seen.add(canonical)
        variant = row["variant"].strip()
        if variant and variant not in seen:
            kind, script = row["kind"].strip(), row["script_lang"].strip()
            groups[group].append(Spelling(group, variant, kind, script))
    return dict(groups)


def read_confusables(paths: Path | tuple[Path, ...]) -> list[tuple[str, str, str]]:
    return [(r["word_a"].strip(), r["word_b"].strip(), r["rule"].strip()) for r in _rows(paths)]


def _rows(paths: Path | tuple[Path, ...]):
    for path in (paths,) if isinstance(paths, Path) else paths:
        with path.open(encoding="utf-8", newline="") as f:
            yield from csv.DictReader(f, delimiter="\t")


def corpus(groups, pairs) -> tuple[list[dict], dict[tuple[str, str], str], dict[str, str]]:
    """One document per spelling (id per group and spelling) and per confusable word."""
    docs, spelling_doc, word_doc = [], {}, {}
    for group in groups.values():
        for s in group:
            spelling_doc[(s.group, s.text)] = doc_id = f"v{len(docs)}"
            docs.append({"id": doc_id, "title": f"Entry {doc_id}", "text": f"{s.text}\n"})
    for a, b, _ in pairs:
        for word in (a, b):
            if word not in word_doc:
                word_doc[word] = doc_id = f"c{len(docs)}"
                docs.append({"id": doc_id, "title": f"Entry {doc_id}", "text": f"{word}\n"})
    return docs, spelling_doc, word_doc


def ranked_ids(engine, query: str) -> list[str]:
    """Every document the search core returns for `query`, best first."""
    ids, page = [], 1
    while True:
        result = engine.search(SearchRequest(q=query, per_page=PAGE, page=page))
        ids += [hit.id for hit in result.hits]
        if page >= result.total_pages or not result.hits:
            return ids
        page += 1


@contextlib.contextmanager
def built_engine(engine_name: str, jsonl: Path, workdir: Path):
    """An engine over the documents of `jsonl`, built with the real pipeline of `engine_name`."""
    if engine_name == "typesense":
        from indexer.cluster.scratch import scratch_engine

        with scratch_engine(workdir, jsonl=jsonl) as engine:
            yield engine
        return
    build_index(workdir / "index", jsonl=jsonl, rebuild=True)
    yield open_engine(workdir / "index", "whoosh")


def evaluate(
    variants: Path | tuple[Path, ...],
    confusables: Path | tuple[Path, ...],
    workdir: Path,
    engine_name="whoosh",
) -> Report:
    groups, pairs = read_variants(variants), read_confusables(confusables)
    docs, spelling_doc, word_doc = corpus(groups, pairs)
    jsonl = workdir / "evaluation.jsonl"
    jsonl.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    with built_engine(engine_name, jsonl, workdir) as engine:
        return _measure(engine, groups, pairs, spelling_doc, word_doc)


def _measure(engine, groups, pairs, spelling_doc, word_doc) -> Report:
    report = Report()
    for group in groups.values():
        for query in group:
            found = set(ranked_ids(engine, query.text))
            for target in group:
                hit = spelling_doc[(target.group, target.text)] in found
                labels = [
                    "all",
                    f"kind:{query.kind}",
                    f"script:{query.script}",
                    f"family:{query.group.split('-')[0]}",
                    f"group:{query.group}",
                ]
                if "exonym" not in (query.kind, target.kind):
                    labels.append("no-exonym")
                report.recall.add(labels, hit)
                if not hit:
                    report.misses.append(f"{query.group}: {query.text!r} misses {target.text!r}")
    for a, b, rule in pairs:
        for word, other in ((a, b), (b, a)):
            ids = ranked_ids(engine, word)
            mine, theirs = word_doc[word], word_doc[other]
            if rule in RANKED_FAMILIES:
                first = mine in ids and (theirs not in ids or ids.index(mine) < ids.index(theirs))
                report.exact.add(["all", f"rule:{rule}"], first)
                if not first:
                    report.not_first.append(f"{rule}: {word!r} ranks {other!r} first")
            else:
                merged = theirs in ids
                report.merges.add(["all", f"rule:{rule}"], merged)
                if merged:
                    report.merged.append(f"{rule}: {word!r} finds {other!r}")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m indexer.evaluate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--set", choices=sorted(SETS), action="append", dest="sets")
    parser.add_argument("--variants", type=Path, nargs="+")
    parser.add_argument("--confusables", type=Path, nargs="+")
    parser.add_argument("--misses", action="store_true", help="list every miss and merge")
    parser.add_argument("--engine", choices=("whoosh", "typesense"), default="whoosh")
    args = parser.parse_args(argv)
    if args.variants or args.confusables:
        if not (args.variants and args.confusables):
            parser.error("--variants and --confusables go together")
        sets = {"files": (tuple(args.variants), tuple(args.confusables))}
        misses = True
    else:
        sets = {name: SETS[name] for name in args.sets or SETS}
        misses = args.misses
    summary = []
    for name, (variants, confusables) in sets.items():
        with tempfile.TemporaryDirectory(prefix="evaluate-") as tmp:
            report = evaluate(variants, confusables, Path(tmp), args.engine)
        files = [p for f in (variants, confusables) for p in ((f,) if isinstance(f, Path) else f)]
        print(f"== {name}: {', '.join(p.name for p in files)}")
        print(report.text(misses))
        summary.append(f"{name}: {report.last_line()}")
    if len(summary) > 1:
        print("\n".join(["== summary", *summary]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
