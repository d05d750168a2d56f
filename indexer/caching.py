"""A memo cache bounded in bytes, for pure functions of one short string.

`functools.lru_cache(maxsize=N)` bounds entries, not memory: under a crawler's random words
five such caches of 200,000 entries grew a worker by over 100 MB. This one counts the bytes of
its keys and values and, when full, forgets its oldest thirty-second: forgetting the older half
at once, a copy of the newer half, took 2 to 4 ms at a full cache of 15,000 words, paid by
whichever search met the cache full (a few first-seen searches in a thousand took twice
their time).

Each entry keeps its cost beside its value: a build meets every distinct word once, so the
caches fill and forget again and again, and measuring each forgotten entry a second time had
been a sixth of the time spent on spelling pairs.
"""

from __future__ import annotations

import functools
import itertools
import threading
from operator import itemgetter
from sys import getsizeof

ENTRY_OVERHEAD = 150  # bytes of a dict slot, its hash table share and the (value, cost) pair
FORGET_SHARE = 32  # a full cache forgets this share of its entries at a time


def size_of(value) -> int:
    """Bytes held by a cached value (or argument): strings and tuples of them counted in full,
    anything else (None, booleans, numbers, shared table entries) as one reference."""
    kind = type(value)  # the exact types first: this runs once for every word cached
    if kind is str or kind is bytes:
        return getsizeof(value)
    if kind is tuple:
        # The analysis caches' tuples are flat (strings, flags, small numbers): each item is
        # measured in C, a flag or number as its own size rather than a reference's, a little
        # over; a nested tuple or other object would be counted by its shell only.
        return getsizeof(value) + sum(map(getsizeof, value))
    if isinstance(value, str | bytes):
        return getsizeof(value)
    if isinstance(value, tuple):
        return getsizeof(value) + sum(map(size_of, value))
    return 8


def bounded_cache(max_bytes: int):
    """Memoize a one-argument function in at most about `max_bytes` of memory."""

    def decorate(func):
        cache: dict = {}  # arg -> (value, bytes counted for the entry)
        lookup = cache.get
        lock = threading.Lock()
        used = 0

        @functools.wraps(func)
        def cached(arg):
            nonlocal used
            # a build meets most words once: a miss must cost little (no KeyError raised)
            entry = lookup(arg)
            if entry is not None:
                return entry[0]
            value = func(arg)
            # size_of's common cases inline: a miss is most of a build's calls
            kind = type(value)
            if kind is tuple:
                cost = getsizeof(value) + sum(map(getsizeof, value))
            elif kind is str:
                cost = getsizeof(value)
            else:
                cost = size_of(value)
            cost += getsizeof(arg) if type(arg) is str else size_of(arg)
            cost += ENTRY_OVERHEAD
            with lock:
                if arg not in cache:
                    cache[arg] = (value, cost)
                    used += cost
                    while used > max_bytes and cache:
                        used -= _forget_oldest(cache)
            return value

        def cache_bytes() -> int:
            return used

        def cache_clear() -> None:
            nonlocal used
            with lock:
                cache.clear()
                used = 0

        cached.cache_bytes = cache_bytes
        cached.cache_clear = cache_clear
        return cached

    return decorate


def _forget_oldest(cache: dict) -> int:
    """Drops the oldest of the entries, a FORGET_SHARE-th of them (a dict keeps insertion
    order), in C and with no entry copied; returns the bytes freed."""
    oldest = list(itertools.islice(cache, len(cache) // FORGET_SHARE + 1))
    return sum(map(itemgetter(1), map(cache.pop, oldest)))
