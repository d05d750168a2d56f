"""Benchmark harness: a synthetic archive, our search core and reference engines on it.

Run as `python -m bench run --docs N`; see `bench/README.md`.
"""
