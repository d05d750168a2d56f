"""Distinct queries drawn from the corpus vocabulary, so each timed query is met for the first time.

A reader's query is usually one the server has not just answered, so the headline figures come
from queries that are each run once. Every kind has a pool built from the generator's own
vocabulary and texts (the same seed as the corpus); each pool is shuffled and cut into three
disjoint parts: a warm-up part (run first, never timed), the timed queries without a filter and
the timed queries with the publisher filter. No query text is in two parts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.corpus import Generator
from bench.queries import FILTER_PUBLISHER, KINDS, BenchQuery, Part, spellings
from bench.vocab import NAMES, PHRASES

TIMED_PER_KIND = 100  # per kind and filter state: over 1,000 timed queries in all
WARM_PER_KIND = 12
STOPWORDS = 60  # the first ranks of the English vocabulary are function words: never queried
COMMON = (STOPWORDS, 400)  # vocabulary ranks of a "common" word
MIDDLE = (STOPWORDS, 3_000)
RARE = (3_000, 40_000)
TEXT_SAMPLE = 400  # documents whose word pairs give phrase queries


@dataclass(frozen=True)
class Pools:
    warm: list[BenchQuery]
    timed: list[BenchQuery]


def _w(text: str) -> Part:
    return Part("word", text)


def _pool(kind: str, gen: Generator, rnd: random.Random, docs: int) -> list[tuple[Part, ...]]:
    en = list(gen.vocab["en"])
    common = [w for w in en[slice(*COMMON)] if len(w) > 3]
    middle = [w for w in en[slice(*MIDDLE)] if len(w) > 3]
    if kind == "common":
        return [(_w(w),) for w in common]
    if kind == "rare_name":
        # rare words and the rare names in every spelling: few documents each
        rare = en[slice(*RARE)] + [w for lang in ("ru", "tr", "az") for w in gen.vocab[lang][500:]]
        names = [s for key in ("garadaghly", "nakhchivanik", "askeran") for s in spellings(key)]
        return [(_w(w),) for w in rnd.sample(rare, min(len(rare), 3_000))] + [
            (Part("name", s, key),) for key in NAMES for s in spellings(key) if s in names
        ]
    if kind == "variant":
        # a name in a spelling other than the one most English documents use
        return [
            (Part("name", s, key),)
            for key in NAMES
            for s in spellings(key)
            if s != NAMES[key]["en"][0]
        ]
    if kind == "two_words":
        pairs = {(rnd.choice(common), rnd.choice(middle)) for _ in range(3_000)}
        out = [(_w(a), _w(b)) for a, b in sorted(pairs) if a != b]
        out += [(Part("name", NAMES[k]["en"][0], k), _w(w)) for k in NAMES for w in common[:40]]
        return out
    if kind == "phrase":
        # the fixed phrases, and word pairs that occur in the corpus's first documents
        out = {(Part("phrase", p, "Khojaly"),) for p in PHRASES if "{karabakh}" not in p}
        stop = set(en[:STOPWORDS])
        for doc in gen.documents(min(docs, TEXT_SAMPLE)):
            words = [w.strip(".").lower() for w in doc["text"].split()]
            for _ in range(6):
                i = rnd.randrange(len(words) - 1)
                a, b = words[i], words[i + 1]
                if a not in stop and b not in stop and min(len(a), len(b)) > 2:
                    out.add((Part("phrase", f"{a} {b}"),))
        return sorted(out, key=lambda parts: parts[0].text)
    if kind == "prefix":
        prefixes = {w[: rnd.randint(3, 5)] for w in en[STOPWORDS:5_000] if len(w) >= 6}
        return [(Part("prefix", p),) for p in sorted(prefixes)]
    raise ValueError(kind)


def pools(docs: int, seed: int = 1992, per_kind: int = 0) -> Pools:
    """Warm-up and timed queries for a corpus of `docs` documents made with `seed`.

    `per_kind` > 0 takes that many timed queries per kind and filter state (for quick runs),
    otherwise TIMED_PER_KIND, as far as each kind's pool allows (the variant pool is every
    spelling of the archive's names, a few dozen).
    """
    gen = Generator(seed)
    want = per_kind or TIMED_PER_KIND
    warm: list[BenchQuery] = []
    timed: list[BenchQuery] = []
    for kind in KINDS:
        rnd = random.Random(f"{seed}:{kind}")
        pool = _pool(kind, gen, rnd, docs)
        rnd.shuffle(pool)
        n_warm = min(WARM_PER_KIND, len(pool) // 5)
        n = min(want, (len(pool) - n_warm) // 2)
        warm += [BenchQuery(kind, parts) for parts in pool[:n_warm]]
        rest = pool[n_warm:]
        timed += [BenchQuery(kind, parts) for parts in rest[:n]]
        timed += [BenchQuery(kind, parts, (FILTER_PUBLISHER,)) for parts in rest[n : 2 * n]]
    return Pools(warm, timed)
