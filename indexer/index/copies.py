"""Copies of one text (an agency's story republished by many sites), found at build time.

Each document's clean text becomes a MinHash signature of its word shingles (datasketch);
LSH finds pairs whose estimated Jaccard similarity reaches THRESHOLD, and connected pairs form
a copy group. The threshold and shingle size were measured with `python -m bench copies`
on generated copies (small edits, other headlines and furniture, cut endings) against
different articles that share paragraphs; see bench/README.md.

Signatures are kept per index version (copies.npz), so an update computes only the changed
documents' signatures; groups are recomputed over all (copies.json: id -> group id).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 64
SCHEME = "affine32"  # 32-bit hash values: a signature is 64 × 4 bytes
SHINGLE = 4  # words per shingle
THRESHOLD = 0.5  # estimated Jaccard similarity of shingle sets
MIN_SHINGLES = 8  # shorter texts are too short to call copies
SIGNATURES = "copies.npz"
GROUPS = "copies.json"
WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray | None:
    """The MinHash of the text's word shingles (uint32 per permutation), None if too short."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in found])
    return minhash.hashvalues.astype(np.uint32)


def shingles(text: str) -> set[str]:
    words = WORD.findall(text.casefold())
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def text_similarity(a: str, b: str) -> float:
    """Exact Jaccard similarity of two texts' shingle sets (for a few documents at a time)."""
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


def group(signatures: dict[str, np.ndarray], threshold: float = THRESHOLD) -> dict[str, str]:
    """Document id -> copy group id (the group's smallest id), for documents with copies."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    ids = sorted(signatures)
    minhashes = {}
    for doc_id in ids:
        # LeanMinHash holds stored hash values without drawing the permutations again, which
        # a full MinHash does for each document (most of an update's time at 10,000 documents)
        minhashes[doc_id] = LeanMinHash(seed=1, hashvalues=signatures[doc_id], scheme=SCHEME)
        lsh.insert(doc_id, minhashes[doc_id])
    parent = {doc_id: doc_id for doc_id in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id in ids:
        for other in lsh.query(minhashes[doc_id]):
            if other != doc_id and similarity(signatures[doc_id], signatures[other]) >= threshold:
                a, b = root(doc_id), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = {}
    for doc_id in ids:
        members.setdefault(root(doc_id), []).append(doc_id)
    return {m: ms[0] for ms in members.values() if len(ms) > 1 for m in ms}


def load_signatures(version_dir: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(version_dir / SIGNATURES, allow_pickle=False) as data:
            return dict(zip(data["ids"].tolist(), data["signatures"], strict=True))
    except (OSError, KeyError, ValueError):
        return {}


def save(version_dir: Path, signatures: dict[str, np.ndarray]) -> dict[str, str]:
    """Write the signatures and the groups they make; returns the groups."""
    ids = sorted(signatures)
    matrix = np.array([signatures[i] for i in ids], dtype=np.uint32).reshape(len(ids), NUM_PERM)
    # New files replaced into place: the previous version's hard links keep the old ones.
    tmp = version_dir / (SIGNATURES + ".tmp")
    with open(tmp, "wb") as handle:
        np.savez(handle, ids=np.array(ids, dtype=str), signatures=matrix)
    tmp.replace(version_dir / SIGNATURES)
    groups = group(signatures)
    tmp = version_dir / (GROUPS + ".tmp")
    tmp.write_text(json.dumps(groups, ensure_ascii=False), encoding="utf-8")
    tmp.replace(version_dir / GROUPS)
    return groups


def load_groups(version_dir: Path) -> dict[str, str]:
    try:
        return json.loads((version_dir / GROUPS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
