"""Shared fixtures: corpora in temp folders, indexes built from them with the real pipeline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from indexer.build import build_index
from indexer.engine import open_engine

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpus"
SEED_IDS = sorted(p.stem for p in SEED_CORPUS.glob("*.txt"))


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    return path


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> Path:
    """An index of the five seed documents, built once for the session."""
    corpus = tmp_path_factory.mktemp("seeds") / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    index = tmp_path_factory.mktemp("seed-index")
    build_index(index, corpus_dir=corpus)
    return index


@pytest.fixture(scope="session")
def seed_engine(seed_index):
    return open_engine(seed_index)


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A private copy of the seed corpus that a test may change."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    return corpus
