"""Memo caches are bounded in bytes, so a crawler's random words cannot grow a worker."""

from __future__ import annotations

import random
import string
import tracemalloc

from indexer.analysis import casing, keys, lexicon, lookup, romanize
from indexer.caching import bounded_cache

ANALYSIS_CACHES = [
    casing._lower,  # lower() caches only words not already in lower-case ASCII
    romanize.romanize,
    lexicon.is_english_word,
    lookup.lookup,
    keys.variant_keys,
]


def random_words(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    letters = string.ascii_letters + "əıçşğüöxqІЖДХ"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 14))) for _ in range(n)]


def test_a_bounded_cache_stays_within_its_bytes_and_still_remembers(tmp_path):
    calls = []

    @bounded_cache(max_bytes=500_000)
    def shout(word):
        calls.append(word)
        return (word.upper(), word * 3)

    words = random_words(25_000)
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        for word in words:
            shout(word)
        grown = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    assert len(set(words)) * 200 > 4_000_000  # without the bound this would be over 4 MB
    assert grown < 800_000, grown
    assert shout.cache_bytes() <= 500_000
    calls.clear()
    assert shout(words[-1]) == (words[-1].upper(), words[-1] * 3)
    assert calls == []  # the newest words are still remembered


def test_the_analysis_caches_hold_their_budget_under_random_words():
    for cached in ANALYSIS_CACHES:
        cached.cache_clear()
    for word in random_words(30_000, seed=11):
        keys.variant_keys(word)
    for cached in ANALYSIS_CACHES:
        assert 0 < cached.cache_bytes() <= 4_000_000, cached.__name__
    assert sum(c.cache_bytes() for c in ANALYSIS_CACHES) <= 16_000_000
