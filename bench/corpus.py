"""A seeded, deterministic synthetic archive in JSON Lines (nothing is downloaded).

News-like documents of 400–800 words drawn from a Zipfian vocabulary, 25 publishers (Zipfian),
dates 1992–2025, 10% Russian, Turkish or Azerbaijani, and the archive's names in many spellings.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from bench.vocab import LANG_SHARE, NAME_RATE, NAMES, PHRASE_RATE, PHRASES, PUBLISHERS, make_words

GENERATOR_VERSION = 1
VOCAB_SIZE = {"en": 40_000, "ru": 8_000, "tr": 8_000, "az": 8_000}
FOREIGN_SPELLING_RATE = 0.05


def zipf_cdf(n: int, s: float = 1.07, q: float = 2.7) -> np.ndarray:
    """Cumulative Zipf–Mandelbrot probabilities over ranks 0..n-1."""
    weights = 1.0 / (np.arange(n) + q) ** s
    cdf = np.cumsum(weights)
    return cdf / cdf[-1]


class Generator:
    def __init__(self, seed: int = 1992):
        self.seed = seed
        self.vocab = {
            lang: np.array(make_words(lang, n, seed), dtype=object)
            for lang, n in VOCAB_SIZE.items()
        }
        self.cdf = {lang: zipf_cdf(n) for lang, n in VOCAB_SIZE.items()}
        self.publisher_cdf = zipf_cdf(len(PUBLISHERS), s=1.0, q=1.0)
        years = np.arange(1992, 2026)
        year_w = np.where((years <= 1994) | ((years >= 2020) & (years <= 2023)), 3.0, 1.0)
        self.years, self.year_p = years, year_w / year_w.sum()

    def spelling(self, rnd: random.Random, name: str, lang: str) -> str:
        if rnd.random() < FOREIGN_SPELLING_RATE:
            lang = rnd.choice(list(NAMES[name]))
        forms = NAMES[name][lang]
        return rnd.choices(forms, weights=[1 / (i + 1) ** 1.5 for i in range(len(forms))])[0]

    def words(self, rng: np.random.Generator, lang: str, n: int, head: int | None = None):
        cdf = self.cdf[lang] if head is None else self.cdf[lang][:head] / self.cdf[lang][head - 1]
        return list(self.vocab[lang][np.searchsorted(cdf, rng.random(n))])

    def document(self, i: int, rng: np.random.Generator, rnd: random.Random) -> dict:
        lang = rnd.choices(list(LANG_SHARE), weights=list(LANG_SHARE.values()))[0]
        words = self.words(rng, lang, rnd.randint(400, 800))
        for name, rate in NAME_RATE.items():
            if rnd.random() < rate:
                for _ in range(int(rng.geometric(0.5)) + rnd.randint(0, 1)):
                    words.insert(rnd.randrange(len(words)), self.spelling(rnd, name, lang))
        if rnd.random() < PHRASE_RATE:
            for phrase in rnd.sample(PHRASES, rnd.randint(1, 2)):
                text = phrase.format(**{k: self.spelling(rnd, k, lang) for k in NAMES})
                at = rnd.randrange(len(words))
                words[at:at] = text.split()
        title = self.words(rng, lang, rnd.randint(5, 10), head=3000)
        if rnd.random() < 0.5:
            title.insert(0, self.spelling(rnd, rnd.choice(["khojaly", "karabakh"]), lang))
        publisher = PUBLISHERS[int(np.searchsorted(self.publisher_cdf, rng.random()))]
        year = int(rng.choice(self.years, p=self.year_p))
        published = (
            str(year)
            if rnd.random() < 0.05
            else (f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}")
        )
        doc_id = f"doc-{i:07d}"
        return {
            "id": doc_id,
            "title": " ".join(w.capitalize() for w in title),
            "text": _sentences(words, rnd),
            "publisher": publisher,
            "published": published,
            "url": f"https://archive.example/{publisher.lower().replace(' ', '-')}/{doc_id}",
            "language": lang,
        }

    def documents(self, n: int) -> Iterator[dict]:
        rng = np.random.default_rng(self.seed)
        rnd = random.Random(self.seed)
        for i in range(n):
            yield self.document(i, rng, rnd)


def _sentences(words: list[str], rnd: random.Random) -> str:
    """Words cut into capitalised sentences of 8–20 words and paragraphs of 3–7 sentences."""
    paragraphs, sentences, i = [], [], 0
    while i < len(words):
        k = rnd.randint(8, 20)
        chunk = words[i : i + k]
        sentences.append(chunk[0][:1].upper() + chunk[0][1:] + " " + " ".join(chunk[1:]) + ".")
        i += k
        if len(sentences) >= rnd.randint(3, 7):
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def ensure_corpus(path: Path, docs: int, seed: int = 1992) -> dict:
    """Write the corpus to `path` unless an identical one is already there; returns its stamp."""
    stamp_path = path.with_suffix(".stamp.json")
    want = {"docs": docs, "seed": seed, "version": GENERATOR_VERSION}
    if path.exists() and stamp_path.exists():
        stamp = json.loads(stamp_path.read_text())
        if {k: stamp.get(k) for k in want} == want and stamp.get("sha256") == file_sha256(path):
            return stamp
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for doc in Generator(seed).documents(docs):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    tmp.replace(path)
    stamp = {**want, "bytes": path.stat().st_size, "sha256": file_sha256(path)}
    stamp_path.write_text(json.dumps(stamp, indent=1))
    return stamp


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
