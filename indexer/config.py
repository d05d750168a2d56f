"""Where the corpus and the index live, and which engine serves it: defaults, overridden by the
environment."""

import os
from pathlib import Path

DEFAULT_CORPUS = "corpus"
DEFAULT_INDEX = "var/index"
ENGINES = ("whoosh", "typesense")
DEFAULT_COLLECTION = "khojaly"


def corpus_dir() -> Path:
    return Path(os.environ.get("KHOJALY_SEARCH_CORPUS") or DEFAULT_CORPUS)


def index_dir() -> Path:
    return Path(os.environ.get("KHOJALY_SEARCH_INDEX") or DEFAULT_INDEX)


def engine_name() -> str:
    """`whoosh` (embedded, the default) or `typesense` (a cluster)."""
    name = (os.environ.get("KHOJALY_SEARCH_ENGINE") or "whoosh").strip().lower()
    if name not in ENGINES:
        raise ValueError(f"KHOJALY_SEARCH_ENGINE={name!r}: expected one of {', '.join(ENGINES)}")
    return name


def typesense_nodes() -> str:
    """The cluster's API URLs, comma-separated: "http://10.0.0.1:8108,http://10.0.0.2:8108"."""
    return os.environ.get("KHOJALY_SEARCH_TYPESENSE_NODES") or ""


def typesense_api_key() -> str:
    return os.environ.get("KHOJALY_SEARCH_TYPESENSE_API_KEY") or ""


def typesense_collection() -> str:
    """The alias readers search; each rebuild fills a new collection behind it."""
    return os.environ.get("KHOJALY_SEARCH_TYPESENSE_COLLECTION") or DEFAULT_COLLECTION
