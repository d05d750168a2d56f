"""`python -m bench.copies`: measure the copy detector (indexer.index.copies) on generated copies.

Copies: an article republished with a few words changed, another headline, other page
furniture around it, and sometimes the last paragraph cut. Not copies: different articles on
the same subject that quote a paragraph of the other or reuse half of it as background.
Thresholds are tuned on one generator seed and judged on another (and on the seed corpus,
which was never tuned on).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from bench.corpus import Generator
from indexer.index import copies
from indexer.ingest.furniture import clean_text

ROOT = Path(__file__).resolve().parent.parent
FURNITURE = [
    ["Home | World | Sport | Economy", "Share this article", "Subscribe to our newsletter"],
    ["Main page > Region", "Print", "Font size: A A A"],
    ["Follow us on social media", "Most read today", "Comments (0)", "© 2024 All rights reserved"],
]


def variant(text: str, rnd: random.Random, edit_rate: float) -> str:
    """A republished copy: edited words, another headline and furniture, maybe a cut ending."""
    paras = [p for p in text.split("\n") if p.strip()]
    if len(paras) > 3 and rnd.random() < 0.5:
        paras = paras[:-1]
    words = " ".join(paras).split(" ")
    for i in range(len(words)):
        if rnd.random() < edit_rate:
            words[i] = rnd.choice(["the", "said", "reported", "on", "Monday", "officials"])
    furniture = rnd.choice(FURNITURE)
    return "\n".join(
        [f"Headline {rnd.randint(1, 999)}", *furniture[:2], " ".join(words), *furniture[2:]]
    )


def pairs(texts: list[str], rnd: random.Random, edit_rate: float):
    """(similarity, is_copy) for a copy of each text and for pairs of different texts, one
    of each such pair quoting a paragraph of the other."""
    sig = copies.signature
    for i, text in enumerate(texts):
        a = sig(clean_text(text) or text)
        b = sig(variant(text, rnd, edit_rate))
        if a is not None and b is not None:
            yield copies.similarity(a, b), True
        other = texts[(i + 1) % len(texts)]
        quote = rnd.choice([p for p in text.split("\n") if p.strip()] or [text])
        c = sig(other + "\n" + quote)
        if a is not None and c is not None:
            yield copies.similarity(a, c), False
        half = text.split(" ")  # a follow-up piece: half of it the earlier story's background
        d = sig(" ".join(other.split(" ")[: len(half) // 2] + half[len(half) // 2 :]))
        if a is not None and d is not None:
            yield copies.similarity(a, d), False


def generated(seed: int, n: int) -> list[str]:
    return [d["text"] for d in Generator(seed).documents(n)]


def seeds() -> list[str]:
    return [p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]


def scores(results, threshold: float) -> tuple[float, float]:
    """Recall on copies, false-positive rate on different articles."""
    pos = [s for s, copy in results if copy]
    neg = [s for s, copy in results if not copy]
    return sum(s >= threshold for s in pos) / len(pos), sum(s >= threshold for s in neg) / len(neg)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.copies")
    ap.add_argument("--docs", type=int, default=300)
    args = ap.parse_args(argv)
    sets = {
        "tuning (seed 1)": generated(1, args.docs),
        "held out (seed 2)": generated(2, args.docs),
        "held out (seed corpus)": seeds(),
    }
    for edit_rate in (0.02, 0.05, 0.10):
        print(f"\nwords edited per copy: {edit_rate:.0%}")
        results = {name: list(pairs(t, random.Random(7), edit_rate)) for name, t in sets.items()}
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
            cells = []
            for name, res in results.items():
                recall, fpr = scores(res, threshold)
                cells.append(f"{name}: recall {recall:.2f}, false {fpr:.2f}")
            mark = " <- used" if threshold == copies.THRESHOLD else ""
            print(f"  threshold {threshold:.1f}: " + "; ".join(cells) + mark)


if __name__ == "__main__":
    main()
