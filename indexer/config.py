"""Where the corpus and the index live: defaults, overridden by the environment."""

import os
from pathlib import Path

DEFAULT_CORPUS = "corpus"
DEFAULT_INDEX = "var/index"


def corpus_dir() -> Path:
    return Path(os.environ.get("KHOJALY_SEARCH_CORPUS") or DEFAULT_CORPUS)


def index_dir() -> Path:
    return Path(os.environ.get("KHOJALY_SEARCH_INDEX") or DEFAULT_INDEX)
