"""Shared fixtures: corpora in temp folders, indexes built from them with the real pipeline."""

from __future__ import annotations

import atexit
import json
import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest

from indexer.engine import open_engine
from indexer.index.build import build_index
from indexer.results import SearchRequest

ROOT = Path(__file__).resolve().parent.parent

# The spelling rules' stored tables (indexer/analysis/stored.py) go to a folder of this run's
# own: each run works them out once and writes them, and never reads a file another left
# (xdist's workers inherit the folder their controller made).
if not os.environ.get("KHOJALY_SEARCH_TEST_TABLES"):
    _TABLES = tempfile.mkdtemp(prefix="khojaly-tables-")
    os.environ["KHOJALY_SEARCH_TEST_TABLES"] = _TABLES
    atexit.register(shutil.rmtree, _TABLES, ignore_errors=True)
os.environ["KHOJALY_SEARCH_CACHE_DIR"] = os.environ["KHOJALY_SEARCH_TEST_TABLES"]

SEED_CORPUS = ROOT / "corpus"
SEED_IDS = sorted(p.stem for p in SEED_CORPUS.glob("*.txt"))


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    return path


def engine_of(root: Path, texts: dict[str, str]):
    """An engine over an index built in `root` from documents given as id -> text."""
    docs = [{"id": k, "title": "Report", "text": v} for k, v in texts.items()]
    build_index(root / "index", jsonl=write_jsonl(root / "d.jsonl", docs))
    return open_engine(root / "index")


def found_ids(engine, q: str) -> set[str]:
    """The ids of the documents a query finds (the first 100)."""
    return {h.id for h in engine.search(SearchRequest(q=q, per_page=100)).hits}


def marked_archive(path: Path, n: int, marker: str) -> Path:
    """`n` English reports of 400 words, each starting with `marker`, as JSON Lines."""
    words = ["memorial", "village", "winter", "refugees", "survivors", "testimony"]
    rng = random.Random(n)
    docs = [
        {
            "id": f"{marker}{i}",
            "title": f"Report {i}",
            "text": f"{marker} " + " ".join(rng.choice(words) for _ in range(400)),
            "language": "en",
        }
        for i in range(n)
    ]
    return write_jsonl(path, docs)


def seeds_plus(root: Path, extra_docs: list[dict] = ()) -> Path:
    """An index in `root` of a copy of the seed corpus plus `extra_docs` (JSON Lines)."""
    shutil.copytree(SEED_CORPUS, root / "corpus")
    jsonl = write_jsonl(root / "extra.jsonl", list(extra_docs)) if extra_docs else None
    build_index(root / "index", corpus_dir=root / "corpus", jsonl=jsonl)
    return root / "index"


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> Path:
    """An index of the five seed documents, built once for the session."""
    return seeds_plus(tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="session")
def seed_engine(seed_index):
    return open_engine(seed_index)


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A private copy of the seed corpus that a test may change."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    return corpus


# -- the web app over a real index (API, UI) ------------------------------------------------

# A few documents beside the seeds, so that facets, languages, years and urls have variety.
SITE_DOCS = [
    {
        "id": "test-ru-1992",
        "title": "Трагедия в Ходжалы",
        "text": "Жители Ходжалы покинули город ночью 26 февраля 1992 года. "
        "Беженцы рассказали о погибших на дороге к Агдаму.",
        "publisher": "Известия",
        "published": "1992-03-03",
        "language": "ru",
    },
    {
        "id": "test-az-2012",
        "title": "Xocalı soyqırımının 20-ci ildönümü",
        "text": "Xocalı soyqırımının qurbanları Bakıda anıldı. "
        "Minlərlə insan Xocalı abidəsinə gül dəstələri qoydu.",
        "publisher": "AZERTAC",
        "published": "2012-02-25",
        "language": "az",
    },
    {
        "id": "test-en-1992",
        "title": "Refugees describe attack on Hojaly",
        "text": "Refugees from the town of Hojaly in Nagorno-Karabakh said on Friday that "
        "hundreds of civilians were killed as they fled across the mountains.",
        "publisher": "Reuters",
        "published": "1992-02-28",
        "url": "https://example.org/hojaly-refugees",
        "language": "en",
    },
]
SITE_IDS = sorted([*SEED_IDS, *(d["id"] for d in SITE_DOCS)])


@pytest.fixture(scope="session")
def site_index(tmp_path_factory) -> Path:
    """The seeds plus SITE_DOCS, indexed once for the session; what the web app serves in tests."""
    return seeds_plus(tmp_path_factory.mktemp("site"), SITE_DOCS)


@pytest.fixture(scope="session")
def app(site_index):
    from webapp import create_app

    return create_app({"TESTING": True, "INDEX": str(site_index)})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def api_client(app):
    """A test client that checks every /api response against the OpenAPI document."""
    from api_contract import ContractClient

    return ContractClient(app, app.response_class, use_cookies=False)


@pytest.fixture(scope="session")
def live_server(site_index):
    """`python -m flask --app webapp run` on a free port of 127.0.0.1; yields its base URL."""
    from servers import flask_command, running_server

    with running_server(flask_command, site_index) as base_url:
        yield base_url
